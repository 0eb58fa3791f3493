package dev.kafkalab.ui.shell;

import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.AppLog;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.apache.kafka.common.utils.internals.AppInfoParser;

/** F1: which Kafka and Java the app runs, where it keeps its data and its log, and its keys. */
final class AboutBox {

    private AboutBox() {
    }

    static void show(Window owner) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        dev.kafkalab.ui.common.Theme.follow(about, owner);
        about.setTitle("About Kafka Lab");
        about.setHeaderText("Kafka Lab: a real Kafka " + AppInfoParser.getVersion() + " cluster to learn on");
        TextArea text = new TextArea(text());
        text.setId("aboutText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(12);
        about.getDialogPane().setContent(text);
        about.show();
    }

    static String text() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "Data (topics, progress): " + AppDirs.data() + "\n"
                + "Log: " + AppLog.file() + "\n\n"
                + "Keys: Ctrl+1..8 screens (Ctrl+8 the map) · Alt+0..3 a node card · Alt+Left/Right lab steps · Ctrl+L show/hide the lab · Ctrl+plus/minus/0"
                + " font size · Ctrl+Shift+D light/dark · F11 full screen · Ctrl+Q quit";
    }
}
