package dev.kafkalab.lab;

import dev.kafkalab.produce.KeyPlacement;
import dev.kafkalab.produce.PriorityPartitioner;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import dev.kafkalab.produce.SendResult;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the app's producer sent to each topic since a lab began: where every key went, where
 * unkeyed and urgent records went, and which offsets were acknowledged. Fed from the producer's
 * I/O thread, read by checks on the lab's thread: every method is synchronized and cheap.
 */
public final class Ledger {

    /** One key's records in one topic. */
    public record KeyRecord(int count, Set<Integer> partitions, int predicted, int unhashed) {
    }

    /** The acknowledged records of one partition. */
    public record Acked(int count, long first, long last) {
    }

    /**
     * What the durability demo did to a topic.
     *
     * @param oldLeaderEnd the killed leader's log end offset as it last reported it, or -1
     * @param acked        how many records the demo's producer saw acknowledged (in {@link #acked(String)} too)
     */
    public record Demo(int partition, int oldLeader, long oldLeaderEnd, int acked, long firstAcked, long lastAcked) {
    }

    private static final class TopicLedger {
        final Map<String, int[]> keyCounts = new HashMap<>();
        final Map<String, Set<Integer>> keyPartitions = new HashMap<>();
        final Map<String, Integer> predicted = new HashMap<>();
        final Map<String, Integer> unhashed = new HashMap<>();
        /** By acks level: records sent, and how many of them came back with an offset. */
        final Map<ProducerSettings.Acks, int[]> byAcks = new EnumMap<>(ProducerSettings.Acks.class);
        /** Unkeyed records per partition, by the partitioner that placed them. */
        final Map<PartitionerChoice, Map<Integer, Integer>> unkeyed = new EnumMap<>(PartitionerChoice.class);
        int urgent;
        int urgentElsewhere;
        int otherInZero;
        int priority;
        final Map<Integer, long[]> acked = new HashMap<>();
    }

    private final Map<String, TopicLedger> topics = new HashMap<>();
    private ProducerSettings lastSettings;
    private final Map<String, Demo> demos = new HashMap<>();

    /** The settings of the newest record sent (and not failed), to any topic. */
    public synchronized Optional<ProducerSettings> lastSettings() {
        return Optional.ofNullable(lastSettings);
    }

    /** Takes note of one answered send; failed sends are not acknowledged and count nowhere. */
    public synchronized void sent(String topic, SendResult r) {
        if (!r.ok()) {
            return;
        }
        TopicLedger t = topics.computeIfAbsent(topic, x -> new TopicLedger());
        lastSettings = r.settings();
        int[] acks = t.byAcks.computeIfAbsent(r.settings().acks(), a -> new int[2]);
        acks[0]++;
        acks[1] += r.offset() >= 0 ? 1 : 0;
        // acks=0 gets no answer from the broker: the record is sent, never acknowledged (offset -1).
        if (r.settings().acks() != ProducerSettings.Acks.NONE && r.offset() >= 0) {
            acked(t, r.partition(), r.offset(), r.offset(), 1);
        }
        if (r.key() == null) {
            t.unkeyed.computeIfAbsent(r.settings().partitioner(), x -> new TreeMap<>()).merge(r.partition(), 1, Integer::sum);
            return;
        }
        t.keyCounts.computeIfAbsent(r.key(), k -> new int[1])[0]++;
        t.keyPartitions.computeIfAbsent(r.key(), k -> new TreeSet<>()).add(r.partition());
        PartitionerChoice partitioner = r.settings().partitioner();
        boolean hashed = partitioner == PartitionerChoice.BUILT_IN && !r.settings().ignoreKeys();
        if (hashed) {
            t.predicted.put(r.key(), murmur2Partition(r.key(), r.partitions()));
        } else {
            t.unhashed.merge(r.key(), 1, Integer::sum);
        }
        if (partitioner == PartitionerChoice.PRIORITY) {
            t.priority++;
            boolean urgent = r.key().startsWith(PriorityPartitioner.URGENT_PREFIX);
            if (urgent) {
                t.urgent++;
                if (r.partition() != 0) {
                    t.urgentElsewhere++;
                }
            } else if (r.partition() == 0) {
                t.otherInZero++;
            }
        }
    }

