package dev.kafkalab.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.common.Keyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {

    @TempDir
    Path dir;

    private static Connection scram() {
        return Connection.of("class", "kafka.example:9092", "SASL_SSL", "SCRAM-SHA-512", "alice", "pa\"ss", "/tmp/ts.p12",
                "tspw");
    }

    @Test
    void aFormBecomesClientPropertiesAndKeepsItsSecretsOutOfMessages() {
        Connection c = scram();
        assertEquals("SASL_SSL", c.properties().get("security.protocol"));
        assertEquals("SCRAM-SHA-512", c.properties().get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\""
                + " password=\"pa\\\"ss\";", c.properties().get("sasl.jaas.config"));
        assertEquals("alice", c.user());
        assertEquals("pa\"ss", c.password());
        assertEquals("class (kafka.example:9092, SASL_SSL, as alice)", c.describe());
        assertFalse(c.toString().contains("pa"), "no password in what is logged: " + c);
        Connection bare = c.withoutSecrets();
        assertEquals("", bare.password());
        assertEquals("tspw", bare.properties().get("ssl.truststore.password"),
                "a truststore's password guards public certificates only: kept, or the truststore cannot be read");
        assertEquals("pa\"ss", bare.withPassword("pa\"ss").password());
    }

    @Test
    void badServersAndProtocolsAreRefusedInOneSentence() {
        assertEquals("'kafka.example' is not host:port; bootstrap servers look like kafka1.example.com:9092,"
                + "kafka2.example.com:9092.", assertThrows(IllegalArgumentException.class,
                        () -> Connection.of("x", "kafka.example", "PLAINTEXT", null, null, null, null, null)).getMessage());
        assertEquals("'k:99999': the port must be a number from 1 to 65535.", assertThrows(IllegalArgumentException.class,
                () -> Connection.of("x", "k:99999", "PLAINTEXT", null, null, null, null, null)).getMessage());
        assertEquals("SASL_PLAINTEXT logs in: give a user name and password.", assertThrows(IllegalArgumentException.class,
                () -> Connection.of("x", "k:9092", "SASL_PLAINTEXT", "PLAIN", " ", "pw", null, null)).getMessage());
    }

    @Test
    void readsAClientPropertiesFileAsKafkasToolsTakeIt() throws Exception {
        Path file = dir.resolve("team-dev.properties");
        Files.writeString(file, "bootstrap.servers=k1:9092,k2:9092\nsecurity.protocol=SASL_PLAINTEXT\n"
                + "sasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"bob\" password=\"pw\";\n");
        Connection c = Connection.fromFile(file);
        assertEquals("team-dev", c.name());
        assertEquals("k1:9092,k2:9092", c.bootstrapServers());
        assertEquals("bob", c.user());
        assertFalse(c.properties().containsKey("bootstrap.servers"));
        Files.writeString(file, "security.protocol=SSL\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Connection.fromFile(file)).getMessage()
                .endsWith("does not say bootstrap.servers=host:port,..."));
    }

    @Test
    void eachFailureGetsItsOwnSentence() {
        Connection c = scram();
        assertTrue(ConnectionCheck.explain(c, new SaslAuthenticationException("Authentication failed during"
                + " authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"))
                .startsWith("The cluster refused the login of alice: wrong user name or password"));
        assertTrue(ConnectionCheck.explain(c, new SslAuthenticationException("SSL handshake failed"))
                .startsWith("The TLS handshake with kafka.example:9092 failed (SSL handshake failed): check that the"
                        + " truststore"));
        assertTrue(ConnectionCheck.explain(c, new ClusterAuthorizationException("Cluster authorization failed."))
                .startsWith("Logged in as alice, but not authorised to describe the cluster"));
        assertTrue(ConnectionCheck.explain(c, new java.util.concurrent.ExecutionException(new TimeoutException("t")))
                .contains("is the security protocol right (SASL_SSL)?"));
    }

    @Test
    void aWrongBootstrapIsNamedWithoutWaitingForKafka() {
        String nowhere = ConnectionCheck.reach(java.util.List.of("no-such-host.invalid:9092"));
        assertTrue(nowhere.startsWith("Cannot reach the cluster: no-such-host.invalid is not a known host name."),
                nowhere);
    }

    @Test
    void recentConnectionsKeepNoPasswordUnlessAskedAndThenInTheKeyring() {
        FakeKeyring keyring = new FakeKeyring();
        RecentConnections recent = new RecentConnections(dir.resolve("connections.properties"), keyring);
        assertEquals("not kept", recent.remember(scram(), null, false));
        RecentConnections.Entry e = recent.list().get(0);
        assertEquals("", recent.withPassword(e).password(), "not asked: not kept anywhere");
        assertEquals("alice", e.connection().user());

        assertEquals("the fake keyring", recent.remember(scram(), dir.resolve("cmds.properties"), true));
        e = recent.list().get(0);
        assertEquals(1, recent.list().size(), "one entry per name");
        assertEquals("", e.connection().password(), "the file has no password");
        assertEquals("pa\"ss", recent.withPassword(e).password(), "the keyring has it");
        assertEquals(dir.resolve("cmds.properties"), e.brokerCommands());

        RecentConnections noKeyring = new RecentConnections(dir.resolve("other.properties"), new Keyring.None());
        assertTrue(noKeyring.remember(scram(), null, true).contains("readable by you only"));
        assertEquals("pa\"ss", noKeyring.list().get(0).connection().password());
    }

    private static final class FakeKeyring implements Keyring {
        private final Map<String, String> kept = new HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String name() {
            return "the fake keyring";
        }

        @Override
        public boolean store(String account, String password) {
            kept.put(account, password);
            return true;
        }

        @Override
        public Optional<String> lookup(String account) {
            return Optional.ofNullable(kept.get(account));
        }

        @Override
        public void forget(String account) {
            kept.remove(account);
        }
    }
}
