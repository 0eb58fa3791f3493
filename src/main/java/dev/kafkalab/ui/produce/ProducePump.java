package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.SendTally;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The produce screen's work off the FX thread, plain Java: answers queue up from the producer's
 * I/O thread, and each pump folds them into a {@link SendTally} and says in one small
 * {@link Batch} what the screen should change. How often parts change is decided here, so the FX
 * thread's share stays a few list changes per pump however fast records come.
 */
final class ProducePump {

    /** What one pump hands the FX thread; null parts did not change. */
    record Batch(List<SendResult> newest, long[] perPartition, SendTally.Keys keys, String status,
            ProducerMetrics metrics, int metricChart, double atSeconds) {
    }

    private final int pumpsASecond;
    private final int metricCharts;
    private final Supplier<ProducerMetrics> metrics;
    private final ConcurrentLinkedQueue<SendResult> answers = new ConcurrentLinkedQueue<>();
    private final SendTally tally;
    private final long startNanos = System.nanoTime();
    private long pumps;
    private volatile boolean clearRequested;

    /**
     * @param pumpMs how often {@link #next} runs
     * @param metricCharts how many metric charts take turns for a point
     * @param metrics reads the producer's metrics, on the pump's thread
     */
    ProducePump(int pumpMs, int recordsShown, int keysShown, int metricCharts, Supplier<ProducerMetrics> metrics) {
        this.pumpsASecond = 1000 / pumpMs;
        this.metricCharts = metricCharts;
        this.metrics = metrics;
        this.tally = new SendTally(recordsShown, keysShown);
    }

    /** Takes an answer on any thread; it only queues, so the producer's I/O thread never waits. */
    void add(SendResult answer) {
        answers.add(answer);
    }

    /** Any thread: the next pump starts the tally afresh. */
    void clear() {
        clearRequested = true;
    }

    /** One pump, on the pump's thread: the batch to apply, or null when nothing changed. */
    Batch next(RecordStream stream) {
        boolean cleared = clearRequested;
        if (cleared) {
            clearRequested = false;
            tally.clear();
        }
        SendResult answer;
        while ((answer = answers.poll()) != null) {
            tally.add(answer);
        }
        List<SendResult> newest = tally.takeNewest();
        // The list moves five times a second; charts and the key table once a second while a
        // stream runs: each of their updates lays out axes and repaints a large area.
        boolean slowTick = ++pumps % pumpsASecond == 0;
        boolean chartsDue = slowTick || stream == null || cleared;
        SendTally.Keys keys = chartsDue ? tally.takeKeys() : null;
        long[] counts = chartsDue ? tally.takeCounts() : null;
        long now = System.nanoTime();
        String status = streamStatus(stream, now);
        // One metric chart per pump: each still gets a point a second, and no pulse lays out all five.
        int chart = (int) (pumps % pumpsASecond);
        ProducerMetrics m = chart < metricCharts ? metrics.get() : null;
        if (m == ProducerMetrics.NONE) {
            m = null;
        }
        if (newest.isEmpty() && keys == null && counts == null && status == null && m == null && !cleared) {
            return null;
        }
        return new Batch(newest, counts, keys, status, m, chart, (now - startNanos) / 1e9);
    }

    /** "1,200 sent · 1,180 acknowledged · 0 failed · 5,900 records/s"; null while no stream runs. */
    private String streamStatus(RecordStream s, long now) {
        long acked = s == null ? 0 : s.acked();
        double perSecond = tally.ackRate(acked, now);
        return s == null ? null : String.format(Locale.ROOT, "%s%,d sent · %,d acknowledged · %,d failed · %,.0f records/s",
                s.stopping() ? "Stopping, awaiting answers: " : "", s.sent(), acked, s.failed(), perSecond);
    }
}
