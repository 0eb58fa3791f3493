package dev.kafkalab.ui.cluster;

import dev.kafkalab.common.Threads;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's configuration as Kafka reads it: the {@code server.properties} the app wrote before
 * the node started, and the {@code meta.properties} that formatting wrote into each of its log
 * directories, where every node of the cluster carries the same cluster id. The files are read
 * off the FX thread.
 */
public final class ConfigWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWindow.class);

    private ConfigWindow() {
    }

    public static void open(Window owner, String title, Path configFile) {
        TextArea text = new TextArea("Reading " + configFile + "...");
        text.setId("configText");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        Label about = new Label("What " + title.toLowerCase(java.util.Locale.ROOT) + " started with: the server.properties"
                + " the app wrote for it, then the meta.properties that formatting its storage wrote into its log"
                + " directory. Every node has the same cluster.id and its own node.id.");
        about.setWrapText(true);
        about.getStyleClass().add("message");
        BorderPane root = new BorderPane(text, about, null, null, null);
        BorderPane.setMargin(about, new Insets(6));
        Stage stage = LogWindow.stage(owner, title + " configuration", root, 900, 600);
        stage.show();
        Threads.start("kafka-lab-config-" + title.replace(' ', '-'), () -> {
            String shown;
            try {
                shown = read(configFile);
            } catch (RuntimeException e) {
                LOG.warn("Could not show {}", configFile, e);
                shown = "Could not read " + configFile + ": " + e.getMessage() + ". The app log has the details.";
            }
            String result = shown;
            Platform.runLater(() -> text.setText(result));
        });
    }

    /** The two files as one text, each under a comment naming it; a file that cannot be read says why. */
    static String read(Path configFile) {
        if (configFile == null) {
            return "This node has no configuration file.";
        }
        StringBuilder out = new StringBuilder();
        String server;
        try {
            server = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not read {}", configFile, e);
            return "Could not read " + configFile + ": " + e.getMessage()
                    + ". The app writes it when the node starts: start the cluster, then open this again.";
        }
        out.append("# ").append(configFile).append('\n').append(server.strip()).append("\n\n");
        Properties props = new Properties();
        try {
            props.load(new StringReader(server));
        } catch (IOException e) {
            return out.toString();
        }
        for (String dir : props.getProperty("log.dirs", props.getProperty("log.dir", "")).split(",")) {
            if (dir.isBlank()) {
                continue;
            }
            Path meta = Path.of(dir.strip()).resolve("meta.properties");
            out.append("# ").append(meta).append(" (written when the storage was formatted)\n");
            try {
                out.append(Files.readString(meta, StandardCharsets.UTF_8).strip()).append("\n\n");
            } catch (IOException e) {
                out.append("# not there yet: the node formats its storage on its first start\n\n");
            }
        }
        return out.toString().strip() + "\n";
    }
}
