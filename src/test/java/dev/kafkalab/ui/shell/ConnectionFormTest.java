package dev.kafkalab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.clients.Connection;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection form's fields become a connection; settings it has no field for ride along. */
class ConnectionFormTest {

    @TempDir
    Path dir;

    @Test
    void aClientCertificateReadFromAFileIsKeptThroughTheForm() {
        Connection read = new Connection("team", "k1:9093", Map.of("security.protocol", "SSL",
                "ssl.truststore.location", "/t.p12", "ssl.keystore.location", "/me.p12", "ssl.keystore.password", "kp"));
        Map<String, String> extra = ConnectionMenu.extras(read);
        assertEquals(Map.of("ssl.keystore.location", "/me.p12", "ssl.keystore.password", "kp"), extra);
        ConnectionMenu.Target t = new ConnectionMenu.Form("team", "k1:9093", "SSL", "PLAIN", "", "", "/t.p12", "",
                "", extra).target();
        assertEquals("/me.p12", t.connection().properties().get("ssl.keystore.location"));
        assertEquals("SSL", t.connection().securityProtocol());
        assertEquals("team", t.label());
    }

    @Test
    void aFormWithoutANameIsNamedByItsFirstServerAndBadFieldsSayWhy() {
        ConnectionMenu.Target t = new ConnectionMenu.Form(" ", "k1:9092,k2:9092", "PLAINTEXT", "PLAIN", "", "", "", "",
                "", Map.of()).target();
        assertEquals("k1:9092", t.connection().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConnectionMenu.Form("x",
                "k1:9092", "PLAINTEXT", "PLAIN", "", "", "", "", dir.resolve("none.properties").toString(), Map.of())
                .target());
        assertTrue(e.getMessage().startsWith("There is no broker commands file"), e.getMessage());
    }
}
