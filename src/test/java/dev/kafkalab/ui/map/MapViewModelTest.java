package dev.kafkalab.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.NodeActions;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.topics.TopicOperations;
import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.map.MapModel.Look;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The map's view model on the cluster screen's, with hand-made snapshots and a direct executor: no toolkit. */
class MapViewModelTest {

    private final NodeActions actions = new NodeActions() {
        public CompletableFuture<Void> stop(int id) { return new CompletableFuture<>(); }
        public CompletableFuture<Void> kill(int id) { return new CompletableFuture<>(); }
        public CompletableFuture<Void> pause(int id) { return new CompletableFuture<>(); }
        public CompletableFuture<Void> resume(int id) { return new CompletableFuture<>(); }
        public CompletableFuture<Void> start(int id) { return new CompletableFuture<>(); }
    };
    private final TopicOperations topics = new TopicOperations() {
        public CompletableFuture<Void> create(TopicRequest r) { return CompletableFuture.completedFuture(null); }
        public CompletableFuture<Void> delete(String name) { return CompletableFuture.completedFuture(null); }
    };
    private final ClusterViewModel cluster = new ClusterViewModel(List.of(status(100, NodeRole.CONTROLLER, NodeState.RUNNING),
            status(1, NodeRole.BROKER, NodeState.RUNNING), status(2, NodeRole.BROKER, NodeState.RUNNING),
            status(3, NodeRole.BROKER, NodeState.RUNNING)), actions, topics, "127.0.0.1:9092", Runnable::run);
    private final MapViewModel map = new MapViewModel(cluster, List::of);
    private final List<List<MapChange>> heard = new ArrayList<>();

    @Test
    void aKilledBrokerIsDarkBeforeAnySnapshotSaysSo() {
        map.topic().set("orders");
        cluster.onSnapshot(snapshot(1, 0));
        assertEquals(Look.RUNNING, map.model().get().column(3).orElseThrow().look());

        cluster.onNodeStatus(status(3, NodeRole.BROKER, NodeState.KILLED));

        assertEquals(Look.KILLED, map.model().get().column(3).orElseThrow().look(), "from the process, at once");
    }

    @Test
    void aHiddenMapDrawsNothingAndShownAgainDrawsTheNewestWithoutReplayingIt() {
        map.topic().set("orders");
        cluster.onSnapshot(snapshot(1, 0));
        map.onChanges(heard::add);
        map.active().set(false);

        cluster.onSnapshot(snapshot(2, 1));
        assertEquals(Integer.valueOf(1), map.model().get().leader(0).orElseThrow(), "hidden: still the old picture");
        assertTrue(heard.isEmpty(), "nothing drawn while hidden");

        map.active().set(true);
        assertEquals(Integer.valueOf(2), map.model().get().leader(0).orElseThrow(), "shown: the newest");
        assertEquals(List.of(List.of()), heard, "drawn once, with no leader-move animation for what happened unseen");

        cluster.onSnapshot(snapshot(3, 2));
        assertEquals(List.of(new MapChange.LeaderMoved(0, 2, java.util.Optional.of(3))), heard.get(1));
    }

    private static ClusterSnapshot snapshot(int leader, int second) {
        List<NodeView> nodes = List.of(new NodeView(100, NodeRole.CONTROLLER, NodeState.RUNNING, 9093, false, false, true),
                broker(1), broker(2), broker(3));
        PartitionView p = new PartitionView("orders", 0, leader, List.of(1, 2, 3), List.of(1, 2, 3), List.of(), 0, 5,
                Map.of(1, 5L, 2, 5L, 3, 5L));
        return new ClusterSnapshot(Instant.parse("2026-12-03T10:00:00Z").plusSeconds(second), nodes,
                List.of(new TopicView("orders", false, List.of(p))), List.of(), List.of());
    }

    private static NodeView broker(int id) {
        return new NodeView(id, NodeRole.BROKER, NodeState.RUNNING, 9090 + id, true, false, false);
    }

    private static NodeStatus status(int id, NodeRole role, NodeState state) {
        return new NodeStatus(id, role, state, 9091 + id, 1000 + id, Path.of("x.log"), null);
    }
}
