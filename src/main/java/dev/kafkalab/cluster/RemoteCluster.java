package dev.kafkalab.cluster;

import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.ConnectionCheck;
import dev.kafkalab.common.Threads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster the app connects to and does not run: everything that works over the Kafka protocol
 * works; its brokers are the ones it reports; per-replica log end offsets are unknown (only the
 * app's own brokers report them); and a broker is stopped, killed or started only through a
 * command the user gave ({@link BrokerCommands}).
 */
public final class RemoteCluster implements KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCluster.class);

    private final Connection connection;
    private final BrokerCommands commands;
    private final Map<Integer, NodeStatus> nodes = new ConcurrentHashMap<>();
    private final List<Consumer<NodeStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Threads.single("kafka-lab-remote");
    private final List<Consumer<String>> outputListeners = new CopyOnWriteArrayList<>();

    public RemoteCluster(Connection connection, BrokerCommands commands) {
        this.connection = connection;
        this.commands = commands;
    }

    /** Checks the connection (a failure says why in one sentence) and learns the brokers. */
    @Override
    public CompletableFuture<Void> start() {
        return CompletableFuture.runAsync(() -> {
            ConnectionCheck.Result check = ConnectionCheck.run(connection);
            if (!check.ok()) {
                throw new ClusterException(check.message());
            }
            notes.add(check.message() + " Each replica's log end offset is not shown: only the app's own brokers"
                    + " report it." + (commands.isEmpty() ? " Broker actions need commands: the Broker commands"
                            + " field of Connection > Connect to a cluster..." : " Broker commands: " + commands.verbs()
                            + "."));
            // The brokers the check heard from: the cluster is not asked twice.
            for (Node n : check.nodes()) {
                nodes.put(n.id(), new NodeStatus(n.id(), NodeRole.BROKER, NodeState.RUNNING, n.port(), -1, null, null));
            }
            LOG.info("Connected to {}: brokers {}", connection, nodes.keySet());
        }, work);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public List<NodeStatus> nodes() {
        List<NodeStatus> all = new ArrayList<>(nodes.values());
        all.sort(Comparator.comparingInt(NodeStatus::id));
        return all;
    }

    @Override
    public NodeStatus node(int id) {
        NodeStatus n = nodes.get(id);
        if (n == null) {
            throw new ClusterException("There is no broker " + id + " in " + connection.name() + ".");
        }
        return n;
    }

    @Override
    public List<Integer> brokerIds() {
        return nodes().stream().map(NodeStatus::id).toList();
    }

    @Override
    public void addListener(Consumer<NodeStatus> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<NodeStatus> listener) {
        listeners.remove(listener);
    }

    /** Hears each broker command that ran, with its output: "COMMAND   # OUTPUT", for the person who asked. */
    public void addOutputListener(Consumer<String> listener) {
        outputListeners.add(listener);
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public Map<Integer, Map<TopicPartition, Long>> logEndOffsets() {
        return Map.of();
    }

    @Override
    public Map<Integer, Map<TopicPartition, Long>> lastSeenLogEndOffsets() {
        return Map.of();
    }

    @Override
    public void beforeStopAtExit(Runnable task) {
        // Nothing of this cluster stops with the app: the app's own programs end with it anyway.
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String whyNot(String verb, int id) {
        if (!nodes.containsKey(id)) {
            return "There is no broker " + id + " in " + connection.name() + ".";
        }
        return commands.command(verb, id).isPresent() ? null : "No command is given to " + verb + " broker " + id
                + " of this remote cluster (the Broker commands field of Connection > Connect to a cluster...).";
    }

    @Override
    public CompletableFuture<Void> stop(int id) {
        return run("stop", id, NodeState.STOPPED);
    }

    @Override
    public CompletableFuture<Void> kill(int id) {
        return run("kill", id, NodeState.KILLED);
    }

    @Override
    public CompletableFuture<Void> pause(int id) {
        return run("pause", id, NodeState.FROZEN);
    }

    @Override
    public CompletableFuture<Void> resume(int id) {
        return run("resume", id, NodeState.RUNNING);
    }

    @Override
    public CompletableFuture<Void> start(int id) {
        return run("start", id, NodeState.RUNNING);
    }

    /** Runs the user's command; the broker's state is what the command was for, as far as the app can know. */
    private CompletableFuture<Void> run(String verb, int id, NodeState after) {
        String why = whyNot(verb, id);
        if (why != null) {
            return CompletableFuture.failedFuture(new ClusterException(why));
        }
        String line = commands.command(verb, id).orElse("");
        return commands.run(verb, id).thenAccept(out -> {
            String said = line + "   # " + out.tail();
            LOG.info("Broker command {}: exit 0, output {}", said, out.lines());
            outputListeners.forEach(l -> l.accept(said));
            NodeStatus before = nodes.get(id);
            NodeStatus now = new NodeStatus(id, NodeRole.BROKER, after, before.port(), -1, null, null);
            nodes.put(id, now);
            listeners.forEach(l -> dev.kafkalab.common.Safely.run("A node-status listener", () -> l.accept(now)));
        });
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
