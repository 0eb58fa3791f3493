package dev.kafkalab.cluster;

import dev.kafkalab.clients.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The cluster the app works on: the {@link LocalCluster} it runs (full control, each replica's
 * log end offset), or a {@link RemoteCluster} it connects to (the Kafka protocol only; broker
 * actions only through commands the user gave). Features ask it what it can do instead of
 * assuming the local cluster.
 */
public interface KafkaCluster extends NodeActions, AutoCloseable {

    /** Starts the nodes, or connects: completes when clients can be made. */
    CompletableFuture<Void> start();

    /** How clients connect: bootstrap servers and security settings. Known once {@link #start()} began. */
    Connection connection();

    default String bootstrapServers() {
        return connection().bootstrapServers();
    }

    /** Every node the app knows of, controller first where there is one. */
    List<NodeStatus> nodes();

    NodeStatus node(int id);

    List<Integer> brokerIds();

    /** Called on any thread at every state change a node goes through; keep it quick. */
    void addListener(Consumer<NodeStatus> listener);

    void removeListener(Consumer<NodeStatus> listener);

    /** Things a person should know about this start or connection. */
    List<String> notes();

    /** Each broker's replicas' log end offsets, where the brokers report them (only the app's own do). */
    Map<Integer, Map<TopicPartition, Long>> logEndOffsets();

    /** For brokers that are down, the log end offsets they reported last (only the app's own). */
    Map<Integer, Map<TopicPartition, Long>> lastSeenLogEndOffsets();

    /** {@code task} runs before the cluster is left when the JVM exits (Ctrl+C, SIGTERM). */
    void beforeStopAtExit(Runnable task);

    /** Whether this is the app's own cluster: processes, logs and per-replica log end offsets. */
    boolean isLocal();

    /**
     * Why the app cannot {@code verb} (stop, kill, pause, resume, start) broker {@code id}, or
     * null when it can.
     */
    String whyNot(String verb, int id);

    @Override
    void close();
}
