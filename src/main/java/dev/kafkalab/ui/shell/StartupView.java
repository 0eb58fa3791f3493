package dev.kafkalab.ui.shell;

import dev.kafkalab.cluster.NodeStatus;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Start-up progress: each node's state, the time so far, and on failure what went wrong and a retry. */
final class StartupView extends VBox {

    private final Label headline = new Label();
    private final String starting;
    private final Label elapsed = new Label();
    private final VBox nodes = new VBox(4);
    private final TextArea failure = new TextArea();
    private final Button retry = new Button("Try again");
    private final Timeline clock;
    private long startedAt;

    /** {@code clusterName}: "local" for the app's own cluster, else the remote connection's name. */
    StartupView(Runnable onRetry, String clusterName) {
        this.starting = clusterName.equals("local") ? "Starting the local Kafka cluster"
                : "Connecting to " + clusterName;
        headline.setText(starting);
        setId("startupView");
        getStyleClass().add("startup");
        headline.getStyleClass().add("headline");
        elapsed.setId("startupElapsed");
        failure.setId("startupFailure");
        failure.setEditable(false);
        failure.setWrapText(true);
        failure.getStyleClass().add("log-tail");
        failure.setPrefRowCount(14);
        failure.setVisible(false);
        failure.setManaged(false);
        retry.setId("retryStart");
        retry.setVisible(false);
        retry.setManaged(false);
        retry.setOnAction(e -> onRetry.run());
        Label about = new Label(!clusterName.equals("local") ? "A cluster this app does not run: it is tested"
                + " (at most 10 s), then watched over the Kafka protocol."
                : "One KRaft controller and three brokers, each its own Java process on this machine."
                        + " The first start builds a class-data sharing archive; later starts are faster.");
        about.setWrapText(true);
        about.getStyleClass().add("message");
        getChildren().addAll(headline, elapsed, about, nodes, failure, retry);
        // A clock of whole seconds, and no spinner: on the software renderer a spinner's frames and
        // a tenth-of-a-second clock took the window about 1.8 s of CPU that the nodes' start, niced
        // behind it, waited for (median start 11.6 s with them, 9.8 s without).
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    void starting() {
        startedAt = System.nanoTime();
        headline.setText(starting);
        elapsed.setText("0 s");
        failure.setVisible(false);
        failure.setManaged(false);
        retry.setVisible(false);
        retry.setManaged(false);
        clock.play();
    }

    void nodes(List<NodeStatus> statuses) {
        nodes.getChildren().setAll(statuses.stream().map(s -> {
            Label l = new Label(String.format("%-11s %s%s", s.label(), s.state().word(),
                    s.port() > 0 ? "   (port " + s.port() + ")" : ""));
            l.setId("startup-" + s.label().replace(' ', '-'));
            return l;
        }).toList());
    }

    void failed(String message) {
        clock.stop();
        headline.setText(starting.startsWith("Connecting") ? "The connection failed" : "The cluster did not start");
        failure.setText(message);
        failure.setVisible(true);
        failure.setManaged(true);
        retry.setVisible(true);
        retry.setManaged(true);
    }

    /** One line about the start for the strip and the waiting screens: "cluster starting: 2 of 4 nodes running". */
    static String summary(List<NodeStatus> nodes, ShellViewModel.Phase phase) {
        long running = nodes.stream().filter(s -> s.state() == dev.kafkalab.cluster.NodeState.RUNNING).count();
        return switch (phase) {
            case FAILED -> "cluster: did not start (see the Cluster screen)";
            case STOPPING -> "cluster: stopping";
            case READY -> "cluster: running";
            case STARTING -> nodes.isEmpty() ? "cluster: starting"
                    : "cluster: starting, " + running + " of " + nodes.size() + " nodes running";
        };
    }

    void stopClock() {
        clock.stop();
    }

    private void tick() {
        elapsed.setText(Math.round((System.nanoTime() - startedAt) / 1e9) + " s");
    }
}
