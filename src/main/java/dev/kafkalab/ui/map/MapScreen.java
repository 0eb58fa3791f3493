package dev.kafkalab.ui.map;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Map screen: a topic to show, what the marks mean, and the map itself. */
public final class MapScreen extends VBox {

    public MapScreen(MapViewModel vm) {
        setId("mapScreen");
        getStylesheets().add(MapScreen.class.getResource("/dev/kafkalab/ui/map/map.css").toExternalForm());
        ComboBox<String> topic = new ComboBox<>(vm.topics());
        topic.setId("mapTopic");
        topic.setPromptText("choose a topic");
        topic.setValue(vm.model().get().topic());
        boolean[] following = {false};
        topic.valueProperty().addListener((o, was, now) -> {
            if (now != null && !following[0]) {
                vm.topic().set(now);
            }
        });
        // The topic shown follows the cluster screen's choice until one is picked here: the picker
        // shows it without choosing it.
        vm.model().addListener((o, was, now) -> {
            if (now.topic() != null && !now.topic().equals(topic.getValue())) {
                following[0] = true;
                topic.setValue(now.topic());
                following[0] = false;
            }
        });
        Label topicLabel = new Label("Topic");
        topicLabel.setLabelFor(topic);
        topicLabel.setMinWidth(Label.USE_PREF_SIZE);
        topic.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label legend = new Label("★ leader · fill: log end offset · bar: high watermark · dashed: out of sync (red),"
                + " eligible leader (amber), offline (grey) · amber band: an open transaction, from the last stable"
                + " offset · hover a tile for its numbers");
        legend.getStyleClass().add("map-legend");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(topicLabel, topic);
        bar.getStyleClass().add("map-toolbar");
        MapView map = new MapView(vm);
        VBox.setVgrow(map, Priority.ALWAYS);
        // The legend on a line of its own, wrapped whole: beside a long topic's name at 150% it was cut.
        getChildren().addAll(bar, legend, map);
    }
}
