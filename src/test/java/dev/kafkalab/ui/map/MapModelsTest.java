package dev.kafkalab.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.ui.map.MapModel.Look;
import dev.kafkalab.ui.map.MapModel.Role;
import dev.kafkalab.ui.map.MapModel.Tile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The map's model and its changes, from snapshots made by hand: what the view draws and animates. */
class MapModelsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final List<Integer> ALL = List.of(1, 2, 3);

    @Test
    void aTileCarriesItsPartitionsLastStableOffsetAndSaysWhenATransactionHoldsReadersBack() {
        PartitionView open = new PartitionView("orders", 0, 1, ALL, ALL, List.of(), 0, 8, Map.of(1, 8L, 2, 8L, 3, 8L),
                Map.of(), 5);
        MapModel m = map(snapshot(T0, running(), List.of(open)));

        Tile leader = m.tile(1, 0).orElseThrow();
        assertEquals(5, leader.lastStable());
        assertTrue(leader.transactionOpen());
        assertTrue(TileView.describe(leader).contains("last stable offset 5: a transaction is open"),
                TileView.describe(leader));
        Tile settled = new Tile(0, 1, Role.LEADER, 8, 8, 0, 0, false, 8);
        assertFalse(settled.transactionOpen());
        assertFalse(TileView.describe(settled).contains("last stable"), TileView.describe(settled));
    }

    @Test
    void eachBrokerHoldsATilePerReplicaFilledToItsLogEndAgainstTheLongestLog() {
        MapModel m = map(snapshot(T0, running(), List.of(partition(0, 1, ALL, 100, 100, 100, 100),
                partition(1, 2, ALL, 50, 50, 50, 40))));

        assertEquals(List.of(100, 1, 2, 3), m.columns().stream().map(MapModel.Column::id).toList(),
                "the controller first, then the brokers");
        assertEquals("registered 1, 2, 3", m.columns().get(0).note());
        assertEquals(100, m.scale());
        assertEquals(new Tile(0, 1, Role.LEADER, 100, 100, 0, 0, false, 100), m.tile(1, 0).orElseThrow());
        assertEquals(new Tile(1, 3, Role.IN_SYNC, 40, 50, 0, 10, false, 50), m.tile(3, 1).orElseThrow(),
                "a follower 10 behind its leader, still in the ISR");
        assertEquals("leads 1 of 2", m.column(2).orElseThrow().note());
    }

    @Test
    void aLeaderMoveAsksForOneLeaderMoveAnimation() {
        MapModel before = map(snapshot(T0, running(), List.of(partition(0, 1, ALL, 10, 10, 10, 10))));
        MapModel after = map(snapshot(T0.plusSeconds(1), running(), List.of(partition(0, 2, ALL, 10, 10, 10, 10))));

        assertEquals(List.of(new MapChange.LeaderMoved(0, 1, Optional.of(2))), MapChange.between(before, after));
        assertEquals(Role.LEADER, after.tile(2, 0).orElseThrow().role(), "the new leader wears the star at once");
        assertEquals(Role.IN_SYNC, after.tile(1, 0).orElseThrow().role());
    }

    @Test
    void anIsrShrinkDropsTheFollowerOutOfSync() {
        MapModel before = map(snapshot(T0, running(), List.of(partition(0, 1, ALL, 30, 30, 30, 30))));
        MapModel after = map(snapshot(T0.plusSeconds(1), running(),
                List.of(partition(0, 1, List.of(1, 2), 80, 80, 80, 30))));

        assertEquals(List.of(new MapChange.LeftIsr(0, 3, Role.OUT_OF_SYNC)), MapChange.between(before, after));
        Tile dropped = after.tile(3, 0).orElseThrow();
        assertEquals(Role.OUT_OF_SYNC, dropped.role());
        assertEquals(50, dropped.behind(), "50 records behind the leader's log end");
        assertTrue(TileView.describe(dropped).contains("50 record(s) behind the leader"), TileView.describe(dropped));
    }

    @Test
    void aKilledBrokerGoesDarkAtOnceAndItsReplicasOffline() {
        MapModel before = map(snapshot(T0, running(), List.of(partition(0, 1, ALL, 30, 30, 30, 30))));
        Map<Integer, NodeState> killed = Map.of(1, NodeState.RUNNING, 2, NodeState.RUNNING, 3, NodeState.KILLED);
        // The controller has not fenced it yet: the ISR still names it, the map does not wait.
        MapModel after = map(snapshot(T0.plusSeconds(1), killed, List.of(partition(0, 1, ALL, 30, 30, 30, -1))));

        assertEquals(List.of(new MapChange.NodeChanged(3, Look.RUNNING, Look.KILLED)), MapChange.between(before, after));
        assertTrue(after.column(3).orElseThrow().look().down());
        assertEquals(Role.OFFLINE, after.tile(3, 0).orElseThrow().role());
    }

    @Test
    void aMemberThatLostItsPartitionsIsReassigned() {
        ClusterSnapshot two = snapshot(T0, running(), List.of(partition(0, 1, ALL, 5, 5, 5, 5),
                partition(1, 2, ALL, 5, 5, 5, 5)), group(Map.of("m-1", Set.of(0), "m-2", Set.of(1))));
        ClusterSnapshot one = snapshot(T0, running(), List.of(partition(0, 1, ALL, 5, 5, 5, 5),
                partition(1, 2, ALL, 5, 5, 5, 5)), group(Map.of("m-1", Set.of(0, 1))));

        List<MapChange> changes = MapChange.between(map(two), map(one));

        assertEquals(List.of(new MapChange.Reassigned("m-1", "readers", Set.of(), Set.of(1)),
                new MapChange.Reassigned("m-2", "readers", Set.of(1), Set.of())), changes);
    }

    @Test
    void aMemberThatJoinedGainsItsPartitionsAndItsLagIsUnknownUntilTheGroupCommits() {
        ClusterSnapshot alone = snapshot(T0, running(), List.of(partition(0, 1, ALL, 5, 5, 5, 5),
                partition(1, 2, ALL, 5, 5, 5, 5)), group(Map.of("m-1", Set.of(0, 1))));
        ClusterSnapshot two = snapshot(T0, running(), List.of(partition(0, 1, ALL, 5, 5, 5, 5),
                partition(1, 2, ALL, 5, 5, 5, 5)), group(Map.of("m-1", Set.of(0), "m-2", Set.of(1))));

        assertEquals(List.of(new MapChange.Reassigned("m-1", "readers", Set.of(1), Set.of()),
                new MapChange.Reassigned("m-2", "readers", Set.of(), Set.of(1))), MapChange.between(map(alone), map(two)));
        assertEquals(-1, map(two).readers().get(1).lag(), "no commit on P1 yet: not 0, unknown");
    }

    @Test
    void aLeaderChangeBetweenTwoSnapshotsGivesNoRateForThatPartition() {
        ClusterSnapshot before = snapshot(T0, running(), List.of(partition(0, 1, ALL, 100, 100, 100, 40)));
        ClusterSnapshot after = snapshot(T0.plusMillis(500), running(), List.of(partition(0, 3, ALL, 100, 100, 100, 100)));

        assertEquals(List.of(), MapModels.of(after, before, "orders", List.of()).writes(),
                "broker 3's log end against broker 1's is no rate");
    }

    @Test
    void recordsArrivingAtALeaderAreAWriteAtTheirRate() {
        ClusterSnapshot before = snapshot(T0, running(), List.of(partition(0, 1, ALL, 100, 100, 100, 100)));
        ClusterSnapshot after = snapshot(T0.plusMillis(500), running(), List.of(partition(0, 1, ALL, 150, 150, 150, 150)));

        MapModel m = MapModels.of(after, before, "orders", List.of("steady-producer"));

        assertEquals(List.of(new MapModel.Write(0, 1, 100.0)), m.writes(), "50 records in half a second");
        assertEquals(List.of("steady-producer"), m.writers());
    }

    @Test
    void anEligibleLeaderReplicaAndAFencedBrokerAreMarked() {
        Map<Integer, NodeState> all = running();
        PartitionView p = new PartitionView("orders", 0, 1, ALL, List.of(1), List.of(3), 0, 9,
                Map.of(1, 9L, 2, 9L, 3, 9L));
        ClusterSnapshot s = new ClusterSnapshot(T0, nodes(all, Set.of(2)), List.of(new TopicView("orders", false,
                List.of(p))), List.of(), List.of());

        MapModel m = map(s);

        assertEquals(Role.ELIGIBLE, m.tile(3, 0).orElseThrow().role());
        assertEquals(Look.FENCED, m.column(2).orElseThrow().look());
        assertEquals("registered 1, 2, 3 · fenced 2", m.columns().get(0).note());
    }

    private static MapModel map(ClusterSnapshot s) {
        return MapModels.of(s, null, "orders", List.of());
    }

    private static Map<Integer, NodeState> running() {
        return Map.of(1, NodeState.RUNNING, 2, NodeState.RUNNING, 3, NodeState.RUNNING);
    }

    private static List<NodeView> nodes(Map<Integer, NodeState> brokers, Set<Integer> fenced) {
        List<NodeView> nodes = new java.util.ArrayList<>();
        nodes.add(new NodeView(100, NodeRole.CONTROLLER, NodeState.RUNNING, 9093, false, false, true));
        brokers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(b -> nodes.add(new NodeView(b.getKey(),
                NodeRole.BROKER, b.getValue(), 9090 + b.getKey(), true, fenced.contains(b.getKey()), false)));
        return nodes;
    }

    private static ClusterSnapshot snapshot(Instant at, Map<Integer, NodeState> brokers, List<PartitionView> partitions,
            GroupView... groups) {
        return new ClusterSnapshot(at, nodes(brokers, Set.of()), List.of(new TopicView("orders", false, partitions)),
                List.of(groups), List.of());
    }

    /** Partition {@code p} of orders led by {@code leader}; log ends of brokers 1, 2, 3 (-1: not reported). */
    private static PartitionView partition(int p, int leader, List<Integer> isr, long hw, long end1, long end2, long end3) {
        Map<Integer, Long> ends = new java.util.HashMap<>();
        long[] e = {end1, end2, end3};
        for (int b = 1; b <= 3; b++) {
            if (e[b - 1] >= 0) {
                ends.put(b, e[b - 1]);
            }
        }
        return new PartitionView("orders", p, leader, ALL, isr, List.of(), 0, hw, ends);
    }

    private static GroupView group(Map<String, Set<Integer>> members) {
        List<MemberView> views = members.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(m -> new MemberView(m.getKey(), m.getKey(), "/127.0.0.1", null, m.getValue().stream()
                        .map(p -> new TopicPartition("orders", p)).collect(Collectors.toSet()), null))
                .toList();
        return new GroupView("readers", GroupType.CLASSIC, GroupState.STABLE, "range", null, views, Map.of(), Map.of());
    }
}
