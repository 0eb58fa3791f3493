package dev.kafkalab.ui.shell;

import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Failures;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.monitor.SnapshotPoller;
import dev.kafkalab.consume.GroupOffsets;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.topics.TopicService;
import dev.kafkalab.ui.cluster.ClusterScreen;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.cluster.NodeCardState;
import dev.kafkalab.ui.cluster.NodeCardView;
import dev.kafkalab.ui.cluster.Rehearsal;
import dev.kafkalab.ui.common.FontScale;
import dev.kafkalab.ui.common.Theme;
import dev.kafkalab.ui.consume.ConsumeScreen;
import dev.kafkalab.ui.consume.ConsumeViewModel;
import dev.kafkalab.lab.LabCatalog;
import dev.kafkalab.lab.Ledger;
import dev.kafkalab.lab.Workbench;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.ui.lab.LabPanel;
import dev.kafkalab.ui.lab.LabViewModel;
import dev.kafkalab.ui.lab.LabsScreen;
import dev.kafkalab.ui.produce.ProduceScreen;
import dev.kafkalab.ui.produce.ProduceViewModel;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window: a cluster strip always on top, navigation on the left (only screens that exist),
 * the screen in the middle, and the command-line equivalent of the last action at the bottom.
 * Ctrl+plus/minus/0 scale everything for a projector, F11 is full screen, Ctrl+Q quits.
 */
public final class ShellView {

    private final LocalCluster cluster;
    private final Executor ui;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    // Wraps onto a second line at projector font sizes instead of widening the window.
    private final javafx.scene.layout.FlowPane strip = new javafx.scene.layout.FlowPane(12, 4);
    private final HBox cliBar = new HBox();
    private final StartupView startup;
    private boolean rehearsed;
    private final java.util.function.Consumer<dev.kafkalab.cluster.NodeStatus> startupProgress;
    private ClusterScreen clusterScreen;
    private SnapshotPoller poller;
    private TopicService topics;
    private ProduceService produce;
    private ProduceViewModel produceVm;
    private GroupOffsets offsets;
    private ConsumeViewModel consumeVm;
    private Workbench workbench;
    private ProgressStore progress;
    private LabViewModel labVm;
    private LabPanel labPanel;
    private final javafx.scene.control.SplitPane labSplit = new javafx.scene.control.SplitPane();
    private ToggleButton navCluster;
    private ToggleButton navProduce;
    private ToggleButton navConsume;
    private ToggleButton navLabs;
    private ToggleButton navSlides;
    private dev.kafkalab.ui.slides.SlidesScreen slidesScreen;
    private dev.kafkalab.ui.quiz.QuizScreen quizScreen;
    /** File work the screens must not do on the FX thread: reading the course, saving positions. */
    private final java.util.concurrent.ExecutorService io = Threads.single("kafka-lab-io");
    private ClusterViewModel clusterVm;
    private final ToggleGroup screens = new ToggleGroup();
    private final VBox nav = new VBox();
    private boolean closed;

    public ShellView(LocalCluster cluster, Executor ui, Runnable quit) {
        this.cluster = cluster;
        this.ui = ui;
        this.quit = quit;
        this.startup = new StartupView(this::startCluster);
        this.startupProgress = s -> ui.execute(() -> startup.nodes(cluster.nodes()));
    }

