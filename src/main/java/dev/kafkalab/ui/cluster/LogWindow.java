package dev.kafkalab.ui.cluster;

import dev.kafkalab.common.Threads;
import dev.kafkalab.cluster.LogTail;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A node's log, following new lines like {@code tail -f}. The file is read on a background
 * thread; the FX thread only appends batches. Closing the window stops the reading.
 */
public final class LogWindow {

    private static final int MAX_LINES = 5_000;

    private LogWindow() {
    }

    public static void open(Window owner, String title, Path file) {
        ObservableList<String> lines = FXCollections.observableArrayList();
        ListView<String> list = new ListView<>(lines);
        list.setId("logLines");
        list.setStyle("-fx-font-family: monospace;");
        list.setPlaceholder(new Label("Nothing logged yet in " + file));
        CheckBox follow = new CheckBox("Follow new lines");
        follow.setId("logFollow");
        follow.setSelected(true);
        Label path = new Label(file.toString());
        path.getStyleClass().add("message");
        HBox top = new HBox(12, follow, path);
        top.setPadding(new Insets(6));
        BorderPane root = new BorderPane(list, top, null, null, null);
        Stage stage = stage(owner, title + " log", root, 1000, 560);

        LogTail tail = new LogTail(file, 256 * 1024);
        ScheduledExecutorService reader = Threads.scheduler("kafka-lab-log-" + title.replace(' ', '-'));
        reader.scheduleWithFixedDelay(() -> {
            try {
                List<String> fresh = tail.readNew();
                if (!fresh.isEmpty()) {
                    Platform.runLater(() -> {
                        lines.addAll(fresh);
                        if (lines.size() > MAX_LINES) {
                            lines.remove(0, lines.size() - MAX_LINES);
                        }
                        if (follow.isSelected()) {
                            list.scrollTo(lines.size() - 1);
                        }
                    });
                }
            } catch (java.io.IOException e) {
                Platform.runLater(() -> path.setText(file + ": " + e.getMessage()));
            }
        }, 0, 300, TimeUnit.MILLISECONDS);
        stage.setOnHidden(e -> reader.shutdownNow());
        stage.show();
    }

    /** A window of a node's, styled like the app's (theme and font scale). */
    static Stage stage(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        stage.setScene(scene);
        return stage;
    }
}
