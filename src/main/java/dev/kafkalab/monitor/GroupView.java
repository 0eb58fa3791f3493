package dev.kafkalab.monitor;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group, classic or new protocol (KIP-848).
 *
 * @param groupEpoch bumped by every membership or subscription change under the new protocol;
 *                   null for classic groups, whose generation the Admin API does not show
 * @param lag        high watermark minus committed offset, per partition with a commit
 */
public record GroupView(String groupId, GroupType type, GroupState state, String assignor, Integer groupEpoch,
        List<MemberView> members, Map<TopicPartition, Long> committedOffsets, Map<TopicPartition, Long> lag) {

    public GroupView {
        members = List.copyOf(members);
        committedOffsets = Map.copyOf(committedOffsets);
        lag = Map.copyOf(lag);
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }
}
