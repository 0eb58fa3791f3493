package dev.kafkalab.produce;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Where the built-in partitioner puts a keyed record, step by step, as the produce screen shows
 * it: the key's bytes (what {@code StringSerializer} writes, UTF-8), their murmur2 hash, that
 * hash made positive ({@code hash & 0x7fffffff}), and the remainder by the partition count.
 *
 * @param hash the murmur2 hash of the serialized key, as a signed 32-bit int
 * @param positive {@code Utils.toPositive(hash)}
 * @param partition {@code positive % partitions}
 */
public record KeyPlacement(String key, int keyBytes, int hash, int positive, int partitions, int partition) {

    /** The placement of a key serialized by {@code StringSerializer}, on a topic of {@code partitions}. */
    public static KeyPlacement of(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least 1 partition, not " + partitions);
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int hash = Utils.murmur2(bytes);
        int positive = Utils.toPositive(hash);
        return new KeyPlacement(key, bytes.length, hash, positive, partitions, positive % partitions);
    }

    /** {@code murmur2("employee-7") = -1621616264 -> toPositive = 525867384 -> mod 3 = 0}. */
    public String computation() {
        return "murmur2(\"" + key + "\") = " + hash + " -> toPositive = " + positive + " -> mod " + partitions
                + " = " + partition;
    }
}
