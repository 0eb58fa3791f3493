package dev.kafkalab.produce;

import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer settings the produce screen offers, each starting at Kafka 4.x's own default:
 * acks=all, idempotence on, linger.ms=5, batch.size=16384, no compression, the built-in
 * partitioner, retries unbounded (Integer.MAX_VALUE) within delivery.timeout.ms=120000, 5 requests in flight.
 */
public record ProducerSettings(Acks acks, boolean idempotence, int lingerMs, int batchSize, Compression compression,
        PartitionerChoice partitioner, boolean ignoreKeys, int retries, int deliveryTimeoutMs, int requestTimeoutMs,
        int maxInFlight) {

    public static final ProducerSettings DEFAULTS = new ProducerSettings(Acks.ALL, true, 5, 16_384, Compression.NONE,
            PartitionerChoice.BUILT_IN, false, Integer.MAX_VALUE, 120_000, 30_000, 5);

    public enum Acks {
        NONE("0"), LEADER("1"), ALL("all");

        private final String value;

        Acks(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public enum Compression {
        NONE, GZIP, SNAPPY, LZ4, ZSTD;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum PartitionerChoice {
        /** No partitioner.class: murmur2 for keys, sticky batches without (KIP-480, KIP-794). */
        BUILT_IN(null),
        ROUND_ROBIN(RoundRobinPartitioner.class.getName()),
        PRIORITY(PriorityPartitioner.class.getName());

        private final String className;

        PartitionerChoice(String className) {
            this.className = className;
        }

        public String className() {
            return className;
        }
    }

    public ProducerSettings {
        if (acks == null || compression == null || partitioner == null) {
            throw new IllegalArgumentException("acks, compression and partitioner are required");
        }
        if (lingerMs < 0 || batchSize < 0 || maxInFlight < 1) {
            throw new IllegalArgumentException("linger.ms and batch.size cannot be negative, max.in.flight is at least 1");
        }
        if (idempotence && acks != Acks.ALL) {
            throw new IllegalArgumentException("enable.idempotence=true needs acks=all: turn idempotence off to use acks="
                    + acks.value());
        }
        if (idempotence && retries < 1) {
            throw new IllegalArgumentException("enable.idempotence=true needs retries of at least 1: turn idempotence"
                    + " off to send without retries");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries cannot be negative");
        }
        if (idempotence && maxInFlight > 5) {
            throw new IllegalArgumentException("enable.idempotence=true allows at most 5 requests in flight, not "
                    + maxInFlight);
        }
        if (deliveryTimeoutMs < lingerMs + requestTimeoutMs) {
            throw new IllegalArgumentException("delivery.timeout.ms must be at least linger.ms + request.timeout.ms ("
                    + (lingerMs + requestTimeoutMs) + ")");
        }
    }

    /** Other acks; idempotence goes off with anything but acks=all, which it requires. */
    public ProducerSettings withAcks(Acks value) {
        return new ProducerSettings(value, value == Acks.ALL && idempotence, lingerMs, batchSize, compression,
                partitioner, ignoreKeys, retries, deliveryTimeoutMs, requestTimeoutMs, maxInFlight);
    }

    public ProducerSettings withPartitioner(PartitionerChoice value) {
        return new ProducerSettings(acks, idempotence, lingerMs, batchSize, compression, value, ignoreKeys, retries,
                deliveryTimeoutMs, requestTimeoutMs, maxInFlight);
    }

    /** No retries: idempotence goes off (it needs them), and the first error is the answer. */
    public ProducerSettings withoutRetries() {
        return new ProducerSettings(acks, false, lingerMs, batchSize, compression, partitioner, ignoreKeys, 0,
                deliveryTimeoutMs, requestTimeoutMs, maxInFlight);
    }

    public ProducerSettings withBatching(int linger, int batchBytes) {
        return new ProducerSettings(acks, idempotence, linger, batchBytes, compression, partitioner, ignoreKeys,
                retries, Math.max(deliveryTimeoutMs, linger + requestTimeoutMs), requestTimeoutMs, maxInFlight);
    }

    /** The client configuration, keys and values as strings, with String serializers. */
    public Properties toProperties(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, acks.value());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(idempotence));
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.value());
        if (partitioner.className() != null) {
            p.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, partitioner.className());
        }
        p.put(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, Boolean.toString(ignoreKeys));
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(retries));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMs));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(requestTimeoutMs));
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Integer.toString(maxInFlight));
        return p;
    }
}
