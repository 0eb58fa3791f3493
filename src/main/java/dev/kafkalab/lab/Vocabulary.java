package dev.kafkalab.lab;

import static dev.kafkalab.lab.LabScreen.CLUSTER;
import static dev.kafkalab.lab.LabScreen.CODE;
import static dev.kafkalab.lab.LabScreen.CONSUME;
import static dev.kafkalab.lab.LabScreen.PRODUCE;

import dev.kafkalab.cluster.KafkaCluster;
import dev.kafkalab.lab.ActionRunner.Outcome;
import dev.kafkalab.monitor.ClusterSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Every check and action a lab file may name: what it means, its arguments, the screen it
 * belongs to and its handler (a method of {@link Checks} or {@link Workbench}), one entry each,
 * so a new one is added here and nowhere else. A lab is checked against it when it loads, so a
 * typo is a message with a line number, not a step that never passes.
 */
public final class Vocabulary {

    /** What an argument's value must look like. */
    public enum Type {
        TEXT, NUMBER, DECIMAL, YES_NO, BROKER, KEYS, NAME, CHOICE, TOPICS, ACKS
    }

    /** One argument: {@code values} only for {@link Type#CHOICE}. */
    public record Param(String name, boolean required, Type type, List<String> values) {
    }

    /** How a check judges: a pure function of its directive and what the cluster shows. */
    @FunctionalInterface
    public interface Check {
        Verdict evaluate(Directive check, CheckContext ctx);
    }

    /**
     * How an action is done: with the workbench, the cluster as last seen, the brokers remembered,
     * and where to say how a long one is getting on.
     */
    @FunctionalInterface
    public interface Action {
        CompletableFuture<Outcome> run(Workbench bench, Directive action, ClusterSnapshot snapshot,
                Map<String, Integer> remembered, Consumer<String> progress);
    }

    /**
     * A check or action: its name, what it means (for the README and errors), the screen it
     * belongs to, its arguments and its handler ({@link Check} or {@link Action}).
     */
    public record Entry<H>(String name, String meaning, LabScreen screen, List<Param> params, H handler) {

        public Entry {
            params = List.copyOf(params);
        }

        public Optional<Param> param(String key) {
            return params.stream().filter(p -> p.name().equals(key)
                    || p.name().endsWith("*") && key.startsWith(p.name().substring(0, p.name().length() - 1)))
                    .findFirst();
        }
    }

    /**
     * A control a step can ask the learner to look at: the screen it is on and its node id there.
     * The screen scrolls to it and marks it while the step is open.
     */
    public record Target(String name, String meaning, LabScreen screen, String nodeId) {
    }

    public static final Map<String, Target> TARGETS = targets(
            new Target("node-cards", "the Cluster screen's broker and controller cards", CLUSTER, "nodeCards"),
            new Target("new-topic-form", "the Cluster screen's New topic form", CLUSTER, "newTopicForm"),
            new Target("topics", "the Cluster screen's topic list", CLUSTER, "topicList"),
            new Target("partitions", "the Cluster screen's partition rows: leader, replicas, offsets bar", CLUSTER,
                    "partitionList"),
            new Target("timeline", "the Cluster screen's timeline of events", CLUSTER, "eventList"),
            new Target("produce-form", "the Produce screen's form: topic, key, value, burst", PRODUCE, "produceForm"),
            new Target("producer-settings", "the Produce screen's producer settings (acks, batching, ...)", PRODUCE,
                    "producerSettings"),
            new Target("records-sent", "the Produce screen's Records sent table", PRODUCE, "producedRecords"),
            new Target("records-per-partition", "the Produce screen's Records per partition chart", PRODUCE,
                    "partitionChart"),
            new Target("producer-metrics", "the Produce screen's producer metrics", PRODUCE, "producerMetrics"),
            new Target("key-table", "the Produce screen's table of keys and their partitions", PRODUCE, "keyTable"),
            new Target("group-form", "the Consume screen's group form", CONSUME, "groupForm"),
            new Target("member-cards", "the Consume screen's member cards", CONSUME, "membersPane"),
            new Target("partition-owners", "the Consume screen's row of partitions and their owners", CONSUME,
                    "partitionOwners"),
            new Target("rebalances", "the Consume screen's rebalances, as the members saw them", CONSUME,
                    "rebalanceTimeline"),
            new Target("lag", "the Consume screen's lag chart", CONSUME, "lagChart"),
            new Target("share-group", "the Consume screen's share group: members, policy, each delivery", CONSUME,
                    "shareGroupPane"),
            new Target("transaction", "the Produce screen's transaction: begin, send, commit, abort, crash", PRODUCE,
                    "transactionPane"),
            new Target("code-editor", "the Code screen's editor, with Run", CODE, "codeEditor"),
            new Target("code-console", "the Code screen's console: what the program printed", CODE, "codeConsole"));

