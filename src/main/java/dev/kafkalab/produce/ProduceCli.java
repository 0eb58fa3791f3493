package dev.kafkalab.produce;

import java.util.ArrayList;
import java.util.List;

/** The Kafka command lines that do what the produce screen just did. */
public final class ProduceCli {

    private ProduceCli() {
    }

    /** kafka-console-producer.sh, reading {@code key:value} lines when there is a key. */
    public static String consoleProducer(String bootstrap, String topic, boolean keyed, ProducerSettings settings) {
        StringBuilder b = new StringBuilder("kafka-console-producer.sh --bootstrap-server ").append(bootstrap)
                .append(" --topic ").append(topic);
        if (keyed) {
            b.append(" --property parse.key=true --property key.separator=:");
        }
        for (String prop : changed(settings)) {
            b.append(" --producer-property ").append(prop);
        }
        return b.append(keyed ? "    # then type key:value lines" : "").toString();
    }

    /** kafka-producer-perf-test.sh for a stream of unkeyed records ({@code --throughput -1}: no limit). */
    public static String perfTest(String bootstrap, String topic, long records, int recordSize, int rate,
            ProducerSettings settings) {
        StringBuilder b = new StringBuilder("kafka-producer-perf-test.sh --topic ").append(topic)
                .append(" --num-records ").append(records == 0 ? 1_000_000 : records)
                .append(" --record-size ").append(recordSize)
                .append(" --throughput ").append(rate == 0 ? -1 : rate)
                .append(" --producer-props bootstrap.servers=").append(bootstrap);
        for (String prop : changed(settings)) {
            b.append(' ').append(prop);
        }
        return b.toString();
    }

    /** The settings that differ from Kafka's defaults, as {@code name=value}. */
    static List<String> changed(ProducerSettings s) {
        ProducerSettings d = ProducerSettings.DEFAULTS;
        List<String> out = new ArrayList<>();
        if (s.acks() != d.acks()) {
            out.add("acks=" + s.acks().value());
        }
        if (s.idempotence() != d.idempotence()) {
            out.add("enable.idempotence=" + s.idempotence());
        }
        if (s.lingerMs() != d.lingerMs()) {
            out.add("linger.ms=" + s.lingerMs());
        }
        if (s.batchSize() != d.batchSize()) {
            out.add("batch.size=" + s.batchSize());
        }
        if (s.compression() != d.compression()) {
            out.add("compression.type=" + s.compression().value());
        }
        if (s.partitioner() != d.partitioner()) {
            out.add("partitioner.class=" + s.partitioner().className());
        }
        if (s.ignoreKeys() != d.ignoreKeys()) {
            out.add("partitioner.ignore.keys=" + s.ignoreKeys());
        }
        if (s.retries() != d.retries()) {
            out.add("retries=" + s.retries());
        }
        if (s.deliveryTimeoutMs() != d.deliveryTimeoutMs()) {
            out.add("delivery.timeout.ms=" + s.deliveryTimeoutMs());
        }
        if (s.maxInFlight() != d.maxInFlight()) {
            out.add("max.in.flight.requests.per.connection=" + s.maxInFlight());
        }
        return out;
    }
}
