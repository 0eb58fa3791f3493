package dev.kafkalab.lab;

import dev.kafkalab.monitor.TopicView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks on topics' shape and configs: what was created, as the brokers apply it. */
final class TopicChecks {

    private TopicChecks() {
    }

    /** The topics whose configs a check compares ({@code config.<name>=<value>}), read by the lab session. */
    static List<String> configTopics(Directive check) {
        if (check.configs().isEmpty()) {
            return List.of();
        }
        return switch (check.name()) {
            case "topic-exists" -> List.of(check.text("topic"));
            case "topics-exist" -> listed(check).keySet().stream().toList();
            default -> List.of();
        };
    }

    /**
     * The topic exists, with the partitions and replication factor given, and every
     * {@code config.<name>=<value>} as the brokers apply it (the topic's own setting or the default).
     */
    static Verdict topicExists(Directive c, CheckContext ctx) {
        return shaped(c.text("topic"), c.optionalInteger("partitions"), c, ctx);
    }

    /** Every topic of {@code topics=name:partitions,...} exists as {@link #topicExists} says. */
    static Verdict topicsExist(Directive c, CheckContext ctx) {
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Integer> t : listed(c).entrySet()) {
            Verdict one = shaped(t.getKey(), Optional.of(t.getValue()), c, ctx);
            if (!one.passed()) {
                return seen.isEmpty() ? one : new Verdict(false, String.join("; ", seen) + "; " + one.seen());
            }
            seen.add(one.seen());
        }
        return Verdict.pass(String.join("; ", seen));
    }

    private static Verdict shaped(String name, Optional<Integer> wantedPartitions, Directive c, CheckContext ctx) {
        Optional<TopicView> topic = ctx.now().topic(name);
        if (topic.isEmpty()) {
            return Verdict.waiting("there is no topic " + name + " yet");
        }
        int partitions = topic.get().partitions().size();
        int rf = topic.get().replicationFactor();
        String seen = name + " has " + partitions + " partition" + (partitions == 1 ? "" : "s")
                + ", replication factor " + rf;
        if (!wantedPartitions.map(p -> p == partitions).orElse(true)
                || !c.optionalInteger("replication-factor").map(r -> r == rf).orElse(true)) {
            return new Verdict(false, seen + "; the step asks for " + wantedPartitions.map(String::valueOf).orElse("any")
                    + " partitions and replication factor " + c.optional("replication-factor").orElse("any")
                    + " (delete it and create it again)");
        }
        Map<String, String> wanted = c.configs();
        if (wanted.isEmpty()) {
            return Verdict.pass(seen);
        }
        Map<String, String> configs = ctx.configs().get(name);
        if (configs == null) {
            return Verdict.waiting(seen + "; reading its configs...");
        }
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            String actual = configs.get(w.getKey());
            if (!w.getValue().equals(actual)) {
                return new Verdict(false, seen + ", but " + w.getKey() + "=" + actual + "; the step asks for "
                        + w.getKey() + "=" + w.getValue() + " (change it with kafka-configs.sh --alter, or delete the"
                        + " topic and create it again)");
            }
        }
        return Verdict.pass(seen + ", " + String.join(", ", wanted.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    /** {@code topics=orders:3,payments:6} as names to partitions, in the order written. */
    private static Map<String, Integer> listed(Directive c) {
        Map<String, Integer> topics = new java.util.LinkedHashMap<>();
        for (String t : c.text("topics").split(",")) {
            int colon = t.lastIndexOf(':');
            topics.put(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
        }
        return topics;
    }
}