    private static final Pattern BROKER = Pattern.compile("\\d+|(leader-of|follower-of):[A-Za-z0-9._-]+/\\d+|\\$[a-z][a-z0-9-]*");
    private static final Pattern KEYS = Pattern.compile("none|random|distinct:\\d+");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern TOPICS = Pattern.compile("[A-Za-z0-9._-]+:\\d{1,6}(,[A-Za-z0-9._-]+:\\d{1,6})*");

    public static final Map<String, Entry<Check>> CHECKS = index(List.of(
            check("topic-exists", CLUSTER, TopicChecks::topicExists,
                    "the topic exists, with these partitions and replication factor if given (config.<name>=<value>:"
                            + " and the brokers apply that config to it)",
                    req("topic"), num("partitions"), num("replication-factor"), req("config.*", false)),
            check("topics-exist", CLUSTER, TopicChecks::topicsExist,
                    "every topic listed exists with its partitions, and the replication factor and configs if given",
                    new Param("topics", true, Type.TOPICS, List.of()), num("replication-factor"), req("config.*", false)),
            check("records-in-topic", CLUSTER, Checks::recordsInTopic,
                    "the topic holds at least this many readable records (sum of high watermarks)",
                    req("topic"), reqNum("at-least")),
            check("log-start-moved", CLUSTER, RetentionChecks::logStartMoved,
                    "at least this many records were deleted from the topic's start: its log start offsets moved on",
                    req("topic"), reqNum("at-least")),
            check("key-in-one-partition", PRODUCE, Checks::keyInOnePartition,
                    "every record sent with this key went to one partition, the one murmur2 predicts",
                    req("topic"), req("key"), num("at-least")),
            check("keys-hashed", PRODUCE, Checks::keysHashed,
                    "records with at least N distinct keys were sent, each key always to its murmur2 partition",
                    req("topic"), num("at-least")),
            check("unkeyed-spread", PRODUCE, Checks::unkeyedSpread,
                    "records without a key (placed by this partitioner, if given) reached at least this many"
                            + " partitions (even=true: as many in each, give or take one)",
                    req("topic"), reqNum("partitions"), num("at-least"), choice("partitioner", false, "default",
                            "round-robin"), new Param("even", false, Type.YES_NO, List.of())),
            check("acks-levels", PRODUCE, ProducerChecks::acksLevels,
                    "at least this many records were sent to the topic with each acks level listed, each answered as"
                            + " it should: with an offset for all and 1, none (-1) for 0",
                    req("topic"), new Param("levels", true, Type.ACKS, List.of()), num("at-least")),
            check("priority-routed", PRODUCE, Checks::priorityRouted,
                    "at least N records were sent with the priority partitioner: the urgent ones all to partition 0, no other one there",
                    req("topic"), num("at-least")),
            check("broker-state", CLUSTER, Checks::brokerState, "a broker is in this state",
                    new Param("broker", true, Type.BROKER, List.of()),
                    choice("state", true, "running", "stopped", "killed", "frozen", "fenced", "serving")),
            check("leader-moved", CLUSTER, Checks::leaderMoved,
                    "the partition's leader is another broker than when the step began, and it has one (old-leader=killed,"
                            + " stopped or frozen: and the broker that led it then is in that state; stopping counts as stopped)",
                    req("topic"), reqNum("partition"), choice("old-leader", false, "killed", "stopped", "frozen")),
            check("isr-size", CLUSTER, Checks::isrSize,
                    "the partition's in-sync replica set has exactly this many members",
                    req("topic"), reqNum("partition"), reqNum("size")),
            check("isr-full", CLUSTER, Checks::isrFull,
                    "every replica of the topic's partitions (or of one partition) is in sync",
                    req("topic"), num("partition")),
            check("under-replicated", CLUSTER, Checks::underReplicated,
                    "at least this many partitions of the topic have fewer in-sync replicas than replicas",
                    req("topic"), reqNum("at-least")),
            check("group-members", CONSUME, Checks::groupMembers, "the consumer group has exactly this many members",
                    req("group"), reqNum("members")),
            check("group-balanced", CONSUME, Checks::groupBalanced,
                    "every partition of the topic is assigned in the group, shared evenly (members=N: among exactly N)",
                    req("group"), req("topic"), num("members")),
            check("group-idle-members", CONSUME, Checks::groupIdle,
                    "at least this many members of the group have no partition",
                    req("group"), num("at-least")),
            check("group-rebalanced", CONSUME, Checks::groupRebalanced,
                    "the group's assignment changed since the step began",
                    req("group")),
            check("member-partitions-moved", CONSUME, Checks::memberPartitionsMoved,
                    "a member there when the step began is gone, and its partitions are others' now",
                    req("group")),
            check("records-consumed", CONSUME, Checks::recordsConsumed,
                    "the group has committed at least this many records of the topic",
                    req("group"), req("topic"), reqNum("at-least")),
            check("consumer-lag", CONSUME, Checks::consumerLag,
                    "the group is at least this many records behind on the topic (stopped=true: and has no members,"
                            + " so it will not commit and catch up)",
                    req("group"), req("topic"), reqNum("at-least"), new Param("stopped", false, Type.YES_NO, List.of())),
            check("acked-records-lost", CLUSTER, (c, ctx) -> Checks.ackedLost(c, ctx, true),
                    "records the producer saw acknowledged are not on the partition's leader any more",
                    req("topic")),
            check("acked-records-kept", CLUSTER, (c, ctx) -> Checks.ackedLost(c, ctx, false),
                    "the durability demo ran on the topic, and every acknowledged record is on the leader and readable",
                    req("topic")),
            check("old-leader-rejoined", CLUSTER, Checks::oldLeaderRejoined,
                    "the leader the durability demo killed is back in the ISR with the leader's log; with new-records,"
                            + " the app sent this many since, at offsets the lost records had or after the kept ones",
                    req("topic"), num("new-records"), choice("new-offsets", false, "reused", "after")),
            check("records-added", CODE, Checks::recordsAdded,
                    "at least this many records were written to the topic since the step began, whoever wrote them",
                    req("topic"), reqNum("at-least")),
            check("records-through-election", CODE, ScanChecks::recordsThroughElection,
                    "in one partition, records written since the step began both before and after a leader election"
                            + " (read from the topic: the leader epoch that wrote them)",
                    req("topic"), reqNum("at-least")),
            check("avro-decodes", CODE, AvroChecks::avroDecodes,
                    "at least this many values written to the topic since the step began decode as Avro with the"
                            + " schema file (under labs/code)", req("topic"), req("schema"), reqNum("at-least")),
            check("program-printed", CODE, ProgramChecks::programPrinted,
                    "the program's run on the Code screen printed a line matching a regular expression since the step"
                            + " began (then=REGEX: and later a line matching that; ended=true: and then ended)",
                    req("program"), req("pattern"), req("then", false), new Param("ended", false, Type.YES_NO, List.of())),
            check("counts-add-up", CLUSTER, ScanChecks::countsAddUp,
                    "the newest value of each key in the topic is a count, and they add up to the keyed records stored"
                            + " in the input topic (at least this many), one count for each key there",
                    req("topic"), req("input"), num("at-least")),
            check("records-stored", CLUSTER, ScanChecks::recordsStored,
                    "the topic, read from its beginning, still stores at least this many records (none cleaned away)",
                    req("topic"), reqNum("at-least")),
            check("distinct-keys", CODE, ScanChecks::distinctKeys,
                    "the topic stores records with at least this many distinct keys, whoever wrote them",
                    req("topic"), reqNum("at-least")),
            check("producer-metric", PRODUCE, ProducerChecks::producerMetric,
                    "a producer metric of the app's producer is above or below a value (batch-size, linger-ms,"
                            + " compression: and the newest records were sent with these settings)",
                    choice("metric", true, "batch-size-avg", "records-per-request-avg", "compression-rate-avg",
                            "record-send-rate", "request-latency-avg"),
                    dec("above"), dec("below"), num("batch-size"), num("linger-ms"),
                    choice("compression", false, "none", "gzip", "snappy", "lz4", "zstd")),
            check("compacted", CLUSTER, ScanChecks::compacted,
                    "the log cleaner removed superseded records: fewer records stored than offsets written (tombstone=KEY:"
                            + " and the newest record of KEY still stored is its tombstone)",
                    req("topic"), req("tombstone", false)),
            // On the produce screen, with the key checks, where the tombstone is sent.
            check("key-absent", PRODUCE, ScanChecks::keyAbsent,
                    "no record with this key is stored any more (a tombstone was cleaned away)",
                    req("topic"), req("key")),
            check("share-delivered", CONSUME, QueueChecks::shareDelivered,
                    "since the step began, the share group's members accepted at least this many records, none"
                            + " twice, and at least this many members got some (members=N)",
                    req("group"), reqNum("at-least"), num("members")),
            check("share-rejected", CONSUME, QueueChecks::shareRejected,
                    "since the step began, at least this many records were rejected and never delivered again, while"
                            + " newer records of their partition were (dead-letter=TOPIC: and that topic has received"
                            + " as many records since the step began)", req("group"), reqNum("at-least"),
                    req("dead-letter", false)),
            check("share-redelivered", CONSUME, QueueChecks::shareRedelivered,
                    "since the step began, at least this many records came back (delivery count 2 or more) to another"
                            + " member, which answered them (from=held: the first member held them past their lock;"
                            + " from=crashed: it crashed)",
                    req("group"), reqNum("at-least"), choice("from", false, "any", "held", "crashed")),
            check("transaction-state", PRODUCE, QueueChecks::transactionState,
                    "a transaction on the topic is open (LSO below HW), or ended during the step (committed, aborted,"
                            + " or timeout: aborted by its coordinator); transactional-id: as the lab's producer of it"
                            + " says; group and read (other-group, other-read): that in-app group received exactly"
                            + " this many records",
                    req("topic"), choice("state", true, "open", "committed", "aborted", "timeout"),
                    req("transactional-id", false), req("group", false), num("read"), req("other-group", false),
                    num("other-read")),
            check("stock-sender", CLUSTER, Checks::stockSender,
                    "the built-in stock-price sender is running or stopped (closed cleanly)",
                    choice("state", true, "running", "stopped"))));

