package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster that cannot start says which node failed and where its log is, and leaves nothing. */
class StartFailureIT {

    @TempDir
    Path dataDir;

    @Test
    void aNodeThatCannotStartIsNamedWithItsLogAndNothingIsLeftRunning() throws Exception {
        ClusterSpec spec = ClusterSpec.builder().dataDir(dataDir).firstBrokerPort(0)
                .controllerJvmFlags(List.of("-Xmx1k")).build();
        try (LocalCluster cluster = new LocalCluster(spec)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> cluster.start().get(120, TimeUnit.SECONDS));
            ClusterException cause = assertInstanceOf(ClusterException.class, failure.getCause());
            Path log = dataDir.resolve("logs").resolve("controller-100.log");
            assertTrue(cause.getMessage().startsWith("Controller stopped before it was ready (exit code 1): its log ends"
                    + " with \""), cause.getMessage());
            assertTrue(cause.getMessage().contains("Too small maximum heap"),
                    "the message quotes the last thing the node's log says: " + cause.getMessage());
            assertTrue(cause.getMessage().endsWith(". Its log: " + log), cause.getMessage());
            assertFalse(cause.getMessage().contains("\n"), "one sentence, no log lines: " + cause.getMessage());
            for (NodeStatus node : cluster.nodes()) {
                if (node.pid() > 0) {
                    ProcessHandle.of(node.pid()).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
                }
            }
            assertEquals(List.of(), cluster.livePids(), "node processes left after a failed start");
        }
        // The data directory's lock was released: a good spec starts on it at once.
        ClusterSpec good = ClusterSpec.builder().dataDir(dataDir).firstBrokerPort(0).build();
        try (LocalCluster cluster = new LocalCluster(good)) {
            cluster.start().get(120, TimeUnit.SECONDS);
            assertEquals(4, cluster.livePids().size());
        }
    }
}
