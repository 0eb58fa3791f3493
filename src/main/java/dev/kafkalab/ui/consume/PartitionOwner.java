package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Who reads a partition now: a member and its colour, or nobody (null, -1); whether that member
 * crashed (the coordinator still counts it the owner, but nobody reads); and the group's lag on it.
 */
public record PartitionOwner(int partition, String member, int colour, boolean crashed, Long lag) {

    /** One row per partition of {@code topic}, as the members see their assignments and the snapshot the lag. */
    static List<PartitionOwner> rows(List<MemberSnapshot> members, int partitions, Map<TopicPartition, Long> lag,
            String topic) {
        Map<Integer, MemberSnapshot> owner = new TreeMap<>();
        for (MemberSnapshot m : members) {
            for (int p : m.assigned()) {
                owner.put(p, m);
            }
        }
        List<PartitionOwner> rows = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            MemberSnapshot m = owner.get(p);
            rows.add(new PartitionOwner(p, m == null ? null : m.name(), m == null ? -1 : m.colour(),
                    m != null && m.state() == MemberState.CRASHED, lag.get(new TopicPartition(topic, p))));
        }
        return rows;
    }
}
