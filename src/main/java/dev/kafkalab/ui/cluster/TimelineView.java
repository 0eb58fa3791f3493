package dev.kafkalab.ui.cluster;

import dev.kafkalab.monitor.ClusterEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What changed, newest first: filter by words, clear when the lesson moves on. */
public final class TimelineView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneId.systemDefault());

    public TimelineView(ClusterViewModel vm) {
        setSpacing(6);
        setMinWidth(200);
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
        Label placeholder = new Label("Changes appear here as they happen: leaders moving, ISRs shrinking,"
                + " brokers fenced, groups rebalancing.");
        placeholder.setWrapText(true);
        placeholder.setPadding(new javafx.geometry.Insets(8));
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ClusterEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : TIME.format(e.at()) + "  " + e.text());
                setPrefWidth(0);
            }
        });
        // One line per event at a fixed height: a broker kill on hundreds of partitions adds a
        // thousand events at once, and variable heights would make the list measure them all.
        list.fixedCellSizeProperty().bind(filter.heightProperty().multiply(0.85));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, new HBox(6, filter, clear), internal, list);
    }
}
