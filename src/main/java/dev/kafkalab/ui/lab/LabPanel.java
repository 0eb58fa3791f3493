package dev.kafkalab.ui.lab;

import dev.kafkalab.lab.Directive;
import dev.kafkalab.lab.LabSession;
import dev.kafkalab.lab.Step;
import dev.kafkalab.ui.common.Markdown;
import dev.kafkalab.ui.common.PseudoStates;
import dev.kafkalab.ui.map.MapView;
import dev.kafkalab.ui.map.MapViewModel;
import java.time.Duration;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The open lab, docked beside the screens: the steps, the current one's instructions and
 * one-click actions, its check turning green by itself, the hint, and what happened once it
 * passed. The learner may do each step by hand on the screen beside it instead.
 */
public final class LabPanel extends VBox {

    static final PseudoStates STEP = new PseudoStates("done", "current", "todo");
    static final PseudoStates CHECK = new PseudoStates("passed", "waiting");

    private final LabViewModel vm;
    private final Markdown markdown = new Markdown();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label goal = new Label();
    /** Why some steps cannot run here (a remote cluster without broker commands); hidden when all can. */
    private final Label limits = new Label();
    private final VBox aboutBox = new VBox();
    private final TitledPane about = new TitledPane("About this lab", aboutBox);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final FlowPane stepDots = new FlowPane(4, 4);
    private final Label stepTitle = new Label();
    private final VBox instructions = new VBox();
    private final FlowPane actions = new FlowPane(6, 6);
    private final Label checkIcon = new Label();
    private final Label checkText = new Label();
    private final HBox checkBox = new HBox(8, checkIcon, checkText);
    private final VBox hintBox = new VBox();
    private final TitledPane hint = new TitledPane("Hint", hintBox);
    private final VBox why = new VBox(6);
    private final TitledPane map = new TitledPane("Map", new Label("The map shows once the cluster runs."));
    private MapViewModel mapModel;
    private final Label message = new Label();
    private final Button previous = new Button("◀ Previous");
    private final Button next = new Button("Next ▶");
    private String shownStep = "";
    private final ScrollPane scroll;

    public LabPanel(LabViewModel vm, Runnable onClose) {
        this.vm = vm;
        setId("labPanel");
        getStyleClass().add("lab-panel");
        getStylesheets().add(LabPanel.class.getResource("/dev/kafkalab/ui/lab/lab.css").toExternalForm());

        title.getStyleClass().add("lab-title");
        title.setWrapText(true);
        meta.getStyleClass().add("message");
        meta.setWrapText(true);
        meta.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(60);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("labProgress");
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = new Button("Reset lab");
        reset.setId("labReset");
        reset.setTooltip(new Tooltip("Delete this lab's topics and groups, start every broker, and start the lab again"));
        reset.setOnAction(e -> confirmReset());
        Button close = new Button("Close");
        close.setId("labClose");
        close.setTooltip(new Tooltip("Back to the list of labs; your progress is kept"));
        close.setOnAction(e -> onClose.run());
        reset.setMinWidth(Region.USE_PREF_SIZE);
        close.setMinWidth(Region.USE_PREF_SIZE);
        // Progress on a row of its own: beside the buttons it would push Close out of a narrow panel.
        HBox progressRow = new HBox(8, progress, progressText);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, reset, close);

        stepDots.getStyleClass().add("step-dots");
        stepTitle.setId("stepTitle");
        stepTitle.getStyleClass().add("step-title");
        stepTitle.setWrapText(true);
        instructions.setId("stepInstructions");
        actions.setId("stepActions");
        actions.getStyleClass().add("step-actions");
        checkBox.setId("stepCheck");
        checkBox.getStyleClass().add("step-check");
        checkBox.setAlignment(Pos.CENTER_LEFT);
        checkIcon.getStyleClass().add("check-icon");
        checkIcon.setMinWidth(Region.USE_PREF_SIZE);
        checkText.setId("stepCheckText");
        checkText.setWrapText(true);
        checkText.setMinHeight(Region.USE_PREF_SIZE);
        checkText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(checkText, Priority.ALWAYS);
        hint.setId("stepHint");
        hint.setExpanded(false);
        hint.setAnimated(false);
        why.setId("stepWhy");
        why.getStyleClass().add("step-why");

