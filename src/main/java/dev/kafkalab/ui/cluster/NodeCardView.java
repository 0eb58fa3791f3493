package dev.kafkalab.ui.cluster;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.ui.common.PseudoStates;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One node: its state, port and share of leaderships, and the buttons that break or repair it.
 * Keys when the card has focus: S stop, K kill, F freeze, R resume, T start.
 */
public final class NodeCardView extends VBox {

    /** The card's state as a pseudo-class ({@code .node-card:killed}), shared with the cluster strip. */
    public static final PseudoStates STATES = new PseudoStates("running", "starting", "stopping", "stopped",
            "killed", "frozen", "crashed", "fenced", "not-started", "pending");

    private final Label state = new Label();
    private final Label detail = new Label();
    /** Actions this cluster cannot do to this node (a remote one without a command): always disabled. */
    private final java.util.List<Button> unavailable = new java.util.ArrayList<>();
    private final Button stop = button("Stop", "S", "Controlled shutdown (SIGTERM): leaders move at once");
    private final Button kill = button("Kill", "K", "SIGKILL: leaders move after the session timeout");
    private final Button freeze = button("Freeze", "F", "SIGSTOP: alive but silent, like a long GC pause");
    private final Button resume = button("Resume", "R", "SIGCONT: the frozen broker carries on");
    private final Button start = button("Start", "T", "Start again with the same id, port and data");

    public NodeCardView(ClusterViewModel vm, int id) {
        NodeCardState initial = vm.card(id).get();
        String key = initial.role() == NodeRole.CONTROLLER ? "Controller" : "Broker" + id;
        setId("card" + key);
        getStyleClass().addAll("node-card", initial.role() == NodeRole.CONTROLLER ? "controller" : "broker-" + id);
        setFocusTraversable(true);
        // Four cards share the row equally; their buttons wrap rather than push the window wider.
        // Never narrower than the name or the state: below that the row scrolls (a lab beside it).
        setPrefWidth(0);
        HBox.setHgrow(this, Priority.ALWAYS);
        setMaxWidth(Double.MAX_VALUE);

        Label name = new Label(initial.role() == NodeRole.CONTROLLER ? "Controller" : "Broker " + id);
        name.getStyleClass().add("name");
        state.setId("state" + key);
        state.getStyleClass().add("state");
        // The state beside the name, or under it when the card is narrow (four cards on a slide).
        FlowPane header = new FlowPane(8, 4, name, state);
        header.setAlignment(Pos.CENTER_LEFT);
        detail.getStyleClass().add("detail");
        detail.setWrapText(true);
        name.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        detail.setId("detail" + key);

        stop.setId("stop" + key);
        kill.setId("kill" + key);
        freeze.setId("freeze" + key);
        resume.setId("resume" + key);
        start.setId("start" + key);
        stop.setOnAction(e -> vm.stop(id));
        kill.setOnAction(e -> vm.kill(id));
        freeze.setOnAction(e -> vm.freeze(id));
        if (!vm.os().canFreeze()) {
            // Pressed, it says the same on the command line.
            freeze.setTooltip(new javafx.scene.control.Tooltip(vm.os().noFreeze()));
            resume.setTooltip(new javafx.scene.control.Tooltip(vm.os().noFreeze()));
        }
        resume.setOnAction(e -> vm.resume(id));
        start.setOnAction(e -> vm.start(id));
        Button log = button("Log", "L", "This node's log, following new lines");
        log.setId("log" + key);
        String title = initial.role() == NodeRole.CONTROLLER ? "Controller" : "Broker " + id;
        log.setOnAction(e -> LogWindow.open(getScene().getWindow(), title, vm.files(id).logFile()));
        Button config = button("Config", "C", "This node's server.properties and the identity formatted into its storage");
        config.setId("config" + key);
        config.setOnAction(e -> ConfigWindow.open(getScene().getWindow(), title, vm.files(id).configFile()));
        FlowPane buttons = new FlowPane(4, 4, stop, kill, freeze, resume, start, log, config);
        // A remote broker: no log or config file of the app's, and only the actions the user gave commands for.
        if (vm.files(id) == null || vm.files(id).logFile() == null) {
            buttons.getChildren().removeAll(log, config);
        }
        for (String verb : java.util.List.of("stop", "kill", "pause", "resume", "start")) {
            String why = vm.whyNot(verb, id);
            if (why != null) {
                Button b = verb.equals("stop") ? stop : verb.equals("kill") ? kill : verb.equals("pause") ? freeze
                        : verb.equals("resume") ? resume : start;
                // A disabled button shows no tooltip: the reason hangs on a pane around it.
                int at = buttons.getChildren().indexOf(b);
                javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
                buttons.getChildren().set(at, holder);
                holder.getChildren().add(b);
                javafx.scene.control.Tooltip.install(holder, new javafx.scene.control.Tooltip(why));
                holder.setId(b.getId() + "Holder");
                unavailable.add(b);
            }
        }
        buttons.getStyleClass().add("actions");
        getChildren().addAll(header, detail, buttons);

        setOnKeyPressed(e -> {
            if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return; // Ctrl+C copies, Ctrl+S is no Stop: the card's keys are plain letters.
            }
            Button target = e.getCode() == KeyCode.S ? stop : e.getCode() == KeyCode.K ? kill
                    : e.getCode() == KeyCode.F ? freeze : e.getCode() == KeyCode.R ? resume
                    : e.getCode() == KeyCode.T ? start : e.getCode() == KeyCode.L ? log
                    : e.getCode() == KeyCode.C ? config : null;
            if (target != null && !target.isDisabled()) {
                target.fire();
                e.consume();
            }
        });
        setOnMouseClicked(e -> requestFocus());
        vm.card(id).addListener((o, was, now) -> show(now));
        show(initial);
    }

    private void show(NodeCardState s) {
        state.setText(s.stateWord());
        STATES.show(this, stateName(s));
        String port = s.port() > 0 ? "port " + s.port() : "no port yet";
        detail.setText(s.role() == NodeRole.CONTROLLER ? port + " · KRaft metadata quorum"
                : port + " · " + s.share());
        stop.setDisable(!s.canStop());
        kill.setDisable(!s.canKill());
        freeze.setDisable(!s.canFreeze());
        resume.setDisable(!s.canResume());
        start.setDisable(!s.canStart());
        unavailable.forEach(b -> b.setDisable(true));
        if (s.role() == NodeRole.CONTROLLER) {
            freeze.setVisible(false);
            freeze.setManaged(false);
            resume.setVisible(false);
            resume.setManaged(false);
        }
    }

    /** The pseudo-class of a card state: the state word, or "pending" while an action runs. */
    public static String stateName(NodeCardState s) {
        return s.pending() != null ? "pending" : s.stateWord().replace(' ', '-');
    }

    private static Button button(String text, String key, String tip) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip + "  [" + key + "]"));
        b.setFocusTraversable(false);
        return b;
    }
}
