package dev.kafkalab.cluster;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An idempotent acks=all producer writes numbered records while brokers are killed, stopped,
 * frozen and restarted at random, one at a time. Afterwards every acknowledged record is there
 * exactly once, in order per partition: what RF 3 with min.insync.replicas 2 promises.
 */
class DurabilityIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final String TOPIC = "durable";
    private static final int PARTITIONS = 3;
    private static final int ROUNDS = 6;

    @Test
    void acknowledgedRecordsSurviveRandomBrokerFailures() throws Exception {
        kafka.createTopic(TOPIC, PARTITIONS, 3, Map.of("min.insync.replicas", "2"));
        long seed = Long.getLong("durability.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed + " (rerun with -Ddurability.seed=" + seed + ")";

        Map<TopicPartition, ConcurrentLinkedQueue<long[]>> acked = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        List<String> actions = new ArrayList<>();
        Thread writer;
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(producerProps())) {
            writer = new Thread(() -> {
                long n = 0;
                while (producing.get()) {
                    long value = n++;
                    producer.send(new ProducerRecord<>(TOPIC, (int) (value % PARTITIONS), value, value), (md, e) -> {
                        if (e != null) {
                            failed.incrementAndGet();
                        } else {
                            acked.computeIfAbsent(new TopicPartition(md.topic(), md.partition()),
                                    tp -> new ConcurrentLinkedQueue<>()).add(new long[] {md.offset(), value});
                        }
                    });
                    if (value % 200 == 199) {
                        producer.flush();
                    }
                }
                producer.flush();
            }, "durability-writer");
            writer.start();
            for (int round = 0; round < ROUNDS; round++) {
                int broker = 1 + random.nextInt(3);
                String action = List.of("kill", "stop", "pause").get(random.nextInt(3));
                actions.add(action + " " + broker);
                switch (action) {
                    case "kill" -> kafka.cluster().kill(broker).get(10, TimeUnit.SECONDS);
                    case "stop" -> kafka.cluster().stop(broker).get(30, TimeUnit.SECONDS);
                    default -> kafka.cluster().pause(broker).get(10, TimeUnit.SECONDS);
                }
                kafka.await(s -> s.topic(TOPIC).map(t -> t.partitions().stream()
                        .noneMatch(p -> p.isr().contains(broker))).orElse(false), LocalClusterExtension.WAIT,
                        "broker " + broker + " out of every ISR of " + TOPIC + " after '" + action + "', " + context);
                kafka.heal();
            }
            producing.set(false);
            writer.join(TimeUnit.MINUTES.toMillis(3));
        }
        assertEquals(0, failed.get(), "records the producer gave up on, " + context + ", actions " + actions);

        Map<TopicPartition, Map<Long, Long>> stored = readAll();
        Set<Long> seen = new HashSet<>();
        long total = 0;
        for (Map.Entry<TopicPartition, Map<Long, Long>> e : stored.entrySet()) {
            long previous = -1;
            for (Long value : e.getValue().values()) {
                assertTrue(seen.add(value), "record " + value + " stored twice, " + context);
                assertTrue(value > previous, "record " + value + " after " + previous + " in " + e.getKey()
                        + ": out of order, " + context);
                previous = value;
                total++;
            }
        }
        long ackedCount = 0;
        for (Map.Entry<TopicPartition, ConcurrentLinkedQueue<long[]>> e : acked.entrySet()) {
            Map<Long, Long> partition = stored.getOrDefault(e.getKey(), Map.of());
            for (long[] offsetAndValue : e.getValue()) {
                ackedCount++;
                assertEquals(offsetAndValue[1], partition.get(offsetAndValue[0]), "acknowledged record "
                        + offsetAndValue[1] + " at " + e.getKey() + "@" + offsetAndValue[0] + ", " + context);
            }
        }
        assertTrue(ackedCount > 1_000, "the writer kept writing through the failures: " + ackedCount + " acked");
        assertEquals(ackedCount, total, "every stored record was acknowledged, and every acknowledged one stored");
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, LongSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, LongSerializer.class.getName());
        return props;
    }

    /** Every record of the topic, per partition, offset to value, in offset order. */
    private static Map<TopicPartition, Map<Long, Long>> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        Map<TopicPartition, Map<Long, Long>> stored = new HashMap<>();
        try (KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
                stored.put(new TopicPartition(TOPIC, p), new java.util.TreeMap<>());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + TOPIC + " up to " + end + " within 2 minutes");
                }
                for (ConsumerRecord<Long, Long> r : consumer.poll(Duration.ofMillis(500))) {
                    stored.get(new TopicPartition(r.topic(), r.partition())).put(r.offset(), r.value());
                }
            }
        }
        return stored;
    }
}