        // The check is pinned under the step's text, never scrolled out of view.
        goal.setId("labGoal");
        goal.getStyleClass().add("message");
        goal.setWrapText(true);
        goal.setMinHeight(Region.USE_PREF_SIZE);
        // The lab's introduction: open on its first step, folded away on the others.
        about.setId("labAbout");
        about.setAnimated(false);
        // The lab's topic on the map, under the step's buttons: what a kill or a freeze does, seen
        // without leaving the step. Folded until opened; it stays as the learner left it.
        map.setId("labMapPane");
        map.setAnimated(false);
        map.setExpanded(false);
        limits.setId("labLimits");
        limits.getStyleClass().add("warning");
        limits.setWrapText(true);
        limits.setMinHeight(Region.USE_PREF_SIZE);
        limits.setVisible(false);
        limits.setManaged(false);
        VBox body = new VBox(12, goal, limits, about, stepTitle, instructions, actions, map, hint, why);
        body.getStyleClass().add("step-body");
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        message.setId("labMessage");
        message.getStyleClass().add("message");
        message.setWrapText(true);
        // Three lines kept for it whether it says anything or not: a message that grew after a
        // button press shrank the steps above and moved the next button from under the pointer.
        message.setAlignment(Pos.TOP_LEFT);
        message.minHeightProperty().bind(message.fontProperty().map(f -> f.getSize() * 4.1));
        // A demo's outcome can run longer: the whole of it when the pointer rests on it.
        dev.kafkalab.ui.common.HoverTooltip.install(message, () -> message.getText().isBlank() ? null : message.getText());
        message.prefHeightProperty().bind(message.minHeightProperty());
        message.setMaxHeight(Region.USE_PREF_SIZE);
        // The check too keeps room for three lines, so "waiting" turning into "seen" moves nothing;
        // a longer verdict makes it taller, never spills over the message under it.
        Region threeLines = new Region();
        threeLines.minHeightProperty().bind(checkText.fontProperty().map(f -> f.getSize() * 3.4));
        threeLines.prefHeightProperty().bind(threeLines.minHeightProperty());
        threeLines.setMinWidth(0);
        threeLines.setPrefWidth(0);
        checkBox.getChildren().add(threeLines);
        checkBox.setMinHeight(Region.USE_PREF_SIZE);
        previous.setId("stepPrevious");
        next.setId("stepNext");
        previous.setTooltip(new Tooltip("Previous step (Alt+Left)"));
        next.setTooltip(new Tooltip("Next step (Alt+Right)"));
        previous.setOnAction(e -> vm.previous());
        next.setOnAction(e -> vm.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(8, previous, gap, next);

        setSpacing(8);
        getChildren().addAll(title, meta, buttons, progressRow, stepDots, scroll, checkBox, message, footer);
        vm.state().addListener((o, was, now) -> {
            if (now != null) {
                show(now);
            }
        });
        if (vm.state().get() != null) {
            show(vm.state().get());
        }
    }

