package dev.kafkalab.ui.shell;

import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.common.Failures;
import dev.kafkalab.content.ContentLink;
import dev.kafkalab.course.Course;
import dev.kafkalab.lab.Step;
import dev.kafkalab.lab.Vocabulary;
import dev.kafkalab.ui.common.LastAction;
import dev.kafkalab.ui.lab.LabViewModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's state: the cluster's start (progress, failure, retry), which screen is shown, the
 * open lab, the course, and the command line of the last action. The screens that need no
 * cluster ({@link ScreenModels}: labs, slides, quizzes, code) arrive at once, so the window is
 * useful while the cluster starts; those that show the cluster ({@link ClusterModels}) arrive
 * when it runs. This one wires them to each other (the topic chosen on the cluster screen, the
 * screen a lab step is about). All methods on the UI thread.
 */
public final class ShellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    /** The screens, in the order of the navigation and of their Ctrl+digit keys. */
    public enum Screen { CLUSTER, PRODUCE, CONSUME, LABS, SLIDES, QUIZZES, CODE, MAP }

    /** Where the window is in its life. */
    public enum Phase { STARTING, FAILED, READY, STOPPING }

    private final Executor ui;
    private final Executor io;
    private final Supplier<CompletableFuture<ScreenModels>> desk;
    private final Supplier<CompletableFuture<ClusterModels>> starter;
    private final Runnable quit;
    private final LastAction lastAction = new LastAction();

    // Properties
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.STARTING);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.CLUSTER);
    private final ReadOnlyObjectWrapper<ScreenModels> screens = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterModels> clusterScreens = new ReadOnlyObjectWrapper<>();
    private boolean deskAsked;
    private String clusterName = "local";
    /** The topic the open lab's step is about, chosen on the cluster's screens once they exist. */
    private String stepTopic;
    private final ReadOnlyBooleanWrapper labOpen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Course> course = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ContentLink> deckToOpen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> lookAt = new ReadOnlyObjectWrapper<>(List.of());

    /**
     * @param desk    makes the view models of the screens that need no cluster; called once
     * @param starter starts the cluster and makes its screens' view models; called again on a retry
     * @param quit    stops everything and ends the app, off the UI thread
     */
    public ShellViewModel(Executor ui, Executor io, Supplier<CompletableFuture<ScreenModels>> desk,
            Supplier<CompletableFuture<ClusterModels>> starter, Runnable quit) {
        this.ui = ui;
        this.io = io;
        this.desk = desk;
        this.starter = starter;
        this.quit = quit;
    }

    /** "local" for the app's own cluster, else the remote connection's name; set before the window shows. */
    public String clusterName() {
        return clusterName;
    }

    public ShellViewModel clusterName(String name) {
        this.clusterName = name;
        return this;
    }

    public ReadOnlyObjectProperty<Phase> phase() {
        return phase.getReadOnlyProperty();
    }

    /** Why the cluster did not start, when {@link #phase()} is FAILED. */
    public ReadOnlyStringProperty failure() {
        return failure.getReadOnlyProperty();
    }

    /** Each node's state while the cluster starts. */
    public ObservableList<NodeStatus> nodes() {
        return nodes;
    }

    /** The screen shown; set it to navigate. */
    public ObjectProperty<Screen> screen() {
        return screen;
    }

    /** The view models of the screens that need no cluster; null for the moment they take to make. */
    public ReadOnlyObjectProperty<ScreenModels> screens() {
        return screens.getReadOnlyProperty();
    }

    /** The view models of the screens that show the cluster, null until it runs. */
    public ReadOnlyObjectProperty<ClusterModels> clusterScreens() {
        return clusterScreens.getReadOnlyProperty();
    }

    /** Whether a lab's steps are docked beside the screens. */
    public ReadOnlyBooleanProperty labOpen() {
        return labOpen.getReadOnlyProperty();
    }

    /** The decks and quizzes, read off the UI thread; null until read. */
    public ReadOnlyObjectProperty<Course> course() {
        return course.getReadOnlyProperty();
    }

    /** A deck (and slide) a link asked for: the slides screen opens it. */
    public ReadOnlyObjectProperty<ContentLink> deckToOpen() {
        return deckToOpen.getReadOnlyProperty();
    }

    /**
     * The node ids of the controls the open lab step asks the learner to look at, on the screen
     * it shows, first the main one; empty when no lab is open or the step names none.
     */
    public ReadOnlyObjectProperty<List<String>> lookAt() {
        return lookAt.getReadOnlyProperty();
    }

    /** The command line under every screen. */
    public LastAction lastAction() {
        return lastAction;
    }

    // Commands

    /**
     * Makes the screens that need no cluster (once), and starts the cluster (again, after a
     * failure); the cluster's screens arrive when it runs.
     */
    public void start() {
        if (!deskAsked) {
            deskAsked = true;
            desk.get().whenCompleteAsync((made, failed) -> {
                if (failed != null) {
                    LOG.error("The screens could not be made", Failures.rootCause(failed));
                    lastAction.say("The labs, slides and code could not be loaded: " + Failures.message(failed));
                } else if (made != null && phase.get() != Phase.STOPPING) {
                    screensReady(made);
                }
            }, ui);
        }
        phase.set(Phase.STARTING);
        failure.set("");
        starter.get().whenCompleteAsync((made, failed) -> {
            if (phase.get() == Phase.STOPPING) {
                return;
            }
            if (failed != null) {
                LOG.error("The cluster did not start", Failures.rootCause(failed));
                failure.set(Failures.message(failed));
                phase.set(Phase.FAILED);
            } else if (made != null) {
                ready(made);
            }
        }, ui);
    }

    /** A node's state changed while the cluster starts. */
    public void onNodes(List<NodeStatus> now) {
        nodes.setAll(now);
    }

    /** Stops everything, once. */
    public void quit() {
        if (phase.get() == Phase.STOPPING) {
            return;
        }
        phase.set(Phase.STOPPING);
        quit.run();
    }

    /** Docks lab {@code id}'s steps beside the screens; its first state shows the screen its step is about. */
    public void openLab(String id) {
        LabViewModel labs = labs();
        labs.open(id);
        if (labs.lab(id).isPresent()) {
            labOpen.set(true);
        }
    }

    /** Saves and closes the open lab, and shows the list of labs. */
    public void closeLab() {
        labs().close();
        labOpen.set(false);
        stepTopic = null;
        lookAt.set(List.of());
        screen.set(Screen.LABS);
    }

    /** Follows a link from a slide or a quiz answer: a lab opens at its step, a deck at its slide. */
    public void showMe(ContentLink link) {
        if (link.kind() == ContentLink.Kind.LAB) {
            openLab(link.id());
            if (labs().lab(link.id()).isPresent()) {
                labs().goTo(link.number());
            }
        } else {
            screen.set(Screen.SLIDES);
            // Through null, so the same link followed twice opens its slide twice.
            deckToOpen.set(null);
            deckToOpen.set(link);
        }
    }

    /** Reads the decks and quizzes (and the labs they link to) off the UI thread. */
    public void loadCourse() {
        io.execute(() -> {
            Course read = Course.load();
            ui.execute(() -> course.set(read));
        });
    }

    // Wiring

    private void screensReady(ScreenModels made) {
        made.labs().state().addListener((o, was, now) -> {
            if (now != null && (was == null || was.step() != now.step() || was.lab() != now.lab())) {
                follow(now.current());
                LabViewModel.programOf(now.lab(), now.current()).ifPresent(p -> made.code().openForLab(p.name(),
                        p.starter(), p.solution()));
            }
        });
        screens.set(made);
        made.labs().reload();
        loadCourse();
    }

    private void ready(ClusterModels made) {
        // A topic chosen on the cluster screen is the one to produce to and read, until another is chosen there.
        made.cluster().selectedTopic().addListener((o, was, now) -> {
            for (StringProperty topic : List.of(made.produce().topic(), made.consume().topic())) {
                if (now != null && topic.get() == null) {
                    topic.set(now);
                }
            }
        });
        clusterScreens.set(made);
        // A lab opened while the cluster started: its step's topic is chosen now.
        if (stepTopic != null) {
            choose(made, stepTopic);
        }
        phase.set(Phase.READY);
    }

    /** Shows the screen a lab step is about, with the step's topic chosen everywhere. */
    private void follow(Step step) {
        screen.set(switch (LabViewModel.screenFor(step)) {
            case PRODUCE -> Screen.PRODUCE;
            case CONSUME -> Screen.CONSUME;
            case CODE -> Screen.CODE;
            default -> Screen.CLUSTER;
        });
        stepTopic = LabViewModel.topicOf(step).orElse(null);
        if (stepTopic != null && clusterScreens.get() != null) {
            choose(clusterScreens.get(), stepTopic);
        }
        lookAt.set(step.looks().stream().map(Vocabulary.TARGETS::get).filter(java.util.Objects::nonNull)
                .map(Vocabulary.Target::nodeId).toList());
    }

    private static void choose(ClusterModels made, String topic) {
        made.cluster().selectedTopic().set(topic);
        made.produce().topic().set(topic);
        made.consume().topic().set(topic);
    }

    private LabViewModel labs() {
        ScreenModels made = screens.get();
        if (made == null) {
            throw new IllegalStateException("The labs are not loaded yet.");
        }
        return made.labs();
    }
}
