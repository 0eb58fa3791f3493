package dev.kafkalab.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kafka's rules for a new topic, checked before asking the cluster, so a mistake is explained
 * next to the field it concerns. The cluster checks again: these are for the message.
 */
public final class TopicRules {

    public static final String NAME = "name";
    public static final String PARTITIONS = "partitions";
    public static final String REPLICATION_FACTOR = "replicationFactor";
    public static final String MIN_ISR = "minInsyncReplicas";
    public static final String CLEANUP_POLICY = "cleanupPolicy";
    /** Any other topic config, given by name: the message names it. */
    public static final String CONFIGS = "configs";

    /** Kafka's own limit: a partition directory is "name-N" and file names stop at 255. */
    static final int MAX_NAME_LENGTH = 249;
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
    public static final List<String> CLEANUP_POLICIES = List.of("delete", "compact", "compact,delete");

    private TopicRules() {
    }

    /** Field to message, in form order; empty when the request may be sent. */
    public static Map<String, String> check(TopicRequest r, int liveBrokers) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = r.name() == null ? "" : r.name().trim();
        if (name.isEmpty()) {
            problems.put(NAME, "A topic needs a name.");
        } else if (name.equals(".") || name.equals("..")) {
            problems.put(NAME, "Kafka does not allow '.' or '..' as a topic name.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.put(NAME, "Kafka allows at most " + MAX_NAME_LENGTH + " characters; this name has "
                    + name.length() + ".");
        } else if (!LEGAL.matcher(name).matches()) {
            problems.put(NAME, "Kafka allows only letters, digits, '.', '_' and '-' in a topic name.");
        } else if (name.startsWith("__")) {
            problems.put(NAME, "Names starting with '__' are for Kafka's internal topics.");
        }
        Integer partitions = positive(r.partitions(), PARTITIONS, "partitions", problems);
        Integer rf = positive(r.replicationFactor(), REPLICATION_FACTOR, "The replication factor", problems);
        if (rf != null && rf > liveBrokers) {
            problems.put(REPLICATION_FACTOR, "The replication factor " + rf + " needs " + rf
                    + " brokers, but only " + liveBrokers + (liveBrokers == 1 ? " is" : " are")
                    + " running: each replica lives on a different broker.");
        }
        if (r.minInsyncReplicas() != null && !r.minInsyncReplicas().isBlank()) {
            Integer minIsr = positive(r.minInsyncReplicas(), MIN_ISR, "min.insync.replicas", problems);
            if (minIsr != null && rf != null && minIsr > rf) {
                problems.put(MIN_ISR, "min.insync.replicas " + minIsr + " is above the replication factor " + rf
                        + ": every acks=all write would fail with NotEnoughReplicas.");
            }
        }
        if (r.cleanupPolicy() != null && !r.cleanupPolicy().isBlank()
                && !CLEANUP_POLICIES.contains(r.cleanupPolicy().trim())) {
            problems.put(CLEANUP_POLICY, "cleanup.policy is delete, compact or compact,delete.");
        }
        if (partitions != null && partitions > 1_000) {
            problems.put(PARTITIONS, "Keep it under 1000 partitions on a laptop cluster.");
        }
        return problems;
    }

    private static Integer positive(String text, String field, String what, Map<String, String> problems) {
        String t = text == null ? "" : text.trim();
        try {
            int value = Integer.parseInt(t);
            if (value < 1) {
                problems.put(field, capitalized(what) + " must be at least 1.");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, capitalized(what) + " must be a whole number" + (t.isEmpty() ? "." : ", not '" + t + "'."));
            return null;
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
