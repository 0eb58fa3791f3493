package dev.kafkalab.ui.cluster;

import dev.kafkalab.monitor.PartitionView;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The selected topic, one row per partition: leader, replica chips, and the offsets bar. */
public final class PartitionsView extends VBox {

    public PartitionsView(ClusterViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.selectedTopic().get() == null
                ? "Partitions: select or create a topic" : "Partitions of " + vm.selectedTopic().get(), vm.selectedTopic()));
        Label legend = new Label("green: readable, log start to high watermark · ticks: each replica's log end offset"
                + " in its broker's colour · ▲ a group's committed offset");
        legend.getStyleClass().add("offsets-legend");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<PartitionRow> list = new ListView<>(vm.partitions());
        list.setId("partitionList");
        list.setPlaceholder(new Label("No topic selected."));
        list.setCellFactory(v -> new RowCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        setSpacing(6);
        setMinWidth(300);
        getChildren().addAll(title, list, legend);
    }

    /** Replaces the style class starting with {@code prefix}, touching CSS only on a real change. */
    static void swapClass(javafx.scene.Node node, String prefix, String wanted) {
        var classes = node.getStyleClass();
        if (classes.contains(wanted) && classes.stream().filter(c -> c.startsWith(prefix)).count() == 1) {
            return;
        }
        classes.removeIf(c -> c.startsWith(prefix) && !c.equals("replica-chip") && !c.equals("leader-badge"));
        classes.add(wanted);
    }

    private static final class RowCell extends ListCell<PartitionRow> {
        private final Label number = new Label();
        private final Label leader = new Label();
        private final HBox chips = new HBox(4);
        private final OffsetsBar bar = new OffsetsBar();
        private final Label numbers = new Label();
        private final VBox barAndNumbers = new VBox(2, bar, numbers);
        private final HBox box = new HBox(number, leader, chips, barAndNumbers);
        private final PauseTransition flashOff = new PauseTransition(Duration.millis(1_500));

        RowCell() {
            box.getStyleClass().add("partition-row");
            number.getStyleClass().add("pnum");
            leader.getStyleClass().add("leader-badge");
            chips.setAlignment(Pos.CENTER_LEFT);
            // One tooltip for the row instead of one per chip: each tooltip is a popup window.
            javafx.scene.control.Tooltip.install(chips, new javafx.scene.control.Tooltip(
                    "green: in sync · orange: eligible leader replica (KIP-966) · dashed red: out of the ISR"));
            HBox.setHgrow(barAndNumbers, Priority.ALWAYS);
            barAndNumbers.setMinWidth(0);
            numbers.getStyleClass().add("offsets-legend");
            numbers.setMinWidth(0);
            number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            leader.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            chips.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // A cell asks for no width of its own: the row fits the list instead of scrolling it.
            setPrefWidth(0);
            flashOff.setOnFinished(e -> box.getStyleClass().remove("flash"));
        }

        @Override
        protected void updateItem(PartitionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            PartitionView p = row.partition();
            setId("partition-" + p.partition());
            number.setText("P" + p.partition());
            leader.setId("leader-" + p.partition());
            leader.setText(p.offline() ? "offline" : "leader " + p.leader());
            swapClass(leader, "leader-", p.offline() ? "leader-none"
                    : p.leader() <= 3 ? "leader-" + p.leader() : "leader-other");
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
                swapClass(chip, "replica-", p.isr().contains(replica) ? "replica-in-sync"
                        : p.elr().contains(replica) ? "replica-elr" : p.offline() ? "replica-offline" : "replica-out");
            }
            bar.show(row);
            String ends = p.logEndOffsets().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
            String groups = row.committedByGroup().entrySet().stream().map(e -> e.getKey() + " @" + e.getValue())
                    .collect(Collectors.joining(", "));
            numbers.setText("start " + p.logStartOffset() + " · HW " + p.highWatermark()
                    + (ends.isEmpty() ? "" : " · LEO " + ends) + (groups.isEmpty() ? "" : " · " + groups));
            if (row.leaderMoved()) {
                if (!box.getStyleClass().contains("flash")) {
                    box.getStyleClass().add("flash");
                }
                flashOff.playFromStart();
            }
            setGraphic(box);
        }
    }
}
