package dev.kafkalab.ui.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The share pane's "as the coordinator sees it", from a hand-made snapshot. */
class ShareGroupDescribeTest {

    private static final TopicPartition P0 = new TopicPartition("jobs", 0);
    private static final TopicPartition P1 = new TopicPartition("jobs", 1);

    @Test
    void eachSharePartitionWithItsStartOffsetLagAndMembers() {
        GroupView workers = new GroupView("workers", GroupType.SHARE, GroupState.STABLE, "simple", 6, List.of(
                member("workers-member-1", P0), member("workers-member-2", P1), member("workers-member-3", P0)),
                Map.of(P0, 30L, P1, 20L), Map.of(P0, 0L, P1, 5L));

        assertEquals("stable · 3 members · epoch 6\n"
                + "jobs-0: start offset 30, lag 0 · member-1, member-3\n"
                + "jobs-1: start offset 20, lag 5 · member-2",
                ShareGroupViewModel.describe(snapshot(workers), "workers"));
    }

    @Test
    void aConsumerGroupOfThatNameIsNoShareGroup() {
        GroupView readers = new GroupView("workers", GroupType.CONSUMER, GroupState.STABLE, "uniform", 2, List.of(),
                Map.of(), Map.of());

        assertEquals("no share group workers on the cluster", ShareGroupViewModel.describe(snapshot(readers), "workers"));
        assertEquals("", ShareGroupViewModel.describe(snapshot(readers), ""));
    }

    private static MemberView member(String clientId, TopicPartition... owned) {
        return new MemberView(clientId + "-id", clientId, "/127.0.0.1", null, Set.of(owned), 6);
    }

    private static ClusterSnapshot snapshot(GroupView group) {
        return new ClusterSnapshot(Instant.EPOCH, List.of(), List.of(), List.of(group), List.of());
    }
}
