package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.app.Main;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafka-lab cluster} killed with -9 and started again at once, on the same data: the new
 * run ends the node JVMs the old one left (one of them frozen, so that it cannot end by itself),
 * says so, comes up on ports 9092-9094, and keeps the data.
 */
class CrashRestartIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String BOOTSTRAP = "bootstrap.servers=127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094";

    @TempDir
    Path dataDir;

    @Test
    void anImmediateRestartAfterKillMinus9ComesUpOnItsPortsWithItsData() throws Exception {
        List<String> args = List.of("cluster", "--data-dir", dataDir.toString());
        List<Long> oldNodes;
        long stuck;
        try (ChildJvm first = ChildJvm.start(Main.class.getName(), args)) {
            first.awaitOut(l -> l.equals(BOOTSTRAP), START, BOOTSTRAP);
            try (Admin admin = new ClientFactory("127.0.0.1:9092").admin(ClientFactory.Profile.BULK, "crash-restart-it")) {
                admin.createTopics(List.of(new NewTopic("kept-through-a-crash", 3, (short) 3))).all()
                        .get(60, TimeUnit.SECONDS);
            }
            oldNodes = first.process().descendants().map(ProcessHandle::pid).toList();
            assertEquals(4, oldNodes.size(), "the controller and three brokers: " + oldNodes);
            // One node frozen behind the app's back: it cannot see the app go, and would hold its
            // port and log directory for ever, as a node stuck in a crash does.
            stuck = oldNodes.get(oldNodes.size() - 1);
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(stuck)).start().waitFor());
            first.process().destroyForcibly().waitFor();
        }
        // At once: the old nodes are still ending, and hold their ports and log directories.
        try (ChildJvm second = ChildJvm.start(Main.class.getName(), args)) {
            second.awaitErr(l -> l.startsWith("note: Ended ") && l.contains(" node JVM(s) an earlier run of Kafka Lab left"
                    + " running (") && l.contains("pid " + stuck), START, "the note that the stuck node was ended");
            second.awaitOut(l -> l.equals(BOOTSTRAP), START, BOOTSTRAP + " after the restart");
            for (long pid : oldNodes) {
                assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "old node " + pid + " still runs");
            }
            try (Admin admin = new ClientFactory("127.0.0.1:9092").admin(ClientFactory.Profile.BULK, "crash-restart-it")) {
                assertTrue(admin.listTopics().names().get(60, TimeUnit.SECONDS).contains("kept-through-a-crash"),
                        "the topic made before the crash is there");
            }
            second.send("quit");
            assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "the second run ends on quit");
        }
    }
}