    public static final Map<String, Entry<Action>> ACTIONS = index(List.of(
            action("create-topic", CLUSTER, Workbench::createTopic,
                    "create a topic (config.<name>=<value> adds a topic config)",
                    req("topic"), reqNum("partitions"), reqNum("replication-factor"), num("min-insync-replicas"),
                    choice("cleanup-policy", false, "delete", "compact", "compact,delete"), req("config.*", false)),
            action("delete-topic", CLUSTER, Workbench::deleteTopic, "delete a topic", req("topic")),
            action("produce", PRODUCE, Workbench::produce,
                    "send records with the app's producer (tombstone=true: null values, to delete keys from a compacted"
                            + " topic; then-tombstone=KEY: a tombstone for KEY after them, in the same burst)",
                    req("topic"), num("count"), req("key", false), new Param("keys", false, Type.KEYS, List.of()),
                    req("value", false), choice("acks", false, "0", "1", "all"),
                    choice("partitioner", false, "default", "round-robin", "priority"), num("linger-ms"),
                    num("batch-size"), choice("compression", false, "none", "gzip", "snappy", "lz4", "zstd"),
                    new Param("ignore-keys", false, Type.YES_NO, List.of()), num("urgent-every"),
                    new Param("tombstone", false, Type.YES_NO, List.of()), req("then-tombstone", false)),
            broker("stop-broker", "Stopped", KafkaCluster::stop, "stop a broker gracefully (SIGTERM: controlled shutdown)"),
            broker("kill-broker", "Killed", KafkaCluster::kill, "kill a broker (SIGKILL: no goodbye)"),
            broker("freeze-broker", "Froze", KafkaCluster::pause, "freeze a broker (SIGSTOP: alive but silent)"),
            broker("resume-broker", "Resumed", KafkaCluster::resume, "resume a frozen broker (SIGCONT)"),
            broker("start-broker", "Started", KafkaCluster::start, "start a stopped or killed broker again, same id and data"),
            action("restore-brokers", CLUSTER, Workbench::restoreAll, "start or resume every broker that is not running"),
            action("start-group", CONSUME, Workbench::startGroup,
                    "start a consumer group of in-app members reading a topic",
                    req("group"), req("topic"), reqNum("members"), choice("protocol", false, "classic", "consumer"),
                    choice("assignor", false, "range", "round-robin", "sticky", "cooperative-sticky", "uniform"),
                    choice("commit", false, "auto", "manual"),
                    choice("isolation", false, "read_uncommitted", "read_committed")),
            action("add-member", CONSUME, Workbench::addMember, "add a member to a running group", req("group")),
            action("leave-member", CONSUME, (w, a) -> w.memberGoes(a, false),
                    "a member leaves the group gracefully (by default the last one that reads partitions)",
                    req("group"), req("member", false)),
            action("crash-member", CONSUME, (w, a) -> w.memberGoes(a, true),
                    "a member dies without a word (by default the last one that reads partitions)",
                    req("group"), req("member", false)),
            action("stop-group", CONSUME, (w, a) -> w.stopGroup(a.text("group")), "every member of the group leaves",
                    req("group")),
            staged("durability-demo", CLUSTER, Workbench::durability,
                    "the acks experiment: freeze both followers, send, kill the leader, resume the followers; the"
                            + " killed leader stays down",
                    req("topic"), choice("acks", true, "1", "all"), num("records")),
            action("run-solution", CODE, Workbench::runSolution,
                    "compile and run a code lab's program from labs/code/<program>/<folder> as the Code screen does,"
                            + " with the cluster's address as its first argument (and its security settings' file as the second), and wait for it to end"
                            + " (background=true: leave it running, for the steps that follow; rename=a,b: set by the app on"
                            + " another's cluster, where the string literals naming a or b name the learner's own)",
                    req("program"), req("folder"), new Param("background", false, Type.YES_NO, List.of()),
                    req(Solutions.RENAME, false)),
            action("stop-program", CODE, Workbench::stopProgram,
                    "stop a program the Code screen or a step runs, as its Stop button does: its shutdown hooks run",
                    req("program")),
            action("start-share-group", CONSUME, QueueActions::startShareGroup,
                    "start a share group (KIP-932) of in-app members on a topic, from its earliest record; each member"
                            + " answers by the policy (accept, reject or release every Nth, hold) and works work-ms on"
                            + " each record; dead-letter=dlq.NAME: rejected records go to that topic (KIP-1191)",
                    req("group"), req("topic"), reqNum("members"), choice("policy", false, "accept", "reject",
                            "release", "hold"), num("every"), num("work-ms"), req("dead-letter", false)),
            action("set-share-members", CONSUME, QueueActions::setShareMembers,
                    "give the share group's members (or one member) a new policy or work time",
                    req("group"), req("member", false), choice("policy", false, "accept", "reject", "release", "hold"),
                    num("every"), num("work-ms")),
            action("add-share-member", CONSUME, QueueActions::addShareMember, "add a member to a running share group",
                    req("group")),
            action("crash-share-member", CONSUME, QueueActions::crashShareMember,
                    "a share-group member dies mid-batch (by default the newest that got records)",
                    req("group"), req("member", false)),
            action("stop-share-group", CONSUME, QueueActions::stopShareGroup, "every member of the share group leaves",
                    req("group")),
            action("send-in-transaction", PRODUCE, QueueActions::sendInTransaction,
                    "send records in a transaction of this transactional.id, beginning one if none is open",
                    req("transactional-id"), req("topic"), num("count")),
            action("commit-transaction", PRODUCE, (w, a) -> QueueActions.endTransaction(w, a, "commit"),
                    "commit the open transaction of this transactional.id", req("transactional-id")),
            action("abort-transaction", PRODUCE, (w, a) -> QueueActions.endTransaction(w, a, "abort"),
                    "abort the open transaction of this transactional.id", req("transactional-id")),
            action("crash-transaction", PRODUCE, (w, a) -> QueueActions.endTransaction(w, a, "crash"),
                    "the producer of this transactional.id dies with its transaction open", req("transactional-id")),
            action("start-stock-sender", PRODUCE, Workbench::startStock,
                    "start the built-in sender of random stock prices",
                    req("topic"), num("rate")),
            action("stop-stock-sender", PRODUCE, (w, a) -> w.stopStock(),
                    "stop the stock-price sender: flush and close the producer")));

