package dev.kafkalab.lab;

import java.util.List;
import java.util.Map;

/**
 * A topic read from the beginning: how many records are stored and how many offsets were ever
 * written, the newest value of each key (null for a tombstone still stored), and, per
 * partition, which leader epoch wrote which offsets.
 *
 * @param epochs per partition, its records in offset order grouped by the leader epoch that wrote them
 */
public record TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys,
        Map<Integer, List<EpochRun>> epochs) {

    public TopicScan {
        keys = java.util.Set.copyOf(keys);
        latest = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(latest));
        epochs = Map.copyOf(epochs);
    }

    public TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys) {
        this(topic, stored, written, latest, keys, Map.of());
    }

    /** Records {@code first} to {@code last} of a partition, {@code count} of them, all written by leader epoch {@code epoch}. */
    public record EpochRun(int epoch, long first, long last, long count) {
    }
}
