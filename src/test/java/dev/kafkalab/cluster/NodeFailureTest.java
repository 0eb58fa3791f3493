package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node that failed to start is reported in one sentence per cause: what happened (and who
 * holds what it needed, when the platform can tell), what to do, and the log's path; never its
 * stack frames.
 */
class NodeFailureTest {

    private static final Path LOG = Path.of("/data/logs/broker-1.log");

    /** Owners as a Linux machine would tell them. */
    private static final NodeFailure.Owners KNOWN = new NodeFailure.Owners() {
        @Override
        public Optional<String> ofPort(int port) {
            return Optional.of("java (pid 4242), a Kafka Lab node");
        }

        @Override
        public Optional<String> ofLock(Path lockFile) {
            return lockFile.equals(Path.of("/data/broker-1/data/.lock")) ? Optional.of("java (pid 4243), a Kafka Lab node")
                    : Optional.empty();
        }
    };

    private static final NodeFailure.Owners UNKNOWN = new NodeFailure.Owners() {
        @Override
        public Optional<String> ofPort(int port) {
            return Optional.empty();
        }

        @Override
        public Optional<String> ofLock(Path lockFile) {
            return Optional.empty();
        }
    };

    @Test
    void aPortInUseNamesTheProcessThatHasIt() {
        List<String> tail = List.of("ERROR Exiting Kafka due to fatal exception",
                "org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:9092: Address already in use.",
                "\tat kafka.network.Acceptor.openServerSocket(SocketServer.scala:700)");

        assertEquals("Broker 1 could not listen on port 9092: it is in use by java (pid 4242), a Kafka Lab node. Close"
                + " that program, or start the cluster on other ports. Its log: " + LOG,
                NodeFailure.explain("broker 1", 1, tail, 9092, LOG, KNOWN));
        assertEquals("Broker 1 could not listen on port 9092: another program uses it. Close that program, or start the"
                + " cluster on other ports. Its log: " + LOG, NodeFailure.explain("broker 1", 1, tail, 9092, LOG, UNKNOWN));
    }

    @Test
    void aLockedLogDirectoryNamesThePidThatHoldsIt() {
        List<String> tail = List.of("ERROR Failed to acquire lock on file .lock in /data/broker-1/data. A Kafka instance"
                + " in another process or thread is using this directory. (kafka.log.LogManager)",
                "\tat org.apache.kafka.storage.internals.log.LogManager.lockLogDirs(LogManager.java:254)");

        assertEquals("Broker 1 could not lock its log directory /data/broker-1/data: java (pid 4243), a Kafka Lab node"
                + " holds it. End that process (a node an earlier run left?), then start again. Its log: " + LOG,
                NodeFailure.explain("broker 1", 1, tail, 9092, LOG, KNOWN));
    }

    @Test
    void aFullDiskSaysWhereToFreeSpace() {
        assertEquals("Broker 1 ran out of disk space. Free some space on the disk that holds /data/logs, then start"
                + " again. Its log: " + LOG, NodeFailure.explain("broker 1", 1,
                        List.of("java.io.IOException: No space left on device", "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)"),
                        9092, LOG, KNOWN));
    }

    @Test
    void aStorageThatCannotBeFormattedSaysHowToStartAfresh() {
        assertEquals("Controller could not format its storage; the cluster's data may be damaged: start it with a"
                + " fresh data directory (the cluster command's --reset). Its log: " + LOG,
                NodeFailure.explain("controller", 3, List.of("storage format failed: java.lang.RuntimeException: bad id"),
                        0, LOG, KNOWN));
    }

    @Test
    void anyOtherFailureQuotesTheLastMessageNotItsStackFrames() {
        List<String> tail = List.of("=== Kafka Lab starts broker 1 at 2026-12-02T13:00:00Z ===",
                "java.lang.IllegalStateException: something new went wrong",
                "\tat kafka.server.KafkaServer.startup(KafkaServer.scala:1)", "\t... 3 more", "");

        assertEquals("Broker 1 stopped before it was ready (exit code 1): its log ends with \"java.lang.IllegalStateException:"
                + " something new went wrong\". Its log: " + LOG, NodeFailure.explain("broker 1", 1, tail, 9092, LOG, KNOWN));
        assertEquals("Broker 1 stopped before it was ready. Its log: " + LOG,
                NodeFailure.explain("broker 1", null, List.of(), 9092, LOG, KNOWN));
    }

    @Test
    void aLongLastLineIsShortened() {
        String line = "x".repeat(300);

        assertEquals(Optional.of("x".repeat(159) + "…"), NodeFailure.lastSaid(List.of(line)));
    }
}
