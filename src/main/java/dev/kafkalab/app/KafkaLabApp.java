package dev.kafkalab.app;

import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.common.BackgroundNiceness;
import dev.kafkalab.ui.shell.ShellView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app: opens the window at once and starts the local cluster in the background.
 * Closing the window or Ctrl+Q stops everything off the UI thread ({@link AppContext#close()}),
 * then exits; SIGTERM runs the cluster's shutdown hook; a crash or kill -9 is handled by the
 * nodes themselves (they watch their stdin).
 */
public final class KafkaLabApp extends Application {

    static void launchApp(String[] args) {
        Application.launch(KafkaLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // The window draws first; the JIT and the Kafka clients' threads take what is left.
        BackgroundNiceness.start();
        AppContext context = AppContext.forApp(new LocalCluster(ClusterSpec.builder().build()), Platform::runLater,
                () -> Platform.runLater(Platform::exit));
        new ShellView(context.shell()).show(stage);
        // --screen NAME (checked by Main): the app opens where the instructor teaches.
        String screen = getParameters().getNamed().get("screen");
        if (screen != null) {
            context.shell().screen().set(Screens.named(screen).orElseThrow());
        }
        stage.setOnCloseRequest(e -> {
            e.consume();
            context.shell().quit();
        });
        context.shell().start();
    }
}
