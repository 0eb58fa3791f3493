package dev.kafkalab.ui.cluster;

import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.ui.common.CellRehearsal;
import dev.kafkalab.ui.common.PseudoStates;
import java.util.stream.Collectors;
import javafx.animation.FadeTransition;
import javafx.animation.ScaleTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The selected topic, one row per partition: leader, replica chips, and the offsets bar. */
public final class PartitionsView extends VBox {

    /** The selected topic's markers and aborted records, by partition, as last read (FX thread). */
    private final java.util.Map<Integer, dev.kafkalab.topics.LogMarks> marks = new java.util.HashMap<>();

    public PartitionsView(ClusterViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        // The header names what the list shows: a topic chosen before it exists (a lab step's) says so.
        javafx.beans.binding.BooleanBinding notYet = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedTopic().get() != null && !vm.topicNames().contains(vm.selectedTopic().get()),
                vm.selectedTopic(), vm.topicNames());
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String topic = vm.selectedTopic().get();
            return topic == null ? "Partitions: select or create a topic"
                    : "Partitions of " + topic + (notYet.get() ? " (not created yet)" : "");
        }, vm.selectedTopic(), notYet));
        // A long topic name (a learner's, prefixed on a class's cluster) takes a second line, never "...".
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Short, so the partition rows keep their room beside a lab; the whole story in its tooltip.
        Label legend = new Label("green: readable · " + (vm.replicaLogEnds() ? "ticks: each replica's log end"
                : "replicas' log ends: not shown, only the app's own brokers report them") + " · ▲ a group's committed"
                + " offset · amber: an open transaction");
        legend.setTooltip(new javafx.scene.control.Tooltip("green: readable, from the log start to the high watermark"
                + "\nticks: each replica's log end offset in its broker's colour; a broker that is down: dashed, where"
                + " it was last seen, with a pale band over what only it had\n▲ a group's committed offset (a share"
                + " group's: its start offset)\namber: records of a transaction still open, from the last stable offset,"
                + " where read_committed readers stop\nafter Find markers: a dark stroke for each transaction marker (a commit"
                + " or an abort, which takes an offset), red over aborted records"));
        legend.getStyleClass().add("offsets-legend");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<PartitionRow> list = new ListView<>(vm.partitions());
        list.setId("partitionList");
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> notYet.get()
                ? "No topic " + vm.selectedTopic().get() + " yet: create it." : "No topic selected.", notYet));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new RowCell(marks::get));
        Label marksSaid = new Label();
        marksSaid.setId("logMarksStatus");
        marksSaid.getStyleClass().add("offsets-legend");
        marksSaid.setWrapText(true);
        marksSaid.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Button find = dev.kafkalab.ui.common.Forms.button("Find markers", "findLogMarks",
                "Read the topic with a read_uncommitted and a read_committed consumer, up to its last stable offset"
                        + " (the newest " + dev.kafkalab.topics.LogMarks.MOST + " offsets of each partition): the"
                        + " offsets neither gets are transaction markers, those only the first gets are aborted records",
                () -> findMarks(vm, list, marksSaid));
        find.disableProperty().bind(notYet.or(vm.selectedTopic().isNull()));
        Runnable forget = () -> {
            marks.clear();
            marksSaid.setText("");
            list.refresh();
        };
        vm.selectedTopic().addListener((o, was, now) -> forget.run());
        // A topic deleted (a lab's reset) and made again has another log: what was read is gone.
        notYet.addListener((o, was, now) -> {
            if (now) {
                forget.run();
            }
        });
        // Under the list, not beside the title: beside a lab the column is narrow, and the title is cut.
        find.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(marksSaid, Priority.ALWAYS);
        marksSaid.setMaxWidth(Double.MAX_VALUE);
        HBox markers = new HBox(6, find, marksSaid);
        markers.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        CellRehearsal.onFirstWindow(list, list.itemsProperty(), ListCell.class, PartitionsView::madeUpRow);
        setSpacing(6);
        setMinWidth(280);
        getChildren().addAll(title, list, markers, legend);
    }

    /** Reads the selected topic's markers and aborted records off the FX thread, then shows them. */
    private void findMarks(ClusterViewModel vm, ListView<PartitionRow> list, Label said) {
        String topic = vm.selectedTopic().get();
        if (topic == null) {
            return;
        }
        said.setText("Reading " + topic + " twice, read_uncommitted and read_committed...");
        vm.logMarks(topic).whenComplete((found, failure) -> javafx.application.Platform.runLater(() -> {
            if (!topic.equals(vm.selectedTopic().get())) {
                return;
            }
            marks.clear();
            if (failure != null) {
                org.slf4j.LoggerFactory.getLogger(PartitionsView.class).warn("Reading {} for its markers failed", topic,
                        failure);
                said.setText("Could not read " + topic + ": " + dev.kafkalab.common.Failures.message(failure)
                        + " (details in the log).");
            } else {
                marks.putAll(found);
                long markers = found.values().stream().mapToLong(m -> m.markers().size()).sum();
                long aborted = found.values().stream().mapToLong(m -> m.aborted().stream()
                        .mapToLong(r -> r[1] - r[0] + 1).sum()).sum();
                said.setText("As read at " + java.time.LocalTime.now().withNano(0) + ", up to the last stable offset: "
                        + markers + " marker(s) (dark strokes), " + aborted + " aborted record(s) (red).");
            }
            list.refresh();
        }));
    }

    /** A made-up row for {@link CellRehearsal}: negative numbers, so it never carries a real row's ids. */
    private static PartitionRow madeUpRow(int n) {
        PartitionView p = new PartitionView("", -1 - n, n % 3 + 1, java.util.List.of(1, 2, 3), java.util.List.of(1, 2, 3),
                java.util.List.of(), 0, 0, java.util.Map.of(1, 0L, 2, 0L, 3, 0L));
        return new PartitionRow(p, java.util.Map.of(), false);
    }

    /** A replica chip: in the ISR, an eligible leader replica (KIP-966), out of the ISR, or offline. */
    public static final PseudoStates CHIP = new PseudoStates("in-sync", "elr", "out", "offline");
    /** The leader badge, in the colour of the leading broker, or "none" when the partition is offline. */
    static final PseudoStates LEADER = new PseudoStates("broker-1", "broker-2", "broker-3", "broker-other", "none");

    static String chipState(PartitionView p, int replica) {
        return p.isr().contains(replica) ? "in-sync" : p.elr().contains(replica) ? "elr"
                : p.offline() ? "offline" : "out";
    }

    private static javafx.scene.control.Tooltip chipsHelp;

    /** FX thread only, as every cell is made there. */
    private static javafx.scene.control.Tooltip chipsHelp() {
        if (chipsHelp == null) {
            chipsHelp = new javafx.scene.control.Tooltip(
                    "green: in sync · orange: eligible leader replica (KIP-966) · dashed red: out of the ISR");
        }
        return chipsHelp;
    }

    /**
     * A partition's row: its head (number, leader, replica chips) with the offsets bar and numbers
     * beside it, or under it when the list is too narrow for both (a lab open beside the screen):
     * the bar keeps a readable length instead of shrinking to a sliver.
     */
    static final class RowBox extends Region {
        /** The least length of the bar beside the head; narrower, it goes under. */
        static final double BAR_BESIDE = 220;
        private static final double GAP = 8;
        private final Region head;
        private final Region tail;

        RowBox(Region head, Region tail) {
            this.head = head;
            this.tail = tail;
            getChildren().addAll(head, tail);
        }

        /** Under the head: only for a real width too narrow for both (not one still unknown, 0 or less). */
        boolean stacked(double width) {
            return width > 0 && width - snappedLeftInset() - snappedRightInset() < head.prefWidth(-1) + GAP + BAR_BESIDE;
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefWidth(double height) {
            // It asks for no width: the row fits the list instead of scrolling it.
            return snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + snappedRightInset() + head.minWidth(-1);
        }

        @Override
        protected double computePrefHeight(double width) {
            double inner = width <= 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
            double beside = inner < 0 ? -1 : inner - head.prefWidth(-1) - GAP;
            double h = stacked(width) ? head.prefHeight(-1) + 2 + tail.prefHeight(inner)
                    : Math.max(head.prefHeight(-1), tail.prefHeight(beside <= 0 ? -1 : beside));
            return snappedTopInset() + snappedBottomInset() + h;
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double y = snappedTopInset();
            double w = getWidth() - x - snappedRightInset();
            double h = getHeight() - y - snappedBottomInset();
            double headW = head.prefWidth(-1);
            double headH = head.prefHeight(-1);
            if (stacked(getWidth())) {
                head.resizeRelocate(x, y, Math.min(w, headW), headH);
                tail.resizeRelocate(x, y + headH + 2, w, Math.max(0, h - headH - 2));
            } else {
                head.resizeRelocate(x, y + Math.max(0, (h - headH) / 2), headW, headH);
                tail.resizeRelocate(x + headW + GAP, y, Math.max(0, w - headW - GAP), h);
            }
        }
    }

    private static final class RowCell extends ListCell<PartitionRow> {
        private final java.util.function.IntFunction<dev.kafkalab.topics.LogMarks> marks;
        private final Label number = new Label();
        private final Label leader = new Label();
        private final HBox chips = new HBox(4);
        private final OffsetsBar bar = new OffsetsBar();
        private final Label numbers = new Label();
        private final VBox barAndNumbers = new VBox(2, bar, numbers);
        private final HBox head = new HBox(number, leader, chips);
        private final RowBox box = new RowBox(head, barAndNumbers);
        /** Behind the row: lights up when the leader moves and fades out, so a room notices. */
        private final Region flash = new Region();
        private final StackPane stack = new StackPane(flash, box);
        private final FadeTransition fade = new FadeTransition(Duration.millis(1_800), flash);
        /** What each chip showed last, "topic-partition/replica=state", so a change can pulse it. */
        private final java.util.Map<Label, String> shown = new java.util.HashMap<>();

        RowCell(java.util.function.IntFunction<dev.kafkalab.topics.LogMarks> marks) {
            this.marks = marks;
            box.getStyleClass().add("partition-row");
            head.getStyleClass().add("partition-head");
            flash.getStyleClass().add("row-flash");
            flash.setOpacity(0);
            flash.setMouseTransparent(true);
            fade.setFromValue(1);
            fade.setToValue(0);
            number.getStyleClass().add("pnum");
            leader.getStyleClass().add("leader-badge");
            chips.setAlignment(Pos.CENTER_LEFT);
            // One tooltip shared by every row: a tooltip is a popup window with a scene of its
            // own, styled from scratch when it is made (a third of the time it took to show a
            // topic's rows for the first time, sampled with JFR).
            javafx.scene.control.Tooltip.install(chips, chipsHelp());
            barAndNumbers.setMinWidth(0);
            numbers.getStyleClass().add("offsets-legend");
            numbers.setMinWidth(0);
            // Whole, on a second line if the column is narrow (a large font, a lab beside it).
            numbers.setWrapText(true);
            numbers.setMinHeight(Region.USE_PREF_SIZE);
            number.setMinWidth(Region.USE_PREF_SIZE);
            leader.setMinWidth(Region.USE_PREF_SIZE);
            chips.setMinWidth(Region.USE_PREF_SIZE);
            // A cell asks for no width of its own: the row fits the list instead of scrolling it.
            setPrefWidth(0);
            stack.setMinWidth(0);
            // The row stays in the cell, hidden when the cell is empty. A graphic taken out and put
            // back leaves the scene and enters it again, and JavaFX then matches the stylesheet
            // anew for all its nodes: every row, each time the list rebuilds its cells (its
            // length changed), which JFR showed as most of the first frames of a topic.
            setGraphic(stack);
        }

        @Override
        protected void updateItem(PartitionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                stack.setVisible(false);
                // No hidden row keeps a real row's ids (#leader-0, ...) for a lookup to find.
                leader.setId(null);
                numbers.setId(null);
                chips.getChildren().forEach(chip -> chip.setId(null));
                return;
            }
            stack.setVisible(true);
            PartitionView p = row.partition();
            number.setText("P" + p.partition());
            leader.setId("leader-" + p.partition());
            numbers.setId("offsets-" + p.partition());
            leader.setText(p.offline() ? "offline" : "leader " + p.leader());
            LEADER.show(leader, p.offline() ? "none" : p.leader() <= 3 ? "broker-" + p.leader() : "broker-other");
            while (chips.getChildren().size() < p.replicas().size()) {
                Label chip = new Label();
                chip.getStyleClass().add("replica-chip");
                chips.getChildren().add(chip);
            }
            chips.getChildren().remove(p.replicas().size(), chips.getChildren().size());
            for (int i = 0; i < p.replicas().size(); i++) {
                int replica = p.replicas().get(i);
                Label chip = (Label) chips.getChildren().get(i);
                chip.setText(Integer.toString(replica));
                chip.setId("replica-" + p.partition() + "-" + replica);
                String state = chipState(p, replica);
                CHIP.show(chip, state);
                String where = p.topic() + "-" + p.partition() + "/" + replica + "=";
                String before = shown.put(chip, where + state);
                if (before != null && before.startsWith(where) && !before.equals(where + state)) {
                    pulse(chip);
                }
            }
            bar.show(row);
            dev.kafkalab.topics.LogMarks read = marks.apply(p.partition());
            bar.marks(read);
            String ends = p.logEndOffsets().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
            String groups = row.committedByGroup().entrySet().stream().map(e -> e.getKey() + " @" + e.getValue())
                    .collect(Collectors.joining(", "));
            String down = p.lastSeenEnds().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (down):" + e.getValue()).collect(Collectors.joining(" "));
            numbers.setText("start " + p.logStartOffset() + " · HW " + p.highWatermark()
                    + (p.transactionOpen() ? " · LSO " + p.lastStableOffset() + " (a transaction is open)" : "")
                    + (ends.isEmpty() && down.isEmpty() ? "" : " · LEO " + (ends + " " + down).trim())
                    + (groups.isEmpty() ? "" : " · " + groups)
                    + (read == null || read.describe().isEmpty() ? "" : " · " + read.describe()));
            if (row.leaderMoved()) {
                fade.playFromStart();
            }
        }

        /** A chip that changed state grows and settles back: ISR shrinking and growing are seen. */
        private static void pulse(Label chip) {
            ScaleTransition grow = new ScaleTransition(Duration.millis(220), chip);
            grow.setFromX(1);
            grow.setFromY(1);
            grow.setToX(1.45);
            grow.setToY(1.45);
            grow.setAutoReverse(true);
            grow.setCycleCount(4);
            grow.play();
        }
    }
}