    /** Acknowledged offsets from outside the app's producer (the durability demo's own producer). */
    public synchronized void acked(String topic, int partition, long first, long last, int count) {
        acked(topics.computeIfAbsent(topic, x -> new TopicLedger()), partition, first, last, count);
    }

    /** The durability demo ran on {@code topic}: its acknowledged records count as acknowledged, too. */
    public synchronized void demo(String topic, Demo demo) {
        demos.put(topic, demo);
        acked(topic, demo.partition(), demo.firstAcked(), demo.lastAcked(), demo.acked());
    }

    /** The durability demo's last run on {@code topic} since the lab began, if any. */
    public synchronized java.util.Optional<Demo> demo(String topic) {
        return java.util.Optional.ofNullable(demos.get(topic));
    }

    private static void acked(TopicLedger t, int partition, long first, long last, int count) {
        if (count <= 0) {
            return;
        }
        long[] a = t.acked.computeIfAbsent(partition, p -> new long[] {0, Long.MAX_VALUE, -1});
        a[0] += count;
        a[1] = Math.min(a[1], first);
        a[2] = Math.max(a[2], last);
    }

    public synchronized Map<String, KeyRecord> keys(String topic) {
        TopicLedger t = topics.get(topic);
        Map<String, KeyRecord> out = new HashMap<>();
        if (t != null) {
            t.keyCounts.forEach((k, c) -> out.put(k, new KeyRecord(c[0], java.util.Collections.unmodifiableSortedSet(new TreeSet<>(t.keyPartitions.get(k))),
                    t.predicted.getOrDefault(k, -1), t.unhashed.getOrDefault(k, 0))));
        }
        return out;
    }

    /** Records sent to the topic with each acks level: {sent, answered with an offset}. */
    public synchronized Map<ProducerSettings.Acks, int[]> byAcks(String topic) {
        TopicLedger t = topics.get(topic);
        Map<ProducerSettings.Acks, int[]> copy = new EnumMap<>(ProducerSettings.Acks.class);
        if (t != null) {
            t.byAcks.forEach((a, n) -> copy.put(a, n.clone()));
        }
        return copy;
    }

    /** Unkeyed records sent to the topic, per partition: all of them, or those {@code partitioner} placed. */
    public synchronized SortedMap<Integer, Integer> unkeyed(String topic, Optional<PartitionerChoice> partitioner) {
        TopicLedger t = topics.get(topic);
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        if (t != null) {
            t.unkeyed.forEach((p, perPartition) -> {
                if (partitioner.map(p::equals).orElse(true)) {
                    perPartition.forEach((partition, n) -> counts.merge(partition, n, Integer::sum));
                }
            });
        }
        return java.util.Collections.unmodifiableSortedMap(counts);
    }

    /**
     * Records sent with the priority partitioner: urgent ones, urgent ones not in partition 0,
     * other ones in partition 0, and all of them.
     */
    public synchronized int[] priority(String topic) {
        TopicLedger t = topics.get(topic);
        return t == null ? new int[4] : new int[] {t.urgent, t.urgentElsewhere, t.otherInZero, t.priority};
    }

    public synchronized Map<Integer, Acked> acked(String topic) {
        TopicLedger t = topics.get(topic);
        Map<Integer, Acked> out = new HashMap<>();
        if (t != null) {
            t.acked.forEach((p, a) -> out.put(p, new Acked((int) a[0], a[1], a[2])));
        }
        return out;
    }

    /** Forgets a topic, as a lab reset deletes it. */
    public synchronized void forget(String topic) {
        topics.remove(topic);
        demos.remove(topic);
    }

    public synchronized Set<String> topics() {
        return new HashSet<>(topics.keySet());
    }

    /** The built-in partitioner's choice for a String key ({@link KeyPlacement}), or -1 without partitions. */
    public static int murmur2Partition(String key, int partitions) {
        return partitions <= 0 ? -1 : KeyPlacement.of(key, partitions).partition();
    }
}
