package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.clients.Connection;
import dev.kafkalab.cluster.BrokerCommands;
import dev.kafkalab.cluster.KafkaCluster;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.common.Os;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** On a remote cluster, a lab says up front which of its steps cannot run there, and why. */
class LabLimitsTest {

    private static Lab lab(String id) {
        return LabCatalog.load(Path.of("labs")).entries().stream().filter(LabCatalog.Entry::ok)
                .map(LabCatalog.Entry::lab).filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFailoverLabNeedsCommandsToKillAndStartBrokers() {
        Lab failover = lab("03-replication-failover");
        assertTrue(failover.brokerVerbs().contains("kill"), failover.brokerVerbs().toString());
        String said = LabLimits.cannotRun(failover, new Remote(BrokerCommands.none())).orElseThrow();
        assertTrue(said.startsWith("Some steps of this lab must "), said);
        assertTrue(said.contains("kill"), said);

        Map<String, String> all = Map.of("stop", "x", "kill", "x", "pause", "x", "resume", "x", "start", "x");
        assertEquals(Optional.empty(), LabLimits.cannotRun(failover, new Remote(new BrokerCommands(all,
                Duration.ofSeconds(1), Os.LINUX))), "with a command for each action, every step can run");
        assertEquals(Optional.empty(), LabLimits.cannotRun(lab("01-first-contact"), new Remote(BrokerCommands.none())),
                "a lab over the protocol only runs anywhere");
    }

    @Test
    void theDurabilityDemoNeedsThisMachinesCluster() {
        Lab durability = lab("05-durability-acks");
        assertTrue(durability.needsOwnCluster());
        Map<String, String> all = Map.of("stop", "x", "kill", "x", "pause", "x", "resume", "x", "start", "x");
        String said = LabLimits.cannotRun(durability, new Remote(new BrokerCommands(all, Duration.ofSeconds(1),
                Os.LINUX))).orElseThrow();
        assertTrue(said.startsWith("Its durability demo runs on this machine's cluster only"), said);
    }

    /** A remote cluster of three brokers with these commands. */
    private static final class Remote implements KafkaCluster {
        private final BrokerCommands commands;

        Remote(BrokerCommands commands) {
            this.commands = commands;
        }

        @Override
        public String whyNot(String verb, int id) {
            return commands.command(verb, id).isPresent() ? null : "no command";
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public List<Integer> brokerIds() {
            return List.of(1, 2, 3);
        }

        @Override
        public CompletableFuture<Void> start() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Connection connection() {
            return new Connection("remote", "k:9092", Map.of());
        }

        @Override
        public List<NodeStatus> nodes() {
            return List.of();
        }

        @Override
        public NodeStatus node(int id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addListener(Consumer<NodeStatus> listener) {
        }

        @Override
        public void removeListener(Consumer<NodeStatus> listener) {
        }

        @Override
        public List<String> notes() {
            return List.of();
        }

        @Override
        public Map<Integer, Map<TopicPartition, Long>> logEndOffsets() {
            return Map.of();
        }

        @Override
        public Map<Integer, Map<TopicPartition, Long>> lastSeenLogEndOffsets() {
            return Map.of();
        }

        @Override
        public void beforeStopAtExit(Runnable task) {
        }

        @Override
        public CompletableFuture<Void> stop(int id) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> kill(int id) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> pause(int id) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> resume(int id) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> start(int id) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }
}