    public void show(Stage stage) {
        strip.getStyleClass().add("strip");
        strip.setId("clusterStrip");
        Label title = new Label("Kafka Lab");
        title.getStyleClass().add("title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        strip.getChildren().add(title);

        nav.getStyleClass().add("nav");
        // Only screens that exist: the others arrive once the cluster is up.
        screens.selectedToggleProperty().addListener((o, was, now) -> {
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
        root.setLeft(nav);
        root.setCenter(content);
        root.setBottom(cliBar);

        Scene scene = new Scene(root, 1280, 760);
        Theme.apply(scene);
        FontScale scale = new FontScale(root);
        scale.install(scene);
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit::run);
        acc.put(new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        acc.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> Theme.toggleDark(scene));
        for (int i = 0; i <= 3; i++) {
            int index = i;
            acc.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + i), KeyCombination.ALT_DOWN), () -> {
                if (clusterScreen != null) {
                    clusterScreen.focusCard(index);
                }
            });
        }
        stage.setTitle("Kafka Lab");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        cluster.addListener(startupProgress);
        startup.nodes(cluster.nodes());
    }

    public void startCluster() {
        startup.starting();
        if (!rehearsed) {
            rehearsed = true;
            Rehearsal.start();
        }
        // Clients are made on the cluster's thread (Admin.create resolves and connects), never on
        // the FX thread; the FX thread only builds the screen.
        cluster.start().thenApply(ok -> clients()).whenCompleteAsync((made, failure) -> {
            if (failure != null) {
                startup.failed(Failures.message(failure));
                return;
            }
            startup.stopClock();
            if (made != null) {
                showCluster(made);
            }
        }, ui);
    }

    /** The poller and the topic service, or null when the window closed meanwhile. */
    private synchronized ClusterViewModel clients() {
        if (closed) {
            return null;
        }
        topics = new TopicService(cluster.bootstrapServers());
        produce = new ProduceService(cluster.bootstrapServers());
        offsets = new GroupOffsets(cluster.bootstrapServers());
        poller = new SnapshotPoller(cluster, SnapshotPoller.DEFAULT_INTERVAL);
        Ledger ledger = new Ledger();
        produce.addSendListener(ledger::sent);
        workbench = new Workbench(cluster, topics, produce, ledger);
        progress = new ProgressStore(ProgressStore.defaultFile());
        return new ClusterViewModel(cluster.nodes(), cluster, topics, cluster.bootstrapServers(), ui);
    }

    private void showCluster(ClusterViewModel vm) {
        // The start-up view is gone: its node list need not follow the cluster any more.
        cluster.removeListener(startupProgress);
        cluster.addListener(vm::onNodeStatus);
        poller.addSnapshotListener(vm::onSnapshot);
        poller.addEventListener(vm::onEvent);
        poller.start();
        clusterScreen = new ClusterScreen(vm);
        produceVm = new ProduceViewModel(produce, ui, vm.courseBootstrap(), vm::announce);
        ProduceScreen produceScreen = new ProduceScreen(produceVm, vm.topicNames());
        consumeVm = new ConsumeViewModel(ConsumeScreen.groupsOn(cluster.bootstrapServers()),
                r -> offsets.reset(r.groupId(), r.topic(), r.target()), ui,
                dev.kafkalab.common.Scheduler.onThread("kafka-lab-consume-refresh"),
                java.util.concurrent.Executors.newCachedThreadPool(Threads.daemon("kafka-lab-consume-close")),
                vm.courseBootstrap(), vm::announce);
        poller.addSnapshotListener(consumeVm::onSnapshot);
        ConsumeScreen consumeScreen = new ConsumeScreen(consumeVm, vm.topicNames());
        // A topic chosen on the cluster screen is the one to produce to and read, until another is chosen there.
        vm.selectedTopic().addListener((o, was, now) -> {
            for (var topic : java.util.List.of(produceVm.topic(), consumeVm.topic())) {
                if (now != null && topic.get() == null) {
                    topic.set(now);
                }
            }
        });
        clusterVm = vm;
        labVm = new LabViewModel(LabCatalog.defaultFolder(), workbench, progress, workbench.ledger(), poller::latest, ui);
        poller.addSnapshotListener(labVm::onSnapshot);
        LabsScreen labsScreen = new LabsScreen(labVm, this::openLab);
        labVm.reload();
        slidesScreen = new dev.kafkalab.ui.slides.SlidesScreen(new dev.kafkalab.ui.slides.LiveWidgets(vm), progress, io,
                this::showMe, this::loadCourse);
        quizScreen = new dev.kafkalab.ui.quiz.QuizScreen(new dev.kafkalab.quiz.QuizHistory(progress), io, ui, this::showMe);
        content.getChildren().setAll(clusterScreen, produceScreen, consumeScreen, labsScreen, slidesScreen, quizScreen);
        navCluster = addScreen("Cluster", "navCluster", clusterScreen, KeyCode.DIGIT1);
        navProduce = addScreen("Produce", "navProduce", produceScreen, KeyCode.DIGIT2);
        navConsume = addScreen("Consume", "navConsume", consumeScreen, KeyCode.DIGIT3);
        navLabs = addScreen("Labs", "navLabs", labsScreen, KeyCode.DIGIT4);
        navSlides = addScreen("Slides", "navSlides", slidesScreen, KeyCode.DIGIT5);
        addScreen("Quizzes", "navQuizzes", quizScreen, KeyCode.DIGIT6);
        loadCourse();
        labPanel = new LabPanel(labVm, this::closeLab);
        labVm.state().addListener((o, was, now) -> {
            if (now != null && (was == null || was.step() != now.step() || was.lab() != now.lab())) {
                followStep(now.current());
            }
        });
        var acc = root.getScene().getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), labVm::next);
        acc.put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), labVm::previous);
        screens.getToggles().get(0).setSelected(true);
        fillStrip(vm);
        fillCliBar(vm);
    }

    /**
     * Docks the lab's steps beside the screens; the state listener shows the screen its current
     * step is about once the session's first state arrives.
     */
    private void openLab(String id) {
        labVm.open(id);
        if (labVm.lab(id).isEmpty()) {
            return;
        }
        if (root.getCenter() != labSplit) {
            labSplit.getItems().setAll(labPanel, content);
            labSplit.setDividerPositions(0.34);
            javafx.scene.control.SplitPane.setResizableWithParent(labPanel, false);
            root.setCenter(labSplit);
        }
    }

    /** Reads the decks and quizzes (and the labs they link to) off the FX thread, then shows them. */
    private void loadCourse() {
        io.execute(() -> {
            dev.kafkalab.course.Course course = dev.kafkalab.course.Course.load();
            ui.execute(() -> {
                slidesScreen.show(course);
                quizScreen.show(course);
            });
        });
    }

    /** Follows a link from a slide or a quiz answer: a lab opens at its step, a deck at its slide. */
    private void showMe(dev.kafkalab.content.ContentLink link) {
        if (link.kind() == dev.kafkalab.content.ContentLink.Kind.LAB) {
            openLab(link.id());
            if (labVm.lab(link.id()).isPresent()) {
                labVm.goTo(link.number());
            }
        } else {
            navSlides.setSelected(true);
            slidesScreen.open(link.id(), link.number());
        }
    }

    private void closeLab() {
        labVm.close();
        labSplit.getItems().clear();
        root.setCenter(content);
        navLabs.setSelected(true);
    }

    private void followStep(dev.kafkalab.lab.Step step) {
        switch (LabViewModel.screenFor(step)) {
            case PRODUCE -> navProduce.setSelected(true);
            case CONSUME -> navConsume.setSelected(true);
            default -> navCluster.setSelected(true);
        }
        LabViewModel.topicOf(step).ifPresent(t -> {
            clusterVm.selectedTopic().set(t);
            produceVm.topic().set(t);
            consumeVm.topic().set(t);
        });
    }

    /** A navigation button for a screen, also reached with Ctrl+digit. */
    private ToggleButton addScreen(String name, String id, javafx.scene.Node screen, KeyCode key) {
        ToggleButton button = new ToggleButton(name);
        button.setId(id);
        button.setToggleGroup(screens);
        button.setTooltip(new javafx.scene.control.Tooltip(name + " (Ctrl+" + key.getName() + ")"));
        screen.visibleProperty().bind(button.selectedProperty());
        nav.getChildren().add(button);
        root.getScene().getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN),
                () -> button.setSelected(true));
        return button;
    }

    private void fillStrip(ClusterViewModel vm) {
        for (int id : vm.nodeIds()) {
            Label chip = new Label();
            chip.setId("strip-" + id);
            chip.getStyleClass().add("strip-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.textProperty().bind(Bindings.createStringBinding(() -> {
                NodeCardState s = vm.card(id).get();
                return (s.role() == NodeRole.CONTROLLER ? "controller" : "broker " + id) + ": " + s.stateWord();
            }, vm.card(id)));
            NodeCardView.STATES.show(chip, NodeCardView.stateName(vm.card(id).get()));
            vm.card(id).addListener((o, was, now) -> NodeCardView.STATES.show(chip, NodeCardView.stateName(now)));
            strip.getChildren().add(chip);
        }
        Label health = new Label();
        health.setId("stripHealth");
        health.textProperty().bind(Bindings.createStringBinding(() -> "under-replicated: " + vm.underReplicated().get()
                + " · offline: " + vm.offline().get(), vm.underReplicated(), vm.offline()));
        Label bootstrap = new Label("bootstrap " + cluster.bootstrapServers().split(",")[0].replace("127.0.0.1", "localhost"));
        bootstrap.getStyleClass().add("message");

        Button theme = new Button("Light/dark");
        theme.setMinWidth(Region.USE_PREF_SIZE);
        health.setMinWidth(Region.USE_PREF_SIZE);
        theme.setOnAction(e -> Theme.toggleDark(root.getScene()));
        strip.getChildren().addAll(health, bootstrap, theme);
    }

    private void fillCliBar(ClusterViewModel vm) {
        Label label = new Label("Command line:");
        TextField cli = new TextField();
        cli.setId("cliEquivalent");
        cli.setEditable(false);
        cli.textProperty().bind(vm.cliEquivalent());
        cli.setPromptText("the Kafka command for your last action appears here");
        HBox.setHgrow(cli, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copyCli");
        copy.disableProperty().bind(vm.cliEquivalent().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(cli.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());
        message.setMaxWidth(420);
        message.setMinWidth(0);
        label.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        cliBar.getChildren().setAll(label, cli, copy, message);
        cliBar.setVisible(true);
        cliBar.setManaged(true);
    }

    public void showStopping() {
        content.getChildren().setAll(new VBox(new Label("Stopping the cluster: brokers hand over their partitions"
                + " and shut down...")));
        content.getChildren().get(0).getStyleClass().add("startup");
    }

    /** Stops polling and the clients; safe from any thread. */
    public void close() {
        io.shutdown();
        SnapshotPoller p;
        TopicService t;
        ProduceService ps;
        synchronized (this) {
            closed = true;
            p = poller;
            t = topics;
            ps = produce;
        }
        if (labVm != null) {
            labVm.shutdown();
        }
        Workbench w;
        synchronized (this) {
            w = workbench;
        }
        if (w != null) {
            w.close();
        }
        if (produceVm != null) {
            produceVm.close();
        }
        if (consumeVm != null) {
            consumeVm.close();
        }
        GroupOffsets go;
        synchronized (this) {
            go = offsets;
        }
        if (go != null) {
            go.close();
        }
        if (ps != null) {
            ps.close();
        }
        if (p != null) {
            p.close();
        }
        if (t != null) {
            t.close();
        }
    }
}
