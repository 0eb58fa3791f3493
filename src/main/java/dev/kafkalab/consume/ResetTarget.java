package dev.kafkalab.consume;

import java.time.Instant;

/**
 * Where {@link GroupOffsets#reset} moves a group's committed offsets, in every partition of the topic.
 *
 * @param value the offset for {@link Kind#OFFSET}, epoch milliseconds for {@link Kind#TIMESTAMP}, else 0
 */
public record ResetTarget(Kind kind, long value) {

    public enum Kind {
        /** The log start offset: everything still stored is read again. */
        EARLIEST,
        /** The high watermark: everything stored so far is skipped. */
        LATEST,
        /** The same offset in every partition, moved into the partition's range if it lies outside. */
        OFFSET,
        /** The first record with a timestamp at or after the time; the end where there is none. */
        TIMESTAMP
    }

    public ResetTarget {
        if (kind == null) {
            throw new IllegalArgumentException("a reset needs a target: earliest, latest, an offset or a time");
        }
        if (kind == Kind.OFFSET && value < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + value);
        }
    }

    public static ResetTarget earliest() {
        return new ResetTarget(Kind.EARLIEST, 0);
    }

    public static ResetTarget latest() {
        return new ResetTarget(Kind.LATEST, 0);
    }

    public static ResetTarget offset(long offset) {
        return new ResetTarget(Kind.OFFSET, offset);
    }

    public static ResetTarget timestamp(Instant time) {
        return new ResetTarget(Kind.TIMESTAMP, time.toEpochMilli());
    }

    /** As kafka-consumer-groups.sh --reset-offsets names it: --to-earliest, --to-offset 5, ... */
    public String option() {
        return switch (kind) {
            case EARLIEST -> "--to-earliest";
            case LATEST -> "--to-latest";
            case OFFSET -> "--to-offset " + value;
            case TIMESTAMP -> "--to-datetime " + Instant.ofEpochMilli(value);
        };
    }
}
