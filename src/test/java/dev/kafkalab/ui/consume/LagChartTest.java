package dev.kafkalab.ui.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** The chart's points follow the lag history with the changes it made, not by setting them all again. */
class LagChartTest {

    private final LagHistory history = new LagHistory();
    private final ObservableList<XYChart.Data<Number, Number>> shown = FXCollections.observableArrayList();
    private final List<String> changes = new ArrayList<>();

    LagChartTest() {
        shown.addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize()
                        : ""));
            }
        });
    }

    private void read(double seconds, long lag) {
        history.add(seconds, 1, p -> lag);
        LagChart.follow(shown, history.series().get(0).points());
    }

    private List<Number> lags() {
        return shown.stream().map(XYChart.Data::getYValue).toList();
    }

    @Test
    void aReadingIsAddedAtTheEnd() {
        read(1, 5);
        read(2, 4);
        assertEquals(List.of(5L, 4L), lags());
        assertEquals(2.0, shown.get(1).getXValue());
        assertEquals(List.of("+1", "+1"), changes);
    }

    @Test
    void theOldestGoesWhenTheHistoryIsFull() {
        for (int i = 0; i < LagHistory.POINTS; i++) {
            read(i, i);
        }
        changes.clear();
        read(LagHistory.POINTS, 1000);

        assertEquals(LagHistory.POINTS, shown.size());
        assertEquals(1L, shown.get(0).getYValue());
        assertEquals(1000L, shown.get(shown.size() - 1).getYValue());
        assertEquals(List.of("-1", "+1"), changes);
    }

    @Test
    void aClearedHistoryStartsTheLineAfresh() {
        read(1, 5);
        read(2, 6);
        history.clear();
        read(3, 7);
        assertEquals(List.of(7L), lags());
        LagChart.follow(shown, List.of());
        assertEquals(List.of(), lags());
    }

    @Test
    void twoReadingsOfTheSameTenthAreBothShown() {
        read(1.01, 5);
        read(1.02, 6);
        assertEquals(List.of(5L, 6L), lags());
    }
}
