package dev.kafkalab.produce;

/**
 * One record as the produce screen lists it: where it landed, and why.
 *
 * <p>Made on the producer's I/O thread for every acknowledged record, so it only holds what
 * the broker answered; the explanation is worked out when a screen asks for it.
 *
 * @param key null for an unkeyed record
 * @param partition where the broker stored it, from its RecordMetadata; -1 when it failed
 * @param offset its offset in that partition; -1 when it failed
 * @param partitions how many partitions the topic had when the record was sent
 * @param settings the producer settings it was sent with
 * @param error null, or what the failure means in the course's words
 */
public record SendResult(String key, String value, int partition, long offset, int partitions,
        ProducerSettings settings, String error) {

    static SendResult failed(String key, String value, ProducerSettings settings, String error) {
        return new SendResult(key, value, -1, -1, 0, settings, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** How the partitioner chose, e.g. the murmur2 computation checked against {@link #partition}. */
    public String why() {
        return ok() ? Placement.why(key, settings, partitions, partition) : null;
    }
}
