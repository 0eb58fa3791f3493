package dev.kafkalab.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.Await;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A compacted topic cleaned in demo time: the cluster's demo timing wakes the log cleaner every
 * 500 ms, and the topic rolls its segment after a second. What the class sees: old values of a
 * key go, the newest stays; a tombstone deletes its key, and then goes itself.
 */
class CompactionIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final String TOPIC = "latest-prices";
    private static final int SEGMENT_MS = 1_000;
    private static final int RECORDS = 500;
    private static final List<String> KEYS = List.of("ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI");
    private static final Duration CLEANED_WITHIN = Duration.ofSeconds(20);

    private long lastWriteNanos;

    @Test
    void oldValuesAndThenADeletedKeyAreCleanedAwayWithinSeconds() throws Exception {
        kafka.createTopic(TOPIC, 1, 3, Map.of(
                "cleanup.policy", "compact",
                "segment.ms", Integer.toString(SEGMENT_MS),
                "min.cleanable.dirty.ratio", "0.01",
                "delete.retention.ms", "1000",
                "min.insync.replicas", "2"));
        try (KafkaProducer<String, String> producer = producer(); KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, String> newest = new LinkedHashMap<>();
            for (int i = 0; i < RECORDS; i++) {
                String key = KEYS.get(i % KEYS.size());
                newest.put(key, key + " #" + i);
                producer.send(new ProducerRecord<>(TOPIC, key, newest.get(key)));
            }
            producer.flush();
            long firstWrite = System.nanoTime();
            lastWriteNanos = firstWrite;

            // The active segment is never cleaned, and only a record arriving makes Kafka check
            // whether segment.ms has passed: one more record after it closes the 500.
            awaitSegmentAge("the segment of the 500 records to be " + SEGMENT_MS + " ms old");
            write(producer, "roll", "closes the first segment");
            long rolled = System.nanoTime();
            Await.until(() -> {
                Map<String, String> read = latest(consumer);
                return count(consumer) < RECORDS && KEYS.stream().allMatch(k -> newest.get(k).equals(read.get(k)));
            }, CLEANED_WITHIN, "fewer than " + RECORDS + " records in " + TOPIC + ", the newest of each key kept");
            long cleanedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rolled);
            List<ConsumerRecord<String, String>> afterCleaning = readAll(consumer);
            System.out.printf("Compaction: %d records read back %d ms after the roll%n", afterCleaning.size(),
                    cleanedMs);
            assertEquals(KEYS.size() + 1, afterCleaning.size(), "one record per key and the roll: " + afterCleaning);

            String deleted = "INITECH";
            write(producer, deleted, null);
            long tombstoneAt = System.nanoTime();
            awaitSegmentAge("the segment of the tombstone to be " + SEGMENT_MS + " ms old");
            write(producer, "roll", "closes the tombstone's segment");
            long tombstoneRolled = System.nanoTime();
            // The first cleaning keeps the tombstone and stamps it with delete.retention.ms; only a
            // later cleaning drops it, and a cleaning needs a newly closed segment: keep closing one.
            int[] rolls = {1};
            Await.until(() -> {
                boolean gone = readAll(consumer).stream().noneMatch(r -> r.key().equals(deleted));
                if (!gone && ageMs() > SEGMENT_MS) {
                    write(producer, "roll", "roll " + ++rolls[0]);
                }
                return gone;
            }, CLEANED_WITHIN, "no record of " + deleted + " in " + TOPIC + " after its tombstone");
            long goneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tombstoneRolled);
            System.out.printf("Compaction: tombstone of %s gone %d ms after the roll that closed its segment,"
                    + " %d ms after the last write, %d ms after the tombstone (%d rolls)%n", deleted, goneMs, ageMs(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tombstoneAt), rolls[0]);

            Map<String, String> left = latest(consumer);
            for (String key : KEYS) {
                if (!key.equals(deleted)) {
                    assertEquals(newest.get(key), left.get(key), "the newest value of " + key + " survives");
                }
            }
            assertTrue(System.nanoTime() - firstWrite < TimeUnit.SECONDS.toNanos(30), "all within 30 s");
        }
    }

    private void write(KafkaProducer<String, String> producer, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not write " + key + " to " + TOPIC + ": " + e, e);
        }
        lastWriteNanos = System.nanoTime();
    }

    private long ageMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWriteNanos);
    }

    /** segment.ms is a duration: nothing happens when it passes, so there is nothing else to wait on. */
    private void awaitSegmentAge(String what) {
        Await.until(() -> ageMs() > SEGMENT_MS + 50, Duration.ofSeconds(5), what);
    }

    private static int count(KafkaConsumer<String, String> consumer) {
        return readAll(consumer).size();
    }

    private static Map<String, String> latest(KafkaConsumer<String, String> consumer) {
        Map<String, String> latest = new LinkedHashMap<>();
        readAll(consumer).forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    /** Every record the partition holds now, from its first offset to its high watermark. */
    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer) {
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        consumer.seekToBeginning(List.of(tp));
        long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (consumer.position(tp) < end) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + tp + " up to offset " + end + " within 10 s");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(all::add);
        }
        return all;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
        return consumer;
    }
}
