package dev.kafkalab.lab;

import dev.kafkalab.clients.ClientFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a demo topic whole, for the checks that look at what is stored ({@link ScanChecks}). */
final class TopicReader {

    private TopicReader() {
    }

    /**
     * Reads every partition of a topic from its start to its end (small demo topics only), or as
     * much as it can in 10 s: the scan says whether it got to the end.
     */
    static TopicScan readAll(ClientFactory clients, String topic) {
        java.util.Properties p = new java.util.Properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<String, byte[]> c = clients.consumer(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(5));
            long written = end.values().stream().mapToLong(Long::longValue).sum();
            long stored = 0;
            long keyed = 0;
            Map<String, String> latest = new HashMap<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            Map<Integer, List<TopicScan.EpochRun>> epochs = new HashMap<>();
            java.util.ArrayDeque<TopicScan.Value> values = new java.util.ArrayDeque<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    stored++;
                    if (values.size() == TopicScan.KEPT_VALUES) {
                        values.removeFirst();
                    }
                    values.addLast(new TopicScan.Value(r.partition(), r.offset(), r.value()));
                    epoch(epochs.computeIfAbsent(r.partition(), k -> new ArrayList<>()), r.leaderEpoch().orElse(-1),
                            r.offset());
                    if (r.key() != null) {
                        keyed++;
                        keys.add(r.key());
                        latest.put(r.key(), r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            boolean complete = parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
            return new TopicScan(topic, stored, written, latest, keys, epochs, List.copyOf(values), complete, keyed);
        }
    }

    /** Adds a record to its partition's runs: the last run grows, or a new epoch starts one. */
    private static void epoch(List<TopicScan.EpochRun> runs, int epoch, long offset) {
        TopicScan.EpochRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.epoch() == epoch) {
            runs.set(runs.size() - 1, new TopicScan.EpochRun(epoch, last.first(), offset, last.count() + 1));
        } else {
            runs.add(new TopicScan.EpochRun(epoch, offset, offset, 1));
        }
    }

}
