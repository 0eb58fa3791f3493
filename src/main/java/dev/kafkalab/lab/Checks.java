package dev.kafkalab.lab;

import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The checks the {@link Vocabulary}'s entries name, each a pure function of a {@link CheckContext}:
 * the same snapshot always gives the same verdict, so the lab screen, the solver tests and a unit
 * test with a hand-made snapshot agree.
 */
public final class Checks {

    private Checks() {
    }

    /** The check's verdict, from its entry in the vocabulary; one this app does not know waits. */
    public static Verdict evaluate(Directive check, CheckContext ctx) {
        Vocabulary.Entry<Vocabulary.Check> entry = Vocabulary.CHECKS.get(check.name());
        if (entry == null) {
            return Verdict.waiting("this app does not know the check '" + check.name() + "'");
        }
        try {
            return entry.handler().evaluate(check, ctx);
        } catch (IllegalStateException e) {
            return Verdict.waiting(e.getMessage());
        }
    }

    /** Whether a check reads the app's producer metrics (the only check that does). */
    public static boolean readsProducerMetrics(Directive check) {
        return check.name().equals("producer-metric");
    }

    static Verdict recordsInTopic(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        TopicView topic = topic(c, s);
        long records = topic.partitions().stream().mapToLong(p -> Math.max(0, p.highWatermark())
                - Math.max(0, p.logStartOffset())).sum();
        int atLeast = c.integer("at-least");
        return new Verdict(records >= atLeast, topic.name() + " holds " + records + " readable record"
                + (records == 1 ? "" : "s") + (records >= atLeast ? "" : "; waiting for " + atLeast));
    }

    /** Records written to the topic since the step began, whoever wrote them (high watermarks then and now). */
    static Verdict recordsAdded(Directive c, CheckContext ctx) {
        TopicView now = topic(c, ctx.now());
        long before = ctx.baseline().topic(now.name()).map(t -> t.partitions().stream()
                .mapToLong(p -> Math.max(0, p.highWatermark())).sum()).orElse(0L);
        long added = now.partitions().stream().mapToLong(p -> Math.max(0, p.highWatermark())).sum() - before;
        int atLeast = c.integer("at-least");
        return new Verdict(added >= atLeast, Math.max(0, added) + " record(s) written to " + now.name()
                + " since the step began" + (added >= atLeast ? "" : "; waiting for " + atLeast));
    }

    static Verdict keyInOnePartition(Directive c, CheckContext ctx) {
        Ledger ledger = ctx.ledger();
        String key = c.text("key");
        Ledger.KeyRecord k = ledger.keys(c.text("topic")).get(key);
        int atLeast = c.optionalInteger("at-least").orElse(1);
        if (k == null || k.count() < atLeast) {
            return Verdict.waiting((k == null ? "no" : k.count()) + " record(s) with key '" + key
                    + "' sent yet; waiting for " + atLeast);
        }
        if (k.unhashed() > 0) {
            return Verdict.waiting(k.unhashed() + " record(s) with key '" + key
                    + "' were placed without hashing the key (another partitioner, or partitioner.ignore.keys)");
        }
        if (k.partitions().size() > 1) {
            return Verdict.waiting("records with key '" + key + "' are in partitions " + k.partitions()
                    + " (did the partition count change?)");
        }
        int p = k.partitions().iterator().next();
        return new Verdict(p == k.predicted(), k.count() + " record(s) with key '" + key + "', all in partition " + p
                + (p == k.predicted() ? ", as murmur2 predicts" : ", but murmur2 predicts " + k.predicted()));
    }

    static Verdict keysHashed(Directive c, CheckContext ctx) {
        Ledger ledger = ctx.ledger();
        Map<String, Ledger.KeyRecord> keys = ledger.keys(c.text("topic"));
        int atLeast = c.optionalInteger("at-least").orElse(2);
        long good = keys.values().stream().filter(k -> k.unhashed() == 0 && k.partitions().size() == 1
                && k.partitions().contains(k.predicted())).count();
        List<String> bad = keys.entrySet().stream().filter(e -> e.getValue().partitions().size() > 1
                || e.getValue().unhashed() > 0).map(Map.Entry::getKey).sorted().limit(3).toList();
        if (!bad.isEmpty()) {
            return Verdict.waiting("keys not placed by their hash: " + String.join(", ", bad));
        }
        return new Verdict(good >= atLeast, good + " distinct key(s) sent, each always in its murmur2 partition"
                + (good >= atLeast ? "" : "; waiting for " + atLeast));
    }

