package dev.kafkalab.topics;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Failures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DeleteTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates and deletes topics; failures come back as messages a learner can act on. */
public final class TopicService implements TopicOperations, AutoCloseable {

    private final Admin admin;
    private final ClientFactory clients;
    private final java.util.concurrent.ExecutorService reader = dev.kafkalab.common.Threads.single("kafka-lab-log-marks");

    /** Topics through the actions' shared Admin client, which {@code clients} closes. */
    public TopicService(ClientFactory clients) {
        this.admin = clients.actions();
        this.clients = clients;
    }

    @Override
    public CompletableFuture<Map<Integer, LogMarks>> logMarks(String topic) {
        return CompletableFuture.supplyAsync(() -> LogMarks.read(clients, topic), reader);
    }

    /** Creates a checked request; fails with a {@link TopicException} naming the field at fault. */
    @Override
    public CompletableFuture<Void> create(TopicRequest r) {
        return create(r, Map.of());
    }

    /**
     * Creates a checked request with more topic configs ({@code retention.ms}, {@code segment.bytes}...),
     * given to Kafka as they are. A config Kafka refuses fails the future with a {@link TopicException}
     * that names it and gives Kafka's reason; nothing is created then.
     */
    @Override
    public CompletableFuture<Void> create(TopicRequest r, Map<String, String> configs) {
        Map<String, String> all;
        try {
            all = TopicConfigs.merge(r, configs == null ? Map.of() : configs);
        } catch (TopicException e) {
            return CompletableFuture.failedFuture(e);
        }
        String name = r.name().trim();
        NewTopic topic = new NewTopic(name, Integer.parseInt(r.partitions().trim()),
                Short.parseShort(r.replicationFactor().trim())).configs(all);
        return admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs(15_000)).all()
                .toCompletionStage().toCompletableFuture()
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(
                        TopicConfigs.refused(all, t).orElseGet(() -> explain(name, t))));
    }

    @Override
    public CompletableFuture<Void> delete(String name) {
        return admin.deleteTopics(List.of(name), new DeleteTopicsOptions().timeoutMs(15_000)).all()
                .toCompletionStage().toCompletableFuture()
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(explain(name, t)));
    }

    static TopicException explain(String name, Throwable t) {
        Throwable c = Failures.rootCause(t);
        if (c instanceof TopicExistsException) {
            return new TopicException(TopicRules.NAME, "A topic named '" + name + "' already exists.");
        }
        if (c instanceof InvalidTopicException) {
            return new TopicException(TopicRules.NAME, c.getMessage());
        }
        if (c instanceof InvalidReplicationFactorException) {
            return new TopicException(TopicRules.REPLICATION_FACTOR, c.getMessage());
        }
        if (c instanceof UnknownTopicOrPartitionException) {
            return new TopicException(TopicRules.NAME, "There is no topic named '" + name + "'.");
        }
        if (c instanceof TimeoutException) {
            return new TopicException(null, "The cluster did not answer in time: are the brokers running?");
        }
        return new TopicException(null, c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
    }

    /** Stops its log reader; the Admin client is shared, its factory closes it. */
    @Override
    public void close() {
        reader.shutdownNow();
    }

    /** A refused topic operation: the message, and the form field it concerns (or null). */
    public static final class TopicException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public TopicException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
