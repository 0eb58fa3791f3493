package dev.kafkalab.consume;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an offset reset set, or why it was refused.
 *
 * @param offsets the committed offset now in place per partition; empty when refused
 * @param notes   where a partition got something other than asked, and why
 * @param error   null, or why nothing was changed, in the course's words
 */
public record ResetResult(String groupId, String topic, ResetTarget target, Map<Integer, Long> offsets,
        List<String> notes, String error) {

    public ResetResult {
        offsets = Collections.unmodifiableMap(new TreeMap<>(offsets));
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return error == null;
    }

    static ResetResult refused(String groupId, String topic, ResetTarget target, String error) {
        return new ResetResult(groupId, topic, target, Map.of(), List.of(), error);
    }
}