    /**
     * Unkeyed records (those the named partitioner placed, if one is named) reached enough
     * partitions; {@code even=true}: and every partition holds as many as another, give or take one.
     */
    static Verdict unkeyedSpread(Directive c, CheckContext ctx) {
        Optional<String> by = c.optional("partitioner");
        Map<Integer, Integer> counts = ctx.ledger().unkeyed(c.text("topic"), by.map(ProducerWords::partitioner));
        int count = counts.values().stream().mapToInt(Integer::intValue).sum();
        int want = c.integer("partitions");
        int atLeast = c.optionalInteger("at-least").orElse(1);
        boolean evenWanted = c.optional("even").map(Boolean::parseBoolean).orElse(false);
        IntSummaryStatistics spread = counts.values().stream().mapToInt(Integer::intValue).summaryStatistics();
        boolean even = counts.size() >= want && spread.getMax() - spread.getMin() <= 1;
        boolean ok = count >= atLeast && counts.size() >= want && (even || !evenWanted);
        String missing = count < atLeast && counts.size() < want ? atLeast + " records in " + want + " partitions"
                : count < atLeast ? atLeast + " records" : counts.size() < want ? want + " partitions"
                : "as many in each partition, give or take one";
        return new Verdict(ok, count + " unkeyed record(s)" + by.map(p -> " sent with the " + p + " partitioner")
                .orElse("") + " in " + counts.size() + " partition(s), per partition " + counts
                + (ok ? "" : "; waiting for " + missing));
    }

    static Verdict priorityRouted(Directive c, CheckContext ctx) {
        Ledger ledger = ctx.ledger();
        int[] p = ledger.priority(c.text("topic"));
        int atLeast = c.optionalInteger("at-least").orElse(1);
        if (p[1] > 0 || p[2] > 0) {
            return Verdict.waiting(p[1] + " urgent record(s) outside partition 0, " + p[2] + " other record(s) in it");
        }
        boolean ok = p[0] > 0 && p[3] >= atLeast;
        return new Verdict(ok, p[3] + " record(s) sent with the priority partitioner, " + p[0]
                + " urgent ones all in partition 0 and no other there" + (ok ? "" : p[0] == 0
                        ? "; waiting for urgent records" : "; waiting for " + atLeast));
    }

    static Verdict brokerState(Directive c, CheckContext ctx) {
        // leader-of / follower-of mean the partition as it was when the step began.
        ClusterSnapshot where = ctx.baseline().nodes().isEmpty() ? ctx.now() : ctx.baseline();
        int id = BrokerRef.resolve(c.text("broker"), where, ctx.brokers());
        NodeView node = ctx.now().node(id).orElseThrow(() -> new IllegalStateException("there is no broker " + id));
        String want = c.text("state");
        boolean ok = switch (want) {
            case "running" -> node.process() == null ? node.serving() : node.process() == NodeState.RUNNING;
            case "stopped" -> node.process() == NodeState.STOPPED;
            case "killed" -> node.process() == NodeState.KILLED;
            case "frozen" -> node.process() == NodeState.FROZEN;
            case "fenced" -> node.fenced();
            case "serving" -> node.serving();
            default -> false;
        };
        List<String> parts = new java.util.ArrayList<>();
        if (node.process() != null) {
            parts.add(node.process().word());
        }
        if (node.fenced()) {
            parts.add("fenced");
        }
        if (node.serving()) {
            parts.add("serving");
        }
        String is = parts.isEmpty() ? "unknown" : String.join(", ", parts);
        return new Verdict(ok, "broker " + id + " is " + is + (ok ? "" : "; waiting for " + want));
    }

