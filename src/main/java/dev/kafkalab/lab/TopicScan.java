package dev.kafkalab.lab;

import java.util.List;
import java.util.Map;

/**
 * A topic read from the beginning: how many records are stored and how many offsets were ever
 * written, the newest value of each key (null for a tombstone still stored), and, per
 * partition, which leader epoch wrote which offsets.
 *
 * @param epochs   per partition, its records in offset order grouped by the leader epoch that wrote them
 * @param values   the newest {@link #KEPT_VALUES} values as they are stored, bytes and all
 * @param complete every partition was read to the end it had when the read began; false when the
 *                 reader ran out of time, so that fewer records stored than written proves nothing
 * @param keyed    how many of the records stored have a key
 */
public record TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys,
        Map<Integer, List<EpochRun>> epochs, List<Value> values, boolean complete, long keyed) {

    /** A scan keeps this many values whole, the newest. */
    public static final int KEPT_VALUES = 1_000;

    public TopicScan {
        keys = java.util.Set.copyOf(keys);
        latest = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(latest));
        epochs = Map.copyOf(epochs);
        values = List.copyOf(values);
    }

    /** A scan whose every record has a key. */
    public TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys,
            Map<Integer, List<EpochRun>> epochs, List<Value> values, boolean complete) {
        this(topic, stored, written, latest, keys, epochs, values, complete, stored);
    }

    /** A scan that read the whole topic. */
    public TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys,
            Map<Integer, List<EpochRun>> epochs, List<Value> values) {
        this(topic, stored, written, latest, keys, epochs, values, true);
    }

    public TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys,
            Map<Integer, List<EpochRun>> epochs) {
        this(topic, stored, written, latest, keys, epochs, List.of());
    }

    public TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys) {
        this(topic, stored, written, latest, keys, Map.of());
    }

    /** A record's value as stored (null for a tombstone), and where. */
    public record Value(int partition, long offset, byte[] bytes) {
    }

    /** Records {@code first} to {@code last} of a partition, {@code count} of them, all written by leader epoch {@code epoch}. */
    public record EpochRun(int epoch, long first, long last, long count) {
    }
}
