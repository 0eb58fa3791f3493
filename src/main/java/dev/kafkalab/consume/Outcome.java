package dev.kafkalab.consume;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a member operation did, or why it was refused, in the course's words.
 *
 * @param offsets for a commit, the offset committed per partition; empty otherwise
 */
public record Outcome(boolean ok, String message, Map<Integer, Long> offsets) implements Serializable {

    public Outcome {
        offsets = Collections.unmodifiableMap(new TreeMap<>(offsets));
    }

    static Outcome done(String message) {
        return new Outcome(true, message, Map.of());
    }

    static Outcome refused(String message) {
        return new Outcome(false, message, Map.of());
    }
}
