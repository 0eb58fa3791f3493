package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.MetricsHistory;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * The produce screen's charts, built from the view model's plain lists: records per partition
 * and the producer's metrics. Each chart's data follows its list change by change, so a pump
 * moves a bar or adds a point rather than rebuilding a series.
 */
final class ProduceCharts {

    private ProduceCharts() {
    }

    /** One bar per partition ("p0", "p1", ...), as high as its count. */
    static BarChart<String, Number> partitions(ObservableList<Long> counts) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        // Records are whole: no 0.25 ticks when a partition holds one record.
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.format(Locale.ROOT, "%,d", n.longValue())
                        : "";
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("partitionChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setTitle("Records per partition");
        chart.setCategoryGap(12);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        follow(counts, series.getData(), (p, count) -> new XYChart.Data<>("p" + p, count),
                (bar, count) -> bar.setYValue(count));
        chart.getData().add(series);
        chart.setMinHeight(140);
        chart.setMinWidth(140);
        return chart;
    }

    /** A small line chart per metric, side by side. */
    static HBox metrics(List<MetricsHistory.Chart<ObservableList<MetricsHistory.Point>>> charts) {
        HBox box = new HBox(4);
        box.setId("producerMetrics");
        for (MetricsHistory.Chart<ObservableList<MetricsHistory.Point>> m : charts) {
            NumberAxis x = new NumberAxis();
            x.setForceZeroInRange(false);
            x.setTickLabelsVisible(false);
            x.setTickMarkVisible(false);
            x.setMinorTickVisible(false);
            NumberAxis y = new NumberAxis();
            y.setForceZeroInRange(true);
            y.setMinorTickVisible(false);
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setLegendVisible(false);
            chart.setTitle(m.title());
            y.setLabel(m.unit());
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(m.title());
            follow(m.points(), series.getData(), (i, p) -> new XYChart.Data<>(p.second(), p.value()),
                    (point, p) -> {
                        point.setXValue(p.second());
                        point.setYValue(p.value());
                    });
            chart.getData().add(series);
            chart.getStyleClass().add("metric-chart");
            chart.setMinWidth(120);
            chart.setPrefWidth(200);
            HBox.setHgrow(chart, Priority.ALWAYS);
            box.getChildren().add(chart);
        }
        box.setPadding(new Insets(6, 0, 0, 6));
        return box;
    }

    /**
     * Keeps {@code data} item for item as {@code source}: an item set in place is updated in
     * place ({@code update}), so its node stays; others are made ({@code make}, given the index) or removed.
     */
    private static <T, D> void follow(ObservableList<T> source, ObservableList<D> data, BiFunction<Integer, T, D> make,
            BiConsumer<D, T> update) {
        for (int i = 0; i < source.size(); i++) {
            data.add(make.apply(i, source.get(i)));
        }
        source.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                List<? extends T> added = c.getAddedSubList();
                if (c.wasReplaced() && c.getRemovedSize() == added.size()) {
                    for (int i = 0; i < added.size(); i++) {
                        update.accept(data.get(c.getFrom() + i), added.get(i));
                    }
                    continue;
                }
                if (c.wasRemoved()) {
                    data.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                for (int i = 0; i < added.size(); i++) {
                    data.add(c.getFrom() + i, make.apply(c.getFrom() + i, added.get(i)));
                }
            }
        });
    }
}
