package dev.kafkalab.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Since when each replica is in the ISR or out of it, from snapshots made by hand. */
class IsrHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-03T06:00:00Z");

    @Test
    void aReplicaThatNeverMovedIsInSinceTheFirstLookAndOneThatLeftSinceItLeft() {
        IsrHistory history = new IsrHistory();
        history.see(snapshot(T0, List.of(1, 2, 3)));
        history.see(snapshot(T0.plusSeconds(1), List.of(1, 2, 3)));
        history.see(snapshot(T0.plusSeconds(2), List.of(1, 2)));
        history.see(snapshot(T0.plusSeconds(3), List.of(1, 2)));

        assertEquals(new IsrHistory.Since(T0, true, true), history.of("orders", 0, 1).orElseThrow());
        assertEquals(new IsrHistory.Since(T0.plusSeconds(2), false, false), history.of("orders", 0, 3).orElseThrow());

        history.see(snapshot(T0.plusSeconds(9), List.of(1, 2, 3)));
        assertEquals(new IsrHistory.Since(T0.plusSeconds(9), true, false), history.of("orders", 0, 3).orElseThrow(),
                "back in the ISR: since it came back");
        assertTrue(TileView.since(history.of("orders", 0, 3).orElseThrow()).startsWith("\nin the ISR since "));
        assertTrue(TileView.since(history.of("orders", 0, 1).orElseThrow()).contains("since at least"),
                "unmoved since the first look: at least since then");
    }

    @Test
    void aDeletedTopicIsForgotten() {
        IsrHistory history = new IsrHistory();
        history.see(snapshot(T0, List.of(1, 2, 3)));
        history.see(new ClusterSnapshot(T0.plusSeconds(1), List.of(), List.of(), List.of(), List.of()));
        assertTrue(history.of("orders", 0, 1).isEmpty());
    }

    private static ClusterSnapshot snapshot(Instant at, List<Integer> isr) {
        PartitionView p = new PartitionView("orders", 0, 1, List.of(1, 2, 3), isr, List.of(), 0, 10, Map.of());
        return new ClusterSnapshot(at, List.of(), List.of(new TopicView("orders", false, List.of(p))), List.of(),
                List.of());
    }
}
