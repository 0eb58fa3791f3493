package dev.kafkalab.lab;

import java.util.Map;

/**
 * A topic read from the beginning: how many records are stored and how many offsets were ever
 * written, and the newest value of each key (null for a tombstone still stored).
 */
public record TopicScan(String topic, long stored, long written, Map<String, String> latest, java.util.Set<String> keys) {

    public TopicScan {
        keys = java.util.Set.copyOf(keys);
        latest = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(latest));
    }
}
