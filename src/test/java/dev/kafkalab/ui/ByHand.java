package dev.kafkalab.ui;

import static dev.kafkalab.testkit.ShellUnderTest.press;
import static dev.kafkalab.testkit.ShellUnderTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.lab.Lab;
import dev.kafkalab.lab.LabParser;
import dev.kafkalab.lab.Step;
import dev.kafkalab.lab.Vocabulary;
import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.SendTally;
import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.cluster.PartitionRow;
import dev.kafkalab.ui.common.PseudoStates;
import dev.kafkalab.ui.lab.LabViewModel;
import dev.kafkalab.ui.produce.ProduceViewModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import javafx.stage.Window;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A learner's hands on the window, for {@link LabsByHandIT}: the navigation, the lab panel (open
 * from the list, reset, step, check) and the controls of the Cluster, Produce and Consume
 * screens, each used as the screen offers it, and what the screens show, read back. Never a lab
 * step's own button, except where a test says why. Readers run on the FX thread (from any thread).
 */
final class ByHand {

    private final FxRobot robot;
    private Lab lab;

    ByHand(FxRobot robot) {
        this.robot = robot;
    }

    /** Reads the screen on the FX thread, from any thread. */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    static void await(String what, int seconds, Callable<Boolean> condition, Callable<String> seen) throws Exception {
        ShellUnderTest.await(what, seconds, condition, seen);
    }

    /** The window up with its screens, and the three brokers running. */
    void awaitCluster() throws Exception {
        await("the cluster's screens, once it runs", 180, () -> robot.lookup("#clusterScreen").tryQuery().isPresent(),
                () -> null);
        for (int broker = 1; broker <= 3; broker++) {
            awaitCard(broker, "running");
        }
    }

    /** Shows a screen with its navigation button, as a click does; {@code screen} is the screen's id. */
    void show(String nav, String screen) throws Exception {
        ToggleButton button = robot.lookup(nav).queryAs(ToggleButton.class);
        robot.interact(() -> {
            if (!button.isSelected()) {
                button.fire();
            }
        });
        await(screen + " shown", 10, () -> robot.lookup(screen).query().isVisible(), () -> null);
    }

    // --- The lab panel

