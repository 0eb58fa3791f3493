package dev.kafkalab.app;

import dev.kafkalab.common.BackgroundNiceness;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.ui.shell.ShellView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app: opens the window at once and starts the local cluster in the background.
 * Closing the window or Ctrl+Q stops the cluster off the UI thread, then exits; SIGTERM runs the
 * cluster's shutdown hook; a crash or kill -9 is handled by the nodes themselves (they watch
 * their stdin).
 */
public final class KafkaLabApp extends Application {

    private LocalCluster cluster;
    private ShellView shell;
    private boolean quitting;

    static void launchApp(String[] args) {
        Application.launch(KafkaLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // The window draws first; the JIT and the Kafka clients' threads take what is left.
        BackgroundNiceness.start();
        cluster = new LocalCluster(ClusterSpec.builder().build());
        shell = new ShellView(cluster, Platform::runLater, this::quit);
        shell.show(stage);
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        shell.startCluster();
    }

    /** Stops the cluster on a background thread (graceful, a few seconds), then exits. */
    private void quit() {
        if (quitting) {
            return;
        }
        quitting = true;
        shell.showStopping();
        Thread closer = new Thread(() -> {
            try {
                shell.close();
                cluster.close();
            } finally {
                Platform.runLater(Platform::exit);
            }
        }, "kafka-lab-quit");
        closer.start();
    }
}
