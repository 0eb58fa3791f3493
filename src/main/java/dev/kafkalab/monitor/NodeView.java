package dev.kafkalab.monitor;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;

/**
 * A node as one snapshot saw it.
 *
 * @param process    the state of its process as the app runs it; null for a cluster the app
 *                   does not run (connected to, not started)
 * @param registered the controller knows this broker (KRaft keeps killed brokers registered)
 * @param fenced     registered but fenced: missed heartbeats, leads nothing
 * @param activeController the node is the metadata quorum's leader
 */
public record NodeView(int id, NodeRole role, NodeState process, int port, boolean registered, boolean fenced,
        boolean activeController) {

    public String label() {
        return role.label(id);
    }

    /** A broker that can serve: its process runs (if known), and it is registered and not fenced. */
    public boolean serving() {
        return role == NodeRole.BROKER && registered && !fenced
                && (process == null || process == NodeState.RUNNING);
    }
}
