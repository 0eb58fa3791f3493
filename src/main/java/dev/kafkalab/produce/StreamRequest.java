package dev.kafkalab.produce;

/**
 * A burst or a steady stream of records.
 *
 * @param rate records per second, or 0 for as fast as the cluster takes them
 * @param limit how many records to send, or 0 to go on until stopped
 * @param valueBytes the size of every value, or 0 for short numbered values ({@code record-17})
 */
public record StreamRequest(String topic, KeyPattern keys, int rate, long limit, int valueBytes,
        ProducerSettings settings) {

    public StreamRequest {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic: choose a topic to send to");
        }
        if (keys == null || settings == null) {
            throw new IllegalArgumentException("keys and settings are required");
        }
        if (rate < 0 || limit < 0 || valueBytes < 0) {
            throw new IllegalArgumentException("rate, limit and value size cannot be negative");
        }
    }

    /** N records as fast as the cluster takes them. */
    public static StreamRequest burst(String topic, KeyPattern keys, long count, ProducerSettings settings) {
        if (count < 1) {
            throw new IllegalArgumentException("burst: at least 1 record, was " + count);
        }
        return new StreamRequest(topic, keys, 0, count, 0, settings);
    }
}
