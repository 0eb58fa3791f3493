package dev.kafkalab.ui.produce;

import static dev.kafkalab.ui.produce.FakeSender.acked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.testkit.ManualScheduler;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The produce screen's charts built from the view model's plain lists: a bar per partition named
 * p0, p1, ... that grows in place, and a line chart per producer metric. The view model pumps on
 * the FX thread when the test ticks; answers come from a {@link FakeSender}, not a cluster.
 */
@ExtendWith(ApplicationExtension.class)
class ProduceScreenTest {

    private final FakeSender sender = new FakeSender();
    private final ManualScheduler scheduler = new ManualScheduler();
    private ProduceViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ProduceViewModel(sender,
            new TransactionViewModel((id, timeout) -> {
                throw new IllegalStateException("no cluster in this test");
            }, Runnable::run), Runnable::run, scheduler, "localhost:9092", (cli, message) -> { });
        stage.setScene(new Scene(new ProduceScreen(vm, FXCollections.observableArrayList("orders")), 1280, 760));
        stage.show();
    }

    @Test
    void oneBarPerPartitionGrowsInPlaceAndClearEmptiesTheChart(FxRobot robot) {
        BarChart<?, ?> chart = robot.lookup("#partitionChart").query();
        robot.interact(() -> {
            vm.topic().set("orders");
            send(acked("employee-1", 1, 0));
        });
        List<? extends XYChart.Data<?, ?>> bars = chart.getData().get(0).getData();
        assertEquals(List.of("p0 0", "p1 1", "p2 0"), bars.stream().map(ProduceScreenTest::bar).toList());
        XYChart.Data<?, ?> p1 = bars.get(1);

        robot.interact(() -> send(acked("employee-1", 1, 1)));
        assertSame(p1, chart.getData().get(0).getData().get(1), "the bar moves; it is not made again");
        assertEquals(List.of("p0 0", "p1 2", "p2 0"), bars.stream().map(ProduceScreenTest::bar).toList());

        robot.interact(vm::clear);
        assertEquals(List.of(), chart.getData().get(0).getData());
        robot.interact(() -> send(acked("employee-2", 2, 0)));
        assertEquals(List.of("p0 0", "p1 0", "p2 1"),
                chart.getData().get(0).getData().stream().map(ProduceScreenTest::bar).toList());
    }

    @Test
    void eachMetricHasItsLineChartAndEachPumpAddsAPointToOne(FxRobot robot) {
        HBox box = robot.lookup("#producerMetrics").query();
        List<LineChart<?, ?>> charts = box.getChildren().stream().<LineChart<?, ?>>map(n -> (LineChart<?, ?>) n).toList();
        assertEquals(List.of("Send rate", "Batch size", "Request latency", "Records/request", "Compression"),
                charts.stream().map(LineChart::getTitle).toList());
        assertEquals(List.of("records/s", "bytes", "ms", "records", "ratio"),
                charts.stream().map(c -> c.getYAxis().getLabel()).toList());
        assertEquals(charts.stream().map(LineChart::getTitle).toList(),
                charts.stream().map(c -> c.getData().get(0).getName()).toList());

        sender.metrics = new ProducerMetrics(1_000, 16_384, 3, 20, 0.5, 0);
        robot.interact(() -> {
            for (int pump = 0; pump < 5; pump++) {
                scheduler.tick();
            }
        });
        assertEquals(List.of(1000.0, 16384.0, 3.0, 20.0, 0.5), charts.stream()
                .map(c -> ((Number) c.getData().get(0).getData().get(0).getYValue()).doubleValue()).toList());
        Object second = charts.get(0).getData().get(0).getData().get(0).getXValue();
        assertEquals(Long.class, second.getClass(), "whole seconds since the screen started");
    }

    /** Sends one record, answers it, and pumps. */
    private void send(SendResult answer) {
        vm.sendOne();
        sender.answers.get(sender.answers.size() - 1).complete(answer);
        scheduler.tick();
    }

    private static String bar(XYChart.Data<?, ?> d) {
        return d.getXValue() + " " + d.getYValue();
    }
}
