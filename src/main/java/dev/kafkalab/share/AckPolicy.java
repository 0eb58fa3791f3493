package dev.kafkalab.share;

import org.apache.kafka.clients.consumer.AcknowledgeType;

/**
 * How a share-group member acknowledges what it gets (KIP-932): accept all; reject or release
 * every Nth record; or hold them, acknowledging nothing, so that their acquisition locks run out
 * and the records go to another member, their delivery count one higher.
 *
 * @param every for {@link Kind#REJECT_EVERY} and {@link Kind#RELEASE_EVERY}: the Nth record (1 = all)
 */
public record AckPolicy(Kind kind, int every) {

    public enum Kind {
        /** Processed: gone from the group for good. */
        ACCEPT_ALL,
        /** Every Nth is rejected: archived, never delivered again (a poison record). */
        REJECT_EVERY,
        /** Every Nth is released: available again at once, to any member. */
        RELEASE_EVERY,
        /** Nothing acknowledged and no more fetching: the locks expire and the records come back. */
        HOLD,
        /** Each record waits for a person's answer (accept, release or reject), or for its lock to run out. */
        BY_HAND
    }

    public static final AckPolicy ACCEPT = new AckPolicy(Kind.ACCEPT_ALL, 1);
    public static final AckPolicy HOLD = new AckPolicy(Kind.HOLD, 1);
    public static final AckPolicy BY_HAND = new AckPolicy(Kind.BY_HAND, 1);

    public AckPolicy {
        if (every < 1) {
            throw new IllegalArgumentException("Every Nth record needs N of at least 1, was " + every + ".");
        }
    }

    public static AckPolicy rejectEvery(int n) {
        return new AckPolicy(Kind.REJECT_EVERY, n);
    }

    public static AckPolicy releaseEvery(int n) {
        return new AckPolicy(Kind.RELEASE_EVERY, n);
    }

    /** The acknowledgement of the {@code n}th record this member got (from 1); null while holding or waiting for a person. */
    public AcknowledgeType decide(long n) {
        return switch (kind) {
            case ACCEPT_ALL -> AcknowledgeType.ACCEPT;
            case REJECT_EVERY -> n % every == 0 ? AcknowledgeType.REJECT : AcknowledgeType.ACCEPT;
            case RELEASE_EVERY -> n % every == 0 ? AcknowledgeType.RELEASE : AcknowledgeType.ACCEPT;
            case HOLD, BY_HAND -> null;
        };
    }

    /** Whether its member keeps what it got unanswered (until a person answers, or the lock runs out). */
    public boolean holds() {
        return kind == Kind.HOLD || kind == Kind.BY_HAND;
    }

    /** In words, for a member's card. */
    public String describe() {
        return switch (kind) {
            case ACCEPT_ALL -> "accepts every record";
            case REJECT_EVERY -> every == 1 ? "rejects every record" : "rejects every " + nth(every) + " record";
            case RELEASE_EVERY -> every == 1 ? "releases every record" : "releases every " + nth(every) + " record";
            case HOLD -> "holds its records without acknowledging them";
            case BY_HAND -> "waits for you to answer each record";
        };
    }

    private static String nth(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
