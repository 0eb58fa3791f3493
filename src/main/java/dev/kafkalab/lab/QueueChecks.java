package dev.kafkalab.lab;

import dev.kafkalab.consume.ConsumerGroups;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.share.Delivery;
import dev.kafkalab.share.ShareGroups;
import dev.kafkalab.share.ShareMember;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.AcknowledgeType;

/**
 * The checks about share groups (what their members got and answered, since the step began) and
 * transactions (the last stable offset, and what read_committed readers read), from what the
 * app's own clients saw ({@link CheckContext.Clients}) and the snapshots.
 */
final class QueueChecks {

    private QueueChecks() {
    }

    /** What the check needs of the app's clients: a share group's deliveries, or a group's reading. */
    static CheckContext.Clients clientsFor(Directive check, ShareGroups shares, ConsumerGroups groups,
            Map<String, String> transactions, Map<String, Map<String, Long>> lastWritten) {
        Map<String, List<Delivery>> deliveries = new HashMap<>();
        Map<String, Set<String>> crashed = new HashMap<>();
        Map<String, CheckContext.GroupRead> reads = new HashMap<>();
        for (String key : List.of("group", "other-group")) {
            if (check.optional(key).isEmpty()) {
                continue;
            }
            String id = check.text(key);
            if (check.name().startsWith("share-")) {
                shares.get(id).ifPresent(g -> {
                    deliveries.put(id, g.deliveries());
                    crashed.put(id, g.members().stream().filter(ShareMember::crashed).map(ShareMember::name)
                            .collect(Collectors.toSet()));
                });
            } else {
                groups.get(id).ifPresent(g -> {
                    List<MemberSnapshot> members = g.members();
                    reads.put(id, new CheckContext.GroupRead(g.settings().isolation().value(),
                            members.stream().mapToLong(MemberSnapshot::consumed).sum(),
                            (int) members.stream().filter(m -> m.state() == MemberState.ACTIVE).count()));
                });
            }
        }
        return new CheckContext.Clients(deliveries, crashed, reads, transactions, lastWritten);
    }

    /** The group's deliveries since the step began; the group must be running. */
    private static List<Delivery> since(Directive c, CheckContext ctx) {
        String id = c.text("group");
        List<Delivery> all = ctx.clients().shareDeliveries().get(id);
        if (all == null) {
            throw new IllegalStateException("share group " + id + " is not running: start it");
        }
        Instant from = ctx.baseline().takenAt();
        return all.stream().filter(d -> !d.at().isBefore(from)).toList();
    }

    private static String where(Delivery d) {
        return d.partition() + "@" + d.offset();
    }

