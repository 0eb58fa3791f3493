package dev.kafkalab.ui.shell;

import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.ui.shell.ShellViewModel.Phase;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen that shows the cluster, while the cluster starts: what it waits for, and what works meanwhile. */
final class WaitingView extends VBox {

    private final String screen;
    private final Label headline = new Label();
    private final Label progress = new Label();

    WaitingView(String screen, Runnable showStart) {
        super(10);
        this.screen = screen;
        setId("waiting" + screen);
        getStyleClass().add("startup");
        headline.getStyleClass().add("headline");
        headline.setWrapText(true);
        progress.setId("waiting" + screen + "Progress");
        progress.setWrapText(true);
        Label meanwhile = new Label("Meanwhile the labs, slides, quizzes and the code editor work: open them on the"
                + " left, or with Ctrl+4 to Ctrl+7.");
        meanwhile.setWrapText(true);
        meanwhile.getStyleClass().add("message");
        Button start = new Button("Show the cluster's start (Ctrl+1)");
        start.setId("waiting" + screen + "ShowStart");
        start.setOnAction(e -> showStart.run());
        getChildren().addAll(headline, progress, meanwhile, start);
    }

    /** Follows the start: each change of a node, and the start's end. */
    void show(List<NodeStatus> nodes, Phase phase) {
        boolean failed = phase == Phase.FAILED;
        headline.setText(failed ? "The cluster did not start, so " + screen + " has nothing to work on."
                : screen + " works on the cluster, which is starting: this screen appears when it runs.");
        progress.setText(failed ? "The Cluster screen says why, and can try again."
                : StartupView.summary(nodes, phase));
    }
}
