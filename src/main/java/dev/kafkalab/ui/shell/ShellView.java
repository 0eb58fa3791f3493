package dev.kafkalab.ui.shell;

import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.monitor.SnapshotPoller;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The first window: cluster start-up progress, node states and the event timeline. The full
 * shell (navigation, cluster screen, themes) builds on this.
 */
public final class ShellView {

    private final LocalCluster cluster;
    private final Executor ui;
    private final Label status = new Label("Starting the local Kafka cluster...");
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final Runnable quit;
    private SnapshotPoller poller;
    private boolean closed;

    public ShellView(LocalCluster cluster, Executor ui, Runnable quit) {
        this.cluster = cluster;
        this.ui = ui;
        this.quit = quit;
    }

    public void show(Stage stage) {
        status.setId("clusterStatus");
        ListView<String> nodeList = new ListView<>(nodes);
        nodeList.setId("nodeList");
        nodeList.setPrefHeight(150);
        ListView<String> eventList = new ListView<>(events);
        eventList.setId("eventList");
        eventList.setPlaceholder(new Label("Cluster events (leaders moving, ISRs shrinking, groups rebalancing)"
                + " appear here as they happen."));
        VBox top = new VBox(8, status, nodeList);
        BorderPane root = new BorderPane(eventList, top, null, null, null);
        BorderPane.setMargin(eventList, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(12));
        root.setStyle("-fx-font-size: 15px;");
        Scene scene = new Scene(root, 1000, 640);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit::run);
        stage.setTitle("Kafka Lab");
        stage.setScene(scene);
        stage.show();
        refreshNodes();
    }

    public void startCluster() {
        long t0 = System.nanoTime();
        cluster.addListener(s -> ui.execute(this::refreshNodes));
        cluster.start().whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                status.setText("The cluster did not start: " + cause.getMessage());
                return;
            }
            SnapshotPoller started = new SnapshotPoller(cluster, SnapshotPoller.DEFAULT_INTERVAL);
            synchronized (this) {
                if (closed) {
                    started.close();
                    return;
                }
                poller = started;
            }
            status.setText(String.format("Cluster ready in %.1f s: bootstrap.servers=%s", (System.nanoTime() - t0) / 1e9,
                    cluster.bootstrapServers()));
            started.addEventListener(e -> ui.execute(() -> addEvent(e)));
            started.start();
        }, ui);
    }

    public void showStopping() {
        status.setText("Stopping the cluster: brokers hand over their partitions and shut down...");
    }

    /** Stops polling; safe from any thread. */
    public void close() {
        SnapshotPoller p;
        synchronized (this) {
            closed = true;
            p = poller;
        }
        if (p != null) {
            p.close();
        }
    }

    private void addEvent(ClusterEvent e) {
        events.add(0, e.line());
        if (events.size() > 500) {
            events.remove(500, events.size());
        }
    }

    private void refreshNodes() {
        nodes.setAll(cluster.nodes().stream().map(ShellView::line).toList());
    }

    private static String line(NodeStatus s) {
        return String.format("%-12s %-10s port %d", s.label(), s.state().word(), s.port());
    }
}
