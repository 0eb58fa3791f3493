package dev.kafkalab.clients;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every Admin client, producer and consumer of the app comes from. The connection (the
 * bootstrap servers, and later a remote cluster's security settings) enters here and nowhere
 * else; each Admin gets the timeouts of what it is for ({@link Profile}). Actions share one Admin
 * ({@link #actions()}), which this factory closes.
 */
public final class ClientFactory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFactory.class);

    /** How long an Admin client waits, by what it is for. */
    public enum Profile {
        /**
         * Watching the cluster several times a second. A frozen broker accepts connections and
         * never answers, so every request gives up soon, a dead broker is asked again soon, and
         * metadata is refreshed often enough to see leaders move within a poll or two.
         */
        MONITOR(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2_000,
                AdminClientConfig.METADATA_MAX_AGE_CONFIG, 2_000)),
        /**
         * What a person asked for: create a topic, reset offsets, look up an ISR. Long enough to
         * ride out a leader election (about 3 s after a kill), short enough that a frozen broker
         * costs seconds, not Kafka's default minute. Calls that must answer sooner pass their own
         * {@code timeoutMs}.
         */
        ACTIONS(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500)),
        /**
         * A benchmark timing a failover: asks as fast as the cluster answers and reconnects at
         * once, so what it measures is the cluster, not the client's back-off.
         */
        MEASURE(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.METADATA_MAX_AGE_CONFIG, 500)),
        /** Setting up a benchmark: hundreds of partitions at once on a busy machine, with time to spare. */
        BULK(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));

        private final Map<String, Object> settings;

        Profile(Map<String, Object> settings) {
            this.settings = settings;
        }
    }

    private final String bootstrapServers;
    private final Map<String, Object> connection;
    private Admin actions;
    private boolean closed;

    /** Clients of the cluster at {@code bootstrapServers}, plaintext. */
    public ClientFactory(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** Clients of the cluster at {@code bootstrapServers} with {@code connection} (security settings) added to each. */
    public ClientFactory(String bootstrapServers, Map<String, Object> connection) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka clients need the cluster's bootstrap servers.");
        }
        this.bootstrapServers = bootstrapServers;
        this.connection = Map.copyOf(connection);
    }

    /** Clients of {@code connection}'s cluster, with its security settings. */
    public ClientFactory(Connection connection) {
        this(connection.bootstrapServers(), connection.clientProperties());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The security settings every client gets (empty for a plaintext cluster), as strings, secrets included. */
    public Map<String, String> settings() {
        Map<String, String> out = new java.util.TreeMap<>();
        connection.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** A new Admin client with the timeouts of {@code profile}; the caller closes it. */
    public Admin admin(Profile profile, String clientId) {
        Properties p = common(clientId);
        p.putAll(profile.settings);
        return Admin.create(p);
    }

    /** The Admin client that actions share (profile {@link Profile#ACTIONS}); closed with this factory, never by its users. */
    public synchronized Admin actions() {
        if (closed) {
            throw new IllegalStateException("The Kafka clients are closed: the app is shutting down.");
        }
        if (actions == null) {
            actions = admin(Profile.ACTIONS, "kafka-lab-actions");
        }
        return actions;
    }

    /** A producer with {@code settings} (what the course or the form chose) on this connection. */
    public <K, V> KafkaProducer<K, V> producer(Properties settings) {
        return new KafkaProducer<>(connected(settings));
    }

    /** A producer with {@code settings} and these serializers, on this connection. */
    public <K, V> KafkaProducer<K, V> producer(Properties settings, Serializer<K> keys, Serializer<V> values) {
        return new KafkaProducer<>(connected(settings), keys, values);
    }

    /** A consumer with {@code settings} (a group's, usually), on this connection. */
    public <K, V> KafkaConsumer<K, V> consumer(Properties settings) {
        return new KafkaConsumer<>(connected(settings));
    }

    /** A consumer with {@code settings} and these deserializers, on this connection. */
    public <K, V> KafkaConsumer<K, V> consumer(Properties settings, Deserializer<K> keys, Deserializer<V> values) {
        return new KafkaConsumer<>(connected(settings), keys, values);
    }

    /** A share consumer (KIP-932) with {@code settings} (its group's), on this connection. */
    public <K, V> KafkaShareConsumer<K, V> shareConsumer(Properties settings, Deserializer<K> keys,
            Deserializer<V> values) {
        return new KafkaShareConsumer<>(connected(settings), keys, values);
    }

    /** Closes the shared Admin client; clients handed out are their owners' to close. */
    @Override
    public void close() {
        Admin shared;
        synchronized (this) {
            closed = true;
            shared = actions;
            actions = null;
        }
        if (shared != null) {
            try {
                shared.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("Closing the shared Admin client failed", e);
            }
        }
    }

    private Properties common(String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.putAll(connection);
        return p;
    }

    /** The caller's settings, with this connection's bootstrap servers and security settings winning. */
    private Properties connected(Properties settings) {
        Properties p = new Properties();
        p.putAll(settings);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(connection);
        return p;
    }
}
