package dev.kafkalab.monitor;

import dev.kafkalab.common.Safely;
import dev.kafkalab.common.Failures;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.cluster.KafkaCluster;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads the cluster every {@code interval} on its own thread and publishes immutable
 * {@link ClusterSnapshot}s and the {@link ClusterEvent}s between consecutive ones. No JavaFX:
 * a view model hops onto the UI thread itself.
 *
 * <p>A frozen broker accepts connections and never answers. Every Admin call therefore has a
 * short timeout, all calls of one snapshot run at once, and what did not answer in time is
 * carried over from the previous snapshot and named in {@link ClusterSnapshot#unreadable()}.
 */
public final class SnapshotPoller implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SnapshotPoller.class);

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    private static final int CALL_TIMEOUT_MS = 2_000;
    private static final long SNAPSHOT_DEADLINE_MS = 2_500;

    private final Admin admin;
    private final ShareGroupReader shares;
    private final OlderBrokers older = new OlderBrokers();
    private final KafkaCluster local;
    private final Duration interval;
    private final ScheduledExecutorService thread;
    private final List<Consumer<ClusterSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ClusterEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private volatile ClusterSnapshot latest = ClusterSnapshot.EMPTY;
    private volatile boolean running;
    /** Written and read on the poller's thread only. */
    private String lastFailure;

    /**
     * Watches the cluster {@code clients} connect to, with an Admin client of its own (the
     * monitor's timeouts). With {@code local} (the cluster the app runs) node processes and
     * per-replica log end offsets are included; without (null) they are unknown.
     */
    public SnapshotPoller(ClientFactory clients, KafkaCluster local, Duration interval) {
        this.admin = clients.admin(ClientFactory.Profile.MONITOR, "kafka-lab-monitor");
        this.shares = new ShareGroupReader(admin, CALL_TIMEOUT_MS);
        this.local = local;
        this.interval = interval;
        this.thread = Threads.scheduler("kafka-lab-poller");
    }

    public void addSnapshotListener(Consumer<ClusterSnapshot> listener) {
        snapshotListeners.add(listener);
    }

    public void removeSnapshotListener(Consumer<ClusterSnapshot> listener) {
        snapshotListeners.remove(listener);
    }

    public void addEventListener(Consumer<ClusterEvent> listener) {
        eventListeners.add(listener);
    }

    public void removeEventListener(Consumer<ClusterEvent> listener) {
        eventListeners.remove(listener);
    }

    public ClusterSnapshot latest() {
        return latest;
    }

    /** Polls until closed; the first snapshot is taken at once. */
    public synchronized SnapshotPoller start() {
        if (!running) {
            running = true;
            thread.execute(this::pollAndReschedule);
        }
        return this;
    }

    /**
     * Completes with the first snapshot (the latest one included) that satisfies the condition;
     * fails with a message naming {@code what} after the timeout.
     */
    public CompletableFuture<ClusterSnapshot> when(Predicate<ClusterSnapshot> condition, Duration timeout,
            String what) {
        ClusterSnapshot now = latest;
        if (now != ClusterSnapshot.EMPTY && condition.test(now)) {
            return CompletableFuture.completedFuture(now);
        }
        Waiter waiter = new Waiter(condition, new CompletableFuture<>());
        waiters.add(waiter);
        return waiter.future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((s, t) -> waiters.remove(waiter))
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(t instanceof TimeoutException
                        ? new TimeoutException("Waited " + timeout.toMillis() + " ms for " + what
                                + "; last snapshot: " + describe(latest))
                        : t));
    }

    /** Takes one snapshot now, on the caller's thread; what tests and the benchmark use. */
    public ClusterSnapshot takeSnapshot() {
        return snapshot(latest);
    }

    @Override
    public void close() {
        running = false;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(2));
    }

    private void pollAndReschedule() {
        if (!running) {
            return;
        }
        long started = System.nanoTime();
        try {
            publish(snapshot(latest));
        } catch (RuntimeException e) {
            // One bad poll must not end polling; the next one tries again. Said once per kind of failure.
            String said = Failures.message(e);
            if (!said.equals(lastFailure)) {
                lastFailure = said;
                LOG.warn("A snapshot of the cluster failed; polling goes on", e);
            }
        }
        if (running) {
            long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            thread.schedule(this::pollAndReschedule, Math.max(50, interval.toMillis() - spent), TimeUnit.MILLISECONDS);
        }
    }

    private void publish(ClusterSnapshot next) {
        ClusterSnapshot previous = latest;
        latest = next;
        List<ClusterEvent> events = previous == ClusterSnapshot.EMPTY ? List.of() : ClusterEvents.between(previous, next);
        for (Consumer<ClusterSnapshot> listener : snapshotListeners) {
            safely(() -> listener.accept(next));
        }
        for (ClusterEvent event : events) {
            for (Consumer<ClusterEvent> listener : eventListeners) {
                safely(() -> listener.accept(event));
            }
        }
        for (Waiter waiter : waiters) {
            safely(() -> {
                if (waiter.condition.test(next)) {
                    waiter.future.complete(next);
                }
            });
        }
    }

    // --- one snapshot

    private ClusterSnapshot snapshot(ClusterSnapshot previous) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SNAPSHOT_DEADLINE_MS);
        List<String> unreadable = new ArrayList<>();
        Instant takenAt = Instant.now();
        List<NodeStatus> processes = local == null ? List.of() : local.nodes();
        Map<Integer, Map<TopicPartition, Long>> logEnds = local == null ? Map.of() : local.logEndOffsets();
        Map<Integer, Map<TopicPartition, Long>> lastSeen = local == null ? Map.of() : local.lastSeenLogEndOffsets();

        DescribeClusterResult cluster = older.describeCluster(admin, CALL_TIMEOUT_MS);
        KafkaFuture<Integer> quorumLeader = admin.describeMetadataQuorum(
                new org.apache.kafka.clients.admin.DescribeMetadataQuorumOptions().timeoutMs(CALL_TIMEOUT_MS))
                .quorumInfo().thenApply(q -> q.leaderId());
        KafkaFuture<Set<String>> names = admin.listTopics(
                new ListTopicsOptions().listInternal(true).timeoutMs(CALL_TIMEOUT_MS)).names();
        KafkaFuture<Collection<GroupListing>> groupListings = older.consumerGroups(admin, CALL_TIMEOUT_MS);
        KafkaFuture<Collection<GroupListing>> shareListings = shares.list();

        List<TopicView> topics = topics(names, deadline, unreadable, logEnds, lastSeen, previous);
        List<NodeView> nodes = nodes(cluster, quorumLeader, processes, deadline, unreadable, previous);
        List<GroupView> groups = new ArrayList<>(groups(groupListings, topics, deadline, unreadable, previous));
        groups.addAll(shares.read(shareListings, deadline, unreadable, previous));
        older.learn(cluster.nodes(), groupListings);
        return new ClusterSnapshot(takenAt, nodes, topics, groups, unreadable);
    }

    private List<NodeView> nodes(DescribeClusterResult cluster, KafkaFuture<Integer> quorumLeader,
            List<NodeStatus> processes, long deadline, List<String> unreadable, ClusterSnapshot previous) {
        Optional<Collection<Node>> registered = get(cluster.nodes(), deadline);
        if (registered.isEmpty()) {
            unreadable.add("brokers");
        }
        Integer leader = get(quorumLeader, deadline).orElse(null);
        Map<Integer, Node> byId = new HashMap<>();
        registered.ifPresent(all -> all.forEach(n -> byId.put(n.id(), n)));
        List<NodeView> nodes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (NodeStatus p : processes) {
            seen.add(p.id());
            Node n = byId.get(p.id());
            boolean isRegistered;
            boolean fenced;
            if (registered.isPresent()) {
                isRegistered = n != null;
                fenced = n != null && n.isFenced();
            } else {
                Optional<NodeView> before = previous.node(p.id());
                isRegistered = before.map(NodeView::registered).orElse(false);
                fenced = before.map(NodeView::fenced).orElse(false);
            }
            boolean active = p.role() == NodeRole.CONTROLLER && leader != null ? leader == p.id()
                    : p.role() == NodeRole.CONTROLLER && p.state() == dev.kafkalab.cluster.NodeState.RUNNING;
            nodes.add(new NodeView(p.id(), p.role(), p.state(), p.port(),
                    p.role() == NodeRole.BROKER && isRegistered, fenced, active));
        }
        for (Node n : byId.values().stream().sorted(Comparator.comparingInt(Node::id)).toList()) {
            if (seen.add(n.id())) {
                nodes.add(new NodeView(n.id(), NodeRole.BROKER, null, n.port(), true, n.isFenced(),
                        leader != null && leader == n.id()));
            }
        }
        return nodes;
    }

    private List<TopicView> topics(KafkaFuture<Set<String>> names, long deadline, List<String> unreadable,
            Map<Integer, Map<TopicPartition, Long>> logEnds, Map<Integer, Map<TopicPartition, Long>> lastSeen,
            ClusterSnapshot previous) {
        Optional<Set<String>> topicNames = get(names, deadline);
        if (topicNames.isEmpty()) {
            unreadable.add("topics");
            return previous.topics();
        }
        Set<String> carriedOver = new java.util.HashSet<>();
        Optional<Map<String, TopicDescription>> described = describe(topicNames.get(), previous, deadline, carriedOver);
        if (described.isEmpty()) {
            unreadable.add("topics");
            return previous.topics();
        }
        Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> latestSpec = new LinkedHashMap<>();
        for (TopicDescription d : described.get().values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                TopicPartition tp = new TopicPartition(d.name(), p.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latestSpec.put(tp, OffsetSpec.latest());
            }
        }
        ListOffsetsOptions options = new ListOffsetsOptions().timeoutMs(CALL_TIMEOUT_MS);
        ListOffsetsResult starts = earliest.isEmpty() ? null : admin.listOffsets(earliest, options);
        ListOffsetsResult highs = latestSpec.isEmpty() ? null : admin.listOffsets(latestSpec, options);
        // The same as a read_committed consumer asks it: the last stable offset (an open transaction's first).
        ListOffsetsResult stables = latestSpec.isEmpty() ? null : admin.listOffsets(latestSpec,
                new ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_COMMITTED).timeoutMs(CALL_TIMEOUT_MS));
        List<TopicView> topics = new ArrayList<>();
        boolean offsetsMissing = false;
        for (TopicDescription d : described.get().values().stream()
                .sorted(Comparator.comparing(TopicDescription::name)).toList()) {
            List<PartitionView> partitions = new ArrayList<>();
            for (TopicPartitionInfo p : d.partitions()) {
                TopicPartition tp = new TopicPartition(d.name(), p.partition());
                long start = offset(starts, tp, deadline);
                long high = offset(highs, tp, deadline);
                if (start == PartitionView.UNKNOWN || high == PartitionView.UNKNOWN) {
                    offsetsMissing = true;
                    Optional<PartitionView> before = previous.partition(d.name(), p.partition());
                    if (start == PartitionView.UNKNOWN) {
                        start = before.map(PartitionView::logStartOffset).orElse(PartitionView.UNKNOWN);
                    }
                    if (high == PartitionView.UNKNOWN) {
                        high = before.map(PartitionView::highWatermark).orElse(PartitionView.UNKNOWN);
                    }
                }
                Map<Integer, Long> ends = new HashMap<>();
                Map<Integer, Long> seen = new HashMap<>();
                for (Node replica : p.replicas()) {
                    Long end = logEnds.getOrDefault(replica.id(), Map.of()).get(tp);
                    Long before = lastSeen.getOrDefault(replica.id(), Map.of()).get(tp);
                    if (end != null) {
                        ends.put(replica.id(), end);
                    } else if (before != null) {
                        seen.put(replica.id(), before);
                    }
                }
                long stable = offset(stables, tp, deadline);
                partitions.add(new PartitionView(d.name(), p.partition(), p.leader() == null ? PartitionView.NO_LEADER
                        : p.leader().id(), ids(p.replicas()), ids(p.isr()), ids(p.elr()), start, high, ends, seen,
                        stable == PartitionView.UNKNOWN ? high : stable));
            }
            partitions.sort(Comparator.comparingInt(PartitionView::partition));
            topics.add(new TopicView(d.name(), d.isInternal(), partitions));
        }
        if (offsetsMissing) {
            unreadable.add("offsets of some partitions");
        }
        if (!carriedOver.isEmpty()) {
            previous.topics().stream().filter(t -> carriedOver.contains(t.name())).forEach(topics::add);
            topics.sort(Comparator.comparing(TopicView::name));
        }
        return topics;
    }

    private List<GroupView> groups(KafkaFuture<Collection<GroupListing>> listings, List<TopicView> topics,
            long deadline, List<String> unreadable, ClusterSnapshot previous) {
        Optional<Collection<GroupListing>> listed = get(listings, deadline);
        if (listed.isEmpty()) {
            unreadable.add("consumer groups");
            return previous.groups().stream().filter(g -> g.type() != org.apache.kafka.common.GroupType.SHARE).toList();
        }
        List<String> ids = listed.get().stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(ids,
                new DescribeConsumerGroupsOptions().timeoutMs(CALL_TIMEOUT_MS)).describedGroups();
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(specs,
                new ListConsumerGroupOffsetsOptions().timeoutMs(CALL_TIMEOUT_MS));
        Map<TopicPartition, Long> highWatermarks = new HashMap<>();
        topics.forEach(t -> t.partitions().forEach(p -> highWatermarks.put(p.topicPartition(), p.highWatermark())));
        List<GroupView> groups = new ArrayList<>();
        for (String id : ids) {
            Optional<ConsumerGroupDescription> d = get(described.get(id), deadline);
            if (d.isEmpty()) {
                unreadable.add("group " + id);
                previous.group(id).ifPresent(groups::add);
                continue;
            }
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, Long> lag = new HashMap<>();
            Optional<Map<TopicPartition, OffsetAndMetadata>> commits = get(offsets.partitionsToOffsetAndMetadata(id),
                    deadline);
            if (commits.isEmpty()) {
                unreadable.add("offsets of group " + id);
            }
            commits.ifPresent(c -> c.forEach((tp, om) -> {
                if (om != null) {
                    committed.put(tp, om.offset());
                    Long high = highWatermarks.get(tp);
                    if (high != null && high >= 0) {
                        lag.put(tp, Math.max(0, high - om.offset()));
                    }
                }
            }));
            List<MemberView> members = new ArrayList<>();
            for (MemberDescription m : d.get().members()) {
                members.add(new MemberView(m.consumerId(), m.clientId(), m.host(), m.groupInstanceId().orElse(null),
                        m.assignment().topicPartitions(), m.memberEpoch().orElse(null)));
            }
            members.sort(Comparator.comparing(MemberView::clientId).thenComparing(MemberView::memberId));
            groups.add(new GroupView(id, d.get().type(), d.get().groupState(), d.get().partitionAssignor(),
                    d.get().groupEpoch().orElse(null), members, committed, lag));
        }
        return groups;
    }

    private static long offset(ListOffsetsResult result, TopicPartition tp, long deadline) {
        if (result == null) {
            return PartitionView.UNKNOWN;
        }
        return get(result.partitionResult(tp), deadline).map(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .orElse(PartitionView.UNKNOWN);
    }

    /**
     * Describes the listed topics, and the ones the previous snapshot had that this listing lacks.
     * A listing comes from one broker's metadata cache, and a broker busy creating hundreds of
     * partitions can be seconds behind: its listing misses a topic that exists, and the next
     * listing, from another broker, has it again. So a topic is only reported gone when a
     * describe by name says it is unknown; if that describe cannot answer either, the last view
     * of it is kept (named in {@code carriedOver}). Empty when a listed topic cannot be described in time.
     */
    private Optional<Map<String, TopicDescription>> describe(Set<String> listed, ClusterSnapshot previous,
            long deadline, Set<String> carriedOver) {
        Set<String> wanted = new java.util.TreeSet<>(listed);
        previous.topics().forEach(t -> wanted.add(t.name()));
        if (wanted.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(wanted,
                new DescribeTopicsOptions().timeoutMs(CALL_TIMEOUT_MS)).topicNameValues();
        Map<String, TopicDescription> described = new HashMap<>();
        for (String name : wanted) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                described.put(name, futures.get(name).get(left, TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                    continue;
                }
                if (listed.contains(name)) {
                    return Optional.empty();
                }
                carriedOver.add(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.of(described);
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(Node::id).toList();
    }

    static <T> Optional<T> get(KafkaFuture<T> future, long deadlineNanos) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            return Optional.ofNullable(future.get(left, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** A listener's bug must not stop the poller. */
    private static void safely(Runnable r) {
        Safely.run("A snapshot listener", r);
    }

    /** One line: each node's state, each partition's leader and ISR, what could not be read. */
    public static String describe(ClusterSnapshot s) {
        StringBuilder b = new StringBuilder();
        for (NodeView n : s.nodes()) {
            b.append(n.label()).append('=').append(n.process() == null ? "?" : n.process().word())
                    .append(n.fenced() ? "/fenced" : "").append(' ');
        }
        for (TopicView t : s.topics()) {
            if (t.internal()) {
                continue;
            }
            for (PartitionView p : t.partitions()) {
                b.append(p.name()).append("[leader=").append(p.leader()).append(" isr=").append(p.isr()).append("] ");
            }
        }
        if (!s.unreadable().isEmpty()) {
            b.append("unreadable=").append(s.unreadable());
        }
        return b.toString().trim();
    }

    private record Waiter(Predicate<ClusterSnapshot> condition, CompletableFuture<ClusterSnapshot> future) {
    }
}
