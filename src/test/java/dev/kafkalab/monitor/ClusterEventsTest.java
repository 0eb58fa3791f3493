package dev.kafkalab.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Events from hand-made snapshots: the wording a class reads on the timeline. */
class ClusterEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T1 = T0.plusMillis(500);

    @Test
    void aKilledLeaderGivesNodeLeaderAndIsrEvents() {
        ClusterSnapshot before = snapshot(T0, broker(1, NodeState.RUNNING, false),
                topic("orders", partition("orders", 0, 1, List.of(1, 2, 3))));
        ClusterSnapshot after = snapshot(T1, broker(1, NodeState.KILLED, true),
                topic("orders", partition("orders", 0, 2, List.of(2, 3))));
        assertEquals(List.of(
                "broker 1: running -> killed",
                "broker 1 fenced: the controller stopped hearing from it",
                "orders-0: leader 1 -> 2",
                "orders-0: ISR shrank [1, 2, 3] -> [2, 3] (broker 1 out)"), texts(before, after));
    }

    @Test
    void aPartitionWithoutLeaderIsOfflineAndComesBack() {
        ClusterSnapshot led = snapshot(T0, broker(1, NodeState.RUNNING, false),
                topic("solo", partition("solo", 0, 1, List.of(1))));
        ClusterSnapshot offline = snapshot(T1, broker(1, NodeState.RUNNING, false),
                topic("solo", partition("solo", 0, PartitionView.NO_LEADER, List.of(1))));
        ClusterSnapshot back = snapshot(T1.plusMillis(500), broker(1, NodeState.RUNNING, false),
                topic("solo", partition("solo", 0, 1, List.of(1))));
        assertEquals(List.of("solo-0 offline: leader 1 gone, no in-sync replica to take over"), texts(led, offline));
        assertEquals(List.of("solo-0: leader none -> 1"), texts(offline, back));
    }

    @Test
    void isrGrowingBackIsAnExpansion() {
        ClusterSnapshot before = snapshot(T0, broker(3, NodeState.RUNNING, false),
                topic("t", partition("t", 0, 1, List.of(1, 2))));
        ClusterSnapshot after = snapshot(T1, broker(3, NodeState.RUNNING, false),
                topic("t", partition("t", 0, 1, List.of(1, 2, 3))));
        assertEquals(List.of("t-0: ISR expanded [1, 2] -> [1, 2, 3] (broker 3 back)"), texts(before, after));
    }

    @Test
    void topicsCreatedAndDeletedButNotOnTheFirstSnapshot() {
        ClusterSnapshot first = snapshot(T0, broker(1, NodeState.RUNNING, false));
        ClusterSnapshot created = snapshot(T1, broker(1, NodeState.RUNNING, false),
                topic("new", partition("new", 0, 1, List.of(1))));
        ClusterSnapshot deleted = snapshot(T1.plusMillis(1), broker(1, NodeState.RUNNING, false));
        assertEquals(List.of(), ClusterEvents.between(ClusterSnapshot.EMPTY, first));
        assertEquals(List.of("topic new created: 1 partitions, RF 1"), texts(first, created));
        assertEquals(List.of("topic new deleted"), texts(created, deleted));
    }

    @Test
    void aMemberJoiningRebalancesTheGroup() {
        TopicPartition p0 = new TopicPartition("orders", 0);
        TopicPartition p1 = new TopicPartition("orders", 1);
        MemberView a = new MemberView("m-a", "reader-a", "/127.0.0.1", null, Set.of(p0, p1), 5);
        MemberView aHalf = new MemberView("m-a", "reader-a", "/127.0.0.1", null, Set.of(p0), 6);
        MemberView b = new MemberView("m-b", "reader-b", "/127.0.0.1", null, Set.of(p1), 6);
        ClusterSnapshot before = withGroup(T0, new GroupView("g", GroupType.CONSUMER, GroupState.STABLE, "uniform", 5,
                List.of(a), Map.of(), Map.of()));
        ClusterSnapshot after = withGroup(T1, new GroupView("g", GroupType.CONSUMER, GroupState.RECONCILING, "uniform", 6,
                List.of(aHalf, b), Map.of(), Map.of()));
        assertEquals(List.of(
                "group g: Stable -> Reconciling",
                "group g: member reader-b joined",
                "group g rebalanced: epoch 5 -> 6, 2 member(s) share 2 partition(s)"), texts(before, after));
    }

    @Test
    void aClassicGroupRebalanceIsSeenInItsAssignment() {
        TopicPartition p0 = new TopicPartition("orders", 0);
        MemberView a = new MemberView("m-a", "reader-a", "h", null, Set.of(p0), null);
        MemberView b = new MemberView("m-b", "reader-b", "h", null, Set.of(p0), null);
        ClusterSnapshot before = withGroup(T0, new GroupView("g", GroupType.CLASSIC, GroupState.STABLE, "range", null,
                List.of(a), Map.of(), Map.of()));
        ClusterSnapshot after = withGroup(T1, new GroupView("g", GroupType.CLASSIC, GroupState.STABLE, "range", null,
                List.of(b), Map.of(), Map.of()));
        assertEquals(List.of("group g: member reader-b joined", "group g: member reader-a left",
                "group g rebalanced, 1 member(s) share 1 partition(s)"), texts(before, after));
    }

    @Test
    void aShareGroupsEventsSayShareGroupAndCountEachSharedPartitionOnce() {
        TopicPartition p0 = new TopicPartition("jobs", 0);
        TopicPartition p1 = new TopicPartition("jobs", 1);
        MemberView a = new MemberView("m-a", "workers-member-1", "h", null, Set.of(p0, p1), 3);
        MemberView a2 = new MemberView("m-a", "workers-member-1", "h", null, Set.of(p0, p1), 4);
        MemberView b = new MemberView("m-b", "workers-member-2", "h", null, Set.of(p0, p1), 4);
        ClusterSnapshot before = withGroup(T0, new GroupView("workers", GroupType.SHARE, GroupState.STABLE, "simple", 3,
                List.of(a), Map.of(), Map.of()));
        ClusterSnapshot after = withGroup(T1, new GroupView("workers", GroupType.SHARE, GroupState.STABLE, "simple", 4,
                List.of(a2, b), Map.of(), Map.of()));
        assertEquals(List.of("share group workers: member workers-member-2 joined",
                "share group workers rebalanced: epoch 3 -> 4, 2 member(s) share 2 partition(s)"), texts(before, after));
    }

    private static List<String> texts(ClusterSnapshot before, ClusterSnapshot after) {
        return ClusterEvents.between(before, after).stream().map(ClusterEvent::text).toList();
    }

    private static ClusterSnapshot snapshot(Instant at, NodeView node, TopicView... topics) {
        return new ClusterSnapshot(at, List.of(node), List.of(topics), List.of(), List.of());
    }

    private static ClusterSnapshot withGroup(Instant at, GroupView group) {
        return new ClusterSnapshot(at, List.of(), List.of(), List.of(group), List.of());
    }

    private static NodeView broker(int id, NodeState state, boolean fenced) {
        return new NodeView(id, NodeRole.BROKER, state, 9091 + id, true, fenced, false);
    }

    private static TopicView topic(String name, PartitionView... partitions) {
        return new TopicView(name, false, List.of(partitions));
    }

    private static PartitionView partition(String topic, int p, int leader, List<Integer> isr) {
        List<Integer> replicas = isr.size() == 1 ? List.of(1) : List.of(1, 2, 3);
        return new PartitionView(topic, p, leader, replicas, isr, List.of(), 0, 0, Map.of());
    }
}
