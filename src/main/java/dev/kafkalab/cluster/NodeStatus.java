package dev.kafkalab.cluster;

import java.nio.file.Path;

/**
 * What the app knows about one node's process at a moment.
 *
 * @param exitCode the exit code of the last run, or null while it runs or never ran
 */
public record NodeStatus(int id, NodeRole role, NodeState state, int port, long pid, Path logFile, Integer exitCode) {

    public String label() {
        return role.label(id);
    }
}
