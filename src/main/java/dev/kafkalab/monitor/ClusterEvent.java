package dev.kafkalab.monitor;

import java.time.Instant;

/**
 * Something that changed between two snapshots, said as a class would want to hear it.
 *
 * @param subject what changed: a node label, a partition name ({@code orders-0}) or a group id
 */
public record ClusterEvent(Instant at, Kind kind, String subject, String text) {

    /** The kinds of change the timeline shows and labs wait for. */
    public enum Kind {
        NODE_STATE,
        BROKER_FENCED,
        BROKER_UNFENCED,
        TOPIC_CREATED,
        TOPIC_DELETED,
        LEADER_MOVED,
        PARTITION_OFFLINE,
        ISR_SHRANK,
        ISR_EXPANDED,
        GROUP_STATE,
        GROUP_REBALANCED,
        MEMBER_JOINED,
        MEMBER_LEFT,
        /** Said by the app, not seen on the cluster: where the timeline starts, when it was cleared. */
        NOTE
    }

    /** One line, as the CLI prints it: {@code 12:00:01.250 LEADER_MOVED orders-0: leader 1 -> 2}. */
    public String line() {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                .withZone(java.time.ZoneId.systemDefault()).format(at) + " " + kind + " " + text;
    }
}
