package dev.kafkalab.ui.shell;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.quiz.QuizHistory;
import dev.kafkalab.ui.cluster.ClusterScreen;
import dev.kafkalab.ui.code.CodeScreen;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.cluster.NodeCardState;
import dev.kafkalab.ui.cluster.NodeCardView;
import dev.kafkalab.ui.cluster.Rehearsal;
import dev.kafkalab.ui.common.FontScale;
import dev.kafkalab.ui.map.MapScreen;
import dev.kafkalab.ui.map.MapViewModel;
import dev.kafkalab.ui.common.LastAction;
import dev.kafkalab.ui.common.Theme;
import dev.kafkalab.ui.consume.ConsumeScreen;
import dev.kafkalab.ui.lab.LabPanel;
import dev.kafkalab.ui.lab.LabsScreen;
import dev.kafkalab.ui.produce.ProduceScreen;
import dev.kafkalab.ui.quiz.QuizScreen;
import dev.kafkalab.ui.shell.ShellViewModel.Phase;
import dev.kafkalab.ui.shell.ShellViewModel.Screen;
import dev.kafkalab.ui.slides.LiveWidgets;
import dev.kafkalab.ui.slides.SlidesScreen;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window, a view over {@link ShellViewModel}: a cluster strip always on top, navigation on
 * the left, the screen in the middle, and the command-line equivalent of the last action at the
 * bottom. Every screen is there from the start: while the cluster starts, the Cluster screen
 * shows its start and Produce and Consume say they wait for it; labs, slides, quizzes and code
 * work meanwhile. Ctrl+plus/minus/0 scale everything for a projector, F11 is
 * full screen, F1 says where the app keeps its data and log, Ctrl+Q quits.
 */
public final class ShellView {

    private final ShellViewModel vm;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    // Wraps onto a second line at projector font sizes instead of widening the window.
    private final FlowPane strip = new FlowPane(12, 4);
    private javafx.scene.Node connectionMenu;
    private final HBox cliBar = new HBox();
    private final StartupView startup;
    private boolean rehearsed;
    private final SplitPane labSplit = new SplitPane();
    private final ToggleGroup toggles = new ToggleGroup();
    private final Map<Screen, ToggleButton> nav = new EnumMap<>(Screen.class);
    private final VBox navBox = new VBox();
    private ClusterScreen clusterScreen;
    private SlidesScreen slidesScreen;
    private QuizScreen quizScreen;
    private LabPanel labPanel;
    private final ToggleButton stepsShown = new ToggleButton("Lab steps");
    /** Where the learner left the divider, so folding the steps away and back keeps it. */
    private double labDivider = 0.34;
    private final Map<Screen, javafx.scene.control.ScrollPane> frames = new EnumMap<>(Screen.class);
    /** The cluster screen's view model for the slides' live widgets: null until the cluster runs. */
    private final javafx.beans.property.ObjectProperty<ClusterViewModel> liveCluster =
            new javafx.beans.property.SimpleObjectProperty<>();
    /** Ends what the waiting screens follow, once the cluster's screens replace them. */
    private final java.util.List<Runnable> unwait = new java.util.ArrayList<>();
    /** Each node's start in the strip, until the cluster runs and its chips take over. */
    private final Label startChip = new Label();
    /** Over the screens: rings around what a lab step asks the learner to look at. */
    private final javafx.scene.layout.Pane lookLayer = new javafx.scene.layout.Pane();
    private final dev.kafkalab.ui.common.Reveal reveal = new dev.kafkalab.ui.common.Reveal(lookLayer);

    public ShellView(ShellViewModel vm) {
        this.vm = vm;
        this.startup = new StartupView(vm::start, vm.clusterName());
    }

    /** The Connection menu, shown in the strip after the title; set before {@link #show(Stage)}. */
    public ShellView withConnectionMenu(javafx.scene.Node menu) {
        this.connectionMenu = menu;
        return this;
    }

