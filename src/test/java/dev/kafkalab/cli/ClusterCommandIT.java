package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.app.Main;
import dev.kafkalab.testkit.ChildJvm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafka-lab cluster} as a learner uses it: in its own JVM, with Kafka's own CLI tools
 * pointed at it, and killed with -9 at the end, which must leave no broker behind.
 */
class ClusterCommandIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void runsTheClusterForKafkasOwnToolsAndLeavesNothingWhenKilled() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = squatter.getLocalPort();
            try (ChildJvm app = ChildJvm.start(Main.class.getName(),
                    List.of("cluster", "--data-dir", dataDir.toString(), "--port", Integer.toString(taken)))) {
                String bootstrap = app.awaitOut(l -> l.startsWith("bootstrap.servers="), START, "bootstrap.servers=")
                        .substring("bootstrap.servers=".length());
                app.awaitErr(l -> l.equals("note: Port " + taken + " is in use by another program; broker 1 listens on "
                        + bootstrap.split(",")[0].split(":")[1] + " instead."), SHORT, "the note about the taken port");
                int firstPort = Integer.parseInt(bootstrap.split(",")[0].split(":")[1]);

                secondAppOnTheSameDataIsRefused(bootstrap);
                badCommandsGetOneLineErrors(app);
                kafkasOwnToolsWork(app, firstPort);

                app.send("pause 3");
                app.awaitOut(l -> l.equals("ok: broker 3 frozen"), SHORT, "broker 3 frozen");
                int mark = app.out().size();
                app.send("status");
                app.awaitOutAfter(mark, l -> l.startsWith("partitions:"), SHORT, "status summary");
                List<Long> pids = new ArrayList<>();
                for (String line : app.out().subList(mark, app.out().size())) {
                    Matcher m = PID.matcher(line);
                    if (m.find()) {
                        pids.add(Long.parseLong(m.group(1)));
                    }
                }
                assertEquals(4, pids.size(), "status shows the controller and 3 brokers with pids: " + app.out());

                // kill -9 of the app: the nodes see their stdin close and exit, the frozen one too.
                app.process().destroyForcibly().waitFor();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                List<Long> alive = pids;
                while (System.nanoTime() < deadline) {
                    alive = pids.stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                            .toList();
                    if (alive.isEmpty()) {
                        break;
                    }
                    ProcessHandle.of(alive.get(0)).ifPresent(h -> h.onExit().orTimeout(1, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(t -> h).join());
                }
                assertEquals(List.of(), alive, "node processes still alive 20 s after the app was killed with -9");
            }
        }
    }

    private void secondAppOnTheSameDataIsRefused(String bootstrap) throws Exception {
        try (ChildJvm second = ChildJvm.start(Main.class.getName(),
                List.of("cluster", "--data-dir", dataDir.toString(), "--port", "0"))) {
            assertEquals(1, second.exitCode(SHORT));
            String expected = "error: Another Kafka Lab is already running a cluster with the data in "
                    + dataDir.toAbsolutePath().normalize() + ". Close it first, or use another data directory; or work"
                    + " with it from here: Connection > Connect to a cluster..., bootstrap servers " + bootstrap
                    + ", PLAINTEXT (this machine's listener: full control of its topics and groups; its brokers stay the"
                    + " other app's to stop).";
            assertTrue(second.err().contains(expected), "expected <" + expected + "> in " + second.err());
        }
    }

    private void badCommandsGetOneLineErrors(ChildJvm app) throws Exception {
        app.send("frobnicate 2");
        app.awaitOut(l -> l.startsWith("error: unknown command 'frobnicate'"), SHORT, "unknown command error");
        app.send("kill 9");
        app.awaitOut(l -> l.equals("error: There is no node 9: brokers are 1, 2, 3 and the controller is 100."), SHORT,
                "no node 9 error");
        app.send("stop");
        app.awaitOut(l -> l.equals("error: 'stop' takes one node id, e.g. 'stop 2'"), SHORT, "missing id error");
        app.send("stop 2");
        app.awaitOut(l -> l.equals("ok: broker 2 stopped"), SHORT, "broker 2 stopped");
        app.send("kill 2");
        app.awaitOut(l -> l.equals("error: Broker 2 is not running (stopped): nothing to kill."), SHORT,
                "refusal to kill a stopped broker");
        app.send("start 2");
        app.awaitOut(l -> l.equals("ok: broker 2 running"), START, "broker 2 running again");
        app.awaitOut(l -> l.contains("BROKER_UNFENCED broker 2"), SHORT, "broker 2 unfenced event");
    }

    private void kafkasOwnToolsWork(ChildJvm app, int port) throws Exception {
        String server = "localhost:" + port;
        try (ChildJvm create = ChildJvm.kafkaTool("org.apache.kafka.tools.TopicCommand", List.of("--bootstrap-server",
                server, "--create", "--topic", "my-failsafe-topic", "--partitions", "3", "--replication-factor", "3"))) {
            assertEquals(0, create.exitCode(SHORT), create.err().toString());
            assertTrue(create.out().contains("Created topic my-failsafe-topic."), create.out().toString());
        }
        app.awaitOut(l -> l.contains("TOPIC_CREATED topic my-failsafe-topic created: 3 partitions, RF 3"), SHORT,
                "the topic-created event");
        try (ChildJvm describe = ChildJvm.kafkaTool("org.apache.kafka.tools.TopicCommand", List.of("--bootstrap-server",
                server, "--describe", "--topic", "my-failsafe-topic"))) {
            assertEquals(0, describe.exitCode(SHORT), describe.err().toString());
            assertTrue(describe.out().stream().anyMatch(l -> l.contains("ReplicationFactor: 3")), describe.out().toString());
            assertEquals(3, describe.out().stream().filter(l -> l.contains("Isr:")).count(), describe.out().toString());
        }
        try (ChildJvm producer = ChildJvm.kafkaTool("org.apache.kafka.tools.ConsoleProducer", List.of("--bootstrap-server",
                server, "--topic", "my-failsafe-topic"))) {
            producer.send("hello");
            producer.send("kafka lab");
            producer.closeStdin();
            assertEquals(0, producer.exitCode(SHORT), producer.err().toString());
        }
        try (ChildJvm consumer = ChildJvm.kafkaTool("org.apache.kafka.tools.consumer.ConsoleConsumer", List.of(
                "--bootstrap-server", server, "--topic", "my-failsafe-topic", "--from-beginning", "--max-messages", "2"))) {
            assertEquals(0, consumer.exitCode(SHORT), consumer.err().toString());
            assertEquals(List.of("hello", "kafka lab"), consumer.out().stream().sorted().toList());
        }
    }

    @Test
    void aBadSpecIsRefusedWithTheFieldNamed() throws Exception {
        try (ChildJvm app = ChildJvm.start(Main.class.getName(), List.of("cluster", "--brokers", "0", "--data-dir",
                Files.createTempDirectory(dataDir, "x").toString()))) {
            assertEquals(2, app.exitCode(SHORT));
            assertEquals("error: brokers must be between 1 and 9, was 0", app.err().get(0));
        }
    }
}
