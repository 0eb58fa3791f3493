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

/**
 * The consume screen's list of clients it did not start: the programs the app runs, then each
 * group on the cluster that the app does not run and that has members, with what each member owns.
 */
class OtherClientsTest {

    private static final ClusterSnapshot CLUSTER = new ClusterSnapshot(Instant.EPOCH, List.of(), List.of(), List.of(
            group("readers", member("consumer-readers-1", 0, 1, 2)),
            group("java-pair", member("consumer-java-pair-2", 2), member("consumer-java-pair-1", 0, 1)),
            group("finished")), List.of());

    @Test
    void programsComeFirstThenGroupsTheAppDoesNotRunWithTheirMembersPartitions() {
        List<OtherClients.Row> rows = OtherClients.rows(CLUSTER, List.of("readers"),
                List.of("consumer-in-java (ConsumerDemo, pid 42, started by a lab step)"));

        assertEquals(List.of(
                new OtherClients.Row("program consumer-in-java (ConsumerDemo, pid 42, started by a lab step)",
                        "runs in a JVM of its own (Code screen)"),
                new OtherClients.Row("group java-pair · stable · classic protocol · 2 members · lag 3",
                        "consumer-java-pair-1 (/127.0.0.1): my-consumer-topic 0, 1\n"
                                + "consumer-java-pair-2 (/127.0.0.1): my-consumer-topic 2")), rows);
    }

    @Test
    void aGroupWithNoMemberLeftIsNotAClient() {
        assertEquals(List.of("group readers · stable · classic protocol · 1 member · lag 3"),
                OtherClients.rows(CLUSTER, List.of("java-pair"), List.of()).stream().map(OtherClients.Row::title).toList());
    }

    @Test
    void aShareGroupTheAppDoesNotRunIsListedWithItsLag() {
        GroupView share = new GroupView("console-share", GroupType.SHARE, GroupState.STABLE, "simple", 2,
                List.of(member("console-share-consumer", 0, 1)), Map.of(new TopicPartition("my-consumer-topic", 0), 4L),
                Map.of(new TopicPartition("my-consumer-topic", 0), 6L));
        ClusterSnapshot cluster = new ClusterSnapshot(Instant.EPOCH, List.of(), List.of(), List.of(share), List.of());

        assertEquals(List.of("share group console-share · stable · 1 member · lag 6"),
                OtherClients.rows(cluster, List.of(), List.of()).stream().map(OtherClients.Row::title).toList());
        assertEquals(List.of(), OtherClients.rows(cluster, List.of("console-share"), List.of()),
                "the app's own share groups have their pane");
    }

    private static GroupView group(String id, MemberView... members) {
        return new GroupView(id, GroupType.CLASSIC, members.length == 0 ? GroupState.EMPTY : GroupState.STABLE, "range",
                null, List.of(members), Map.of(), Map.of(new TopicPartition("my-consumer-topic", 0), 1L,
                        new TopicPartition("my-consumer-topic", 1), 2L));
    }

    private static MemberView member(String clientId, int... partitions) {
        Set<TopicPartition> owned = java.util.Arrays.stream(partitions)
                .mapToObj(p -> new TopicPartition("my-consumer-topic", p)).collect(java.util.stream.Collectors.toSet());
        return new MemberView(clientId + "-uuid", clientId, "/127.0.0.1", null, owned, null);
    }
}
