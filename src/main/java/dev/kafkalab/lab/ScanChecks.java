package dev.kafkalab.lab;

import java.util.Optional;

/** The checks that read a topic from its beginning: what the log cleaner kept, which keys are stored. */
final class ScanChecks {

    private ScanChecks() {
    }

    /** The topic a check needs read from the beginning (the compaction and key checks), if any. */
    static Optional<String> scanTopic(Directive check) {
        return check.name().equals("compacted") || check.name().equals("key-absent")
                || check.name().equals("distinct-keys") ? Optional.of(check.text("topic")) : Optional.empty();
    }

    static Verdict compacted(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        Optional<TopicScan> scan = ctx.scan(topic);
        if (scan.isEmpty()) {
            return Verdict.waiting("reading " + topic + "...");
        }
        TopicScan s = scan.get();
        boolean ok = s.stored() > 0 && s.stored() < s.written();
        return new Verdict(ok, topic + " stores " + s.stored() + " record(s) of " + s.written() + " written"
                + (ok ? "" : "; waiting for the cleaner"));
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
        Optional<TopicScan> scan = ctx.scan(topic);
        if (scan.isEmpty()) {
            return Verdict.waiting("reading " + topic + "...");
        }
        if (scan.get().written() == 0) {
            return Verdict.waiting(topic + " has no records yet");
        }
        boolean present = scan.get().keys().contains(key);
        boolean ok = !present && scan.get().written() > 0;
        return new Verdict(ok, ok ? "no record with key '" + key + "' is stored any more"
                : present && scan.get().latest().get(key) == null && scan.get().latest().containsKey(key)
                        ? "the tombstone for '" + key + "' is still stored" : "records with key '" + key + "' are stored");
    }
}
