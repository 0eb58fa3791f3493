package dev.kafkalab.consume;

/** Where an in-app member is in its life, as its own thread sees it. */
public enum MemberState {
    /** Started, or resumed after being removed: polling, not yet given a generation or member epoch. */
    JOINING,
    /** In the group and polling; it may own no partition (more members than partitions). */
    ACTIVE,
    /** Not calling poll: after max.poll.interval.ms its client leaves the group on its own. */
    STALLED,
    /** Closed gracefully: it told the coordinator, whose group reassigned its partitions at once. */
    LEFT,
    /** Gone without a word: the coordinator drops it only when its session times out. */
    CRASHED,
    /** Stopped by an error it could not recover from; the snapshot's {@code error} says which. */
    FAILED;

    /** Whether the member's thread still runs and takes commands. */
    public boolean alive() {
        return this == JOINING || this == ACTIVE || this == STALLED;
    }
}