    private Vocabulary() {
    }

    /**
     * The screen that shows what a step is about: the screen of the first thing it asks the
     * learner to look at; without one, the first of its actions that belongs to the produce or
     * consume screen, else its check's. An action on the cluster (a topic created, a broker
     * killed) is set-up: it does not take the learner away from what the step is about.
     */
    public static LabScreen screenOf(Step step) {
        if (!step.looks().isEmpty() && TARGETS.containsKey(step.looks().get(0))) {
            return TARGETS.get(step.looks().get(0)).screen();
        }
        return step.actions().stream().map(a -> ACTIONS.get(a.name())).filter(e -> e != null && e.screen() != CLUSTER)
                .map(Entry::screen).findFirst()
                .orElseGet(() -> Optional.ofNullable(CHECKS.get(step.check().name())).map(Entry::screen).orElse(CLUSTER));
    }

    /** Does an action with its entry's handler; a name this app does not know is refused. */
    static CompletableFuture<Outcome> run(Workbench bench, Directive action, ClusterSnapshot snapshot,
            Map<String, Integer> remembered, Consumer<String> progress) {
        Entry<Action> entry = ACTIONS.get(action.name());
        if (entry == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this app cannot do '" + action.name() + "'"));
        }
        return entry.handler().run(bench, action, snapshot, remembered, progress);
    }

