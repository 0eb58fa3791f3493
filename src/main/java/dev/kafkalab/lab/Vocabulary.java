package dev.kafkalab.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every check and action a lab file may name, with its arguments. A lab is checked against it
 * when it loads, so a typo is a message with a line number, not a step that never passes.
 */
public final class Vocabulary {

    /** What an argument's value must look like. */
    public enum Type {
        TEXT, NUMBER, DECIMAL, YES_NO, BROKER, KEYS, NAME, CHOICE
    }

    /** One argument: {@code values} only for {@link Type#CHOICE}. */
    public record Param(String name, boolean required, Type type, List<String> values) {
    }

    /** A check or action: its name, what it means (for the README and errors), its arguments. */
    public record Entry(String name, String meaning, List<Param> params) {

        public Optional<Param> param(String key) {
            return params.stream().filter(p -> p.name().equals(key)
                    || p.name().endsWith("*") && key.startsWith(p.name().substring(0, p.name().length() - 1)))
                    .findFirst();
        }
    }

    private static final Pattern BROKER = Pattern.compile("\\d+|(leader-of|follower-of):[A-Za-z0-9._-]+/\\d+|\\$[a-z][a-z0-9-]*");
    private static final Pattern KEYS = Pattern.compile("none|random|distinct:\\d+");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public static final Map<String, Entry> CHECKS = index(List.of(
            entry("topic-exists", "the topic exists, with these partitions and replication factor if given",
                    req("topic"), num("partitions"), num("replication-factor")),
            entry("records-in-topic", "the topic holds at least this many readable records (sum of high watermarks)",
                    req("topic"), reqNum("at-least")),
            entry("key-in-one-partition", "every record sent with this key went to one partition, the one murmur2 predicts",
                    req("topic"), req("key"), num("at-least")),
            entry("keys-hashed", "records with at least N distinct keys were sent, each key always to its murmur2 partition",
                    req("topic"), num("at-least")),
            entry("unkeyed-spread", "records without a key reached at least this many partitions",
                    req("topic"), reqNum("partitions"), num("at-least")),
            entry("priority-routed", "at least N records were sent with the priority partitioner: the urgent ones all to partition 0, no other one there",
                    req("topic"), num("at-least")),
            entry("broker-state", "a broker is in this state",
                    new Param("broker", true, Type.BROKER, List.of()),
                    choice("state", true, "running", "stopped", "killed", "frozen", "fenced", "serving")),
            entry("leader-moved", "the partition's leader is another broker than when the step began, and it has one",
                    req("topic"), reqNum("partition")),
            entry("isr-size", "the partition's in-sync replica set has exactly this many members",
                    req("topic"), reqNum("partition"), reqNum("size")),
            entry("isr-full", "every replica of the topic's partitions (or of one partition) is in sync",
                    req("topic"), num("partition")),
            entry("under-replicated", "at least this many partitions of the topic have fewer in-sync replicas than replicas",
                    req("topic"), reqNum("at-least")),
            entry("group-members", "the consumer group has exactly this many members",
                    req("group"), reqNum("members")),
            entry("group-balanced", "every partition of the topic is assigned in the group, shared evenly",
                    req("group"), req("topic")),
            entry("group-idle-members", "at least this many members of the group have no partition",
                    req("group"), num("at-least")),
            entry("group-rebalanced", "the group's assignment changed since the step began",
                    req("group")),
            entry("member-partitions-moved", "a member there when the step began is gone, and its partitions are others' now",
                    req("group")),
            entry("records-consumed", "the group has committed at least this many records of the topic",
                    req("group"), req("topic"), reqNum("at-least")),
            entry("consumer-lag", "the group is at least this many records behind on the topic",
                    req("group"), req("topic"), reqNum("at-least")),
            entry("acked-records-lost", "records the producer saw acknowledged are not on the partition's leader any more",
                    req("topic")),
            entry("acked-records-kept", "every acknowledged record is on the leader and readable",
                    req("topic")),
            entry("producer-metric", "a producer metric of the app's producer is above or below a value",
                    choice("metric", true, "batch-size-avg", "records-per-request-avg", "compression-rate-avg",
                            "record-send-rate", "request-latency-avg"),
                    dec("above"), dec("below")),
            entry("compacted", "the log cleaner removed superseded records: fewer records stored than offsets written",
                    req("topic")),
            entry("key-absent", "no record with this key is stored any more (a tombstone was cleaned away)",
                    req("topic"), req("key")),
            entry("stock-sender", "the built-in stock-price sender is running or stopped (closed cleanly)",
                    choice("state", true, "running", "stopped"))));

