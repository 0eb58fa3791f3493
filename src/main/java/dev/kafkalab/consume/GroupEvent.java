package dev.kafkalab.consume;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Something that happened to one in-app member, from its own point of view.
 *
 * @param partitions the partitions concerned (of the group's one topic), sorted; empty when none
 * @param generation the classic generation or the new protocol's member epoch when it happened;
 *                   -1 when the member was not in the group
 * @param detail     a sentence that explains it, e.g. why a member failed
 */
public record GroupEvent(Instant at, Kind kind, String member, List<Integer> partitions, int generation,
        String detail) implements Serializable {

    public enum Kind {
        /** The member entered the group: it has a generation (classic) or a member epoch (new protocol). */
        JOINED,
        ASSIGNED,
        /** Taken away in an orderly rebalance: the member could commit first. */
        REVOKED,
        /** Taken away without asking, e.g. after the member was removed: it must not commit them. */
        LOST,
        LEFT,
        CRASHED,
        /** The coordinator dropped a crashed member: its session timed out, its partitions move now. */
        EXPIRED,
        STALLED,
        RESUMED,
        /** Removed because it did not poll within max.poll.interval.ms. */
        KICKED,
        ERROR
    }

    public GroupEvent {
        partitions = List.copyOf(partitions);
    }
}
