package dev.kafkalab.cluster;

import dev.kafkalab.common.Futures;
import dev.kafkalab.common.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node JVMs started from one cluster folder, recorded as they start (pid, start time, which
 * node), so that the next start ends those an earlier run left behind (the app killed, crashed,
 * or started again at once) before it needs their ports and log directories. A pid is only
 * taken for ours when its process started at the recorded time: pids are reused.
 */
final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
    /** How long a leftover node gets to stop by itself (SIGTERM: a controlled shutdown) before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(3);

    /** A node JVM as recorded when it started. */
    record Node(long pid, long startedMillis, String label) {

        String line() {
            return pid + " " + startedMillis + " " + label;
        }

        static Optional<Node> parse(String line) {
            String[] words = line.trim().split(" ", 3);
            try {
                return words.length == 3 ? Optional.of(new Node(Long.parseLong(words[0]), Long.parseLong(words[1]),
                        words[2])) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Path file;
    private final Map<Long, Node> running = new LinkedHashMap<>();

    Leftovers(Path clusterRoot) {
        this.file = clusterRoot.resolve("nodes.pids");
    }

    /**
     * Records a node JVM that just started, in place of that node's earlier JVM. Never fails the
     * start: a record that cannot be written is logged.
     */
    synchronized void started(ProcessHandle process, String label) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        running.values().removeIf(n -> n.label().equals(label));
        running.put(process.pid(), new Node(process.pid(), started, label));
        write();
    }

    private void write() {
        try {
            String lines = running.values().stream().map(Node::line).collect(Collectors.joining("\n", "", "\n"));
            // Not forced to disk: the record matters when the app dies, not the machine (its nodes
            // die with it), and a start must not wait on the disk.
            WholeFile.putUnforced(file, temp -> Files.writeString(temp, lines, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Could not record the node JVMs in {}: a crash now may leave them for the next start to find by hand",
                    file, e);
        }
    }

    /**
     * Ends the recorded node JVMs still running from an earlier run: SIGTERM, then a kill after
     * {@link #GRACE}; waits for each to be gone. Says what it did in one sentence, or nothing when
     * there were none.
     *
     * @throws ClusterException when one would not end
     */
    synchronized Optional<String> endEarlierRun() {
        List<Node> recorded = read();
        List<ProcessHandle> alive = new ArrayList<>();
        List<Node> ours = new ArrayList<>();
        for (Node n : recorded) {
            ProcessHandle.of(n.pid()).filter(ProcessHandle::isAlive).filter(p -> startedAt(p, n.startedMillis()))
                    .ifPresent(p -> {
                        alive.add(p);
                        ours.add(n);
                    });
        }
        running.clear();
        write();
        if (alive.isEmpty()) {
            return Optional.empty();
        }
        LOG.info("Ending node JVMs an earlier run left: {}", ours);
        alive.forEach(ProcessHandle::destroy);
        if (!allEnd(alive, GRACE)) {
            alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (!allEnd(alive, Duration.ofSeconds(5))) {
                ProcessHandle stuck = alive.stream().filter(ProcessHandle::isAlive).findFirst().orElseThrow();
                throw new ClusterException("A node JVM of an earlier run (pid " + stuck.pid() + ") would not end: end it"
                        + " by hand (kill -9 " + stuck.pid() + ") and start again.");
            }
        }
        return Optional.of("Ended " + ours.size() + " node JVM(s) an earlier run of Kafka Lab left running ("
                + ours.stream().map(n -> n.label() + " pid " + n.pid()).collect(Collectors.joining(", ")) + ").");
    }

    private List<Node> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(Node::parse).flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            LOG.warn("Could not read {}: node JVMs an earlier run left, if any, are not ended", file, e);
            return List.of();
        }
    }

    /** The process started when recorded (to the second: the platform may round), or the record has no time. */
    private static boolean startedAt(ProcessHandle p, long startedMillis) {
        if (startedMillis == 0) {
            return false;
        }
        return p.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 1_000).orElse(false);
    }

    private static boolean allEnd(List<ProcessHandle> processes, Duration within) {
        return Futures.allWithin(processes.stream().map(ProcessHandle::onExit).toList(), within);
    }
}
