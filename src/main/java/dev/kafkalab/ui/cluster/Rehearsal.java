package dev.kafkalab.ui.cluster;

import dev.kafkalab.cluster.NodeActions;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.monitor.ClusterEvents;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.topics.TopicOperations;
import dev.kafkalab.ui.common.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Plays a broker failure through an off-screen cluster screen just after the real cluster runs.
 *
 * <p>The first time JavaFX styles, lays out and draws a killed card, out-of-sync chips and a
 * timeline full of events, all of that code is cold: on a 2-core machine whose brokers are busy
 * electing leaders it held the FX thread for about 0.6 s at the first real kill of a session,
 * and never again. Running the same screens once on made-up snapshots, one small step per
 * pulse, moves that cost to the seconds after the start, before a learner kills anything. Not
 * during the start: the node JVMs run niced behind the window, and its CPU would delay them.
 */
public final class Rehearsal {

    private static final String TOPIC = "rehearsal";
    private static final int PARTITIONS = 12;
    private static final int ROUNDS = 3;

    private final List<ClusterSnapshot> acts = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private ClusterViewModel vm;
    private Scene scene;

    private Rehearsal() {
        acts.add(snapshot(NodeState.RUNNING, NodeState.RUNNING, NodeState.RUNNING));
        // Three times round: the JIT compiles a method after it has run often enough, not once.
        for (int round = 0; round < ROUNDS; round++) {
            acts.add(snapshot(NodeState.KILLED, NodeState.RUNNING, NodeState.RUNNING));
            acts.add(snapshot(NodeState.KILLED, NodeState.FROZEN, NodeState.RUNNING));
            acts.add(snapshot(NodeState.RUNNING, NodeState.RUNNING, NodeState.RUNNING));
        }
    }

    /** Starts the rehearsal on the FX thread; the future completes when the last act is drawn. */
    public static CompletableFuture<Void> start() {
        Rehearsal r = new Rehearsal();
        Platform.runLater(r::setUp);
        return r.done;
    }

    private void setUp() {
        NodeActions none = new NodeActions() {
            public CompletableFuture<Void> stop(int id) { return CompletableFuture.completedFuture(null); }
            public CompletableFuture<Void> kill(int id) { return CompletableFuture.completedFuture(null); }
            public CompletableFuture<Void> pause(int id) { return CompletableFuture.completedFuture(null); }
            public CompletableFuture<Void> resume(int id) { return CompletableFuture.completedFuture(null); }
            public CompletableFuture<Void> start(int id) { return CompletableFuture.completedFuture(null); }
        };
        TopicOperations noTopics = new TopicOperations() {
            public CompletableFuture<Void> create(dev.kafkalab.topics.TopicRequest r) {
                return CompletableFuture.completedFuture(null);
            }
            public CompletableFuture<Void> delete(String name) { return CompletableFuture.completedFuture(null); }
        };
        List<NodeStatus> nodes = new ArrayList<>();
        nodes.add(new NodeStatus(100, NodeRole.CONTROLLER, NodeState.RUNNING, 9091, 0, Path.of("controller.log"), null));
        for (int id = 1; id <= 3; id++) {
            nodes.add(new NodeStatus(id, NodeRole.BROKER, NodeState.RUNNING, 9091 + id, 0, Path.of("broker.log"), null));
        }
        vm = new ClusterViewModel(nodes, none, noTopics, "127.0.0.1:9092", Runnable::run);
        scene = new Scene(new ClusterScreen(vm), 1280, 760);
        Theme.apply(scene);
        vm.onSnapshot(acts.get(0));
        vm.selectedTopic().set(TOPIC);
        scene.snapshot(null);
        Platform.runLater(() -> act(1));
    }

    private void act(int index) {
        try {
            ClusterSnapshot before = acts.get(index - 1);
            ClusterSnapshot now = acts.get(index);
            for (NodeView n : now.nodes()) {
                vm.onNodeStatus(new NodeStatus(n.id(), n.role(), n.process(), n.port(), 0, Path.of("broker.log"), null));
            }
            ClusterEvents.between(before, now).forEach(vm::onEvent);
            vm.onSnapshot(now);
            scene.snapshot(null);
            if (index + 1 < acts.size()) {
                Platform.runLater(() -> act(index + 1));
            } else {
                scene = null;
                vm = null;
                done.complete(null);
            }
        } catch (RuntimeException e) {
            // A rehearsal that fails costs the first kill some speed, nothing else.
            org.slf4j.LoggerFactory.getLogger(Rehearsal.class).info("The cluster screen's rehearsal failed", e);
            done.completeExceptionally(e);
        }
    }

    /**
     * One made-up moment of a three-broker cluster, brokers 1..3 in the given states: every broker
     * not running is fenced, its leaderships moved to the next replica and its replicas out of the
     * ISR (where the ISR is down to one, the first replica shown as an eligible leader replica).
     */
    private static ClusterSnapshot snapshot(NodeState... brokers) {
        List<NodeView> nodes = new ArrayList<>();
        nodes.add(new NodeView(100, NodeRole.CONTROLLER, NodeState.RUNNING, 9091, true, false, true));
        java.util.Set<Integer> fenced = new java.util.HashSet<>();
        for (int id = 1; id <= 3; id++) {
            boolean down = brokers[id - 1] != NodeState.RUNNING;
            if (down) {
                fenced.add(id);
            }
            nodes.add(new NodeView(id, NodeRole.BROKER, brokers[id - 1], 9091 + id, true, down, false));
        }
        List<PartitionView> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            List<Integer> replicas = List.of(p % 3 + 1, (p + 1) % 3 + 1, (p + 2) % 3 + 1);
            List<Integer> isr = replicas.stream().filter(r -> !fenced.contains(r)).toList();
            List<Integer> elr = isr.size() < 2 ? List.of(replicas.get(0)) : List.of();
            int leader = isr.isEmpty() ? PartitionView.NO_LEADER : isr.get(0);
            long end = 40L + p;
            long behind = fenced.isEmpty() ? 0 : 7;
            Map<Integer, Long> ends = new java.util.TreeMap<>();
            for (int r : replicas) {
                ends.put(r, fenced.contains(r) ? end - 7 : end);
            }
            partitions.add(new PartitionView(TOPIC, p, leader, replicas, isr, elr, 0, end - behind, ends));
        }
        return new ClusterSnapshot(Instant.now(), nodes, List.of(new TopicView(TOPIC, false, partitions)), List.of(),
                List.of());
    }
}
