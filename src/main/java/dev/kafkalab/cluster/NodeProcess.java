package dev.kafkalab.cluster;

import dev.kafkalab.common.Threads;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.Os;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One node's JVM: launches it, follows its state, and breaks it on request (stop, kill, freeze).
 * Every action answers with a future, or is refused at once with a reason a person can read.
 */
final class NodeProcess {

    private static final long STOP_GRACE_MS = 30_000;

    private final int id;
    private final NodeRole role;
    private final Path logFile;
    private final BiConsumer<NodeProcess, NodeState> onStateChange;

    private Process process;
    private NodeState state = NodeState.NOT_STARTED;
    private CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    /** Completes once the exit of the current run has been handled and the state updated. */
    private CompletableFuture<Void> handledExit = CompletableFuture.completedFuture(null);
    private Integer lastExitCode;
    private volatile LogEndOffsets logEnds = LogEndOffsets.NONE;
    /** What the node last reported before it went down, until its next run reports. */
    private volatile LogEndOffsets lastSeen = LogEndOffsets.NONE;

    NodeProcess(int id, NodeRole role, Path logFile, BiConsumer<NodeProcess, NodeState> onStateChange) {
        this.id = id;
        this.role = role;
        this.logFile = logFile;
        this.onStateChange = onStateChange;
    }

    int id() {
        return id;
    }

    NodeRole role() {
        return role;
    }

    String label() {
        return role.label(id);
    }

    Path logFile() {
        return logFile;
    }

    synchronized NodeState state() {
        return state;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized Integer lastExitCode() {
        return lastExitCode;
    }

    /** The latest log end offsets the node reported, and when (empty for a controller). */
    LogEndOffsets logEndOffsets() {
        return logEnds;
    }

    /**
     * While the node is down, or started but not reporting yet: the log end offsets it reported
     * last before it went down (a killed leader's records that no follower copied, say). Empty
     * once its new run reports.
     */
    LogEndOffsets lastSeenLogEndOffsets() {
        return lastSeen;
    }

    /** Launches the JVM; the future completes when the node reports ready. */
    synchronized CompletableFuture<Void> start(List<String> command, Runnable onCleanExit) {
        switch (state) {
            case STARTING -> throw refused("is already starting");
            case RUNNING -> throw refused("is already running");
            case STOPPING -> throw refused("is still stopping: start it again once it has stopped");
            case FROZEN -> throw refused("is frozen, not stopped: resume it instead");
            default -> { }
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== Kafka Lab starts " + label() + " at " + java.time.Instant.now() + " ===\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            // glibc gives every thread that mallocs its own arena; a broker has ~100 threads.
            // Two arenas take tens of MiB less per node, at no cost a laptop cluster can measure.
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            process = builder.start();
        } catch (IOException e) {
            throw new ClusterException("Could not launch " + label() + ": " + e.getMessage(), e);
        }
        logEnds = LogEndOffsets.NONE;
        lastExitCode = null;
        ready = new CompletableFuture<>();
        handledExit = new CompletableFuture<>();
        Process launched = process;
        CompletableFuture<Void> readyNow = ready;
        Threads.start("kafka-lab-" + role.name().toLowerCase() + "-" + id, () -> readReports(launched, readyNow));
        CompletableFuture<Void> handled = handledExit;
        launched.onExit().thenRun(() -> {
            try {
                exited(launched, onCleanExit);
            } finally {
                handled.complete(null);
            }
        });
        setState(NodeState.STARTING);
        return ready;
    }

    /** Graceful shutdown: SIGTERM (or the stop command on Windows); completes when the JVM exited. */
    synchronized CompletableFuture<Void> stop() {
        switch (state) {
            case STARTING, RUNNING -> { }
            case FROZEN -> throw refused("is frozen: a frozen process cannot shut down; resume or kill it");
            case STOPPING -> {
                return handledExit;
            }
            default -> throw refused("is not running (" + state.word() + "): nothing to stop");
        }
        Process p = process;
        setState(NodeState.STOPPING);
        if (AppDirs.isWindows()) {
            sendStopCommand(p);
        } else {
            p.destroy();
        }
        // A controlled shutdown that cannot reach the controller may wait a long time: bound it.
        p.onExit().orTimeout(STOP_GRACE_MS, TimeUnit.MILLISECONDS).exceptionally(t -> {
            p.destroyForcibly();
            return p;
        });
        return handledExit;
    }

    /** SIGKILL: no shutdown at all, as when a machine loses power. */
    synchronized CompletableFuture<Void> kill() {
        if (!state.isAlive()) {
            throw refused("is not running (" + state.word() + "): nothing to kill");
        }
        Process p = process;
        setState(NodeState.KILLED);
        p.destroyForcibly();
        return handledExit;
    }

    /** SIGSTOP: the process stays, holds its sockets and answers nothing, like a long GC pause. */
    synchronized CompletableFuture<Void> pause() {
        if (state != NodeState.RUNNING) {
            throw refused(state == NodeState.FROZEN ? "is already frozen" : "is not running (" + state.word() + "): only a running node can be frozen");
        }
        requireSignals();
        if (role == NodeRole.CONTROLLER) {
            throw refused("cannot be frozen: it is the one node sure to stay awake, and it wakes frozen"
                    + " brokers if the app dies; stop or kill it instead");
        }
        signal("STOP");
        setState(NodeState.FROZEN);
        return CompletableFuture.completedFuture(null);
    }

    /** SIGCONT: the frozen process carries on where it stopped. */
    synchronized CompletableFuture<Void> resume() {
        if (state != NodeState.FROZEN) {
            throw refused("is not frozen (" + state.word() + "): nothing to resume");
        }
        requireSignals();
        signal("CONT");
        setState(NodeState.RUNNING);
        return CompletableFuture.completedFuture(null);
    }

    /** Ends the process for good, whatever its state: used when the app closes or crashes. */
    synchronized void forceStop() {
        if (process != null && process.isAlive()) {
            if (state == NodeState.FROZEN && !AppDirs.isWindows()) {
                trySignal("CONT");
            }
            process.destroyForcibly();
        }
    }

    synchronized boolean isProcessAlive() {
        return process != null && process.isAlive();
    }

    synchronized Process process() {
        return process;
    }

    private void readReports(Process p, CompletableFuture<Void> readyFuture) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(NodeMain.REPORT_PREFIX)) {
                    handleReport(line.substring(NodeMain.REPORT_PREFIX.length()), readyFuture, p);
                } else if (!line.isBlank()) {
                    // The JVM itself writes warnings (class-data sharing...) to stdout: keep them.
                    Files.writeString(logFile, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // The process ended: onExit handles it.
        }
    }

