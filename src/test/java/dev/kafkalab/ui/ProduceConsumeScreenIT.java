package dev.kafkalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.kafkalab.testkit.ShellUnderTest.text;

import dev.kafkalab.produce.KeyPlacement;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.testkit.ShellUnderTest;
import java.util.List;
import java.util.stream.Stream;
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

/**
 * The produce and consume screens on the real cluster, as a learner uses them: keyed records,
 * their partitions and the chart; then a group of three reads them and one member crashes.
 */
@ExtendWith(ApplicationExtension.class)
class ProduceConsumeScreenIT {

    private ShellUnderTest app;

    @Start
    void start(Stage stage) throws Exception {
        app = ShellUnderTest.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void keyedRecordsLandWhereMurmur2SaysThenAGroupReadsThemAndACrashedMembersPartitionsMove(FxRobot robot) throws Exception {
        ShellUnderTest.await("the cluster screen laid out", 120, () -> robot.lookup("#topicName").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#topicName").write("orders");
        robot.doubleClickOn("#topicPartitions").write("6");
        robot.clickOn("#createTopic");
        ShellUnderTest.await("partition rows of orders", 30, () -> robot.lookup("#leader-5").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        ShellUnderTest.await("the produce screen shown", 10, () -> robot.lookup("#produceScreen").query().isVisible());
        // The topic selected on the cluster screen is the one to produce to.
        assertEquals("orders", robot.lookup("#produceTopic").queryComboBox().getValue());

        robot.doubleClickOn("#burstCount").write("60");
        robot.clickOn("#sendBurst");
        TableView<SendResult> records = robot.lookup("#producedRecords").queryTableView();
        ShellUnderTest.await("60 records listed", 60, () -> records.getItems().size() == 60);
        for (SendResult r : List.copyOf(records.getItems())) {
            assertEquals(KeyPlacement.of(r.key(), 6).partition(), r.partition(), r.key() + ": " + r.why());
        }
        BarChart<?, ?> chart = robot.lookup("#partitionChart").query();
        ShellUnderTest.await("the chart counts 60 records", 10, () -> bars(chart).stream().mapToLong(Long::longValue).sum() == 60);
        List<Long> bars = bars(chart);
        assertEquals(6, bars.size(), "one bar per partition, empty ones too");
        for (int p = 0; p < 6; p++) {
            int partition = p;
            long expected = records.getItems().stream().filter(r -> r.partition() == partition).count();
            assertEquals(expected, bars.get(p), "bar of p" + p);
        }
        assertEquals(5, robot.lookup("#keyTable").queryTableView().getItems().size(), "employee-1..employee-5");

        // The form scrolled down to the burst button: back up to the key field, as a user would.
        robot.interact(() -> robot.lookup("#produceForm").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        robot.clickOn("#produceKey").write("customer-42");
        robot.clickOn("#sendOne");
        int predicted = KeyPlacement.of("customer-42", 6).partition();
        ShellUnderTest.await("the one record sent", 30, () -> text(robot, "#produceStatus").startsWith("Sent to partition"));
        assertTrue(text(robot, "#produceStatus").startsWith("Sent to partition " + predicted + " at offset "),
                text(robot, "#produceStatus"));
        ShellUnderTest.await("the record on top of the list", 10, () -> "customer-42".equals(records.getItems().get(0).key()));
        assertTrue(robot.lookup("#cliEquivalent").queryTextInputControl().getText()
                .startsWith("kafka-console-producer.sh --bootstrap-server localhost:"));

        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        ShellUnderTest.await("the consume screen shown", 10, () -> robot.lookup("#consumeScreen").query().isVisible());
        assertEquals("orders", robot.lookup("#consumeTopic").queryComboBox().getValue());
        robot.clickOn("#startGroup");
        ShellUnderTest.await("three members with two partitions each", 60, () -> Stream.of("member-1", "member-2", "member-3")
                .allMatch(m -> robot.lookup("#assigned-" + m).tryQuery().map(n -> ((Label) n).getText()
                        .matches("partitions p\\d, p\\d · generation \\d+")).orElse(false)));
        ShellUnderTest.await("all 61 records read", 30, () -> Stream.of("member-1", "member-2", "member-3")
                .mapToLong(m -> readCount(robot, m)).sum() == 61);
        String crashedOwns = text(robot, "#assigned-member-2");
        long crashedAt = System.nanoTime();
        ShellUnderTest.press(robot, "#crash-member-2");
        ShellUnderTest.await("the session-timeout countdown", 10, () -> text(robot, "#countdown-member-2")
                .startsWith("session times out in"), () -> "countdown '" + text(robot, "#countdown-member-2") + "', "
                + text(robot, "#assigned-member-2") + "; rebalances: " + robot.lookup("#rebalanceTimeline")
                .queryListView().getItems());
        java.util.concurrent.atomic.AtomicReference<List<String>> owners = new java.util.concurrent.atomic.AtomicReference<>();
        ShellUnderTest.await("member-2's partitions read by the others", 40, () -> {
            owners.set(robot.lookup("#partitionOwners").queryAs(javafx.scene.layout.FlowPane.class).getChildren()
                    .stream().map(n -> ((Label) n).getText()).toList());
            return owners.get().size() == 6 && owners.get().stream().noneMatch(t -> t.contains("member-2"));
        });
        double seconds = (System.nanoTime() - crashedAt) / 1e9;
        assertTrue(seconds > 5, () -> "a crash is noticed only after the 10 s session timeout, not at once: " + seconds
                + " s after the crash of a member with " + crashedOwns + "; owners " + owners.get() + "; rebalances: " + robot
                .lookup("#rebalanceTimeline").queryListView().getItems());
        assertEquals("session timed out: its partitions moved", text(robot, "#countdown-member-2"));
        ShellUnderTest.press(robot, "#stopGroup");
        ShellUnderTest.await("the group stopped", 30, () -> !robot.lookup("#startGroup").query().isDisabled());

        aTransactionHoldsTheLastStableOffsetUntilItsCommit(robot);
        aShareGroupOfMoreMembersThanPartitionsReadsEveryRecordOnce(robot);
    }

    /** The Consume screen's share group: eight members on six partitions, every record of orders once. */
    private static void aShareGroupOfMoreMembersThanPartitionsReadsEveryRecordOnce(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        ShellUnderTest.await("the consume screen shown", 10, () -> robot.lookup("#consumeScreen").query().isVisible());
        robot.interact(() -> {
            robot.lookup("#shareGroupPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            robot.lookup("#shareMembers").queryTextInputControl().setText("8");
        });
        ShellUnderTest.press(robot, "#startShareGroup");
        ShellUnderTest.await("the share group started", 30, () -> text(robot, "#shareStatus")
                .startsWith("Share group workers: 8 member(s)"), () -> text(robot, "#shareStatus"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.kafkalab.share.Delivery> deliveries = robot.lookup("#shareDeliveries")
                .queryAs(javafx.scene.control.ListView.class);
        // 61 records, and the 5 of the committed transaction.
        ShellUnderTest.await("all 66 records of orders delivered", 60, () -> deliveries.getItems().size() >= 66,
                () -> deliveries.getItems().size() + " delivered; " + text(robot, "#shareStatus"));
        List<String> seen = deliveries.getItems().stream().map(d -> d.partition() + "@" + d.offset()).toList();
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "each record to one member, once: " + seen);
        assertTrue(deliveries.getItems().stream().allMatch(d -> d.deliveryCount() == 1
                && d.acknowledged() == org.apache.kafka.clients.consumer.AcknowledgeType.ACCEPT), "all first deliveries,"
                + " accepted: " + deliveries.getItems());
        ShellUnderTest.await("the coordinator's view of the group", 30, () -> text(robot, "#shareCoordinator")
                .startsWith("stable · 8 members"), () -> text(robot, "#shareCoordinator"));
        ShellUnderTest.press(robot, "#crashShareMember");
        ShellUnderTest.await("a member crashed", 10, () -> text(robot, "#shareStatus").matches("member-\\d crashed: .*"),
                () -> text(robot, "#shareStatus"));
        ShellUnderTest.press(robot, "#stopShareGroup");
        ShellUnderTest.await("the share group stopped", 30, () -> !robot.lookup("#startShareGroup").query().isDisabled());

        // By hand, with a dead-letter topic: one member holds what it gets until a person answers.
        robot.interact(() -> {
            robot.lookup("#shareGroupId").queryTextInputControl().setText("by-hand");
            robot.lookup("#shareMembers").queryTextInputControl().setText("1");
            robot.lookup("#sharePolicy").queryAs(javafx.scene.control.ChoiceBox.class)
                    .setValue(dev.kafkalab.share.AckPolicy.BY_HAND);
            robot.lookup("#shareDeadLetters").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        ShellUnderTest.press(robot, "#startShareGroup");
        ShellUnderTest.await("the by-hand group started", 30, () -> text(robot, "#shareStatus")
                .startsWith("Share group by-hand: 1 member(s)") && text(robot, "#shareStatus").contains("dlq.orders"),
                () -> text(robot, "#shareStatus"));
        ShellUnderTest.await("records held for an answer", 30, () -> !deliveries.getItems().isEmpty()
                && deliveries.getItems().get(0).acknowledged() == null, () -> deliveries.getItems().toString());
        assertTrue(robot.lookup("#shareReject").query().isDisabled(), "nothing chosen, nothing to answer");
        robot.interact(() -> deliveries.getSelectionModel().select(deliveries.getItems().size() - 1));
        ShellUnderTest.press(robot, "#shareReject");
        ShellUnderTest.await("the chosen record rejected by hand", 30, () -> deliveries.getItems().stream()
                .anyMatch(d -> d.byHand() && d.acknowledged() == org.apache.kafka.clients.consumer.AcknowledgeType.REJECT),
                () -> deliveries.getItems() + "; " + text(robot, "#shareStatus"));
        ShellUnderTest.press(robot, "#stopShareGroup");
        ShellUnderTest.await("the by-hand group stopped", 30, () -> !robot.lookup("#startShareGroup").query().isDisabled());
    }

    /** The Produce screen's transaction: sent records hold the LSO (the cluster screen says so) until the commit. */
    private static void aTransactionHoldsTheLastStableOffsetUntilItsCommit(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        ShellUnderTest.await("the produce screen shown", 10, () -> robot.lookup("#produceScreen").query().isVisible());
        robot.interact(() -> robot.lookup("#transactionPane").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        ShellUnderTest.press(robot, "#beginTransaction");
        ShellUnderTest.await("the transaction begun", 30, () -> text(robot, "#transactionStatus")
                .startsWith("Transaction of lab-tx begun"), () -> text(robot, "#transactionStatus"));
        ShellUnderTest.press(robot, "#sendInTransaction");
        ShellUnderTest.await("5 records sent in it", 30, () -> text(robot, "#transactionStatus").startsWith("Sent 5 records"),
                () -> text(robot, "#transactionStatus"));
        String partition = text(robot, "#transactionStatus").replaceAll(".*the last at partition (\\d+),.*", "$1");
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT1).release(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        ShellUnderTest.await("the cluster screen's offsets of P" + partition + " with the LSO held", 15,
                () -> text(robot, "#offsets-" + partition).contains("(a transaction is open)"),
                () -> text(robot, "#offsets-" + partition));
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        ShellUnderTest.press(robot, "#commitTransaction");
        ShellUnderTest.await("the transaction committed", 30, () -> text(robot, "#transactionStatus")
                .startsWith("Committed 5 records"), () -> text(robot, "#transactionStatus"));
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT1).release(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        ShellUnderTest.await("the LSO caught up with the HW of P" + partition, 15,
                () -> !text(robot, "#offsets-" + partition).contains("LSO"), () -> text(robot, "#offsets-" + partition));
        // The log read both ways: the commit marker takes an offset in the partition.
        ShellUnderTest.press(robot, "#findLogMarks");
        ShellUnderTest.await("the topic read for its markers", 60, () -> text(robot, "#logMarksStatus")
                .startsWith("As read at"), () -> text(robot, "#logMarksStatus"));
        assertTrue(text(robot, "#logMarksStatus").matches(".*: [1-9]\\d* marker\\(s\\).*"), text(robot, "#logMarksStatus"));
        // The rows are redrawn at the next pulse.
        ShellUnderTest.await("P" + partition + "'s commit marker on its offsets line", 10,
                () -> text(robot, "#offsets-" + partition).contains("marker at "), () -> text(robot, "#offsets-" + partition));
    }

    /** From "read 1,234 · position ...": how many records the member read. */
    private static long readCount(FxRobot robot, String member) {
        return robot.lookup("#offsets-" + member).tryQuery()
                .map(n -> ((Label) n).getText().replaceAll("^read ([\\d,]+).*", "$1").replace(",", ""))
                .filter(t -> t.matches("\\d+")).map(Long::parseLong).orElse(-1L);
    }

    private static List<Long> bars(BarChart<?, ?> chart) {
        return chart.getData().get(0).getData().stream().map(d -> ((XYChart.Data<?, ?>) d).getYValue())
                .map(v -> ((Number) v).longValue()).toList();
    }
}
