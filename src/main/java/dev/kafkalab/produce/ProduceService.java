package dev.kafkalab.produce;

import dev.kafkalab.cluster.Failures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends records for the produce screen and says where each landed and why.
 *
 * <p>One producer at a time, made for the current settings and replaced when they change. All
 * client calls run on the service's own thread: {@code send} can block while it fetches
 * metadata, and nothing here may run on the FX thread.
 */
public final class ProduceService implements AutoCloseable {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kafka-lab-producer");
        t.setDaemon(true);
        return t;
    });
    private final Admin admin;
    private KafkaProducer<String, String> producer;
    private ProducerSettings current;
    private int made;

    public ProduceService(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        java.util.Properties p = new java.util.Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-lab-produce");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        this.admin = Admin.create(p);
    }

    /**
     * Sends one record and completes with where it landed and why, or with the error explained.
     * Never completes exceptionally: a failed send is a result the screen shows.
     */
    public CompletableFuture<SendResult> send(String topic, String key, String value, Map<String, String> headers,
            ProducerSettings settings) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                KafkaProducer<String, String> p = producerFor(settings);
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                headers.forEach((k, v) -> record.headers().add(new RecordHeader(k,
                        v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                int partitions = p.partitionsFor(topic).size();
                p.send(record, (metadata, failure) -> {
                    if (failure == null) {
                        result.complete(new SendResult(key, value, metadata.partition(), metadata.offset(),
                                Placement.why(key, settings, partitions, metadata.partition()), null));
                    } else {
                        thread.execute(() -> result.complete(failed(topic, key, value, settings, failure)));
                    }
                });
            } catch (RuntimeException e) {
                result.complete(failed(topic, key, value, settings, e));
            }
        });
        return result;
    }

    /** Sends one record per key (null for no key), in a row, and completes with their results in order. */
    public CompletableFuture<List<SendResult>> sendAll(String topic, List<String> keys, String valuePrefix,
            ProducerSettings settings) {
        List<CompletableFuture<SendResult>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sends.add(send(topic, keys.get(i), valuePrefix + i, Map.of(), settings));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenApply(v -> sends.stream().map(CompletableFuture::join).toList());
    }

    private KafkaProducer<String, String> producerFor(ProducerSettings settings) {
        if (producer == null || !settings.equals(current)) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            java.util.Properties props = settings.toProperties(bootstrapServers, "kafka-lab-producer-" + (++made));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(MAX_BLOCK.toMillis()));
            producer = new KafkaProducer<>(props);
            current = settings;
        }
        return producer;
    }

    private SendResult failed(String topic, String key, String value, ProducerSettings settings, Throwable failure) {
        Throwable cause = Failures.rootCause(failure);
        String explained;
        if (cause instanceof NotEnoughReplicasException || cause instanceof NotEnoughReplicasAfterAppendException) {
            explained = notEnoughReplicas(topic, settings, cause);
        } else if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            explained = "No acknowledgement in time (" + cause.getMessage() + "). With acks=" + settings.acks().value()
                    + " the leader of the record's partition must answer: is it stopped, killed or frozen?";
        } else {
            explained = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return new SendResult(key, value, -1, -1, null, explained);
    }

    /** "acks=all needs min.insync.replicas=2 in-sync replicas; partition 0 has 1 ([3])." */
    private String notEnoughReplicas(String topic, ProducerSettings settings, Throwable cause) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String minIsr = admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
            StringBuilder isrs = new StringBuilder();
            d.partitions().forEach(p -> isrs.append(isrs.isEmpty() ? "" : ", ").append("partition ")
                    .append(p.partition()).append(" has ").append(p.isr().size()).append(" ")
                    .append(p.isr().stream().map(n -> n.id()).toList()));
            return "acks=" + settings.acks().value() + " needs min.insync.replicas=" + minIsr
                    + " in-sync replicas; " + isrs + ". The leader refused the write rather than keep it on too few"
                    + " brokers (NotEnoughReplicas).";
        } catch (Exception e) {
            return "acks=" + settings.acks().value() + " needs min.insync.replicas in-sync replicas, and the"
                    + " partition has fewer (" + cause.getClass().getSimpleName() + ").";
        }
    }

    @Override
    public void close() {
        thread.execute(() -> {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
