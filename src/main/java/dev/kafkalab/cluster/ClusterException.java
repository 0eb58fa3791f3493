package dev.kafkalab.cluster;

/**
 * A failure of the local cluster with a message meant for people: what went wrong, and where to
 * look (a node's log) or what to do about it.
 */
public class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