    public void show(Stage stage) {
        strip.getStyleClass().add("strip");
        strip.setId("clusterStrip");
        Label title = new Label("Kafka Lab");
        title.getStyleClass().add("title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        startChip.setId("stripStart");
        startChip.getStyleClass().add("strip-chip");
        startChip.setMinWidth(Region.USE_PREF_SIZE);
        strip.getChildren().addAll(title, startChip);
        // A screen stays selected: pressing its button again does not leave the window without one.
        toggles.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        cliBar.getStyleClass().add("cli-bar");
        content.setMinWidth(0);
        cliBar.setVisible(false);
        cliBar.setManaged(false);
        content.getChildren().setAll(startup);
        root.setTop(strip);
        // The Connection menu at the foot of the navigation: the strip has no room left at 1280 px.
        VBox left = new VBox(navBox);
        left.getStyleClass().add("nav");
        navBox.getStyleClass().setAll("nav-buttons");
        if (connectionMenu != null) {
            Region gap = new Region();
            VBox.setVgrow(gap, Priority.ALWAYS);
            Label caption = new Label("Connection");
            caption.getStyleClass().add("message");
            left.getChildren().addAll(gap, caption, connectionMenu);
        }
        root.setLeft(left);
        root.setCenter(content);
        root.setBottom(cliBar);

        // 1280x760 where the screen has room; never taller or wider than the screen (a 1280x720
        // projector cut the command line off).
        javafx.geometry.Rectangle2D room = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, room.getWidth()), Math.min(760, room.getHeight()));
        Theme.apply(scene);
        new FontScale(root).install(scene);
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), vm::quit);
        keys.put(new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        keys.put(new KeyCodeCombination(KeyCode.F1), () -> AboutBox.show(stage));
        keys.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> Theme.toggleDark(scene));
        for (int i = 0; i <= 3; i++) {
            int index = i;
            keys.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i), KeyCombination.ALT_DOWN), () -> {
                if (clusterScreen != null) {
                    clusterScreen.focusCard(index);
                }
            });
        }
        stage.setTitle("Kafka Lab");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(960, room.getWidth()));
        stage.setMinHeight(Math.min(600, room.getHeight()));
        stage.show();

        startup.nodes(vm.nodes());
        vm.nodes().addListener((ListChangeListener<dev.kafkalab.cluster.NodeStatus>) c -> {
            startup.nodes(vm.nodes());
            startChip.setText(StartupView.summary(vm.nodes(), vm.phase().get()));
        });
        vm.phase().addListener((o, was, now) -> phase(now));
        phase(vm.phase().get());
        vm.screens().addListener((o, was, now) -> {
            if (now != null && was == null) {
                build(now);
            }
        });
        vm.clusterScreens().addListener((o, was, now) -> {
            if (now != null && was == null) {
                buildCluster(now);
            }
        });
    }

    private void phase(Phase now) {
        startChip.setText(StartupView.summary(vm.nodes(), now));
        switch (now) {
            case STARTING -> startup.starting();
            case FAILED -> startup.failed(vm.failure().get());
            case READY -> {
                startup.stopClock();
                rehearse();
            }
            case STOPPING -> showStopping();
        }
    }

    /**
     * Warms the cluster screen's code once the cluster runs, so that the first kill is quick. Not
     * while it starts: the node JVMs run niced behind the window, and its second of CPU then
     * delayed the cluster's start by about as much.
     */
    private void rehearse() {
        if (!rehearsed) {
            rehearsed = true;
            Rehearsal.start();
        }
    }

    /**
     * Every screen, at once: those that show the cluster hold its start (Cluster) or say they wait
     * for it (Produce, Consume) until it runs.
     */
    private void build(ScreenModels models) {
        CodeScreen code = new CodeScreen(models.code());
        LabsScreen labs = new LabsScreen(models.labs(), vm::openLab);
        slidesScreen = new SlidesScreen(models.slides(), new LiveWidgets(liveCluster), vm::showMe, vm::loadCourse);
        quizScreen = new QuizScreen(new QuizHistory(models.progress()), models.io(), models.ui(), vm::showMe);
        content.getChildren().setAll(frame(Screen.CLUSTER, startup), frame(Screen.PRODUCE, waiting("Produce")),
                frame(Screen.CONSUME, waiting("Consume")), frame(Screen.LABS, labs), frame(Screen.SLIDES, slidesScreen),
                frame(Screen.QUIZZES, quizScreen), frame(Screen.CODE, code), frame(Screen.MAP, waiting("Map")),
                lookLayer);
        addScreen(Screen.CLUSTER, "Cluster", "navCluster");
        // Beside the cluster it draws; Ctrl+8, after the screens people already know by number.
        addScreen(Screen.MAP, "Map", "navMap");
        addScreen(Screen.PRODUCE, "Produce", "navProduce");
        addScreen(Screen.CONSUME, "Consume", "navConsume");
        addScreen(Screen.LABS, "Labs", "navLabs");
        addScreen(Screen.SLIDES, "Slides", "navSlides");
        addScreen(Screen.QUIZZES, "Quizzes", "navQuizzes");
        addScreen(Screen.CODE, "Code", "navCode");
        frames.forEach((screen, frame) -> show(screen, frame.getContent()));
        toggles.selectedToggleProperty().addListener((o, was, now) -> nav.forEach((screen, button) -> {
            if (button == now) {
                vm.screen().set(screen);
            }
        }));
        vm.screen().addListener((o, was, now) -> nav.get(now).setSelected(true));
        nav.get(vm.screen().get()).setSelected(true);

        labPanel = new LabPanel(models.labs(), vm::closeLab);
        // The open lab's steps fold away (Ctrl+L, or the button under the screens) to give a
        // screen the whole width, and come back where they were.
        stepsShown.setId("labStepsShown");
        stepsShown.setTooltip(new Tooltip("Show or hide the lab's steps (Ctrl+L)"));
        stepsShown.visibleProperty().bind(vm.labOpen());
        stepsShown.managedProperty().bind(vm.labOpen());
        stepsShown.setSelected(true);
        stepsShown.selectedProperty().addListener((o, was, now) -> dockLab(vm.labOpen().get() && now));
        navBox.getChildren().add(stepsShown);
        vm.labOpen().addListener((o, was, open) -> {
            if (open) {
                stepsShown.setSelected(true);
            }
            dockLab(open);
        });
        var keys = root.getScene().getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), models.labs()::next);
        keys.put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), models.labs()::previous);
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            if (vm.labOpen().get()) {
                stepsShown.setSelected(!stepsShown.isSelected());
            }
        });

        vm.course().addListener((o, was, now) -> {
            slidesScreen.show(now);
            quizScreen.show(now);
        });
        if (vm.course().get() != null) {
            slidesScreen.show(vm.course().get());
            quizScreen.show(vm.course().get());
        }
        vm.deckToOpen().addListener((o, was, link) -> {
            if (link != null) {
                slidesScreen.open(link.id(), link.number());
            }
        });
        fillCliBar(vm.lastAction());
        vm.lookAt().addListener((o, was, ids) -> lookAt(ids));
    }

    /** The screens that show the cluster, in place of its start, once it runs. */
    private void buildCluster(ClusterModels models) {
        ClusterViewModel cluster = models.cluster();
        clusterScreen = new ClusterScreen(cluster);
        unwait.forEach(Runnable::run);
        unwait.clear();
        if (frames.isEmpty()) {
            // The other screens could not be made (the command line says why): the cluster's alone.
            content.getChildren().setAll(clusterScreen);
            fillStrip(cluster);
            fillCliBar(vm.lastAction());
            return;
        }
        show(Screen.CLUSTER, clusterScreen);
        show(Screen.PRODUCE, new ProduceScreen(models.produce(), cluster.topicNames()));
        ConsumeScreen consume = new ConsumeScreen(models.consume(), cluster.topicNames());
        consume.shareGroups(models.share());
        show(Screen.CONSUME, consume);
        MapViewModel map = new MapViewModel(cluster, models.programs());
        map.active().bind(vm.screen().isEqualTo(Screen.MAP));
        show(Screen.MAP, new MapScreen(map));
        labPanel.map(new MapViewModel(cluster, models.programs()));
        liveCluster.set(cluster);
        fillStrip(cluster);
        // What a lab step asks to look at may be on these screens.
        lookAt(vm.lookAt().get());
    }

    /** A screen that waits for the cluster, until it runs. */
    private Node waiting(String screen) {
        WaitingView view = new WaitingView(screen, () -> vm.screen().set(Screen.CLUSTER));
        view.show(vm.nodes(), vm.phase().get());
        ListChangeListener<dev.kafkalab.cluster.NodeStatus> nodes = c -> view.show(vm.nodes(), vm.phase().get());
        javafx.beans.value.ChangeListener<Phase> phase = (o, was, now) -> view.show(vm.nodes(), now);
        vm.nodes().addListener(nodes);
        vm.phase().addListener(phase);
        unwait.add(() -> {
            vm.nodes().removeListener(nodes);
            vm.phase().removeListener(phase);
        });
        return view;
    }

    /**
     * Marks what the lab step asks the learner to look at, and scrolls the first (on the screen
     * the step shows) into view once that screen is laid out.
     */
    private void lookAt(java.util.List<String> ids) {
        reveal.clear();
        if (ids.isEmpty()) {
            return;
        }
        // Marked on every screen, so a control on another screen is ringed when the learner goes there.
        dev.kafkalab.ui.common.FirstWindow.afterNextLayout(root.getScene(), () -> reveal.show(ids.stream()
                .map(id -> content.lookup("#" + id)).filter(java.util.Objects::nonNull).toList()));
    }

    /**
     * A screen in a frame that scrolls when the window (or the space beside a lab) is narrower or
     * shorter than the screen can be: its controls stay reachable, and it never slides under the
     * lab panel, as an oversized child of a centring pane did.
     */
    private javafx.scene.control.ScrollPane frame(Screen which, Node screen) {
        javafx.scene.control.ScrollPane frame = new javafx.scene.control.ScrollPane(screen);
        frame.setFitToWidth(true);
        frame.setFitToHeight(true);
        frame.getStyleClass().add("edge-to-edge");
        frame.setId(which.name().toLowerCase(java.util.Locale.ROOT) + "ScreenFrame");
        frames.put(which, frame);
        return frame;
    }

    /** Puts {@code node} in its screen's frame; it says whether it is shown (tests and views ask it). */
    private void show(Screen which, Node node) {
        javafx.scene.control.ScrollPane frame = frames.get(which);
        Node was = frame.getContent();
        if (was != null && was != node) {
            was.visibleProperty().unbind();
        }
        frame.setContent(node);
        node.visibleProperty().bind(nav.get(which).selectedProperty());
    }

    /** Docks the lab's steps beside the screens, or takes them away. */
    private void dockLab(boolean open) {
        if (open && root.getCenter() != labSplit) {
            labSplit.getItems().setAll(labPanel, content);
            labSplit.setDividerPositions(labDivider);
            SplitPane.setResizableWithParent(labPanel, false);
            root.setCenter(labSplit);
        } else if (!open && root.getCenter() == labSplit) {
            labDivider = labSplit.getDividerPositions()[0];
            labSplit.getItems().clear();
            root.setCenter(content);
        }
    }

    /** A navigation button for a screen, also reached with Ctrl+digit. */
    private void addScreen(Screen screen, String name, String id) {
        KeyCode key = KeyCode.valueOf("DIGIT" + (screen.ordinal() + 1));
        ToggleButton button = new ToggleButton(name);
        button.setId(id);
        button.setToggleGroup(toggles);
        button.setTooltip(new Tooltip(name + " (Ctrl+" + key.getName() + ")"));
        frames.get(screen).visibleProperty().bind(button.selectedProperty());
        navBox.getChildren().add(button);
        nav.put(screen, button);
        root.getScene().getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN),
                () -> vm.screen().set(screen));
    }

    private void fillStrip(ClusterViewModel cluster) {
        for (int id : cluster.nodeIds()) {
            Label chip = new Label();
            chip.setId("strip-" + id);
            chip.getStyleClass().add("strip-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.textProperty().bind(Bindings.createStringBinding(() -> {
                NodeCardState s = cluster.card(id).get();
                return (s.role() == NodeRole.CONTROLLER ? "controller" : "broker " + id) + ": " + s.stateWord();
            }, cluster.card(id)));
            NodeCardView.STATES.show(chip, NodeCardView.stateName(cluster.card(id).get()));
            cluster.card(id).addListener((o, was, now) -> NodeCardView.STATES.show(chip, NodeCardView.stateName(now)));
            strip.getChildren().add(chip);
        }
        strip.getChildren().remove(startChip);
        Label health = new Label();
        health.setId("stripHealth");
        health.textProperty().bind(Bindings.createStringBinding(() -> "under-replicated: "
                + cluster.underReplicated().get() + " · offline: " + cluster.offline().get(),
                cluster.underReplicated(), cluster.offline()));
        Label bootstrap = new Label("bootstrap " + cluster.courseBootstrap().split(",")[0]);
        bootstrap.getStyleClass().add("message");
        Button theme = new Button("Light/dark");
        theme.setMinWidth(Region.USE_PREF_SIZE);
        health.setMinWidth(Region.USE_PREF_SIZE);
        theme.setOnAction(e -> Theme.toggleDark(root.getScene()));
        strip.getChildren().addAll(health, bootstrap, theme);
    }

    private void fillCliBar(LastAction last) {
        Label label = new Label("Command line:");
        TextField cli = new TextField();
        cli.setId("cliEquivalent");
        cli.setEditable(false);
        cli.textProperty().bind(last.cliEquivalent());
        cli.setPromptText("the Kafka command for your last action appears here");
        HBox.setHgrow(cli, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copyCli");
        copy.disableProperty().bind(last.cliEquivalent().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(cli.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add("message");
        message.textProperty().bind(last.message());
        // On up to three lines at any font size (the command line gives up the room); a longer one,
        // such as what a remote connection notes, ends in "..." and is whole when hovered.
        message.setWrapText(true);
        message.maxHeightProperty().bind(message.fontProperty().map(f -> f.getSize() * 4.2));
        dev.kafkalab.ui.common.HoverTooltip.install(message, () -> message.getText().isBlank() ? null : message.getText());
        dev.kafkalab.ui.common.Ems.follow(message, 30, message::setMaxWidth);
        dev.kafkalab.ui.common.Ems.follow(message, 12, message::setMinWidth);
        label.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        cliBar.getChildren().setAll(label, cli, copy, message);
        cliBar.setVisible(true);
        cliBar.setManaged(true);
    }

    private void showStopping() {
        root.setCenter(content);
        content.getChildren().setAll(new VBox(new Label("Stopping the cluster: brokers hand over their partitions"
                + " and shut down...")));
        content.getChildren().get(0).getStyleClass().add("startup");
    }
}
