package dev.kafkalab.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.clients.Connection;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void aPlaintextClusterGivesItsAddressOnlyAndWritesNoFile() {
        Path file = dir.resolve("client.properties");
        try (ClientFactory clients = new ClientFactory("127.0.0.1:9092");
                ProgramArguments arguments = new ProgramArguments(clients, file)) {
            assertEquals(List.of("127.0.0.1:9092"), arguments.get());
            assertFalse(Files.exists(file), "no settings, no file");
        }
    }

    @Test
    void aSecuredClusterGivesTheFileOfItsSettingsWhichKafkaCanRead() throws Exception {
        Path file = dir.resolve("sub").resolve("client.properties");
        Connection c = Connection.of("class", "10.0.0.5:9192", "SASL_PLAINTEXT", "SCRAM-SHA-256", "bob",
                "p=ss \"word\"", null, null);
        try (ClientFactory clients = new ClientFactory(c);
                ProgramArguments arguments = new ProgramArguments(clients, file)) {
            assertEquals(List.of("10.0.0.5:9192", file.toString()), arguments.get());
            Properties read = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                read.load(in);
            }
            assertEquals("SASL_PLAINTEXT", read.getProperty("security.protocol"));
            assertEquals("SCRAM-SHA-256", read.getProperty("sasl.mechanism"));
            assertEquals(Connection.jaas("SCRAM-SHA-256", "bob", "p=ss \"word\""), read.getProperty("sasl.jaas.config"),
                    "the login line survives the file's escaping");
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file)));
            }
        }
        assertFalse(Files.exists(file), "deleted on close");
        assertTrue(Files.isDirectory(file.getParent()));
    }
}