    static Verdict leaderMoved(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        int partition = c.integer("partition");
        PartitionView now = partition(ctx.now(), topic, partition);
        Optional<PartitionView> was = ctx.baseline().partition(topic, partition);
        if (was.isEmpty() || was.get().offline()) {
            // Nothing to compare with: the step began before the partition (or its leader) was seen.
            return Verdict.waiting("the leader of " + now.name() + " is broker " + now.leader()
                    + "; the step began before it had one, so nothing has moved yet");
        }
        int before = was.get().leader();
        if (now.offline()) {
            return Verdict.waiting(now.name() + " has no leader right now (was broker " + before + ")");
        }
        boolean moved = now.leader() != before;
        String seen = moved ? "the leader of " + now.name() + " moved from broker " + before + " to broker "
                + now.leader() : "the leader of " + now.name() + " is still broker " + now.leader();
        Optional<String> how = c.optional("old-leader");
        if (!moved || how.isEmpty()) {
            return new Verdict(moved, seen);
        }
        // How the old leader went decides how long the move took: a kill or a freeze waits out the
        // session timeout, a stop hands over at once (while it is still stopping).
        NodeState old = ctx.now().node(before).map(NodeView::process).orElse(null);
        boolean went = switch (how.get()) {
            // A kill -9 from a terminal, as the lab text shows, leaves the app a crashed node.
            case "killed" -> old == NodeState.KILLED || old == NodeState.CRASHED;
            case "stopped" -> old == NodeState.STOPPING || old == NodeState.STOPPED;
            default -> old == NodeState.FROZEN;
        };
        return new Verdict(went, seen + "; broker " + before + " is " + (old == null ? "not run by this app" : old.word())
                + (went ? "" : ", not " + how.get()));
    }

    static Verdict isrSize(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        PartitionView p = partition(s, c.text("topic"), c.integer("partition"));
        int want = c.integer("size");
        return new Verdict(p.isr().size() == want, "the ISR of " + p.name() + " is " + p.isr()
                + (p.isr().size() == want ? "" : "; waiting for " + want + " member(s)"));
    }

    static Verdict isrFull(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        TopicView topic = topic(c, s);
        List<PartitionView> parts = c.optionalInteger("partition")
                .map(n -> List.of(partition(s, topic.name(), n))).orElse(topic.partitions());
        List<String> short_ = parts.stream().filter(PartitionView::underReplicated)
                .map(p -> p.name() + " ISR " + p.isr() + " of " + p.replicas()).toList();
        return new Verdict(short_.isEmpty(), short_.isEmpty() ? "every replica is in sync"
                : "not in sync yet: " + String.join("; ", short_));
    }

    static Verdict underReplicated(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        TopicView topic = topic(c, s);
        long n = topic.partitions().stream().filter(PartitionView::underReplicated).count();
        int want = c.integer("at-least");
        return new Verdict(n >= want, n + " partition(s) of " + topic.name() + " under-replicated"
                + (n >= want ? "" : "; waiting for " + want));
    }

    static Verdict groupMembers(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        String id = c.text("group");
        int n = group(s, id).members().size();
        int want = c.integer("members");
        return new Verdict(n == want, "group " + id + " has " + n + " member(s)" + (n == want ? "" : "; waiting for " + want));
    }

    static Verdict groupBalanced(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        GroupView g = stableGroup(c, s);
        TopicView topic = topic(c, s);
        Map<String, Integer> counts = new HashMap<>();
        Map<Integer, Integer> owners = new HashMap<>();
        for (MemberView m : g.members()) {
            int mine = 0;
            for (TopicPartition tp : m.assignment()) {
                if (tp.topic().equals(topic.name())) {
                    mine++;
                    owners.merge(tp.partition(), 1, Integer::sum);
                }
            }
            counts.put(m.memberId(), mine);
        }
        int partitions = topic.partitions().size();
        boolean covered = owners.size() == partitions && owners.values().stream().allMatch(v -> v == 1);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int size = g.members().size();
        java.util.OptionalInt members = c.optionalInteger("members").map(java.util.OptionalInt::of)
                .orElse(java.util.OptionalInt.empty());
        boolean sized = members.isEmpty() || members.getAsInt() == size;
        boolean ok = covered && max - min <= 1 && sized;
        String shares = counts.values().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        return new Verdict(ok, size + " member(s) share " + owners.size() + " of " + partitions
                + " partitions (" + shares + ")" + (ok ? "" : !covered ? "; not all assigned"
                        : !sized ? "; waiting for " + members.getAsInt() + " member(s)" : "; not evenly"));
    }

    static Verdict groupIdle(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        GroupView g = stableGroup(c, s);
        long idle = g.members().stream().filter(m -> m.assignment().isEmpty()).count();
        int want = c.optionalInteger("at-least").orElse(1);
        return new Verdict(idle >= want, idle + " of " + g.members().size() + " member(s) have no partition"
                + (idle >= want ? "" : "; waiting for " + want));
    }

    static Verdict groupRebalanced(Directive c, CheckContext ctx) {
        String id = c.text("group");
        Map<String, Set<TopicPartition>> before = assignments(ctx.baseline(), id);
        GroupView g = stableGroup(c, ctx.now());
        Map<String, Set<TopicPartition>> now = assignments(ctx.now(), id);
        boolean changed = !now.equals(before) && !g.members().isEmpty();
        return new Verdict(changed, changed ? "group " + id + " has a new assignment (" + g.members().size()
                + " member(s))" : "group " + id + " has the assignment it had when the step began");
    }

