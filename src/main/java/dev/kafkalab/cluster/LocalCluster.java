package dev.kafkalab.cluster;

import dev.kafkalab.common.Safely;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Failures;
import dev.kafkalab.common.AppDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * A real Kafka cluster on this machine: one dedicated KRaft controller and N brokers, each its
 * own JVM, all on 127.0.0.1. Why a dedicated controller: with combined nodes, killing two of
 * three loses the quorum and metadata freezes; with one controller the class sees the survivor
 * take over every partition.
 *
 * <p>Start it with {@link #start()}, break and repair single nodes with {@link #stop(int)},
 * {@link #kill(int)}, {@link #pause(int)}, {@link #resume(int)} and {@link #start(int)}, and
 * {@link #close()} it. Nothing outlives it: children also exit when this JVM dies (they watch
 * their stdin), and a shutdown hook ends them on SIGTERM.
 */
public final class LocalCluster implements KafkaCluster {

    public static final int CONTROLLER_ID = NodeConfig.CONTROLLER_ID;
    private static final long CLOSE_GRACE_MS = 20_000;

    private final ClusterSpec spec;
    private final Map<Integer, NodeProcess> nodes = new LinkedHashMap<>();
    private final Map<Integer, Integer> ports = new LinkedHashMap<>();
    /** Each broker's class listener port, when the cluster is open to a class. */
    private final Map<Integer, Integer> classPorts = new LinkedHashMap<>();
    private final List<Consumer<NodeStatus>> listeners = new CopyOnWriteArrayList<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalCluster.class);
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Leftovers leftovers;
    private final ExecutorService actions;
    private final DataDir dir;
    private final Thread shutdownHook;
    private final List<Runnable> beforeStopAtExit = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean started;
    private volatile boolean closed;
    private volatile NodeLauncher launcher;
    private volatile ClassroomOpening classroom;

    public LocalCluster(ClusterSpec spec) {
        this.spec = spec;
        this.dir = new DataDir(spec.dataDir());
        this.leftovers = new Leftovers(spec.dataDir());
        this.actions = Threads.single("kafka-lab-cluster");
        nodes.put(CONTROLLER_ID, new NodeProcess(CONTROLLER_ID, NodeRole.CONTROLLER,
                logsDir().resolve("controller-" + CONTROLLER_ID + ".log"), this::stateChanged));
        for (int id = 1; id <= spec.brokers(); id++) {
            nodes.put(id, new NodeProcess(id, NodeRole.BROKER, logsDir().resolve("broker-" + id + ".log"),
                    this::stateChanged));
        }
        this.shutdownHook = new Thread(() -> {
            for (Runnable task : beforeStopAtExit) {
                dev.kafkalab.common.Safely.run("A task before the cluster stops at exit", task);
            }
            close();
        }, "kafka-lab-cluster-shutdown");
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** Called on the node's own threads at every state change; keep it quick. */
    public void addListener(Consumer<NodeStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<NodeStatus> listener) {
        listeners.remove(listener);
    }

    /** Things a person should know about this start, e.g. a port that was taken and replaced. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public dev.kafkalab.clients.Connection connection() {
        return dev.kafkalab.clients.Connection.local(bootstrapServers());
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public String whyNot(String verb, int id) {
        if ((verb.equals("pause") || verb.equals("resume")) && !dev.kafkalab.common.Os.current().canFreeze()) {
            return dev.kafkalab.common.Os.current().noFreeze();
        }
        return nodes.containsKey(id) ? null : "There is no node " + id + ".";
    }

    /** {@code 127.0.0.1:9092,127.0.0.1:9093,...}: every broker, known once {@link #start()} began. */
    @Override
    public String bootstrapServers() {
        return brokerIds().stream().map(id -> "127.0.0.1:" + ports.get(id)).collect(Collectors.joining(","));
    }

    /**
     * Where learners connect when the cluster is open to a class ({@link ClusterSpec#classroom()}):
     * every broker's class listener; empty otherwise.
     */
    public String classBootstrapServers() {
        Classroom classroom = spec.classroom();
        if (classroom == null) {
            return "";
        }
        return brokerIds().stream().filter(classPorts::containsKey)
                .map(id -> hostPort(classroom.address(), classPorts.get(id))).collect(Collectors.joining(","));
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public List<Integer> brokerIds() {
        return nodes.values().stream().filter(n -> n.role() == NodeRole.BROKER).map(NodeProcess::id).toList();
    }

    /** Every node, controller first. */
    public List<NodeStatus> nodes() {
        return nodes.values().stream().map(this::status).toList();
    }

    public NodeStatus node(int id) {
        return status(require(id));
    }

    /** The log end offset of every replica each broker holds, as the broker last reported it. */
    public Map<Integer, Map<TopicPartition, Long>> logEndOffsets() {
        Map<Integer, Map<TopicPartition, Long>> all = new LinkedHashMap<>();
        for (NodeProcess node : nodes.values()) {
            if (node.role() == NodeRole.BROKER) {
                all.put(node.id(), node.logEndOffsets().offsets());
            }
        }
        return all;
    }

    /**
     * For each broker that is down (or restarted and not reporting yet), the log end offsets it
     * reported last before it went down. A killed leader's log kept records no follower copied:
     * this is where they can still be seen until the broker comes back and truncates them.
     */
    public Map<Integer, Map<TopicPartition, Long>> lastSeenLogEndOffsets() {
        Map<Integer, Map<TopicPartition, Long>> all = new LinkedHashMap<>();
        for (NodeProcess node : nodes.values()) {
            Map<TopicPartition, Long> seen = node.lastSeenLogEndOffsets().offsets();
            if (node.role() == NodeRole.BROKER && !seen.isEmpty() && node.logEndOffsets().offsets().isEmpty()) {
                all.put(node.id(), seen);
            }
        }
        return all;
    }

    /**
     * Formats storage where needed, starts the controller and every broker in parallel, and
     * completes when all report ready. Fails with a message naming what did not become ready and
     * where its log is; then nothing is left running.
     */
    public synchronized CompletableFuture<Void> start() {
        if (closed) {
            return CompletableFuture.failedFuture(new ClusterException("This cluster was closed; create a new one."));
        }
        if (started) {
            return CompletableFuture.failedFuture(new ClusterException("The cluster is already started."));
        }
        started = true;
        // A failed start leaves nothing running and the data directory free: it may be tried again.
        return CompletableFuture.runAsync(this::startAll, actions).whenComplete((ok, failure) -> {
            if (failure != null) {
                started = false;
            }
        });
    }

    @Override
    public CompletableFuture<Void> stop(int id) {
        return act(id, NodeProcess::stop);
    }

    @Override
    public CompletableFuture<Void> kill(int id) {
        return act(id, NodeProcess::kill);
    }

    @Override
    public CompletableFuture<Void> pause(int id) {
        return act(id, node -> node.pause().thenRun(() -> tellOthers(node, NodeMain.FROZEN_COMMAND)));
    }

    @Override
    public CompletableFuture<Void> resume(int id) {
        return act(id, node -> {
            long pid = node.pid();
            return node.resume().thenRun(() -> tellAll(NodeMain.THAWED_COMMAND + " " + pid));
        });
    }

    /**
     * Every live node learns which pids are frozen: if this JVM dies, whichever node notices first
     * sends them SIGCONT so they notice too. Nothing frozen outlives the app.
     */
    private void tellOthers(NodeProcess frozen, String command) {
        tellAll(command + " " + frozen.pid());
    }

    private void tellAll(String line) {
        for (NodeProcess n : nodes.values()) {
            n.sendLine(line);
        }
    }

    /** Starts a stopped, killed or crashed node again: same id, same port, same data. */
    @Override
    public CompletableFuture<Void> start(int id) {
        return act(id, node -> {
            if (!started) {
                throw new ClusterException("Start the cluster first.");
            }
            CompletableFuture<Void> ready = node.start(launcher.command(node), () -> launcher.keepArchive(node));
            recordStarted(node);
            for (NodeProcess other : nodes.values()) {
                if (other.state() == NodeState.FROZEN) {
                    node.sendLine(NodeMain.FROZEN_COMMAND + " " + other.pid());
                }
            }
            return ready
                    .orTimeout(spec.startTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(t -> CompletableFuture.failedFuture(notReady(node, Failures.rootCause(t))));
        });
    }

    /** Deletes every topic and record: the cluster must be closed or not yet started. */
    public static void wipe(Path dataDir) {
        DataDir.wipe(dataDir);
    }

    /** Stops brokers gracefully (frozen ones resumed first), then the controller; nothing is left. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            List<CompletableFuture<Void>> stopping = new ArrayList<>();
            for (NodeProcess node : nodes.values()) {
                if (node.role() == NodeRole.BROKER) {
                    stopping.add(stopForClose(node));
                }
            }
            awaitQuietly(CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)), CLOSE_GRACE_MS);
            awaitQuietly(stopForClose(nodes.get(CONTROLLER_ID)), CLOSE_GRACE_MS);
        } finally {
            forceStopAllAndWait();
            actions.shutdownNow();
            dir.unlock();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // The JVM is already shutting down, or the hook was never added.
            }
        }
    }

    /** Process ids of node JVMs still alive (for tests and the exit check). */
    public List<Long> livePids() {
        return nodes.values().stream().filter(NodeProcess::isProcessAlive).map(NodeProcess::pid).toList();
    }

    /**
     * {@code task} runs before the cluster stops when the JVM exits (Ctrl+C, SIGTERM): what must
     * end while the brokers still answer, such as programs whose consumers leave their groups.
     */
    public void beforeStopAtExit(Runnable task) {
        beforeStopAtExit.add(task);
    }

    public Path logsDir() {
        return dir.logsDir();
    }

    // --- start

    private void startAll() {
        try {
            dir.lock();
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            // Before the ports are chosen: an earlier run's node still holds its port and its log directory.
            leftovers.endEarlierRun().ifPresent(notes::add);
            assignPorts();
            dir.recordBootstrap(bootstrapServers());
            launcher = new NodeLauncher(spec, dir, NodeClasspath.resolve(AppDirs.cache()), dir.readOrCreateClusterId());
            for (NodeProcess node : nodes.values()) {
                NodeConfig.write(dir.configFile(node.role(), node.id()), NodeConfig.properties(spec, node.role(),
                        node.id(), ports.get(node.id()), classPorts.getOrDefault(node.id(), 0), ports.get(CONTROLLER_ID),
                        dir.dataDir(node.role(), node.id())));
            }
        } catch (IOException e) {
            dir.unlock();
            throw new ClusterException("Could not prepare " + spec.dataDir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dir.unlock();
            throw e;
        }
        Map<NodeProcess, CompletableFuture<Void>> readiness = new LinkedHashMap<>();
        synchronized (this) {
            // close() may have come while the files were written: then launch nothing.
            if (closed) {
                dir.unlock();
                throw new ClusterException("The cluster was closed while it was starting.");
            }
            for (NodeProcess node : nodes.values()) {
                readiness.put(node, node.start(launcher.command(node), () -> launcher.keepArchive(node)));
                recordStarted(node);
            }
        }
        long deadline = System.nanoTime() + spec.startTimeout().toNanos();
        for (Map.Entry<NodeProcess, CompletableFuture<Void>> e : readiness.entrySet()) {
            try {
                e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException ex) {
                ClusterException failure = notReady(e.getKey(), ex instanceof ExecutionException ? ex.getCause() : ex);
                abandonStart();
                throw failure;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                abandonStart();
                throw new ClusterException("Interrupted while starting the cluster.", ex);
            }
        }
        if (spec.classroom() != null) {
            openToTheClass();
        }
    }

    /** What opening the cluster to its class did, once started; empty without a class. */
    public java.util.Optional<ClassroomOpening> classroomOpening() {
        return java.util.Optional.ofNullable(classroom);
    }

    /** The last step of a start for a class: logins, ACLs, learners' files, a login checked. */
    private void openToTheClass() {
        try {
            classroom = ClassroomOpening.open(spec, bootstrapServers(), classBootstrapServers());
            notes.add(classroom.summary());
        } catch (RuntimeException e) {
            abandonStart();
            throw e;
        }
    }

    /** After a failed start nothing runs and the data directory is free for another try. */
    private void abandonStart() {
        forceStopAllAndWait();
        dir.unlock();
    }

    private void forceStopAllAndWait() {
        forceStopAll();
        for (NodeProcess node : nodes.values()) {
            Process p = node.process();
            if (p != null) {
                awaitQuietly(p.onExit(), 10_000);
            }
        }
    }

    private void assignPorts() {
        Map<Integer, NodeRole> roles = new LinkedHashMap<>();
        nodes.values().forEach(n -> roles.put(n.id(), n.role()));
        PortPlan plan = PortPlan.choose(spec, roles, notes);
        ports.putAll(plan.ports());
        classPorts.putAll(plan.classPorts());
    }

    private void recordStarted(NodeProcess node) {
        ProcessHandle.of(node.pid()).ifPresent(p -> leftovers.started(p, node.label()));
    }

    private ClusterException notReady(NodeProcess node, Throwable cause) {
        List<String> tail = tail(node.logFile(), 40);
        if (!tail.isEmpty()) {
            LOG.warn("{} did not become ready; the end of its log {}:\n  {}", node.label(), node.logFile(),
                    String.join("\n  ", tail));
        }
        String message = cause instanceof TimeoutException
                ? node.label() + " did not become ready within " + spec.startTimeout().toSeconds() + " s (it is "
                        + node.state().word() + "): the machine may be busy; stop other programs and start again."
                        + " Its log: " + node.logFile()
                : NodeFailure.explain(node.label(), node.lastExitCode(), tail, ports.get(node.id()), node.logFile(),
                        new ProcOwners());
        return new ClusterException(message, cause);
    }

    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    // --- actions

    private CompletableFuture<Void> act(int id, java.util.function.Function<NodeProcess, CompletableFuture<Void>> action) {
        NodeProcess node = nodes.get(id);
        if (node == null) {
            return CompletableFuture.failedFuture(new ClusterException("There is no node " + id + ": brokers are "
                    + brokerIds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " and the controller is " + CONTROLLER_ID + "."));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new ClusterException("The cluster is closed."));
        }
        try {
            return action.apply(node);
        } catch (ClusterException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> stopForClose(NodeProcess node) {
        if (node.state() == NodeState.FROZEN) {
            node.resume();
        }
        if (node.state() == NodeState.STARTING || node.state() == NodeState.RUNNING
                || node.state() == NodeState.STOPPING) {
            return node.stop();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void forceStopAll() {
        for (NodeProcess node : nodes.values()) {
            node.forceStop();
        }
    }

    private void stateChanged(NodeProcess node, NodeState state) {
        NodeStatus status = status(node);
        for (Consumer<NodeStatus> listener : listeners) {
            // A listener's bug must not break the cluster.
            Safely.run("A node-status listener", () -> listener.accept(status));
        }
    }

    private NodeStatus status(NodeProcess node) {
        Integer port = ports.get(node.id());
        return new NodeStatus(node.id(), node.role(), node.state(), port == null ? 0 : port, node.pid(),
                node.logFile(), node.lastExitCode(), dir.configFile(node.role(), node.id()));
    }

    private NodeProcess require(int id) {
        NodeProcess node = nodes.get(id);
        if (node == null) {
            throw new ClusterException("There is no node " + id + ".");
        }
        return node;
    }

    private static void awaitQuietly(CompletableFuture<?> future, long millis) {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // close() goes on to force whatever is left.
            org.slf4j.LoggerFactory.getLogger(LocalCluster.class).info("A graceful stop did not finish in {} ms; forcing", millis, e);
        }
    }

}
