package dev.kafkalab.produce;

/**
 * One record as the produce screen lists it: where it landed, and why.
 *
 * @param key null for an unkeyed record
 * @param partition where the broker stored it, from its RecordMetadata; -1 when it failed
 * @param offset its offset in that partition; -1 when it failed
 * @param why how the partitioner chose, e.g. the murmur2 computation, checked against {@code partition}
 * @param error null, or what the failure means in the course's words
 */
public record SendResult(String key, String value, int partition, long offset, String why, String error) {

    public boolean ok() {
        return error == null;
    }
}
