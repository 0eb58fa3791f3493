package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomTest {

    @TempDir
    Path dir;

    @Test
    void readsOneLearnerALineAndNamesTheLineOfABadOne() throws Exception {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, "# class of May\n\nalice  s3cret\nbob\tpw2\n");
        assertEquals(Map.of("alice", "s3cret", "bob", "pw2"), Classroom.readUsers(file));

        Files.writeString(file, "alice s3cret\nbob\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Classroom.readUsers(file));
        assertEquals(file + " line 2: expected 'name password' (two words), found 1 word(s).", e.getMessage());

        Files.writeString(file, "al-ice pw\n");
        e = assertThrows(IllegalArgumentException.class, () -> Classroom.readUsers(file));
        assertTrue(e.getMessage().startsWith(file + " line 1: 'al-ice' is not a learner name"), e.getMessage());

        Files.writeString(file, "alice a\nalice b\n");
        e = assertThrows(IllegalArgumentException.class, () -> Classroom.readUsers(file));
        assertEquals(file + " line 2: 'alice' is already on an earlier line.", e.getMessage());

        Files.writeString(file, "demo pw\n");
        e = assertThrows(IllegalArgumentException.class, () -> Classroom.readUsers(file));
        assertTrue(e.getMessage().contains("'demo' would own the shared demo- topics"), e.getMessage());

        Files.writeString(file, "carol pa\"ss\n");
        e = assertThrows(IllegalArgumentException.class, () -> Classroom.readUsers(file));
        assertTrue(e.getMessage().contains("a password may not contain"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new Classroom("127.0.0.1", 0, Map.of("alice", "a"), false,
                List.of("alice-orders"), null, null));
        assertTrue(e.getMessage().contains("is alice's own"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Classroom.readUsers(dir.resolve("none.txt")));
        assertTrue(e.getMessage().startsWith("There is no users file"), e.getMessage());
    }

    @Test
    void generatedLearnersAreKeptSoTheirPasswordsStayTheSame() throws Exception {
        Path file = dir.resolve("class-users.txt");
        Map<String, String> first = Classroom.generatedUsers(file, 3);
        assertEquals(List.of("learner01", "learner02", "learner03"), List.copyOf(first.keySet()));
        assertTrue(first.values().stream().allMatch(p -> p.length() == 10), first.toString());
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)), "the passwords are the instructor's to read only");
        }
        assertEquals(first, Classroom.generatedUsers(file, 5), "read back, not made again");
    }

    @Test
    void refusesAnAddressLearnersCannotConnectTo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Classroom.checkAddress("0.0.0.0"));
        assertTrue(e.getMessage().contains("nobody can connect to 0.0.0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classroom.checkAddress("192.0.2.77"));
        assertTrue(e.getMessage().contains("is not an address of this machine"), e.getMessage());
        assertEquals("127.0.0.1", Classroom.checkAddress("127.0.0.1"));
    }

    @Test
    void eachLearnerOwnsWhatTheirNameStartsAndEveryoneUsesTheSharedTopics() {
        Classroom c = new Classroom("127.0.0.1", 0, Map.of("alice", "a"), false, List.of("stock-prices"), null, null);
        var bindings = ClassroomAccess.bindings(c);
        assertTrue(bindings.stream().anyMatch(b -> b.pattern().resourceType() == ResourceType.TOPIC
                && b.pattern().name().equals("alice-") && b.pattern().patternType() == PatternType.PREFIXED
                && b.entry().principal().equals("User:alice") && b.entry().operation() == AclOperation.ALL));
        assertTrue(bindings.stream().anyMatch(b -> b.pattern().resourceType() == ResourceType.GROUP
                && b.pattern().name().equals("alice-")));
        assertTrue(bindings.stream().anyMatch(b -> b.pattern().resourceType() == ResourceType.TOPIC
                && b.pattern().name().equals("dlq.alice-") && b.pattern().patternType() == PatternType.PREFIXED
                && b.entry().principal().equals("User:alice")), "alice's share groups' dead-letter topics");
        assertTrue(bindings.stream().anyMatch(b -> b.pattern().name().equals("stock-prices")
                && b.pattern().patternType() == PatternType.LITERAL && b.entry().principal().equals("User:*")
                && b.entry().operation() == AclOperation.WRITE));
        assertFalse(bindings.stream().anyMatch(b -> b.entry().principal().equals("User:*")
                && (b.entry().operation() == AclOperation.DELETE || b.entry().operation() == AclOperation.ALL)),
                "nobody may delete a shared topic");
        assertFalse(bindings.stream().anyMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER),
                "no learner gets anything on the cluster");
    }

    @Test
    void brokersGetAClassListenerBesideTheirLoopbackOneAndEveryNodeTheAuthorizer() {
        Classroom c = new Classroom("192.168.1.20", 9092, Map.of("alice", "a"), false, List.of(), null, null);
        ClusterSpec spec = ClusterSpec.builder().dataDir(dir).classroom(c).build();
        Map<String, String> broker = NodeConfig.properties(spec, NodeRole.BROKER, 2, 40001, 9093, 40100, dir);
        assertEquals("PLAINTEXT://127.0.0.1:40001,CLASS://192.168.1.20:9093", broker.get("listeners"));
        assertEquals(broker.get("listeners"), broker.get("advertised.listeners"));
        assertEquals("PLAINTEXT", broker.get("inter.broker.listener.name"));
        assertEquals("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,CLASS:SASL_PLAINTEXT",
                broker.get("listener.security.protocol.map"));
        assertEquals("SCRAM-SHA-256", broker.get("listener.name.class.sasl.enabled.mechanisms"));
        assertEquals("User:ANONYMOUS", broker.get("super.users"));
        Map<String, String> controller = NodeConfig.properties(spec, NodeRole.CONTROLLER, 100, 40100, 0, 40100, dir);
        assertEquals("CONTROLLER://127.0.0.1:40100", controller.get("listeners"));
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", controller.get("authorizer.class.name"));

        Map<String, String> plain = NodeConfig.properties(ClusterSpec.builder().dataDir(dir).build(), NodeRole.BROKER, 1,
                9092, 0, 40100, dir);
        assertEquals("PLAINTEXT://127.0.0.1:9092", plain.get("listeners"));
        assertFalse(plain.containsKey("authorizer.class.name"), "without a class: no ACLs, as before");
    }

    @Test
    void withAKeystoreTheClassListenerSpeaksTls() {
        Classroom c = new Classroom("127.0.0.1", 0, Map.of("alice", "a"), false, List.of(), dir.resolve("ks.p12"), "pw");
        assertEquals("SASL_SSL", c.securityProtocol());
        assertEquals(dir.resolve("ks.p12").toString(), c.brokerListenerProperties().get("listener.name.class.ssl.keystore.location"));
        assertThrows(IllegalArgumentException.class, () -> new Classroom("127.0.0.1", 0, Map.of("a", "b"), false,
                List.of(), dir.resolve("ks.p12"), ""));
        String props = c.clientProperties("127.0.0.1:9092", "alice");
        assertTrue(props.contains("security.protocol=SASL_SSL\n") && props.contains("username=\"alice\" password=\"a\""),
                props);
    }
}
