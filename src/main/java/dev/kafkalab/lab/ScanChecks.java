package dev.kafkalab.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks that read a topic from its beginning: what the log cleaner kept, which keys are stored. */
final class ScanChecks {

    private ScanChecks() {
    }

    /** The topics a check needs read from the beginning (the compaction, key and count checks), if any. */
    static List<String> scanTopics(Directive check) {
        return switch (check.name()) {
            case "compacted", "key-absent", "distinct-keys", "records-through-election", "avro-decodes",
                    "records-stored" -> List.of(check.text("topic"));
            case "counts-add-up" -> List.of(check.text("topic"), check.text("input"));
            default -> List.of();
        };
    }

    /**
     * A stream processor's counts are right: the newest value of each key in {@code topic} is a
     * number, and they add up to the keyed records stored in {@code input} (at least
     * {@code at-least} of them), one count for each key there.
     */
    static Verdict countsAddUp(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        TopicScan input = wholeScan(c.text("input"), ctx);
        TopicScan counts = wholeScan(topic, ctx);
        int atLeast = c.optionalInteger("at-least").orElse(1);
        long sum = 0;
        for (Map.Entry<String, String> e : counts.latest().entrySet()) {
            try {
                sum += Long.parseLong(String.valueOf(e.getValue()));
            } catch (NumberFormatException notACount) {
                return Verdict.waiting(topic + " holds \"" + e.getValue() + "\" for " + e.getKey() + ": not a count");
            }
        }
        String seen = input.topic() + " stores " + input.keyed() + " keyed record(s) over " + input.keys().size()
                + " key(s); the newest counts in " + topic + " add up to " + sum + " over " + counts.latest().size()
                + " key(s)";
        boolean ok = input.keyed() >= atLeast && sum == input.keyed() && counts.latest().keySet().equals(input.keys());
        return new Verdict(ok, seen + (ok ? "" : input.keyed() < atLeast ? "; waiting for " + atLeast + " keyed records"
                : "; waiting for the counts to catch up"));
    }

    /**
     * Fewer records stored than offsets written; with {@code tombstone=KEY}, also that the newest
     * record of KEY still stored is its tombstone: cleaned once, not yet dropped by a second cleaning.
     */
    static Verdict compacted(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        TopicScan s = wholeScan(topic, ctx);
        boolean ok = s.stored() > 0 && s.stored() < s.written();
        String seen = topic + " stores " + s.stored() + " record(s) of " + s.written() + " written";
        Optional<String> tombstone = c.optional("tombstone");
        if (!ok || tombstone.isEmpty()) {
            return new Verdict(ok, seen + (ok ? "" : "; waiting for the cleaner"));
        }
        String key = tombstone.get();
        boolean stored = s.latest().containsKey(key);
        boolean kept = stored && s.latest().get(key) == null;
        return new Verdict(kept, seen + (kept ? ", the tombstone of '" + key + "' among them" : stored
                ? "; the newest record with key '" + key + "' has a value, it is not a tombstone"
                : "; no record with key '" + key + "' is stored: its tombstone is gone already"));
    }

    static Verdict recordsStored(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        Optional<TopicScan> scan = ctx.scan(topic);
        if (scan.isEmpty()) {
            return Verdict.waiting("reading " + topic + "...");
        }
        long stored = scan.get().stored();
        int want = c.integer("at-least");
        return new Verdict(stored >= want, topic + " stores " + stored + " record(s) of " + scan.get().written()
                + " written" + (stored >= want ? "" : "; waiting for " + want));
    }

    static Verdict distinctKeys(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        Optional<TopicScan> scan = ctx.scan(topic);
        if (scan.isEmpty()) {
            return Verdict.waiting("reading " + topic + "...");
        }
        int keys = scan.get().keys().size();
        int want = c.integer("at-least");
        return new Verdict(keys >= want, topic + " stores records with " + keys + " distinct key(s)"
                + (keys >= want ? "" : "; waiting for " + want));
    }

    static Verdict keyAbsent(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        String key = c.text("key");
        TopicScan scan = wholeScan(topic, ctx);
        if (scan.written() == 0) {
            return Verdict.waiting(topic + " has no records yet");
        }
        boolean present = scan.keys().contains(key);
        boolean ok = !present && scan.written() > 0;
        return new Verdict(ok, ok ? "no record with key '" + key + "' is stored any more"
                : present && scan.latest().get(key) == null && scan.latest().containsKey(key)
                        ? "the tombstone for '" + key + "' is still stored" : "records with key '" + key + "' are stored");
    }

    /**
     * The topic's last scan, if it read every partition to its end: a read cut short by its time
     * limit stores fewer records than were written and misses keys, as a cleaned log would.
     */
    private static TopicScan wholeScan(String topic, CheckContext ctx) {
        TopicScan s = ctx.scan(topic).orElseThrow(() -> new IllegalStateException("reading " + topic + "..."));
        if (!s.complete()) {
            throw new IllegalStateException("the last read of " + topic + " stopped before its end (it took too"
                    + " long); reading it again");
        }
        return s;
    }

    /**
     * In one partition of the topic, records written since the step began both before and after
     * a leader election: the leader epoch that wrote them changed (in Kafka 4.x KRaft it changes
     * only with the leader, not when the ISR shrinks). The topic's offsets are dense (no
     * compaction, no transactions), so a run's offsets count its records.
     */
    static Verdict recordsThroughElection(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        Optional<TopicScan> scan = ctx.scan(topic);
        if (scan.isEmpty()) {
            return Verdict.waiting("reading " + topic + "...");
        }
        int want = c.integer("at-least");
        String best = null;
        long bestAfter = -1;
        for (java.util.Map.Entry<Integer, java.util.List<TopicScan.EpochRun>> e : scan.get().epochs().entrySet()) {
            int p = e.getKey();
            long from = ctx.stepStart(topic, p);
            java.util.TreeMap<Integer, Long> byEpoch = new java.util.TreeMap<>();
            for (TopicScan.EpochRun run : e.getValue()) {
                if (run.last() >= from) {
                    byEpoch.merge(run.epoch(), run.last() - Math.max(run.first(), from) + 1, Long::sum);
                }
            }
            if (byEpoch.size() < 2) {
                continue;
            }
            long before = byEpoch.firstEntry().getValue();
            long after = byEpoch.tailMap(byEpoch.firstKey(), false).values().stream().mapToLong(Long::longValue).sum();
            if (after > bestAfter) {
                bestAfter = after;
                best = "partition " + p + ": " + before + " record(s) this step under leader epoch " + byEpoch.firstKey()
                        + ", then " + after + " under a newer leader (epoch " + byEpoch.lastKey() + ")";
            }
        }
        if (best == null) {
            return Verdict.waiting("no partition of " + topic + " has records from both sides of a leader change"
                    + " since this step began");
        }
        return new Verdict(bestAfter >= want, best + (bestAfter >= want ? "" : "; waiting for " + want + " after it"));
    }
}
