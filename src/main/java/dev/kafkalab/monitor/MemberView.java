package dev.kafkalab.monitor;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group member.
 *
 * @param memberEpoch the member's epoch under the new protocol (KIP-848); null for classic groups
 */
public record MemberView(String memberId, String clientId, String host, String instanceId,
        Set<TopicPartition> assignment, Integer memberEpoch) {

    public MemberView {
        assignment = Set.copyOf(assignment);
    }
}
