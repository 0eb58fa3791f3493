package dev.kafkalab.testkit;

import dev.kafkalab.clients.ClientFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.SnapshotPoller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands a test class a started local cluster (controller + 3 brokers on free ports, in a temp
 * directory), a fast poller and an Admin client. After each test every node is repaired; after
 * the class the cluster is closed and no node process may be left.
 */
public final class LocalClusterExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final ClusterSpec.Builder specBuilder;
    private Path dir;
    private LocalCluster cluster;
    private SnapshotPoller poller;
    private Admin admin;
    private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

    private ClientFactory clients;

    public LocalClusterExtension() {
        this(ClusterSpec.builder());
    }

    public LocalClusterExtension(ClusterSpec.Builder specBuilder) {
        this.specBuilder = specBuilder;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("kafka-lab-it-");
        cluster = new LocalCluster(specBuilder.dataDir(dir).firstBrokerPort(0).build());
        cluster.start().get(120, TimeUnit.SECONDS);
        clients = new ClientFactory(cluster.bootstrapServers());
        poller = new SnapshotPoller(clients, cluster, Duration.ofMillis(100));
        poller.addEventListener(events::add);
        poller.start();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(props);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        heal();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<Long> pids;
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
            if (poller != null) {
                poller.close();
            }
            if (clients != null) {
                clients.close();
            }
        } finally {
            if (cluster != null) {
                List<Long> before = cluster.nodes().stream().map(NodeStatus::pid).filter(p -> p > 0).toList();
                cluster.close();
                pids = before.stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                        .toList();
                assertEquals(List.of(), pids, "node processes left running after close()");
            }
            deleteQuietly(dir);
        }
    }

    public LocalCluster cluster() {
        return cluster;
    }

    /** The app's client factory for this cluster, as the app makes it: shared by a test class, closed after it. */
    public ClientFactory clients() {
        return clients;
    }

    public SnapshotPoller poller() {
        return poller;
    }

    public Admin admin() {
        return admin;
    }

    /** Events the poller emitted since the class started (or since {@link #clearEvents()}). */
    public List<ClusterEvent> events() {
        return List.copyOf(events);
    }

    public void clearEvents() {
        events.clear();
    }

    public ClusterSnapshot await(Predicate<ClusterSnapshot> condition, Duration timeout, String what) {
        try {
            return poller.when(condition, timeout, what).get();
        } catch (ExecutionException e) {
            // A timeout carries no message of its own: say what was awaited, and for how long.
            String why = e.getCause().getMessage();
            throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what
                    + (why == null ? "" : ": " + why), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what);
        }
    }

    /**
     * Like {@link #await(Predicate, Duration, String)}, running {@code meanwhile} on this thread
     * between checks: consumers take part in their group only while they poll.
     */
    public ClusterSnapshot await(Predicate<ClusterSnapshot> condition, Duration timeout, Runnable meanwhile,
            String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            meanwhile.run();
            ClusterSnapshot latest = poller.latest();
            if (latest != ClusterSnapshot.EMPTY && condition.test(latest)) {
                return latest;
            }
        }
        throw new AssertionError("Waited " + timeout.toMillis() + " ms for " + what + "; last snapshot: "
                + poller.latest());
    }

    public ClusterEvent awaitEvent(Predicate<ClusterEvent> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ClusterEvent> hit = events.stream().filter(condition).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            // Wait for the next snapshot rather than spinning.
            try {
                poller.when(s -> true, Duration.ofSeconds(2), "the next snapshot").get(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Loop and check the deadline.
            }
        }
        throw new AssertionError("Waited " + timeout.toMillis() + " ms for event: " + what + "; events seen: "
                + events.stream().map(ClusterEvent::text).toList());
    }

    /** Creates a topic and waits until every partition has a leader and a full ISR. */
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) replicationFactor).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not create topic " + name + ": " + e, e);
        }
        await(s -> s.topic(name).map(t -> t.partitions().size() == partitions && t.partitions().stream()
                .allMatch(p -> !p.offline() && p.isr().size() == replicationFactor)).orElse(false),
                WAIT, "topic " + name + " with " + partitions + " led, fully in-sync partitions");
    }

    public PartitionView partition(String topic, int partition) {
        return poller.latest().partition(topic, partition)
                .orElseThrow(() -> new AssertionError("no partition " + topic + "-" + partition + " in the snapshot"));
    }

    /** Every node running, every broker unfenced, every partition led and fully in sync. */
    public void heal() throws Exception {
        for (NodeStatus node : cluster.nodes()) {
            if (node.state() == NodeState.FROZEN) {
                cluster.resume(node.id()).get(10, TimeUnit.SECONDS);
            }
        }
        for (NodeStatus node : cluster.nodes()) {
            if (node.state() == NodeState.STOPPING) {
                cluster.kill(node.id()).get(10, TimeUnit.SECONDS);
            }
        }
        for (NodeStatus node : cluster.nodes()) {
            if (!cluster.node(node.id()).state().isAlive()) {
                cluster.start(node.id()).get(90, TimeUnit.SECONDS);
            }
        }
        await(LocalClusterExtension::healthy, Duration.ofSeconds(60),
                "every broker running and unfenced and every partition fully in sync");
    }

    public static boolean healthy(ClusterSnapshot s) {
        boolean brokersUp = s.nodes().stream().filter(n -> n.role() == NodeRole.BROKER).allMatch(NodeView::serving);
        boolean inSync = s.topics().stream().flatMap(t -> t.partitions().stream())
                .allMatch(p -> !p.offline() && !p.underReplicated());
        return brokersUp && inSync && s.unreadable().isEmpty();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            fail("could not delete " + dir + ": " + e);
        }
    }
}
