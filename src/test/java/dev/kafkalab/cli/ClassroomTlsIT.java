package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.app.Main;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.ConnectionCheck;
import dev.kafkalab.testkit.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class over TLS: {@code cluster --listen ... --keystore ...} with one broker (what TLS changes
 * is the listener, not the replication), a learner connecting with the truststore the server
 * wrote, and the one sentence for a client that does not trust the brokers' certificate.
 */
class ClassroomTlsIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void learnersLogInOverTlsWithTheTruststoreTheServerWrote() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "broker-secret", "-keypass", "broker-secret");
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "carol carol-secret\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        try (ChildJvm server = ChildJvm.start(Main.class.getName(), List.of("cluster", "--brokers", "1", "--data-dir",
                data.toString(), "--port", "0", "--listen", "127.0.0.1", "--class-port", "0", "--users", users.toString(),
                "--keystore", keystore.toString(), "--keystore-password", "broker-secret"))) {
            String classBootstrap = server.awaitOut(l -> l.startsWith("class.bootstrap.servers="), START,
                    "class.bootstrap.servers=").substring("class.bootstrap.servers=".length());
            server.awaitErr(l -> l.contains("(SASL_SSL, SCRAM-SHA-256); checked: carol logs in"), SHORT,
                    "the server's word that carol logs in over TLS");
            Path truststore = data.resolve("class").resolve("class-truststore.p12");
            assertTrue(Files.isRegularFile(truststore), "the server wrote the learners' truststore");
            String carolsFile = Files.readString(data.resolve("class").resolve("carol.properties"));
            assertTrue(carolsFile.contains("security.protocol=SASL_SSL") && carolsFile.contains("ssl.truststore.location="
                    + "class-truststore.p12"), carolsFile);

            Connection carol = Connection.of("class", classBootstrap, "SASL_SSL", "SCRAM-SHA-256", "carol", "carol-secret",
                    truststore.toString(), "kafka-lab");
            ConnectionCheck.Result ok = ConnectionCheck.run(carol);
            assertTrue(ok.ok(), ok.message());
            try (ClientFactory clients = new ClientFactory(carol)) {
                clients.actions().createTopics(List.of(new NewTopic("carol-secure", 1, (short) 1))).all()
                        .get(15, TimeUnit.SECONDS);
            }

            long t0 = System.nanoTime();
            ConnectionCheck.Result untrusted = ConnectionCheck.run(Connection.of("class", classBootstrap, "SASL_SSL",
                    "SCRAM-SHA-256", "carol", "carol-secret", null, null));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(untrusted.ok());
            assertTrue(untrusted.message().startsWith("The TLS handshake with " + classBootstrap + " failed"),
                    untrusted.message());
            assertTrue(ms < 10_000, "the failed handshake was told in " + ms + " ms");

            server.send("quit");
            assertEquals(0, server.exitCode(SHORT), server.err().toString());
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish: " + out);
        assertEquals(0, p.exitValue(), "keytool: " + out);
    }
}