    private void confirmReset() {
        LabSession.State s = vm.state().get();
        if (s == null) {
            return;
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!s.lab().programs().isEmpty()) {
            parts.add("stops the program(s) " + String.join(", ", s.lab().programs()) + " if they run (your code stays)");
        }
        if (!s.lab().topics().isEmpty()) {
            parts.add("deletes the topic(s) " + String.join(", ", s.lab().topics()));
        }
        if (!s.lab().groups().isEmpty()) {
            parts.add("stops and deletes the group(s) " + String.join(", ", s.lab().groups()));
        }
        parts.add("starts every stopped broker and resumes every frozen one");
        parts.add("clears your progress in this lab");
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "This " + String.join("; ", parts) + ".",
                ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Reset \"" + s.lab().title() + "\"?");
        alert.initOwner(getScene().getWindow());
        dev.kafkalab.ui.common.Theme.follow(alert, getScene().getWindow());
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.reset());
    }

    /** The map of the lab's topics, beside its steps: made once the cluster runs. Drawn while it is open and docked. */
    public void map(MapViewModel model) {
        mapModel = model;
        MapView view = MapView.compact(model, "lab-");
        // Sideways on its own when the panel is narrower than the brokers (a large font): it
        // never makes the steps wider than the panel.
        ScrollPane across = new ScrollPane(view);
        across.setId("labMapScroll");
        across.setFitToHeight(true);
        across.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        across.setMinWidth(0);
        across.getStyleClass().add("edge-to-edge");
        map.setContent(across);
        model.active().bind(map.expandedProperty().and(view.sceneProperty().isNotNull()));
        LabSession.State s = vm.state().get();
        if (s != null) {
            showMapOf(s.lab().topics());
        }
    }

    private void showMapOf(java.util.List<String> topics) {
        map.setVisible(!topics.isEmpty());
        map.setManaged(map.isVisible());
        map.setText(topics.isEmpty() ? "Map" : "Map of " + topics.get(0));
        if (mapModel != null && !topics.isEmpty()) {
            mapModel.topic().set(topics.get(0));
        }
    }

    private void show(LabSession.State s) {
        Step step = s.current();
        // Asked at every state: a lab opened before its remote cluster answered learns its limits once it has.
        String cannot = vm.limits().orElse("");
        limits.setText(cannot);
        limits.setVisible(!cannot.isEmpty());
        limits.setManaged(!cannot.isEmpty());
        String key = s.lab().id() + "#" + step.number();
        if (!key.equals(shownStep)) {
            shownStep = key;
            title.setText(s.lab().title());
            // The goal scrolls with the step: five fixed lines of it left the step's text a sliver at 720 px.
            meta.setText("Module " + s.lab().module() + " · about " + s.lab().minutes() + " min");
            goal.setText("Goal: " + s.lab().goal());
            aboutBox.getChildren().setAll(markdown.render(s.lab().intro()));
            about.setVisible(!s.lab().intro().isBlank());
            about.setManaged(about.isVisible());
            about.setExpanded(step.number() == 1);
            showMapOf(s.lab().topics());
            stepTitle.setText("Step " + step.number() + " of " + s.lab().steps().size() + ": " + step.title());
            instructions.getChildren().setAll(markdown.render(step.instructions()));
            hintBox.getChildren().setAll(markdown.render(step.hint()));
            hint.setVisible(!step.hint().isBlank());
            hint.setManaged(!step.hint().isBlank());
            hint.setExpanded(false);
            why.getChildren().setAll(sectionLabel("What happened"), markdown.render(step.explanation()));
            actions.getChildren().clear();
            int i = 1;
            for (Directive a : step.actions()) {
                Button b = new Button(label(a));
                b.setId("labAction" + i++);
                b.getStyleClass().add("accent");
                b.setTooltip(new Tooltip(a.source()));
                b.setOnAction(e -> vm.run(a));
                actions.getChildren().add(b);
            }
            // A new step opens at its title.
            scroll.setVvalue(0);
        }
        boolean passed = s.verdict().passed() || s.passed().contains(step.number());
        CHECK.show(checkBox, passed ? "passed" : "waiting");
        checkIcon.setText(passed ? "✔" : "…");
        checkText.setText((s.verdict().passed() ? "Seen on the cluster: " : passed ? "Done earlier. Now: " : "Waiting: ")
                + s.verdict().seen());
        why.setVisible(passed && !step.explanation().isBlank());
        why.setManaged(why.isVisible());
        actions.getChildren().forEach(n -> n.setDisable(s.busy()));
        message.setText(s.message());
        progress.setProgress((double) s.passed().size() / s.lab().steps().size());
        progressText.setText(s.finished() ? "Lab complete ✔ · " + minutes(s.spent())
                : s.passed().size() + "/" + s.lab().steps().size() + " done · " + minutes(s.spent()));
        previous.setDisable(step.number() == 1);
        next.setDisable(step.number() == s.lab().steps().size());
        next.setDefaultButton(passed);
        dots(s);
    }

    private void dots(LabSession.State s) {
        if (stepDots.getChildren().size() != s.lab().steps().size()) {
            stepDots.getChildren().clear();
            for (Step st : s.lab().steps()) {
                Button dot = new Button(Integer.toString(st.number()));
                dot.setId("stepDot" + st.number());
                dot.getStyleClass().add("step-dot");
                dot.setTooltip(new Tooltip(st.title()));
                dot.setOnAction(e -> vm.goTo(st.number()));
                stepDots.getChildren().add(dot);
            }
        }
        for (int i = 0; i < stepDots.getChildren().size(); i++) {
            int n = i + 1;
            STEP.show(stepDots.getChildren().get(i), n == s.step() ? "current" : s.passed().contains(n) ? "done" : "todo");
        }
    }

    private static Label sectionLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    static String label(Directive a) {
        return a.optional("label").orElseGet(() -> {
            String name = a.name().replace('-', ' ');
            String what = a.optional("topic").or(() -> a.optional("broker")).or(() -> a.optional("group")).orElse("");
            return Character.toUpperCase(name.charAt(0)) + name.substring(1) + (what.isEmpty() ? "" : " " + what);
        });
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 1 ? "under a minute" : m + " min";
    }
}
