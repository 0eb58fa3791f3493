package dev.kafkalab.ui.cluster;

import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.ui.common.FirstWindow;
import dev.kafkalab.ui.common.PseudoStates;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** What changed, newest first: filter by words, clear when the lesson moves on. */
public final class TimelineView extends VBox {

    /** The tone of an event's dot: bad news red, a move amber, a recovery green, the rest grey. */
    static final PseudoStates TONE = new PseudoStates("bad", "move", "good", "info");

    static String tone(ClusterEvent.Kind kind) {
        return switch (kind) {
            case BROKER_FENCED, PARTITION_OFFLINE, ISR_SHRANK -> "bad";
            case LEADER_MOVED, GROUP_REBALANCED, MEMBER_LEFT -> "move";
            case BROKER_UNFENCED, ISR_EXPANDED, TOPIC_CREATED, MEMBER_JOINED -> "good";
            case NODE_STATE, TOPIC_DELETED, GROUP_STATE, NOTE -> "info";
        };
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneId.systemDefault());

    public TimelineView(ClusterViewModel vm) {
        setSpacing(6);
        setMinWidth(160);
        Label title = new Label("Timeline");
        title.getStyleClass().add("section-title");
        TextField filter = new TextField();
        filter.setId("eventFilter");
        filter.setPromptText("filter: leader, isr...");
        filter.setMinWidth(80);
        filter.setPrefColumnCount(8);
        filter.textProperty().bindBidirectional(vm.eventFilter());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button clear = new Button("Clear");
        clear.setId("clearEvents");
        clear.setOnAction(e -> vm.clearEvents());
        javafx.scene.control.CheckBox internal = new javafx.scene.control.CheckBox("internal topics");
        internal.setId("showInternalEvents");
        internal.selectedProperty().bindBidirectional(vm.showInternalEvents());
        ListView<ClusterEvent> list = new ListView<>(vm.events());
        list.setId("eventList");
        list.setCellFactory(v -> new EventCell());
        // Each event whole, wrapped in the column's width: cut to one line it read "group
        // map-readers re...", which hides what happened. The list measures only the rows it shows.
        VBox.setVgrow(list, Priority.ALWAYS);
        prepareCells(list);
        getChildren().addAll(title, new HBox(6, filter, clear), internal, list);
    }

    /**
     * Makes the list's cells before the first event. A broker kill adds hundreds of events at once,
     * and a list that has never shown a row then creates, skins and styles a cell for every visible
     * line in that one frame: about 0.3 s on a busy 2-core machine, just when the class is
     * watching. Instead, the first time the list is laid out it shows blank rows, invisibly, for one
     * pulse; then it gets its real items back and keeps the cells in its pile for later.
     */
    private static void prepareCells(ListView<ClusterEvent> list) {
        // An off-screen scene (the rehearsal's) keeps its real items, or it would show blank rows for good.
        FirstWindow.whenShown(list, scene -> showBlankRowsForOnePulse(list, scene));
    }

    private static void showBlankRowsForOnePulse(ListView<ClusterEvent> list, javafx.scene.Scene scene) {
        ObservableList<ClusterEvent> real = list.getItems();
        ClusterEvent blank = new ClusterEvent(java.time.Instant.EPOCH, ClusterEvent.Kind.NOTE, "", "");
        list.setOpacity(0);
        list.setItems(FXCollections.observableArrayList(java.util.Collections.nCopies(64, blank)));
        FirstWindow.afterNextLayout(scene, () -> {
            list.setItems(real);
            list.setOpacity(1);
        });
    }

    /**
     * An event wrapped to the list's width, its tone a stripe down its left edge. The text is a
     * Text node, measured and drawn at one wrapping width: as a cell's own wrapped text, JavaFX
     * measured a row one line short of what it then drew, and cut it ("topic ...").
     */
    private static final class EventCell extends ListCell<ClusterEvent> {
        private final Text line = new Text();

        EventCell() {
            getStyleClass().add("event-cell");
            line.getStyleClass().add("event-text");
            line.fontProperty().bind(fontProperty());
            line.fillProperty().bind(textFillProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // As wide as the list, never wider: the text wraps to it.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ClusterEvent e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                TONE.show(this, null);
                return;
            }
            line.setText(TIME.format(e.at()) + "  " + e.text());
            TONE.show(this, tone(e.kind()));
            setGraphic(line);
        }

        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || width <= 0) {
                return super.computePrefHeight(width);
            }
            wrapTo(width);
            return snappedTopInset() + line.getLayoutBounds().getHeight() + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            wrapTo(getWidth());
            super.layoutChildren();
        }

        private void wrapTo(double width) {
            line.setWrappingWidth(Math.max(1, width - snappedLeftInset() - snappedRightInset()));
        }
    }
}