    private void handleReport(String report, CompletableFuture<Void> readyFuture, Process p) {
        if (report.equals("ready")) {
            synchronized (this) {
                if (process == p && state == NodeState.STARTING) {
                    setState(NodeState.RUNNING);
                }
            }
            readyFuture.complete(null);
        } else if (report.startsWith("leo ")) {
            logEnds = new LogEndOffsets(System.currentTimeMillis(), parseLogEnds(report.substring(4)));
            lastSeen = LogEndOffsets.NONE;
        }
    }

    static Map<TopicPartition, Long> parseLogEnds(String encoded) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (encoded.isBlank()) {
            return ends;
        }
        for (String item : encoded.split(",")) {
            int eq = item.lastIndexOf('=');
            int colon = item.lastIndexOf(':', eq);
            if (eq < 0 || colon < 0) {
                continue;
            }
            String topic = item.substring(0, colon);
            if (topic.equals("__cluster_metadata")) {
                continue;
            }
            try {
                ends.put(new TopicPartition(topic, Integer.parseInt(item.substring(colon + 1, eq))),
                        Long.parseLong(item.substring(eq + 1)));
            } catch (NumberFormatException e) {
                // A line cut short by a dying node: skip the item.
            }
        }
        return ends;
    }

    private void exited(Process p, Runnable onCleanExit) {
        boolean clean;
        synchronized (this) {
            if (process != p) {
                return;
            }
            lastExitCode = p.exitValue();
            clean = state == NodeState.STOPPING;
            switch (state) {
                case STOPPING -> setState(NodeState.STOPPED);
                case KILLED -> { }
                default -> setState(NodeState.CRASHED);
            }
            if (!logEnds.offsets().isEmpty()) {
                lastSeen = logEnds;
            }
            logEnds = LogEndOffsets.NONE;
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new ClusterException(label() + " exited with code " + p.exitValue()
                    + " before it was ready; its log: " + logFile));
        }
        if (clean && onCleanExit != null) {
            onCleanExit.run();
        }
    }

    private void sendStopCommand(Process p) {
        if (!sendLine(NodeMain.STOP_COMMAND)) {
            p.destroy();
        }
    }

    /** Writes one command line to the node's stdin; false if it is not listening. */
    synchronized boolean sendLine(String line) {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireSignals() {
        Os os = Os.current();
        if (!os.canFreeze()) {
            throw new ClusterException(os.noFreeze());
        }
    }

    private void signal(String name) {
        if (!trySignal(name)) {
            throw new ClusterException("Could not send SIG" + name + " to " + label() + " (pid " + process.pid() + ")");
        }
    }

    private boolean trySignal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setState(NodeState next) {
        if (state != next) {
            state = next;
            onStateChange.accept(this, next);
        }
    }

    private ClusterException refused(String why) {
        String name = label();
        return new ClusterException(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + why + ".");
    }

    /** Log end offsets one broker reported, and when; {@code atMillis == 0} means none. */
    record LogEndOffsets(long atMillis, Map<TopicPartition, Long> offsets) {
        static final LogEndOffsets NONE = new LogEndOffsets(0, Map.of());

        LogEndOffsets {
            offsets = Map.copyOf(offsets);
        }
    }
}
