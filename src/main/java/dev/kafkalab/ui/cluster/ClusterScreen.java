package dev.kafkalab.ui.cluster;

import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The cluster screen: node cards on top; topics, partitions and the timeline below. */
public final class ClusterScreen extends BorderPane {

    /** Narrower than this, a card's second line and buttons no longer read well: cards go two to a row. */
    private static final double CARD_MIN_WIDTH = 250;

    /** Narrower than this, the timeline goes under the partitions. */
    private static final double STACK_BELOW = 900;

    private final javafx.scene.layout.GridPane cards = new javafx.scene.layout.GridPane();
    private final SplitPane split = new SplitPane();
    private final SplitPane column = new SplitPane();
    private final PartitionsView partitions;
    private final TimelineView timeline;
    private int columns;

    public ClusterScreen(ClusterViewModel vm) {
        setId("clusterScreen");
        column.setOrientation(javafx.geometry.Orientation.VERTICAL);
        for (int id : vm.nodeIds()) {
            cards.getChildren().add(new NodeCardView(vm, id));
        }
        cards.setId("nodeCards");
        cards.setPadding(new Insets(0, 0, 10, 0));
        cards.setHgap(10);
        cards.setVgap(10);
        // When a lab's steps take part of the window the four cards go two to a row, whole,
        // instead of running off the right edge (broker 3's card was cut off beside a lab).
        cards.widthProperty().addListener((o, was, now) -> arrange(now.doubleValue()));
        arrange(Double.MAX_VALUE);
        setTop(cards);
        // At projector font sizes the topics column is taller than the window: it scrolls.
        javafx.scene.control.ScrollPane topics = new javafx.scene.control.ScrollPane(new TopicsView(vm));
        topics.setFitToWidth(true);
        topics.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        topics.setMinWidth(200);
        partitions = new PartitionsView(vm);
        timeline = new TimelineView(vm);
        split.getItems().setAll(topics, partitions, timeline);
        split.setDividerPositions(0.24, 0.74);
        // Beside a lab the timeline's column was too narrow to read ("Tim..."): it goes under the
        // partitions, full width, and comes back beside them when there is room.
        split.widthProperty().addListener((o, was, now) -> stack(now.doubleValue() < STACK_BELOW));
        setCenter(split);
        setPadding(new Insets(10));
    }

    private void stack(boolean below) {
        if (below == (split.getItems().size() == 2)) {
            return;
        }
        if (below) {
            split.getItems().removeAll(partitions, timeline);
            column.getItems().setAll(partitions, timeline);
            split.getItems().add(column);
            split.setDividerPositions(0.3);
            column.setDividerPositions(0.62);
        } else {
            column.getItems().clear();
            split.getItems().setAll(split.getItems().get(0), partitions, timeline);
            split.setDividerPositions(0.24, 0.74);
        }
    }

    private void arrange(double width) {
        int n = cards.getChildren().size();
        int fit = width >= n * CARD_MIN_WIDTH + (n - 1) * cards.getHgap() ? n : Math.max(1, (n + 1) / 2);
        if (fit == columns) {
            return;
        }
        columns = fit;
        cards.getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setFillWidth(true);
            cards.getColumnConstraints().add(column);
        }
        for (int i = 0; i < n; i++) {
            javafx.scene.Node card = cards.getChildren().get(i);
            javafx.scene.layout.GridPane.setConstraints(card, i % columns, i / columns);
            javafx.scene.layout.GridPane.setFillWidth(card, true);
        }
    }

    /** Puts keyboard focus on a node's card, so its action keys work. */
    public void focusCard(int index) {
        if (index >= 0 && index < cards.getChildren().size()) {
            cards.getChildren().get(index).requestFocus();
        }
    }
}