    /** The argument problems of one directive, empty when it is fine. */
    public static List<String> problems(Map<String, ? extends Entry<?>> kinds, String name, Map<String, String> args) {
        List<String> out = new ArrayList<>();
        Entry<?> entry = kinds.get(name);
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
            case ACKS -> value.matches("(all|1|0)(,(all|1|0))*") ? null : "acks levels, as all,1,0";
            case TOPICS -> TOPICS.matcher(value).matches() ? null : "topics and their partitions, as orders:3,payments:6";
            case CHOICE -> p.values().contains(value) ? null : "one of " + String.join(", ", p.values());
        };
    }

    private static Entry<Check> check(String name, LabScreen screen, Check handler, String meaning, Param... params) {
        return new Entry<>(name, meaning, screen, List.of(params), handler);
    }

    /** Most actions need only the workbench and their directive; the broker actions need more. */
    private static Entry<Action> action(String name, LabScreen screen,
            BiFunction<Workbench, Directive, CompletableFuture<Outcome>> handler, String meaning, Param... params) {
        return new Entry<>(name, meaning, screen, List.of(params), (bench, a, snapshot, remembered, progress) -> handler.apply(bench, a));
    }

    /** An action that does several things and says so as it goes. */
    private static Entry<Action> staged(String name, LabScreen screen,
            StagedHandler handler, String meaning,
            Param... params) {
        return new Entry<>(name, meaning, screen, List.of(params),
                (bench, a, snapshot, remembered, progress) -> handler.apply(bench, a, progress));
    }

    @FunctionalInterface
    private interface StagedHandler {
        CompletableFuture<Outcome> apply(Workbench bench, Directive action, Consumer<String> progress);
    }

    /**
     * An action on one broker, named as a lab names it (resolved against the cluster as last seen):
     * {@code op} does it, {@code verb} says it was done.
     */
    private static Entry<Action> broker(String name, String verb,
            BiFunction<KafkaCluster, Integer, CompletableFuture<Void>> op, String meaning) {
        return new Entry<>(name, meaning, CLUSTER, List.of(new Param("broker", true, Type.BROKER, List.of())),
                (bench, a, snapshot, remembered, progress) -> bench.broker(BrokerRef.resolve(a.text("broker"), snapshot, remembered),
                        verb, op));
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

    private static Map<String, Target> targets(Target... targets) {
        Map<String, Target> map = new LinkedHashMap<>();
        for (Target t : targets) {
            map.put(t.name(), t);
        }
        return Collections.unmodifiableMap(map);
    }

    private static <H> Map<String, Entry<H>> index(List<Entry<H>> entries) {
        Map<String, Entry<H>> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.name(), e));
        return Collections.unmodifiableMap(map);
    }
}
