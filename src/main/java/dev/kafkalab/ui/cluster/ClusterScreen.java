package dev.kafkalab.ui.cluster;

import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The cluster screen: node cards on top; topics, partitions and the timeline below. */
public final class ClusterScreen extends BorderPane {

    private final javafx.scene.layout.HBox cards = new javafx.scene.layout.HBox(10);

    public ClusterScreen(ClusterViewModel vm) {
        setId("clusterScreen");
        for (int id : vm.nodeIds()) {
            cards.getChildren().add(new NodeCardView(vm, id));
        }
        cards.setPadding(new Insets(0, 0, 10, 0));
        // When a lab's steps take part of the window the cards scroll sideways instead of being cut off.
        javafx.scene.control.ScrollPane cardScroll = new javafx.scene.control.ScrollPane(cards);
        cardScroll.setFitToHeight(true);
        cardScroll.setFitToWidth(true);
        cardScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        cardScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        cardScroll.getStyleClass().add("edge-to-edge");
        setTop(cardScroll);
        // At projector font sizes the topics column is taller than the window: it scrolls.
        javafx.scene.control.ScrollPane topics = new javafx.scene.control.ScrollPane(new TopicsView(vm));
        topics.setFitToWidth(true);
        topics.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        topics.setMinWidth(200);
        PartitionsView partitions = new PartitionsView(vm);
        TimelineView timeline = new TimelineView(vm);
        SplitPane split = new SplitPane(topics, partitions, timeline);
        split.setDividerPositions(0.24, 0.74);
        setCenter(split);
        setPadding(new Insets(10));
    }

    /** Puts keyboard focus on a node's card, so its action keys work. */
    public void focusCard(int index) {
        if (index >= 0 && index < cards.getChildren().size()) {
            cards.getChildren().get(index).requestFocus();
        }
    }
}
