package dev.kafkalab.cluster;

/** The state of a node's process, as the app launched and handled it. */
public enum NodeState {
    NOT_STARTED,
    STARTING,
    RUNNING,
    /** Asked to shut down gracefully (SIGTERM or the stop command), not yet exited. */
    STOPPING,
    STOPPED,
    /** Ended with SIGKILL by the app. */
    KILLED,
    /** Suspended with SIGSTOP: the process exists, keeps its sockets, answers nothing. */
    FROZEN,
    /** Exited on its own (bad config, port taken, out of memory...): see its log. */
    CRASHED;

    /** The process exists (it may be frozen). */
    public boolean isAlive() {
        return this == STARTING || this == RUNNING || this == STOPPING || this == FROZEN;
    }

    /** Lower-case word for people and for the CLI. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