    /** Opens a lab from the Labs list and resets it, confirming the dialog; returns the lab as its file says. */
    Lab open(String file, int steps) throws Exception {
        Lab opened = LabParser.parse(Path.of(file));
        assertEquals(steps, opened.steps().size(), file + ": the steps this test walks");
        show("#navLabs", "#labsScreen");
        ListView<LabViewModel.Row> list = robot.lookup("#labList").query();
        await("Labs screen: " + opened.id() + " listed", 30,
                () -> list.getItems().stream().anyMatch(r -> r.id().equals(opened.id())),
                () -> list.getItems().toString());
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals(opened.id())).findFirst().orElseThrow()));
        press(robot, "#openLab");
        lab = opened;
        List<String> titles = opened.steps().stream().map(this::title).toList();
        await("the lab panel on a step of " + opened.id(), 30, () -> titles.contains(text(robot, "#stepTitle")),
                () -> text(robot, "#stepTitle"));
        reset();
        return opened;
    }

    /** Reset lab, and OK in the dialog that asks first; back on step 1 once the lab panel says so. */
    private void reset() throws Exception {
        Button reset = robot.lookup("#labReset").queryButton();
        // The dialog waits in a nested event loop (showAndWait): fired later, not through interact,
        // which would wait until the dialog closed.
        Platform.runLater(reset::fire);
        AtomicReference<DialogPane> dialog = new AtomicReference<>();
        await("Lab panel: the reset's confirmation dialog", 20, () -> {
            dialog.set(Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                    .filter(Objects::nonNull).map(Scene::getRoot).filter(DialogPane.class::isInstance)
                    .map(DialogPane.class::cast).findFirst().orElse(null));
            return dialog.get() != null;
        }, () -> null);
        assertEquals("Reset \"" + lab.title() + "\"?", fx(() -> dialog.get().getHeaderText()),
                "Lab panel: the reset dialog names the lab opened");
        robot.interact(() -> ((Button) dialog.get().lookupButton(ButtonType.OK)).fire());
        await("Lab panel: " + lab.id() + " reset", 180, () -> text(robot, "#labMessage")
                .startsWith("The lab is back at its start"), () -> text(robot, "#labMessage"));
        awaitStep(1);
    }

    private String title(Step step) {
        return "Step " + step.number() + " of " + lab.steps().size() + ": " + step.title();
    }

    /** Goes on to step {@code n} with Next (a reset leaves the lab on step 1); its check waits. */
    void step(int n) throws Exception {
        if (n > 1) {
            press(robot, "#stepNext");
        }
        awaitStep(n);
    }

    private void awaitStep(int n) throws Exception {
        String title = title(lab.steps().get(n - 1));
        await("Lab panel: " + title, 30, () -> text(robot, "#stepTitle").equals(title),
                () -> text(robot, "#stepTitle"));
        await("Lab panel: the check of " + title + " waiting", 30,
                () -> text(robot, "#stepCheckText").startsWith("Waiting"), () -> text(robot, "#stepCheckText"));
        List<String> looks = lab.steps().get(n - 1).looks();
        if (!looks.isEmpty()) {
            String id = Vocabulary.TARGETS.get(looks.get(0)).nodeId();
            await(title + ": '" + looks.get(0) + "' (#" + id + ") shown and ringed", 10, () -> ringed(id), () -> null);
        }
    }

    /** The control is on the screen shown, and a visible ring on the layer above overlaps it. */
    private boolean ringed(String id) {
        Node target = robot.lookup("#" + id).query();
        for (Node n = target; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        javafx.geometry.Bounds at = target.localToScene(target.getLayoutBounds());
        return robot.lookup(".look-here").queryAll().stream().filter(Node::isVisible)
                .anyMatch(ring -> ring.localToScene(ring.getBoundsInLocal()).intersects(at));
    }

    /** Waits for the shown step's check to turn green, and its explanation to show. */
    void passed(int seconds) throws Exception {
        String title = fx(() -> text(robot, "#stepTitle"));
        await(lab.id() + " " + title + ": its check green", seconds,
                () -> text(robot, "#stepCheckText").startsWith("Seen on the cluster"),
                () -> text(robot, "#stepCheckText") + " | lab message: " + text(robot, "#labMessage"));
        assertTrue(fx(() -> robot.lookup("#stepWhy").query().isVisible()),
                "Lab panel, " + title + ": the explanation shows once it passed");
    }

    /** A step's own button: only for what no screen can do (each use says why). */
    void labAction(int n) throws Exception {
        await("Lab panel: action " + n + " enabled", 60, () -> !robot.lookup("#labAction" + n).query().isDisabled(),
                () -> text(robot, "#labMessage"));
        press(robot, "#labAction" + n);
    }

    /** The lab complete, then closed: back to the list. */
    void finish() throws Exception {
        await("Lab panel: " + lab.id() + " complete", 20, () -> text(robot, "#labProgress").startsWith("Lab complete"),
                () -> text(robot, "#labProgress"));
        press(robot, "#labClose");
        await("the Labs screen after Close", 10, () -> robot.lookup("#labsScreen").query().isVisible(), () -> null);
    }

    // --- Cluster screen

    void createTopic(String name, int partitions, int replicationFactor, String minInsyncReplicas) throws Exception {
        show("#navCluster", "#clusterScreen");
        type("#topicName", name);
        type("#topicPartitions", Integer.toString(partitions));
        type("#topicReplicationFactor", Integer.toString(replicationFactor));
        if (minInsyncReplicas != null) {
            type("#topicMinIsr", minInsyncReplicas);
        }
        press(robot, "#createTopic");
        ListView<String> topics = robot.lookup("#topicList").queryListView();
        await("Cluster screen: " + name + " in the list of topics", 60, () -> topics.getItems().contains(name),
                () -> "topics " + topics.getItems() + "; form says '" + text(robot, "#topicFormError") + "'");
        // A row per partition, each with its leader, before anything is sent there.
        for (int p = 0; p < partitions; p++) {
            leaderOf(name, p);
        }
    }

    /** Presses Kill, Stop or Start ({@code action}: kill, stop, start) on a broker's card. */
    void card(String action, int broker) throws Exception {
        show("#navCluster", "#clusterScreen");
        press(robot, "#" + action + "Broker" + broker);
    }

    void awaitCard(int broker, String state) throws Exception {
        await("Cluster screen: the card of broker " + broker + " says " + state, 180,
                () -> text(robot, "#stateBroker" + broker).equals(state), () -> text(robot, "#stateBroker" + broker));
    }

    /** The leader a partition's row names, once it names one. */
    int leaderOf(String topic, int partition) throws Exception {
        return awaitLeader(topic, partition, leader -> true, "a leader");
    }

    int awaitLeader(String topic, int partition, Predicate<Integer> wanted, String what) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        selectTopic(topic);
        await("Cluster screen, " + topic + " P" + partition + ": " + what, 60, () -> {
            seen.set(rowText(topic, partition, "#leader-" + partition));
            return seen.get() != null && seen.get().startsWith("leader ")
                    && wanted.test(Integer.parseInt(seen.get().substring("leader ".length())));
        }, seen::get);
        return Integer.parseInt(seen.get().substring("leader ".length()));
    }

    /** Waits for a partition's replica chips to show exactly {@code inSync} in the ISR (of brokers 1 to 3). */
    void awaitInSync(String topic, int partition, Set<Integer> inSync, String what) throws Exception {
        selectTopic(topic);
        AtomicReference<String> seen = new AtomicReference<>();
        await("Cluster screen, " + topic + " P" + partition + ": in sync " + inSync + ", " + what, 120, () -> {
            StringBuilder chips = new StringBuilder();
            boolean as = true;
            for (int broker = 1; broker <= 3; broker++) {
                Node chip = rowNode(topic, partition, "#replica-" + partition + "-" + broker);
                boolean in = chip != null && PseudoStates.has(chip, "in-sync");
                as &= chip != null && in == inSync.contains(broker);
                chips.append(broker).append(chip == null ? "?" : in ? "+" : "-").append(' ');
            }
            seen.set(chips.toString());
            return as;
        }, seen::get);
    }

    /** The numbers under a partition's offsets bar, once they show what {@code wanted} says. */
    OffsetsLegend awaitOffsets(String topic, int partition, Predicate<OffsetsLegend> wanted, String what)
            throws Exception {
        AtomicReference<OffsetsLegend> seen = new AtomicReference<>();
        selectTopic(topic);
        await("Cluster screen, " + topic + " P" + partition + " offsets: " + what, 120, () -> {
            String text = rowText(topic, partition, "#offsets-" + partition);
            seen.set(text == null ? null : OffsetsLegend.parse(text));
            return seen.get() != null && wanted.test(seen.get());
        }, () -> String.valueOf(seen.get()));
        return seen.get();
    }

    /** Waits for a line of the Timeline that starts with {@code start} and contains {@code part}. */
    void awaitEvent(String start, String part) throws Exception {
        ListView<ClusterEvent> events = robot.lookup("#eventList").queryListView();
        await("Cluster screen, Timeline: a line '" + start + " ... " + part + "'", 60, () -> events.getItems().stream()
                .anyMatch(e -> e.text().startsWith(start) && e.text().contains(part)),
                () -> events.getItems().stream().limit(12).map(e -> e.text()).toList().toString());
    }

    /** Chooses the topic in the Cluster screen's list, so its partitions show. */
    private void selectTopic(String topic) throws Exception {
        show("#navCluster", "#clusterScreen");
        ListView<String> topics = robot.lookup("#topicList").queryListView();
        await("Cluster screen: " + topic + " listed", 60, () -> topics.getItems().contains(topic),
                () -> topics.getItems().toString());
        robot.interact(() -> {
            if (!topic.equals(topics.getSelectionModel().getSelectedItem())) {
                topics.getSelectionModel().select(topic);
            }
        });
    }

    /** A label's text in a partition's row, or null while no row of that topic and partition shows it. */
    private String rowText(String topic, int partition, String id) {
        Node node = rowNode(topic, partition, id);
        return node == null ? null : ((Label) node).getText();
    }

    /** A node of a partition's row, once a cell in view shows that partition of {@code topic}, not a stale one. */
    private Node rowNode(String topic, int partition, String id) {
        for (Node node : robot.lookup(id).queryAll()) {
            if (shows(node, topic, partition)) {
                return node;
            }
        }
        robot.lookup("#partitionList").queryListView().scrollTo(partition);
        return null;
    }

    private static boolean shows(Node node, String topic, int partition) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
            if (n instanceof ListCell<?> cell) {
                return cell.getItem() instanceof PartitionRow row && row.partition().topic().equals(topic)
                        && row.partition().partition() == partition;
            }
        }
        return false;
    }

    // --- Produce screen

    void chooseAcks(Acks acks) throws Exception {
        show("#navProduce", "#produceScreen");
        ChoiceBox<Acks> choice = robot.lookup("#acks").query();
        robot.interact(() -> choice.setValue(acks));
    }

    /** Producer settings back to Kafka's defaults, with the screen's button. */
    void kafkasDefaults() throws Exception {
        show("#navProduce", "#produceScreen");
        press(robot, "#resetSettings");
    }

    Acks acks() throws Exception {
        ChoiceBox<Acks> choice = robot.lookup("#acks").query();
        return fx(choice::getValue);
    }

    boolean idempotence() throws Exception {
        return fx(() -> robot.lookup("#idempotence").queryAs(CheckBox.class).isSelected());
    }

    /**
     * Sends a burst with the Produce screen's form ({@code distinctKeys} 0: no keys) and returns the
     * rows it added on top of Records sent, once the burst is done and Records sent and Records per
     * partition count all its records.
     */
    List<SendResult> burst(String topic, int distinctKeys, int count) throws Exception {
        show("#navProduce", "#produceScreen");
        ComboBox<String> topics = robot.lookup("#produceTopic").queryComboBox();
        ChoiceBox<KeyPattern.Kind> keys = robot.lookup("#keyPattern").query();
        robot.interact(() -> {
            topics.setValue(topic);
            keys.setValue(distinctKeys == 0 ? KeyPattern.Kind.NONE : KeyPattern.Kind.DISTINCT);
        });
        if (distinctKeys > 0) {
            type("#distinctKeys", Integer.toString(distinctKeys));
        }
        type("#burstCount", Integer.toString(count));
        TableView<SendResult> sent = robot.lookup("#producedRecords").queryTableView();
        int rowsBefore = fx(() -> sent.getItems().size());
        long barsBefore = sum(bars());
        press(robot, "#sendBurst");
        String done = String.format(Locale.ROOT, "Burst done: %,d sent, %,d acknowledged, 0 failed", count, count);
        int rows = Math.min(ProduceViewModel.RECORDS_SHOWN, rowsBefore + count);
        await("Produce screen: " + done + ", in Records sent and Records per partition", 180,
                () -> text(robot, "#produceStatus").startsWith(done) && sent.getItems().size() == rows
                        && sum(bars()) == barsBefore + count,
                () -> "'" + text(robot, "#produceStatus") + "', " + sent.getItems().size() + " rows, bars " + bars());
        return fx(() -> List.copyOf(sent.getItems().subList(0, Math.min(count, rows))));
    }

    /** Every row of Records sent, newest first. */
    List<SendResult> recordsSent() throws Exception {
        TableView<SendResult> sent = robot.lookup("#producedRecords").queryTableView();
        return fx(() -> List.copyOf(sent.getItems()));
    }

    /** Records per partition: one bar per partition, p0 first. */
    List<Long> bars() throws Exception {
        BarChart<String, Number> chart = robot.lookup("#partitionChart").query();
        return fx(() -> chart.getData().get(0).getData().stream().map(d -> d.getYValue().longValue()).toList());
    }

    List<SendTally.KeyRow> keyRows() throws Exception {
        TableView<SendTally.KeyRow> keys = robot.lookup("#keyTable").queryTableView();
        return fx(() -> List.copyOf(keys.getItems()));
    }

    static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    // --- Consume screen

    /** Starts a group with the Consume screen's form; a group shown already goes on running out of view (New). */
    void startGroup(String id, String topic, GroupProtocol protocol, Assignor assignor, int members) throws Exception {
        show("#navConsume", "#consumeScreen");
        if (!fx(() -> robot.lookup("#newGroup").query().isDisabled())) {
            press(robot, "#newGroup");
        }
        await("Consume screen: the group form free", 20, () -> !robot.lookup("#startGroup").query().isDisabled(),
                () -> text(robot, "#consumeStatus"));
        type("#groupId", id);
        ComboBox<String> topics = robot.lookup("#consumeTopic").queryComboBox();
        ChoiceBox<GroupProtocol> protocols = robot.lookup("#groupProtocol").query();
        ChoiceBox<Assignor> assignors = robot.lookup("#assignor").query();
        robot.interact(() -> {
            topics.setValue(topic);
            // The protocol first: it offers its own assignors.
            protocols.setValue(protocol);
            assignors.setValue(assignor);
        });
        type("#memberCount", Integer.toString(members));
        press(robot, "#startGroup");
        ComboBox<String> shown = robot.lookup("#shownGroup").queryComboBox();
        await("Consume screen: group " + id + " shown", 60, () -> id.equals(shown.getValue()),
                () -> text(robot, "#consumeStatus"));
    }

    void addMember() throws Exception {
        show("#navConsume", "#consumeScreen");
        press(robot, "#addMember");
    }

    /** Presses a member card's button ({@code action}: leave, crash). */
    void member(String action, String member) throws Exception {
        show("#navConsume", "#consumeScreen");
        press(robot, "#" + action + "-" + member);
    }

    /** The member cards shown, by member name, in order. */
    List<String> memberCards() throws Exception {
        return fx(() -> robot.lookup("#memberCards").queryAs(Pane.class).getChildren().stream()
                .map(card -> card.getId().substring("member-".length())).toList());
    }

    String memberState(String member) throws Exception {
        return fx(() -> text(robot, "#state-" + member));
    }

    /** The partitions each member's card lists (none: an empty list). */
    Map<String, List<Integer>> owned(List<String> members) throws Exception {
        return fx(() -> {
            Map<String, List<Integer>> owned = new LinkedHashMap<>();
            for (String m : members) {
                String card = robot.lookup("#assigned-" + m).tryQuery()
                        .map(n -> ((Label) n).getText()).orElse("");
                owned.put(m, card.startsWith("partitions ") ? Arrays.stream(card.substring("partitions ".length())
                        .split(" · ")[0].split(", ")).map(p -> Integer.parseInt(p.substring(1))).sorted().toList()
                        : List.of());
            }
            return owned;
        });
    }

    /** Waits until the cards of {@code members} list partitions as {@code wanted} says. */
    Map<String, List<Integer>> awaitOwned(List<String> members, Predicate<Map<String, List<Integer>>> wanted,
            String what) throws Exception {
        show("#navConsume", "#consumeScreen");
        AtomicReference<Map<String, List<Integer>>> seen = new AtomicReference<>();
        await("Consume screen: " + what, 180, () -> {
            seen.set(owned(members));
            return wanted.test(seen.get());
        }, () -> seen.get() + "; rebalances: " + robot.lookup("#rebalanceTimeline").queryListView().getItems()
                .stream().limit(8).toList());
        return seen.get();
    }

    void awaitText(String query, Predicate<String> wanted, String what, int seconds) throws Exception {
        await(what, seconds, () -> wanted.test(text(robot, query)), () -> query + " '" + text(robot, query) + "'");
    }

    /** Stops groups with the Consume screen: each chosen under Showing, then Stop group. */
    void stopGroups(String... ids) throws Exception {
        show("#navConsume", "#consumeScreen");
        ComboBox<String> shown = robot.lookup("#shownGroup").queryComboBox();
        for (String id : ids) {
            robot.interact(() -> shown.setValue(id));
            await("Consume screen: group " + id + " shown, Stop group enabled", 20, () -> id.equals(shown.getValue())
                    && !robot.lookup("#stopGroup").query().isDisabled(), () -> text(robot, "#consumeStatus"));
            press(robot, "#stopGroup");
            await("Consume screen: group " + id + " stopped", 90, () -> !shown.getItems().contains(id),
                    () -> text(robot, "#consumeStatus"));
        }
    }

    private void type(String query, String value) {
        TextInputControl field = robot.lookup(query).queryTextInputControl();
        robot.interact(() -> field.setText(value));
    }
}