    public static final Map<String, Entry> ACTIONS = index(List.of(
            entry("create-topic", "create a topic (config.<name>=<value> adds a topic config)",
                    req("topic"), reqNum("partitions"), reqNum("replication-factor"), num("min-insync-replicas"),
                    choice("cleanup-policy", false, "delete", "compact", "compact,delete"), req("config.*", false)),
            entry("delete-topic", "delete a topic", req("topic")),
            entry("produce", "send records with the app's producer (tombstone=true: null values, to delete keys from a compacted topic)",
                    req("topic"), num("count"), req("key", false), new Param("keys", false, Type.KEYS, List.of()),
                    req("value", false), choice("acks", false, "0", "1", "all"),
                    choice("partitioner", false, "default", "round-robin", "priority"), num("linger-ms"),
                    num("batch-size"), choice("compression", false, "none", "gzip", "snappy", "lz4", "zstd"),
                    new Param("ignore-keys", false, Type.YES_NO, List.of()), num("urgent-every"),
                    new Param("tombstone", false, Type.YES_NO, List.of())),
            broker("stop-broker", "stop a broker gracefully (SIGTERM: controlled shutdown)"),
            broker("kill-broker", "kill a broker (SIGKILL: no goodbye)"),
            broker("freeze-broker", "freeze a broker (SIGSTOP: alive but silent)"),
            broker("resume-broker", "resume a frozen broker (SIGCONT)"),
            broker("start-broker", "start a stopped or killed broker again, same id and data"),
            entry("restore-brokers", "start or resume every broker that is not running"),
            entry("start-group", "start a consumer group of in-app members reading a topic",
                    req("group"), req("topic"), reqNum("members"), choice("protocol", false, "classic", "consumer"),
                    choice("assignor", false, "range", "round-robin", "sticky", "cooperative-sticky", "uniform"),
                    choice("commit", false, "auto", "manual")),
            entry("add-member", "add a member to a running group", req("group")),
            entry("leave-member", "a member leaves the group gracefully (by default the last one that reads partitions)", req("group"), req("member", false)),
            entry("crash-member", "a member dies without a word (by default the last one that reads partitions)", req("group"), req("member", false)),
            entry("stop-group", "every member of the group leaves", req("group")),
            entry("durability-demo", "the acks experiment: freeze both followers, send, kill the leader, resume",
                    req("topic"), choice("acks", true, "1", "all"), num("records")),
            entry("start-stock-sender", "start the built-in sender of random stock prices",
                    req("topic"), num("rate")),
            entry("stop-stock-sender", "stop the stock-price sender: flush and close the producer")));

    private Vocabulary() {
    }

    /** The argument problems of one directive, empty when it is fine. */
    public static List<String> problems(Map<String, Entry> kinds, String name, Map<String, String> args) {
        List<String> out = new ArrayList<>();
        Entry entry = kinds.get(name);
        if (entry == null) {
            out.add("unknown " + (kinds == CHECKS ? "check" : "action") + " '" + name + "'; known: "
                    + String.join(", ", kinds.keySet()));
            return out;
        }
        for (Param p : entry.params()) {
            if (p.required() && !p.name().endsWith("*") && !args.containsKey(p.name())) {
                out.add("'" + name + "' needs " + p.name() + "=...");
            }
        }
        args.forEach((key, value) -> {
            if (kinds == ACTIONS && (key.equals("label") || key.equals("as"))) {
                if (key.equals("as") && !NAME.matcher(value).matches()) {
                    out.add("as=" + value + ": a name in lower case, like as=victim");
                }
                return;
            }
            Optional<Param> param = entry.param(key);
            if (param.isEmpty()) {
                out.add("'" + name + "' takes no '" + key + "'; it takes " + entry.params().stream()
                        .map(Param::name).toList());
                return;
            }
            String bad = badValue(param.get(), value);
            if (bad != null) {
                out.add(key + "=" + value + ": " + bad);
            }
        });
        if (name.equals("producer-metric") && args.containsKey("above") == args.containsKey("below")) {
            out.add("'producer-metric' needs exactly one of above=... or below=...");
        }
        if (name.equals("produce") && args.containsKey("key") && args.containsKey("keys")) {
            out.add("'produce' takes key=... or keys=..., not both");
        }
        return out;
    }

    private static String badValue(Param p, String value) {
        return switch (p.type()) {
            case TEXT -> value.isBlank() ? "must not be empty" : null;
            case NUMBER -> value.matches("\\d{1,9}") ? null : "must be a whole number";
            case DECIMAL -> value.matches("\\d+(\\.\\d+)?") ? null : "must be a number like 1.5";
            case YES_NO -> value.equals("true") || value.equals("false") ? null : "must be true or false";
            case BROKER -> BROKER.matcher(value).matches() ? null
                    : "a broker id (2), leader-of:<topic>/<partition>, follower-of:<topic>/<partition> or $name";
            case KEYS -> KEYS.matcher(value).matches() ? null : "none, random or distinct:<N>";
            case NAME -> NAME.matcher(value).matches() ? null : "a name in lower case";
            case CHOICE -> p.values().contains(value) ? null : "one of " + String.join(", ", p.values());
        };
    }

    private static Entry entry(String name, String meaning, Param... params) {
        return new Entry(name, meaning, List.of(params));
    }

    private static Entry broker(String name, String meaning) {
        return entry(name, meaning, new Param("broker", true, Type.BROKER, List.of()));
    }

    private static Param req(String name) {
        return new Param(name, true, Type.TEXT, List.of());
    }

    private static Param req(String name, boolean required) {
        return new Param(name, required, Type.TEXT, List.of());
    }

    private static Param reqNum(String name) {
        return new Param(name, true, Type.NUMBER, List.of());
    }

    private static Param num(String name) {
        return new Param(name, false, Type.NUMBER, List.of());
    }

    private static Param dec(String name) {
        return new Param(name, false, Type.DECIMAL, List.of());
    }

    private static Param choice(String name, boolean required, String... values) {
        return new Param(name, required, Type.CHOICE, List.of(values));
    }

    private static Map<String, Entry> index(List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.name(), e));
        return java.util.Collections.unmodifiableMap(map);
    }
}
