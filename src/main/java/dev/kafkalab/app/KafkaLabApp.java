package dev.kafkalab.app;

import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.ui.shell.ShellView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app: opens the window at once and starts the local cluster in the background.
 * Closing the window stops the cluster; so do Ctrl+Q, SIGTERM (shutdown hook) and a crash (the
 * node JVMs watch their stdin).
 */
public final class KafkaLabApp extends Application {

    private LocalCluster cluster;
    private ShellView shell;

    static void launchApp(String[] args) {
        Application.launch(KafkaLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        cluster = new LocalCluster(ClusterSpec.builder().build());
        shell = new ShellView(cluster, Platform::runLater);
        shell.show(stage);
        shell.startCluster();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }
}
