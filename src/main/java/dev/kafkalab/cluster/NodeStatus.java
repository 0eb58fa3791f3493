package dev.kafkalab.cluster;

import java.nio.file.Path;

/**
 * What the app knows about one node's process at a moment.
 *
 * @param exitCode   the exit code of the last run, or null while it runs or never ran
 * @param configFile its server.properties, which the app writes before each start
 */
public record NodeStatus(int id, NodeRole role, NodeState state, int port, long pid, Path logFile, Integer exitCode,
        Path configFile) {

    /** A node whose configuration file is not known (a made-up one). */
    public NodeStatus(int id, NodeRole role, NodeState state, int port, long pid, Path logFile, Integer exitCode) {
        this(id, role, state, port, pid, logFile, exitCode, null);
    }

    public String label() {
        return role.label(id);
    }
}
