package dev.kafkalab.lab;

import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a producer check asks of the settings the app's producer sent with. */
final class ProducerChecks {

    private ProducerChecks() {
    }

    /**
     * How the newest send's settings differ from the {@code batch-size}, {@code linger-ms} and
     * {@code compression} the check names; empty when they match (or it names none).
     */
    static Optional<String> unlike(Directive c, Optional<ProducerSettings> last) {
        Optional<Integer> batch = c.optionalInteger("batch-size");
        Optional<Integer> linger = c.optionalInteger("linger-ms");
        Optional<String> compression = c.optional("compression");
        if (batch.isEmpty() && linger.isEmpty() && compression.isEmpty()) {
            return Optional.empty();
        }
        if (last.isEmpty()) {
            return Optional.of("no records were sent since the app started: send some");
        }
        ProducerSettings s = last.get();
        List<String> off = new ArrayList<>();
        batch.filter(b -> b != s.batchSize()).ifPresent(b -> off.add("batch.size=" + s.batchSize() + " (the step: " + b + ")"));
        linger.filter(l -> l != s.lingerMs()).ifPresent(l -> off.add("linger.ms=" + s.lingerMs() + " (the step: " + l + ")"));
        compression.filter(z -> !z.equals(s.compression().value()))
                .ifPresent(z -> off.add("compression.type=" + s.compression().value() + " (the step: " + z + ")"));
        return off.isEmpty() ? Optional.empty()
                : Optional.of("the newest records were sent with " + String.join(", ", off) + ": send with the step's settings");
    }

    /** A producer metric of the app's producer is above or below a value, for the settings named. */
    static Verdict producerMetric(Directive c, CheckContext ctx) {
        ProducerMetrics m = ctx.metrics();
        String name = c.text("metric");
        double value = switch (name) {
            case "batch-size-avg" -> m.batchSizeAvg();
            case "records-per-request-avg" -> m.recordsPerRequestAvg();
            case "compression-rate-avg" -> m.compressionRateAvg();
            case "record-send-rate" -> m.sendRate();
            case "request-latency-avg" -> m.requestLatencyAvg();
            default -> Double.NaN;
        };
        if (Double.isNaN(value)) {
            return Verdict.waiting(name + " has no value yet: send some records");
        }
        // The metrics are the current producer's, made for the settings of the newest send.
        Optional<String> unlike = unlike(c, ctx.ledger().lastSettings());
        if (unlike.isPresent()) {
            return Verdict.waiting(String.format(java.util.Locale.ROOT, "%s is %.2f, but %s", name, value, unlike.get()));
        }
        Optional<Double> above = c.optional("above").map(Double::parseDouble);
        Optional<Double> below = c.optional("below").map(Double::parseDouble);
        boolean ok = above.map(a -> value > a).orElse(true) && below.map(b -> value < b).orElse(true);
        return new Verdict(ok, String.format(java.util.Locale.ROOT, "%s is %.2f%s", name, value, ok ? ""
                : above.map(a -> "; waiting for more than " + a).orElseGet(() -> "; waiting for less than " + below.get())));
    }

    /**
     * At least {@code at-least} records were sent to the topic with each acks level listed, and
     * each level answered as it should: with an offset for {@code all} and {@code 1}, with none
     * (-1) for {@code 0}.
     */
    static Verdict acksLevels(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        int atLeast = c.optionalInteger("at-least").orElse(1);
        Map<ProducerSettings.Acks, int[]> sent = ctx.ledger().byAcks(topic);
        List<String> seen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String level : c.text("levels").split(",")) {
            ProducerSettings.Acks acks = ProducerWords.acks(level);
            int[] n = sent.getOrDefault(acks, new int[2]);
            boolean answered = acks == ProducerSettings.Acks.NONE ? n[1] == 0 : n[1] == n[0];
            seen.add("acks=" + level + ": " + n[0] + " sent, " + (acks == ProducerSettings.Acks.NONE
                    ? (n[1] == 0 ? "no offsets (-1)" : n[1] + " with an offset") : n[1] + " with an offset"));
            if (n[0] < atLeast || !answered) {
                missing.add(atLeast + " with acks=" + level);
            }
        }
        return new Verdict(missing.isEmpty(), topic + ", " + String.join("; ", seen)
                + (missing.isEmpty() ? "" : "; waiting for " + String.join(", ", missing)));
    }
}
