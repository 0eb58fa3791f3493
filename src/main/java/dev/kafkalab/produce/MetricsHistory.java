package dev.kafkalab.produce;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The producer's metrics over time: for each metric the produce screen charts, its newest
 * points, oldest first. Generic in the list that holds them, so the screen's view model hands
 * in lists its charts can follow and a test plain ones.
 *
 * @param <L> the list each chart's points are kept in
 */
public final class MetricsHistory<L extends List<MetricsHistory.Point>> {

    /** One reading: seconds since the screen started, and the metric's value then. */
    public record Point(long second, double value) {
    }

    /** One metric's chart: its title, the unit of its values, and its points. */
    public record Chart<L>(String title, String unit, L points) {
    }

    private record Metric(String title, String unit, ToDoubleFunction<ProducerMetrics> reading) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("Send rate", "records/s", ProducerMetrics::sendRate),
            new Metric("Batch size", "bytes", ProducerMetrics::batchSizeAvg),
            new Metric("Request latency", "ms", ProducerMetrics::requestLatencyAvg),
            new Metric("Records/request", "records", ProducerMetrics::recordsPerRequestAvg),
            new Metric("Compression", "ratio", ProducerMetrics::compressionRateAvg));

    private final int pointsKept;
    private final List<Chart<L>> charts;

    /**
     * @param pointsKept how many points each chart keeps; the oldest goes when a new one comes
     * @param lists makes the list of each chart's points
     */
    public MetricsHistory(int pointsKept, Supplier<L> lists) {
        this.pointsKept = pointsKept;
        this.charts = METRICS.stream().map(m -> new Chart<>(m.title(), m.unit(), lists.get())).toList();
    }

    /** Send rate, batch size, request latency, records per request and compression ratio, in that order. */
    public List<Chart<L>> charts() {
        return charts;
    }

    /**
     * Adds to chart number {@code chart} its metric from {@code metrics}, at {@code atSeconds}
     * rounded to the second; false, adding nothing, while the producer has no value for it (NaN).
     */
    public boolean add(int chart, ProducerMetrics metrics, double atSeconds) {
        double value = METRICS.get(chart).reading().applyAsDouble(metrics);
        if (!Double.isFinite(value)) {
            return false;
        }
        L points = charts.get(chart).points();
        if (points.size() >= pointsKept) {
            points.remove(0);
        }
        points.add(new Point(Math.round(atSeconds), value));
        return true;
    }
}
