package dev.kafkalab.app;

import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.RecentConnections;
import dev.kafkalab.cluster.BrokerCommands;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.KafkaCluster;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.RemoteCluster;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.BackgroundNiceness;
import dev.kafkalab.common.Keyring;
import dev.kafkalab.common.Threads;
import dev.kafkalab.ui.shell.ConnectionMenu;
import dev.kafkalab.ui.shell.ShellView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app: opens the window at once and starts the local cluster in the background, or
 * connects to a remote one ({@code --connect FILE}, or the Connection menu). Switching stops
 * what the window had (the local cluster included) off the UI thread and opens the window again
 * on the new connection. Closing the window or Ctrl+Q stops everything off the UI thread
 * ({@link AppContext#close()}), then exits; SIGTERM runs the cluster's shutdown hook; a crash or
 * kill -9 is handled by the nodes themselves (they watch their stdin).
 */
public final class KafkaLabApp extends Application {

    private final ExecutorService io = Threads.single("kafka-lab-connections");
    private final java.util.concurrent.atomic.AtomicBoolean switching = new java.util.concurrent.atomic.AtomicBoolean();
    /** The app's own cluster: as usual, or open to a class ({@code --listen}). */
    private ClusterSpec localSpec = ClusterSpec.builder().build();
    private final RecentConnections recent = new RecentConnections(AppDirs.data().resolve("connections.properties"),
            Keyring.system());

    static void launchApp(String[] args) {
        Application.launch(KafkaLabApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        // The window draws first; the JIT and the Kafka clients' threads take what is left.
        BackgroundNiceness.start();
        // --connect FILE (checked by Main): a remote cluster from a client properties file.
        java.util.List<String> classOptions = Main.classOptions(getParameters().getRaw());
        if (!classOptions.isEmpty()) {
            localSpec = dev.kafkalab.cli.ClusterCommand.spec(classOptions);
        }
        String connect = getParameters().getNamed().get("connect");
        String commands = getParameters().getNamed().get("broker-commands");
        ConnectionMenu.Target target = connect == null ? ConnectionMenu.Target.LOCAL
                : new ConnectionMenu.Target(Connection.fromFile(Path.of(connect)), commands == null ? null : Path.of(commands));
        open(stage, target, getParameters().getNamed().get("screen"));
    }

    private void open(Stage stage, ConnectionMenu.Target target, String screen) {
        AppContext context = AppContext.forApp(cluster(target), Platform::runLater, () -> Platform.runLater(() -> {
            io.shutdownNow();
            Platform.exit();
        }));
        Executor fx = Platform::runLater;
        ConnectionMenu menu = new ConnectionMenu(target, recent, io, fx, next -> switchTo(stage, context, next));
        new ShellView(context.shell()).withConnectionMenu(menu.node()).show(stage);
        // --screen NAME (checked by Main): the app opens where the instructor teaches.
        if (screen != null) {
            context.shell().screen().set(Screens.named(screen).orElseThrow());
        }
        stage.setOnCloseRequest(e -> {
            e.consume();
            context.shell().quit();
        });
        context.shell().start();
    }

    private KafkaCluster cluster(ConnectionMenu.Target target) {
        if (target.local()) {
            return new LocalCluster(localSpec);
        }
        BrokerCommands commands = BrokerCommands.none();
        if (target.brokerCommands() != null) {
            try {
                commands = BrokerCommands.read(target.brokerCommands());
            } catch (IOException | IllegalArgumentException e) {
                org.slf4j.LoggerFactory.getLogger(KafkaLabApp.class).warn("The broker commands in {} could not be read;"
                        + " connecting without", target.brokerCommands(), e);
            }
        }
        return new RemoteCluster(target.connection(), commands);
    }

    /** Leaves the current cluster (stopping it when it is the local one), then opens the window on {@code next}. */
    private void switchTo(Stage stage, AppContext old, ConnectionMenu.Target next) {
        // One switch at a time: a second pick while the first leaves its cluster would open two windows' worth.
        if (!switching.compareAndSet(false, true)) {
            return;
        }
        String screen = old.shell().screen().get() == null ? null : Screens.name(old.shell().screen().get());
        old.shell().lastAction().say("Switching to " + next.label() + ": leaving the current cluster first...");
        Threads.start("kafka-lab-switch", () -> {
            old.close();
            Platform.runLater(() -> {
                switching.set(false);
                open(stage, next, screen);
            });
        });
    }
}
