package dev.kafkalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.produce.KeyPlacement;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.ui.shell.ShellView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The produce screen on the real cluster: keyed records, their partitions, the chart. */
@ExtendWith(ApplicationExtension.class)
class ProduceScreenIT {

    private Path dir;
    private LocalCluster cluster;
    private ShellView shell;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kafka-lab-produce-it-");
        cluster = new LocalCluster(ClusterSpec.builder().dataDir(dir).firstBrokerPort(0).build());
        shell = new ShellView(cluster, Platform::runLater, () -> { });
        shell.show(stage);
        shell.startCluster();
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        cluster.close();
        assertEquals(List.of(), cluster.livePids(), "node processes left after the test");
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void keyedRecordsLandWhereMurmur2SaysAndTheChartCountsThem(FxRobot robot) throws Exception {
        await("the cluster screen laid out", 120, () -> robot.lookup("#topicName").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#topicName").write("orders");
        robot.doubleClickOn("#topicPartitions").write("6");
        robot.clickOn("#createTopic");
        await("partition rows of orders", 30, () -> robot.lookup("#leader-5").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        await("the produce screen shown", 10, () -> robot.lookup("#produceScreen").query().isVisible());
        // The topic selected on the cluster screen is the one to produce to.
        assertEquals("orders", robot.lookup("#produceTopic").queryComboBox().getValue());

        robot.doubleClickOn("#burstCount").write("60");
        robot.clickOn("#sendBurst");
        TableView<SendResult> records = robot.lookup("#producedRecords").queryTableView();
        await("60 records listed", 60, () -> records.getItems().size() == 60);
        for (SendResult r : List.copyOf(records.getItems())) {
            assertEquals(KeyPlacement.of(r.key(), 6).partition(), r.partition(), r.key() + ": " + r.why());
        }
        BarChart<?, ?> chart = robot.lookup("#partitionChart").query();
        await("the chart counts 60 records", 10, () -> bars(chart).stream().mapToLong(Long::longValue).sum() == 60);
        List<Long> bars = bars(chart);
        assertEquals(6, bars.size(), "one bar per partition, empty ones too");
        for (int p = 0; p < 6; p++) {
            int partition = p;
            long expected = records.getItems().stream().filter(r -> r.partition() == partition).count();
            assertEquals(expected, bars.get(p), "bar of p" + p);
        }
        assertEquals(5, robot.lookup("#keyTable").queryTableView().getItems().size(), "employee-1..employee-5");

        robot.clickOn("#produceKey").write("customer-42");
        robot.clickOn("#sendOne");
        int predicted = KeyPlacement.of("customer-42", 6).partition();
        await("the one record sent", 30, () -> text(robot, "#produceStatus").startsWith("Sent to partition"));
        assertTrue(text(robot, "#produceStatus").startsWith("Sent to partition " + predicted + " at offset "),
                text(robot, "#produceStatus"));
        await("the record on top of the list", 10, () -> "customer-42".equals(records.getItems().get(0).key()));
        assertTrue(robot.lookup("#cliEquivalent").queryTextInputControl().getText()
                .startsWith("kafka-console-producer.sh --bootstrap-server localhost:"));
    }

    private static List<Long> bars(BarChart<?, ?> chart) {
        return chart.getData().get(0).getData().stream().map(d -> ((XYChart.Data<?, ?>) d).getYValue())
                .map(v -> ((Number) v).longValue()).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s for " + what);
        }
    }
}
