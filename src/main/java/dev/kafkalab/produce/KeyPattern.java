package dev.kafkalab.produce;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Which key each record of a burst or stream gets: none, always the same one, one of N
 * distinct keys in turn ({@code employee-1}..{@code employee-N}, as in the course), or a
 * random one.
 */
public record KeyPattern(Kind kind, String fixedKey, int distinct) {

    public enum Kind {
        NONE("No key"), FIXED("One fixed key"), DISTINCT("N distinct keys"), RANDOM("Random keys");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final KeyPattern NO_KEY = new KeyPattern(Kind.NONE, null, 0);

    public KeyPattern {
        if (kind == null) {
            throw new IllegalArgumentException("key pattern is required");
        }
        if (kind == Kind.FIXED && (fixedKey == null || fixedKey.isEmpty())) {
            throw new IllegalArgumentException("key: a fixed key cannot be empty");
        }
        if (kind == Kind.DISTINCT && distinct < 1) {
            throw new IllegalArgumentException("distinct keys: at least 1, was " + distinct);
        }
    }

    public static KeyPattern fixed(String key) {
        return new KeyPattern(Kind.FIXED, key, 0);
    }

    public static KeyPattern distinct(int n) {
        return new KeyPattern(Kind.DISTINCT, null, n);
    }

    public static KeyPattern random() {
        return new KeyPattern(Kind.RANDOM, null, 0);
    }

    /** The key of the record with sequence number {@code seq} (0-based); null for no key. */
    public String keyFor(long seq) {
        return switch (kind) {
            case NONE -> null;
            case FIXED -> fixedKey;
            case DISTINCT -> "employee-" + (seq % distinct + 1);
            case RANDOM -> "key-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        };
    }
}
