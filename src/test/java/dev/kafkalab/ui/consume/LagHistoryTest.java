package dev.kafkalab.ui.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.ui.consume.LagHistory.Point;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lag history from hand-made readings: plain Java, no toolkit. */
class LagHistoryTest {

    private final LagHistory history = new LagHistory();

    @Test
    void aSeriesPerPartitionEvenBeforeItHasLag() {
        history.add(1.0, 3, Map.of(0, 7L, 2, 1L)::get);

        List<LagHistory.Series> series = history.series();
        assertEquals(List.of("p0", "p1", "p2"), series.stream().map(LagHistory.Series::name).toList());
        assertEquals(List.of(new Point(1.0, 7)), series.get(0).points());
        assertEquals(List.of(), series.get(1).points(), "no committed offset on p1: no reading");
        assertEquals(List.of(new Point(1.0, 1)), series.get(2).points());
    }

    @Test
    void timesAreRoundedToATenthOfASecond() {
        history.add(1.04, 1, p -> 5L);
        history.add(1.06, 1, p -> 4L);
        history.add(2.349, 1, p -> 3L);

        assertEquals(List.of(new Point(1.0, 5), new Point(1.1, 4), new Point(2.3, 3)), history.series().get(0).points());
    }

    @Test
    void keepsTheNewestReadingsOfEachPartition() {
        for (int i = 0; i < LagHistory.POINTS + 3; i++) {
            long lag = i;
            history.add(i, 2, p -> p == 0 || lag % 2 == 0 ? lag : null);
        }

        List<Point> p0 = history.series().get(0).points();
        assertEquals(LagHistory.POINTS, p0.size());
        assertEquals(new Point(3, 3), p0.get(0), "the three oldest are gone");
        assertEquals(new Point(LagHistory.POINTS + 2, LagHistory.POINTS + 2), p0.get(p0.size() - 1));
        assertEquals((LagHistory.POINTS + 3 + 1) / 2, history.series().get(1).points().size(),
                "p1 had a reading every other time: none dropped yet");
    }

    @Test
    void seriesStayWhenTheTopicSeemsSmallerAndGoWhenCleared() {
        history.add(1, 3, p -> 1L);
        history.add(2, 1, p -> 2L);
        assertEquals(3, history.series().size());
        assertEquals(List.of(new Point(1, 1)), history.series().get(2).points());

        history.clear();
        assertEquals(List.of(), history.series());
    }

    @Test
    void whatItHandsOutDoesNotChangeAfterwards() {
        history.add(1, 1, p -> 1L);
        List<LagHistory.Series> before = history.series();
        history.add(2, 1, p -> 2L);
        assertEquals(1, before.get(0).points().size());
    }
}
