package dev.kafkalab.topics;

import java.util.Optional;

/**
 * A topic someone wants to create, as typed: numbers may still be text that is not a number.
 *
 * @param minInsyncReplicas empty for the broker default
 * @param cleanupPolicy     {@code delete}, {@code compact} or {@code compact,delete}
 */
public record TopicRequest(String name, String partitions, String replicationFactor, String minInsyncReplicas,
        String cleanupPolicy) {

    public Optional<Integer> minIsr() {
        return minInsyncReplicas == null || minInsyncReplicas.isBlank() ? Optional.empty()
                : Optional.of(Integer.parseInt(minInsyncReplicas.trim()));
    }
}