    /**
     * At least N records accepted since the step began, none accepted twice, by at least
     * {@code members} different members.
     */
    static Verdict shareDelivered(Directive c, CheckContext ctx) {
        List<Delivery> seen = since(c, ctx);
        Map<String, List<String>> acceptedBy = new HashMap<>();
        seen.stream().filter(d -> d.acknowledged() == AcknowledgeType.ACCEPT)
                .forEach(d -> acceptedBy.computeIfAbsent(where(d), k -> new java.util.ArrayList<>()).add(d.member()));
        List<String> twice = acceptedBy.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " by " + e.getValue()).sorted().limit(3).toList();
        if (!twice.isEmpty()) {
            return Verdict.waiting("records accepted twice: " + String.join("; ", twice));
        }
        Set<String> members = new TreeSet<>();
        acceptedBy.values().forEach(members::addAll);
        int want = c.integer("at-least");
        int wantMembers = c.optionalInteger("members").orElse(1);
        boolean ok = acceptedBy.size() >= want && members.size() >= wantMembers;
        return new Verdict(ok, acceptedBy.size() + " record(s) accepted since the step began, each once, by "
                + members.size() + " member(s) " + members + (ok ? "" : "; waiting for " + want + " by "
                        + wantMembers + " members"));
    }

    /**
     * At least N records rejected since the step began and never delivered again, while newer
     * records of their partition were delivered after them: had they come back, they would have
     * come first.
     */
    static Verdict shareRejected(Directive c, CheckContext ctx) {
        List<Delivery> seen = since(c, ctx);
        int confirmed = 0;
        int pending = 0;
        for (Delivery r : seen) {
            if (r.acknowledged() != AcknowledgeType.REJECT) {
                continue;
            }
            boolean back = seen.stream().anyMatch(d -> d != r && where(d).equals(where(r)) && d.at().isAfter(r.at()));
            if (back) {
                return Verdict.waiting("the rejected record " + where(r) + " was delivered again");
            }
            boolean movedOn = seen.stream().anyMatch(d -> d.partition() == r.partition() && d.offset() > r.offset()
                    && d.at().isAfter(r.at()));
            if (movedOn) {
                confirmed++;
            } else {
                pending++;
            }
        }
        int want = c.integer("at-least");
        boolean ok = confirmed >= want;
        String said = confirmed + " record(s) rejected and never delivered again while newer ones were"
                + (pending > 0 ? " (" + pending + " more rejected, with nothing newer delivered yet)" : "");
        if (c.optional("dead-letter").isPresent()) {
            // Every rejection, confirmed or not, goes to the dead-letter topic.
            String dlq = c.text("dead-letter");
            long before = ctx.baseline().topic(dlq).map(QueueChecks::highWatermarks).orElse(0L);
            long arrived = ctx.now().topic(dlq).map(QueueChecks::highWatermarks).orElse(0L) - before;
            long rejected = (long) confirmed + pending;
            ok &= arrived >= rejected && rejected > 0;
            said += "; " + Math.max(0, arrived) + " record(s) arrived on " + dlq + " since the step began";
        }
        return new Verdict(ok, said + (ok ? "" : "; waiting for " + want + (pending > 0 ? ": send more records" : "")
                + (c.optional("dead-letter").isPresent() ? ", each on " + c.text("dead-letter") : "")));
    }

    private static long highWatermarks(TopicView t) {
        return t.partitions().stream().mapToLong(p -> Math.max(0, p.highWatermark())).sum();
    }

    /**
     * At least N records delivered again since the step began (delivery count 2 or more) to
     * another member than had them before and answered by it; {@code from=held}: the earlier one
     * held them unanswered; {@code from=crashed}: the earlier one crashed.
     */
    static Verdict shareRedelivered(Directive c, CheckContext ctx) {
        String id = c.text("group");
        List<Delivery> all = ctx.clients().shareDeliveries().getOrDefault(id, List.of());
        List<Delivery> seen = since(c, ctx);
        String from = c.optional("from").orElse("any");
        Set<String> crashed = ctx.clients().crashed().getOrDefault(id, Set.of());
        Set<String> counted = new HashSet<>();
        Set<String> members = new TreeSet<>();
        for (Delivery d : seen) {
            if (d.deliveryCount() < 2 || d.acknowledged() == null) {
                continue;
            }
            boolean fits = all.stream().anyMatch(e -> where(e).equals(where(d)) && e.at().isBefore(d.at())
                    && !e.member().equals(d.member()) && switch (from) {
                        // Held past its lock: not answered by hand (a release by hand also brings it back).
                        case "held" -> e.acknowledged() == null && all.stream().noneMatch(a -> a.byHand()
                                && a.member().equals(e.member()) && where(a).equals(where(e)) && a.at().isBefore(d.at()));
                        case "crashed" -> crashed.contains(e.member());
                        default -> true;
                    });
            if (fits && counted.add(where(d))) {
                members.add(d.member());
            }
        }
        int want = c.integer("at-least");
        boolean ok = counted.size() >= want;
        String whose = switch (from) {
            case "held" -> " that another member held past their lock";
            case "crashed" -> " that a crashed member " + (crashed.isEmpty() ? "(none yet) " : crashed + " ") + "had";
            default -> "";
        };
        return new Verdict(ok, counted.size() + " record(s)" + whose + " delivered again, delivery count 2 or more,"
                + " to " + (members.isEmpty() ? "no member yet" : members) + (ok ? "" : "; waiting for " + want));
    }

    /**
     * A transaction on the topic is open (some partition's LSO below its HW), or ended: none open
     * now, and either one was open when the step began or, with {@code transactional-id}, the lab's
     * producer of that id committed, aborted or crashed (state=timeout: then only its coordinator
     * can have ended it, at its timeout, or a new producer of the id); {@code
     * group} with {@code read} (and {@code other-group} with {@code other-read}): and that in-app
     * group, running, received exactly that many records.
     */
    static Verdict transactionState(Directive c, CheckContext ctx) {
        TopicView now = Checks.topic(c, ctx.now());
        List<String> open = now.partitions().stream().filter(PartitionView::transactionOpen)
                .map(p -> p.name() + " LSO " + p.lastStableOffset() + " < HW " + p.highWatermark()).toList();
        boolean wasOpen = ctx.baseline().topic(now.name()).map(t -> t.partitions().stream()
                .anyMatch(PartitionView::transactionOpen)).orElse(false);
        String want = c.text("state");
        StringBuilder said = new StringBuilder(open.isEmpty() ? now.name() + ": no transaction open (LSO = HW)"
                : "a transaction is open: " + String.join(", ", open));
        // Without the producer's word, "ended" means it was open when the step began.
        boolean byProducer = c.optional("transactional-id").isPresent();
        boolean ok = want.equals("open") ? !open.isEmpty() : open.isEmpty() && (wasOpen || byProducer);
        if (!want.equals("open") && open.isEmpty() && !wasOpen && !byProducer) {
            said.append("; no transaction was open when the step began");
        }
        if (c.optional("transactional-id").isPresent()) {
            String id = c.text("transactional-id");
            String state = ctx.clients().transactions().getOrDefault(id, "not started");
            String expected = switch (want) {
                case "committed" -> "committed";
                case "aborted" -> "aborted";
                case "timeout" -> "crashed";
                default -> "open";
            };
            ok &= state.equals(expected);
            said.append("; the producer of ").append(id).append(": ").append(state);
            if (!want.equals("open")) {
                // A snapshot older than the transaction shows LSO = HW too: the marker must be in the log.
                Map<String, Long> last = ctx.clients().lastWritten().getOrDefault(id, Map.of());
                List<String> noMarker = now.partitions().stream().filter(p -> last.containsKey(p.name())
                        && p.highWatermark() < last.get(p.name()) + 2).map(PartitionView::name).toList();
                if (!noMarker.isEmpty()) {
                    ok = false;
                    said.append("; no marker after the transaction's records in ").append(String.join(", ", noMarker))
                            .append(" yet");
                }
            }
        }
        for (String[] g : new String[][] {{"group", "read"}, {"other-group", "other-read"}}) {
            if (c.optional(g[0]).isEmpty()) {
                continue;
            }
            String id = c.text(g[0]);
            CheckContext.GroupRead read = ctx.clients().reads().get(id);
            if (read == null || read.live() == 0) {
                return Verdict.waiting(said + "; group " + id + " has no member running: start it");
            }
            long wantRead = c.integer(g[1]);
            ok &= read.records() == wantRead;
            said.append("; ").append(id).append(" (").append(read.isolation()).append(") read ")
                    .append(read.records()).append(read.records() == wantRead ? "" : ", not " + wantRead);
        }
        return new Verdict(ok, said.toString());
    }
}
