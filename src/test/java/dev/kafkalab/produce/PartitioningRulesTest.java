package dev.kafkalab.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** The placement rules the produce screen explains, against Kafka's own code. */
class PartitioningRulesTest {

    @Test
    void theExplainedPartitionIsKafkasForManyKeysAndPartitionCounts() {
        for (int partitions : new int[] {1, 2, 3, 6, 7, 12}) {
            for (int i = 0; i < 500; i++) {
                String key = "employee-" + i;
                int kafka = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
                assertEquals(kafka, KeyPlacement.of(key, partitions).partition(), key + " on " + partitions);
            }
        }
    }

    @Test
    void theComputationShowsEachStep() {
        KeyPlacement p = KeyPlacement.of("employee-7", 3);
        assertEquals("murmur2(\"employee-7\") = " + p.hash() + " -> toPositive = " + p.positive() + " -> mod 3 = "
                + p.partition(), p.computation());
        assertEquals(p.hash() & 0x7fffffff, p.positive());
        assertEquals(10, p.keyBytes());
        assertThrows(IllegalArgumentException.class, () -> KeyPlacement.of("k", 0));
    }

    @Test
    void urgentRecordsAloneGetPartitionZero() {
        AtomicInteger counter = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            assertEquals(0, PriorityPartitioner.place("urgent-" + i, bytes("urgent-" + i), 4, counter::getAndIncrement));
            String key = "order-" + i;
            int p = PriorityPartitioner.place(key, bytes(key), 4, counter::getAndIncrement);
            assertTrue(p >= 1 && p <= 3, key + " went to " + p);
            assertEquals(p, PriorityPartitioner.place(key, bytes(key), 4, counter::getAndIncrement), "stable per key");
        }
        Set<Integer> unkeyed = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            unkeyed.add(PriorityPartitioner.place(null, null, 4, counter::getAndIncrement));
        }
        assertEquals(Set.of(1, 2, 3), unkeyed, "records without a key take partitions 1..3 in turn");
        assertEquals(0, PriorityPartitioner.place("order-1", bytes("order-1"), 1, counter::getAndIncrement),
                "one partition holds everything");
    }

    @Test
    void theDefaultsAreKafkasOwn() {
        Map<String, Object> kafka = ProducerConfig.configDef().defaultValues();
        ProducerSettings d = ProducerSettings.DEFAULTS;
        assertEquals(kafka.get(ProducerConfig.ACKS_CONFIG), d.acks().value());
        assertEquals(kafka.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), d.idempotence());
        assertEquals(((Number) kafka.get(ProducerConfig.LINGER_MS_CONFIG)).intValue(), d.lingerMs());
        assertEquals(kafka.get(ProducerConfig.BATCH_SIZE_CONFIG), d.batchSize());
        assertEquals(kafka.get(ProducerConfig.COMPRESSION_TYPE_CONFIG), d.compression().value());
        assertEquals(kafka.get(ProducerConfig.RETRIES_CONFIG), d.retries());
        assertEquals(kafka.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), d.deliveryTimeoutMs());
        assertEquals(kafka.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG), d.requestTimeoutMs());
        assertEquals(kafka.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), d.maxInFlight());
        assertEquals(kafka.get(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG), d.ignoreKeys());
    }

    @Test
    void settingsKafkaWouldRefuseAreRefusedWithTheReason() {
        ProducerSettings d = ProducerSettings.DEFAULTS;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProducerSettings(
                ProducerSettings.Acks.LEADER, true, 5, 16_384, ProducerSettings.Compression.NONE,
                ProducerSettings.PartitionerChoice.BUILT_IN, false, d.retries(), 120_000, 30_000, 5));
        assertTrue(e.getMessage().contains("needs acks=all"), e.getMessage());
        assertEquals(false, d.withAcks(ProducerSettings.Acks.LEADER).idempotence(), "acks=1 turns idempotence off");
        assertNotEquals(d, d.withoutRetries());
        assertEquals("0", d.withoutRetries().toProperties("x:1", "c").get(ProducerConfig.RETRIES_CONFIG));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
