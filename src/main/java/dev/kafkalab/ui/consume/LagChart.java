package dev.kafkalab.ui.consume;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The group's lag per partition over time: a line per partition, seconds across. */
final class LagChart extends VBox {

    private final ObservableList<XYChart.Series<Number, Number>> shown = FXCollections.observableArrayList();

    LagChart(ObservableValue<List<LagHistory.Series>> history) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setLabel("s");
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y, shown);
        chart.setId("lagChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setTitle("Lag per partition");
        // Its legend made it 340 px at least: beside a lab the rebalance list got what was left ("Rebalanc...").
        chart.setMinWidth(150);
        setMinWidth(150);
        Tooltip.install(chart, new Tooltip("Lag: the high watermark minus the group's committed offset"));
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().add(chart);
        setPadding(new Insets(6, 12, 0, 6));
        history.addListener((o, was, now) -> show(now));
        show(history.getValue());
    }

    private void show(List<LagHistory.Series> history) {
        if (history.size() < shown.size()) {
            shown.clear();
        }
        while (shown.size() < history.size()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(history.get(shown.size()).name());
            shown.add(s);
        }
        for (int p = 0; p < history.size(); p++) {
            follow(shown.get(p).getData(), history.get(p).points());
        }
    }

    /**
     * A reading is added at the end and the oldest dropped: do the same to the chart's points
     * rather than setting them all, which would redraw every line with every snapshot. Each
     * chart point carries its reading, so the newest shown is found among the history's.
     */
    static void follow(ObservableList<XYChart.Data<Number, Number>> data, List<LagHistory.Point> points) {
        if (data.isEmpty() && points.isEmpty()) {
            return;
        }
        int last = data.isEmpty() ? -1 : indexOf(points, data.get(data.size() - 1).getExtraValue());
        if (last < 0 || data.size() < last + 1) {
            data.setAll(points.stream().map(LagChart::point).toList());
            return;
        }
        data.remove(0, data.size() - (last + 1));
        data.addAll(points.subList(last + 1, points.size()).stream().map(LagChart::point).toList());
    }

    private static int indexOf(List<LagHistory.Point> points, Object reading) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i) == reading) {
                return i;
            }
        }
        return -1;
    }

    private static XYChart.Data<Number, Number> point(LagHistory.Point p) {
        return new XYChart.Data<>(p.seconds(), p.lag(), p);
    }
}
