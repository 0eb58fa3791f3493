package dev.kafkalab.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.produce.MetricsHistory.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The producer's metrics over time, kept in plain lists. */
class MetricsHistoryTest {

    private final MetricsHistory<List<Point>> history = new MetricsHistory<>(3, ArrayList::new);
    private final ProducerMetrics metrics = new ProducerMetrics(120, 16_000, 4.5, 30, 0.5, 0);

    @Test
    void oneChartPerMetricWithItsUnit() {
        assertEquals(List.of("Send rate records/s", "Batch size bytes", "Request latency ms", "Records/request records",
                "Compression ratio"), history.charts().stream().map(c -> c.title() + " " + c.unit()).toList());
    }

    @Test
    void aPointIsItsChartsMetricAtTheRoundedSecond() {
        for (int chart = 0; chart < 5; chart++) {
            assertTrue(history.add(chart, metrics, 3.6));
        }
        assertEquals(List.of(List.of(new Point(4, 120)), List.of(new Point(4, 16_000)), List.of(new Point(4, 4.5)),
                List.of(new Point(4, 30)), List.of(new Point(4, 0.5))),
                history.charts().stream().map(MetricsHistory.Chart::points).toList());
    }

    @Test
    void aMetricTheProducerHasNoValueForYetAddsNothing() {
        assertFalse(history.add(2, ProducerMetrics.NONE, 1));
        assertEquals(List.of(), history.charts().get(2).points());
    }

    @Test
    void theOldestPointGoesWhenTheChartIsFull() {
        for (int second = 1; second <= 5; second++) {
            history.add(0, metrics, second);
        }
        assertEquals(List.of(3L, 4L, 5L), history.charts().get(0).points().stream().map(Point::second).toList());
    }
}
