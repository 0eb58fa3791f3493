package dev.kafkalab.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a node stopped before it was ready, in one sentence a person can act on: the cause (the
 * port in use and by which process, the log directory locked and by which pid, the disk full),
 * what to do, and where its log is. The log's lines, stack frames and all, go to the app's log,
 * never into this sentence.
 */
final class NodeFailure {

    /** Who holds what a node needed; empty where the platform cannot tell. */
    interface Owners {
        Optional<String> ofPort(int port);

        Optional<String> ofLock(Path lockFile);
    }

    private static final Pattern LOCKED = Pattern.compile("Failed to acquire lock on file \\.lock in (\\S+?)\\.?(\\s|$)");
    private static final int LONGEST_LINE = 160;

    private NodeFailure() {
    }

    /**
     * @param tail the last lines of the node's log
     * @param port the port it was to listen on
     */
    static String explain(String node, Integer exitCode, List<String> tail, int port, Path logFile, Owners owners) {
        String label = node.isEmpty() ? node : Character.toUpperCase(node.charAt(0)) + node.substring(1);
        String log = " Its log: " + logFile;
        if (tail.stream().anyMatch(l -> l.contains("Address already in use"))) {
            return label + " could not listen on port " + port + ": " + owners.ofPort(port).map(o -> "it is in use by " + o)
                    .orElse("another program uses it") + ". Close that program, or start the cluster on other ports." + log;
        }
        for (String line : tail) {
            Matcher m = LOCKED.matcher(line);
            if (m.find()) {
                Path dir = Path.of(m.group(1));
                return label + " could not lock its log directory " + dir + ": " + owners.ofLock(dir.resolve(".lock"))
                        .map(o -> o + " holds it").orElse("another process holds it") + ". End that process (a node an"
                        + " earlier run left?), then start again." + log;
            }
        }
        if (tail.stream().anyMatch(l -> l.contains("No space left on device"))) {
            return label + " ran out of disk space. Free some space on the disk that holds " + logFile.getParent()
                    + ", then start again." + log;
        }
        if (tail.stream().anyMatch(l -> l.contains("storage format failed"))) {
            return label + " could not format its storage; the cluster's data may be damaged: start it with a fresh"
                    + " data directory (the cluster command's --reset)." + log;
        }
        return label + " stopped before it was ready" + (exitCode == null ? "" : " (exit code " + exitCode + ")")
                + lastSaid(tail).map(l -> ": its log ends with \"" + l + "\"").orElse("") + "." + log;
    }

    /** The last line of the log that is a message, not a stack frame, shortened. */
    static Optional<String> lastSaid(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            String line = tail.get(i).trim();
            if (line.isEmpty() || line.startsWith("at ") || line.startsWith("...") || line.startsWith("===")
                    || line.startsWith("Caused by:") && line.length() < 12) {
                continue;
            }
            return Optional.of(line.length() <= LONGEST_LINE ? line : line.substring(0, LONGEST_LINE - 1) + "…");
        }
        return Optional.empty();
    }
}
