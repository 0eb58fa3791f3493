package dev.kafkalab.ui.quiz;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.course.Course;
import dev.kafkalab.quiz.QuizHistory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The quizzes screen: the list, a quiz being taken, its score and review, the history of
 * attempts, and class mode. Keys are handled by a filter on this screen, not by scene
 * accelerators (the shell owns those, Ctrl+digits among them): whichever view is shown gets
 * them first, as long as the focus is inside the screen, which each view takes when it opens.
 */
public final class QuizScreen extends BorderPane {

    /** A view of the screen: where its keys go and where the focus goes when it opens. */
    interface Keyed {
        Node focusTarget();

        /** Handles a key press without modifiers; true when the key was this view's. */
        boolean handle(KeyEvent e);
    }

    private final QuizViewModel vm;
    private final Map<QuizViewModel.View, Node> views = new EnumMap<>(QuizViewModel.View.class);

    /** io: file work (history); ui: back on the FX thread (Platform::runLater in the app); showMe: open a slide or lab step. */
    public QuizScreen(QuizHistory history, Executor io, Executor ui, Consumer<ContentLink> showMe) {
        this(new QuizViewModel(history, io, ui, Instant::now, ZoneId.systemDefault()), showMe);
    }

    /** Over a view model of the caller's (a test's, with the order of choices it chooses). */
    public QuizScreen(QuizViewModel vm, Consumer<ContentLink> showMe) {
        this.vm = vm;
        setId("quizScreen");
        getStyleClass().add("quiz-screen");
        getStylesheets().add(QuizScreen.class.getResource("/dev/kafkalab/ui/quiz/quiz.css").toExternalForm());
        setPadding(new Insets(10));
        views.put(QuizViewModel.View.LIST, new QuizListView(vm));
        views.put(QuizViewModel.View.QUESTION, new QuestionView(vm, showMe));
        views.put(QuizViewModel.View.SCORE, new ScoreView(vm));
        views.put(QuizViewModel.View.REVIEW, new ReviewView(vm.review(), showMe, vm::backToScore));
        views.put(QuizViewModel.View.HISTORY, new HistoryView(vm, showMe));
        views.put(QuizViewModel.View.CLASS, new ClassView(vm, showMe));
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.view().addListener((o, was, now) -> open(now));
        // Shown again by the shell (or first put in a window): the keys work without a click first.
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                focusView();
            }
        });
        sceneProperty().addListener((o, was, now) -> focusView());
        open(vm.view().get());
    }

    /** Called on the FX thread whenever the course is (re)loaded. */
    public void show(Course course) {
        vm.show(course);
    }

    /** The screen's state and commands, for tests and for the shell to peek at. */
    public QuizViewModel viewModel() {
        return vm;
    }

    private void open(QuizViewModel.View view) {
        Node node = views.get(view);
        // Narrow views (a question, a score, a review) stand in the middle of a wide window.
        BorderPane.setAlignment(node, Pos.TOP_CENTER);
        setCenter(node);
        focusView();
    }

    private void focusView() {
        if (getScene() != null && isVisible() && getCenter() instanceof Keyed keyed) {
            keyed.focusTarget().requestFocus();
        }
    }

    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        // Enter on a button the learner tabbed to presses it, as everywhere else.
        if (e.getCode() == KeyCode.ENTER && getScene() != null && getScene().getFocusOwner() instanceof ButtonBase b
                && !b.isDisabled()) {
            b.fire();
            e.consume();
            return;
        }
        if (getCenter() instanceof Keyed keyed && keyed.handle(e)) {
            e.consume();
        }
    }

    /** 1 for the key 1 (top row or keypad), ... 9; 0 for any other key. */
    static int digit(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            case DIGIT7, NUMPAD7 -> 7;
            case DIGIT8, NUMPAD8 -> 8;
            case DIGIT9, NUMPAD9 -> 9;
            default -> 0;
        };
    }
}