    static Verdict memberPartitionsMoved(Directive c, CheckContext ctx) {
        String id = c.text("group");
        group(ctx.now(), id);
        Map<String, Set<TopicPartition>> before = assignments(ctx.baseline(), id);
        Map<String, Set<TopicPartition>> now = assignments(ctx.now(), id);
        for (var gone : before.entrySet()) {
            if (now.containsKey(gone.getKey()) || gone.getValue().isEmpty()) {
                continue;
            }
            Set<TopicPartition> owned = now.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            boolean owners = owned.containsAll(gone.getValue());
            boolean moved = owners && isStable(ctx.now(), id);
            return new Verdict(moved, moved ? "the partitions of the member that left (" + names(gone.getValue())
                    + ") belong to other members now" : owners ? "a member left; the group is still rebalancing"
                    : "a member left; its partitions " + names(gone.getValue()) + " have no owner yet");
        }
        return Verdict.waiting("every member with partitions when the step began is still in group " + id);
    }

    static Verdict recordsConsumed(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        String topic = c.text("topic");
        long committed = group(s, c.text("group")).committedOffsets().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).sum();
        int want = c.integer("at-least");
        return new Verdict(committed >= want, "group " + c.text("group") + " committed " + committed
                + " record(s) of " + topic + (committed >= want ? "" : "; waiting for " + want));
    }

    /** With {@code stopped=true}, the group has no members: a running one commits again and catches up. */
    static Verdict consumerLag(Directive c, CheckContext ctx) {
        ClusterSnapshot s = ctx.now();
        String topic = c.text("topic");
        GroupView g = group(s, c.text("group"));
        long lag = g.lag().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).sum();
        int want = c.integer("at-least");
        int running = c.optional("stopped").map(Boolean::parseBoolean).orElse(false) ? g.members().size() : 0;
        return new Verdict(lag >= want && running == 0, "group " + c.text("group") + " is " + lag
                + " record(s) behind on " + topic + (running > 0 ? "; waiting for its " + running
                        + " member(s) to stop" : lag >= want ? "" : "; waiting for " + want));
    }

    private static Verdict notRun(String topic) {
        return Verdict.waiting("the experiment has not run on " + topic + " since the app started: run it (again)");
    }

    static Verdict ackedLost(Directive c, CheckContext ctx, boolean wantLost) {
        String topic = c.text("topic");
        // Records sent before the experiment were never at risk: keeping them proves nothing.
        if (!wantLost && ctx.ledger().demo(topic).isEmpty()) {
            return notRun(topic);
        }
        Map<Integer, Ledger.Acked> acked = ctx.ledger().acked(topic);
        if (acked.isEmpty()) {
            return Verdict.waiting("no record of " + topic + " acknowledged yet");
        }
        long lost = 0;
        long unreadable = 0;
        long total = 0;
        for (var e : acked.entrySet()) {
            PartitionView p = partition(ctx.now(), topic, e.getKey());
            Ledger.Acked a = e.getValue();
            total += a.count();
            Long leaderEnd = p.logEndOffsets().get(p.leader());
            if (p.offline() || leaderEnd == null || p.highWatermark() < 0) {
                return Verdict.waiting(p.name() + " has no leader that reports its log yet");
            }
            // Gone means the leader's own log ends before them: not merely unreplicated yet.
            if (leaderEnd <= a.last()) {
                lost += Math.min(a.count(), a.last() + 1 - Math.max(a.first(), leaderEnd));
            }
            if (p.highWatermark() <= a.last()) {
                unreadable += Math.min(a.count(), a.last() + 1 - Math.max(a.first(), p.highWatermark()));
            }
        }
        if (lost > 0) {
            return new Verdict(wantLost, lost + " of " + total + " acknowledged record(s) are not on the leader any more");
        }
        if (unreadable > 0) {
            return Verdict.waiting(unreadable + " of " + total + " acknowledged record(s) are on the leader but not"
                    + " readable yet (high watermark)");
        }
        return new Verdict(!wantLost, "all " + total + " acknowledged record(s) are on the leader and readable");
    }

    /**
     * The leader the durability demo killed came back: it is in the ISR and its log ends where the
     * leader's does, so it dropped what only it had; and the app's producer sent this many records
     * since, at the offsets the lost records had ({@code reused}) or after the kept ones ({@code after}).
     */
    static Verdict oldLeaderRejoined(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        Optional<Ledger.Demo> ran = ctx.ledger().demo(topic);
        if (ran.isEmpty()) {
            return notRun(topic);
        }
        Ledger.Demo demo = ran.get();
        PartitionView p = partition(ctx.now(), topic, demo.partition());
        int old = demo.oldLeader();
        String killedAt = demo.oldLeaderEnd() >= 0 ? " (its log ended at " + demo.oldLeaderEnd() + " when it was killed)"
                : "";
        Long end = p.logEndOffsets().get(old);
        if (end == null) {
            return Verdict.waiting("broker " + old + " is down" + killedAt + ": start it");
        }
        Long leaderEnd = p.logEndOffsets().get(p.leader());
        if (!p.isr().contains(old) || leaderEnd == null || !leaderEnd.equals(end)) {
            return Verdict.waiting("broker " + old + " runs again and catches up with broker " + p.leader()
                    + " (its log ends at " + end + "); it is not back in the ISR yet");
        }
        String rejoined = "broker " + old + " is back in the ISR, its log ending at " + end + " with the leader's"
                + killedAt;
        int want = c.optionalInteger("new-records").orElse(0);
        if (want == 0) {
            return Verdict.pass(rejoined);
        }
        long sent = Optional.ofNullable(ctx.ledger().acked(topic).get(demo.partition())).map(Ledger.Acked::count)
                .orElse(0) - (long) demo.acked();
        if (sent < want) {
            return Verdict.waiting(rejoined + "; " + Math.max(0, sent) + " of " + want + " new records sent");
        }
        long firstNew = leaderEnd - sent;
        boolean wantReused = c.optional("new-offsets").orElse("reused").equals("reused");
        // After acks=all kept every acknowledged record, the new ones can only follow them.
        if (firstNew < 0 || !wantReused && leaderEnd < demo.lastAcked() + 1 + sent) {
            // The log end offsets the brokers last reported lag behind records just acknowledged.
            return Verdict.waiting(rejoined + "; the leader's log end offset does not show the " + sent
                    + " new records yet");
        }
        boolean reused = firstNew <= demo.lastAcked();
        String where = reused ? "took offsets from " + firstNew + ", where acknowledged records were lost"
                : "follow the acknowledged ones, from offset " + firstNew;
        return new Verdict(reused == wantReused, rejoined + "; the " + sent + " new records " + where);
    }

    static Verdict stockSender(Directive c, CheckContext ctx) {
        String want = c.text("state");
        return new Verdict(want.equals(ctx.stockSender()), "the stock-price sender is " + ctx.stockSender()
                .replace("none", "not started"));
    }

    static TopicView topic(Directive c, ClusterSnapshot s) {
        String name = c.text("topic");
        return s.topic(name).orElseThrow(() -> new IllegalStateException("there is no topic " + name + " yet"));
    }

    private static PartitionView partition(ClusterSnapshot s, String topic, int partition) {
        return s.partition(topic, partition).orElseThrow(() -> new IllegalStateException(
                "there is no partition " + topic + "-" + partition + " yet"));
    }

    private static GroupView group(ClusterSnapshot s, String id) {
        return s.group(id).orElseThrow(() -> new IllegalStateException("there is no group " + id + " yet"));
    }

    private static GroupView stableGroup(Directive c, ClusterSnapshot s) {
        String id = c.text("group");
        GroupView g = group(s, id);
        if (g.state() != GroupState.STABLE) {
            throw new IllegalStateException("group " + id + " is " + stateWord(g.state()) + ", not stable yet");
        }
        return g;
    }

    /** PREPARING_REBALANCE as "preparing rebalance". */
    private static String stateWord(GroupState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static boolean isStable(ClusterSnapshot s, String id) {
        return s.group(id).map(g -> g.state() == GroupState.STABLE).orElse(false);
    }

    private static Map<String, Set<TopicPartition>> assignments(ClusterSnapshot s, String group) {
        Map<String, Set<TopicPartition>> out = new HashMap<>();
        s.group(group).ifPresent(g -> g.members().forEach(m -> out.put(m.memberId(), m.assignment())));
        return out;
    }

    private static String names(Set<TopicPartition> parts) {
        return parts.stream().map(tp -> tp.topic() + "-" + tp.partition()).sorted().collect(Collectors.joining(", "));
    }
}
