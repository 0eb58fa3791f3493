package dev.kafkalab.produce;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The producer metrics the produce screen charts, read from the client's own
 * {@code producer-metrics} group. NaN where the client has nothing to say yet.
 *
 * @param sendRate records sent per second ({@code record-send-rate})
 * @param batchSizeAvg bytes per batch ({@code batch-size-avg})
 * @param requestLatencyAvg ms from request to answer ({@code request-latency-avg})
 * @param recordsPerRequestAvg records per produce request ({@code records-per-request-avg})
 * @param compressionRateAvg compressed size / uncompressed size ({@code compression-rate-avg})
 * @param errorRate failed records per second ({@code record-error-rate})
 */
public record ProducerMetrics(double sendRate, double batchSizeAvg, double requestLatencyAvg,
        double recordsPerRequestAvg, double compressionRateAvg, double errorRate) {

    public static final ProducerMetrics NONE = new ProducerMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    static ProducerMetrics of(Map<MetricName, ? extends Metric> metrics) {
        return new ProducerMetrics(value(metrics, "record-send-rate"), value(metrics, "batch-size-avg"),
                value(metrics, "request-latency-avg"), value(metrics, "records-per-request-avg"),
                value(metrics, "compression-rate-avg"), value(metrics, "record-error-rate"));
    }

    private static double value(Map<MetricName, ? extends Metric> metrics, String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals("producer-metrics")) {
                Object v = e.getValue().metricValue();
                return v instanceof Number number ? number.doubleValue() : Double.NaN;
            }
        }
        return Double.NaN;
    }
}
