package dev.kafkalab.produce;

/**
 * One record as the produce screen lists it: where it landed, and why.
 *
 * <p>Made on the producer's I/O thread for every acknowledged record, so it only holds what
 * the broker answered; the explanation is worked out when a screen asks for it.
 *
 * @param key null for an unkeyed record
 * @param value null for a tombstone: on a compacted topic it deletes the key
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

    /** The record had no value: a tombstone, which compaction reads as "delete this key". */
    public boolean tombstone() {
        return value == null;
    }

    /**
     * How the partitioner chose, e.g. the murmur2 computation checked against {@link #partition},
     * and what a tombstone is for; null when the send failed.
     */
    public String why() {
        if (!ok()) {
            return null;
        }
        String placed = Placement.why(key, settings, partitions, partition);
        if (!tombstone()) {
            return placed;
        }
        // The value plays no part in choosing the partition, so a tombstone lands beside its key's records.
        return placed + (key == null
                ? " Its value is null, but without a key it deletes nothing: a tombstone needs the key it deletes."
                : " Its value is null: a tombstone, so compaction will remove every record of key \"" + key
                        + "\", and after delete.retention.ms the tombstone itself.");
    }
}
