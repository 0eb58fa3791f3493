package dev.kafkalab.ui.cluster;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;

/**
 * What one node card shows.
 *
 * @param pending an action sent and not finished yet ("killing..."), or null
 */
public record NodeCardState(int id, NodeRole role, NodeState state, boolean fenced, int port, long pid,
        int leads, int follows, int outOfSync, String pending) {

    /** The card's second line for a broker: what it leads and follows, and what waits for it. */
    public String share() {
        return "leads " + leads + " · follows " + follows + (outOfSync > 0 ? " · " + outOfSync + " out of sync" : "");
    }

    public String label() {
        return role.label(id);
    }

    /** The word on the card: the process state, or "fenced" for a running broker the controller fenced. */
    public String stateWord() {
        if (pending != null) {
            return pending;
        }
        if (state == NodeState.RUNNING && fenced) {
            return "fenced";
        }
        return state.word();
    }

    public boolean canStop() {
        return pending == null && (state == NodeState.RUNNING || state == NodeState.STARTING);
    }

    public boolean canKill() {
        return pending == null && state.isAlive();
    }

    public boolean canFreeze() {
        return pending == null && state == NodeState.RUNNING && role == NodeRole.BROKER;
    }

    public boolean canResume() {
        return pending == null && state == NodeState.FROZEN;
    }

    public boolean canStart() {
        return pending == null && !state.isAlive() && state != NodeState.NOT_STARTED;
    }

    NodeCardState withPending(String word) {
        return new NodeCardState(id, role, state, fenced, port, pid, leads, follows, outOfSync, word);
    }

    static String doneWord(String action) {
        return switch (action) {
            case "stop" -> "stopped";
            case "kill" -> "killed";
            case "pause" -> "frozen";
            case "resume" -> "resumed";
            default -> "running";
        };
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
