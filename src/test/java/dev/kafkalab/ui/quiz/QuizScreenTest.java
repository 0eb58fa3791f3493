package dev.kafkalab.ui.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.course.Course;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.quiz.Attempt;
import dev.kafkalab.quiz.QuizHistory;
import dev.kafkalab.ui.common.PseudoStates;
import dev.kafkalab.ui.common.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The quiz screen in a window: a quiz taken with the keyboard to its score and review, "Show me"
 * handing over the question's link, the attempt in a fresh history read from the same file, the
 * history of attempts, a save that fails, and class mode hiding the answer until it is revealed.
 */
@ExtendWith(ApplicationExtension.class)
class QuizScreenTest {

    private static final ContentLink SLIDE_2 = new ContentLink(ContentLink.Kind.SLIDE, "03-replication", 2);
    private static final ContentLink LAB_STEP_3 = new ContentLink(ContentLink.Kind.LAB, "03-replication-failover", 3);

    @TempDir
    Path dir;

    private final List<ContentLink> shown = new CopyOnWriteArrayList<>();
    private ExecutorService io;
    private Scene scene;
    private QuizScreen screen;

    @Start
    void start(Stage stage) throws IOException {
        Course course = TestCourse.write(dir);
        io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quiz-io");
            t.setDaemon(true);
            return t;
        });
        // The choices as written (seed 0), so that the keys below pick known ones.
        screen = new QuizScreen(new QuizViewModel(new QuizHistory(new ProgressStore(progressFile())), io,
                Platform::runLater, java.time.Instant::now, java.time.ZoneId.systemDefault(), () -> 0), shown::add);
        scene = new Scene(screen, 1100, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        screen.show(course);
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private Path progressFile() {
        return dir.resolve("progress.properties");
    }

    @Test
    void aQuizTakenWithTheKeyboardIsScoredSavedAndReviewed(FxRobot robot) throws Exception {
        awaitList(robot);
        snapshot(robot, "quiz-list.png");
        robot.type(KeyCode.ENTER);
        await("question 1", () -> text(robot, "#questionNumber").equals("Question 1 of 4"));
        assertEquals("What picks the partition of a record with a key?", text(robot, "#questionText"));
        assertEquals("Choose one: press 1-3, then Enter.", text(robot, "#choosePrompt"));
        robot.type(KeyCode.DIGIT2);
        await("choice 2 picked", () -> selected(robot, 2) && !selected(robot, 1));
        snapshot(robot, "quiz-question-1.png");
        robot.type(KeyCode.ENTER);

        await("question 2", () -> text(robot, "#questionNumber").equals("Question 2 of 4"));
        assertTrue(text(robot, "#choosePrompt").startsWith("Choose all that apply"), text(robot, "#choosePrompt"));
        robot.type(KeyCode.ENTER);
        assertEquals("Question 2 of 4", fx(() -> text(robot, "#questionNumber")), "Enter waits for a pick");
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT3, KeyCode.DIGIT2, KeyCode.DIGIT2);
        await("choices 1 and 3 picked, 2 picked and unpicked", () -> selected(robot, 1) && !selected(robot, 2)
                && selected(robot, 3) && !selected(robot, 4));
        snapshot(robot, "quiz-question.png");
        robot.type(KeyCode.ENTER);

        await("question 3", () -> text(robot, "#questionNumber").equals("Question 3 of 4"));
        assertTrue(text(robot, "#choosePrompt").startsWith("True or false?"));
        robot.clickOn("#skipQuestion");
        await("question 4", () -> text(robot, "#questionNumber").equals("Question 4 of 4"));
        robot.type(KeyCode.DIGIT2, KeyCode.ENTER);

        await("the score", () -> text(robot, "#quizScore").equals("2 of 4 right (50 %)"));
        await("the attempt saved", () -> text(robot, "#saveStatus").equals("Saved as attempt 1."));
        snapshot(robot, "quiz-score.png");
        List<Attempt> saved = new QuizHistory(new ProgressStore(progressFile())).attempts(TestCourse.QUIZ_ID);
        assertEquals(1, saved.size(), "a fresh history on the same file has the attempt");
        assertEquals(List.of(Set.of(1), Set.of(0, 2), Set.of(), Set.of(1)), saved.get(0).answers());
        assertEquals(2, saved.get(0).score());

        robot.type(KeyCode.R);
        await("the review", () -> robot.lookup("#reviewList").queryAs(Parent.class).getChildrenUnmodifiable().size() == 4);
        assertEquals("Wrong", text(robot, "#verdict-1"));
        Node picked = robot.lookup("#review-1-choice-2").query();
        assertTrue(PseudoStates.has(picked, "wrong-picked"), "the learner's wrong pick is marked as such");
        assertEquals("✗", mark(picked));
        Node right = robot.lookup("#review-1-choice-1").query();
        assertTrue(PseudoStates.has(right, "right-missed"), "the right choice is marked although not picked");
        assertEquals("✓", mark(right));
        assertEquals("Right", text(robot, "#verdict-2"));
        assertTrue(PseudoStates.has(robot.lookup("#review-2-choice-3").query(), "right-picked"));
        assertEquals("Skipped", text(robot, "#verdict-3"));
        assertTrue(robot.lookup("#skipped-3").tryQuery().isPresent(), "a skipped question says so");
        assertEquals("Show me: deck 03-replication, slide 2", fx(() -> robot.lookup("#showMe-1")
                .queryButton().getText()));
        snapshot(robot, "quiz-review.png");

        click(robot, "#showMe-1");
        await("Show me handed over the slide", () -> shown.equals(List.of(SLIDE_2)));
        click(robot, "#showMe-2");
        await("Show me handed over the lab step", () -> shown.equals(List.of(SLIDE_2, LAB_STEP_3)));

        robot.type(KeyCode.ESCAPE);
        await("back to the score", () -> robot.lookup("#quizScore").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        await("the list with the best score", () -> robot.lookup("#quizList").tryQuery().isPresent()
                && screen.viewModel().row(TestCourse.QUIZ_ID).map(r -> r.attempts() == 1).orElse(false));
    }

    @Test
    void theQuizChosenWithTheArrowKeysStaysChosenAfterItsAttemptIsSaved(FxRobot robot) throws Exception {
        awaitList(robot);
        @SuppressWarnings("unchecked")
        ListView<QuizViewModel.Row> list = robot.lookup("#quizList").queryAs(ListView.class);
        robot.type(KeyCode.DOWN, KeyCode.ENTER);
        await("the second quiz's question 1", () -> text(robot, "#questionNumber").equals("Question 1 of 2")
                && text(robot, "#questionText").startsWith("How many members"));
        robot.type(KeyCode.DIGIT2, KeyCode.ENTER);
        await("question 2", () -> text(robot, "#questionNumber").equals("Question 2 of 2"));
        robot.type(KeyCode.F, KeyCode.ENTER);
        await("the score", () -> text(robot, "#quizScore").equals("2 of 2 right (100 %)"));
        await("the attempt saved", () -> text(robot, "#saveStatus").equals("Saved as attempt 1."));
        robot.type(KeyCode.ESCAPE);
        await("the list refilled with the second quiz's best, and still selected", () -> list.isFocused()
                && list.getItems().get(1).attempts() == 1
                && list.getSelectionModel().getSelectedItem().quiz().id().equals(TestCourse.SECOND_ID));
    }

    @Test
    void escapeLeavesAQuizWithoutKeepingTheAttempt(FxRobot robot) throws Exception {
        awaitList(robot);
        robot.type(KeyCode.ENTER);
        await("question 1", () -> text(robot, "#questionNumber").equals("Question 1 of 4"));
        robot.type(KeyCode.DIGIT1, KeyCode.ENTER, KeyCode.ESCAPE);
        await("the list again", () -> robot.lookup("#quizList").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), new QuizHistory(new ProgressStore(progressFile())).attempts(TestCourse.QUIZ_ID));
    }

    @Test
    void aSaveThatFailsSaysSoAndKeepsTheScore(FxRobot robot) throws Exception {
        awaitList(robot);
        // The store writes a temporary file beside the real one first: a folder in its way makes it fail.
        Path inTheWay = Files.createDirectory(dir.resolve("progress.properties.tmp"));
        robot.type(KeyCode.ENTER);
        for (int q = 1; q <= 4; q++) {
            int n = q;
            await("question " + n, () -> text(robot, "#questionNumber").equals("Question " + n + " of 4"));
            robot.type(KeyCode.DIGIT1, KeyCode.ENTER);
        }
        await("the save failed", () -> text(robot, "#saveStatus").startsWith("⚠ Your attempt could not be saved: "));
        snapshot(robot, "quiz-save-failed.png");
        assertEquals("1 of 4 right (25 %)", text(robot, "#quizScore"));
        assertTrue(fx(() -> robot.lookup("#retrySave").query().isVisible()));

        Files.delete(inTheWay);
        robot.clickOn("#retrySave");
        await("saved on the second try", () -> text(robot, "#saveStatus").equals("Saved as attempt 1."));
        assertFalse(fx(() -> robot.lookup("#retrySave").query().isVisible()));
    }

    @Test
    void historyListsAttemptsNewestFirstAndOpensTheirReview(FxRobot robot) throws Exception {
        awaitList(robot);
        QuizViewModel vm = screen.viewModel();
        for (List<Integer> picks : List.of(List.of(2, 1, 1, 1), List.of(1, 1, 2, 2))) {
            robot.interact(() -> {
                vm.take(vm.row(TestCourse.QUIZ_ID).orElseThrow().quiz());
                for (int p : picks) {
                    vm.pick(p);
                    vm.next();
                }
            });
            await("an attempt saved", () -> vm.save().get() != null
                    && vm.save().get().state() == QuizViewModel.Save.State.SAVED);
            robot.interact(vm::leave);
        }
        await("both attempts in the list", () -> vm.row(TestCourse.QUIZ_ID).orElseThrow().attempts() == 2);
        robot.clickOn("#quizHistory");
        @SuppressWarnings("unchecked")
        ListView<Attempt> history = robot.lookup("#historyList").queryAs(ListView.class);
        await("the attempts, newest first", () -> history.getItems().stream().map(Attempt::number).toList()
                .equals(List.of(2, 1)));
        await("the newest one's review", () -> vm.review().get() != null
                && vm.review().get().heading().startsWith("Attempt 2 · ") && text(robot, "#verdict-1").equals("Right"));
        snapshot(robot, "quiz-history.png");
        robot.type(KeyCode.DOWN);
        await("attempt 1's review", () -> vm.review().get().heading().startsWith("Attempt 1 · ")
                && text(robot, "#verdict-1").equals("Wrong"));
        robot.type(KeyCode.ESCAPE);
        await("the list again", () -> robot.lookup("#quizList").tryQuery().isPresent());
    }

    @Test
    void classModeHidesTheAnswerUntilRevealed(FxRobot robot) throws Exception {
        awaitList(robot);
        robot.clickOn("#classMode");
        await("class mode on question 1", () -> text(robot, "#classNumber").equals("Question 1 of 4"));
        assertFalse(fx(() -> robot.lookup("#classWhy").query().isVisible()), "the explanation waits for Reveal");
        assertFalse(fx(() -> PseudoStates.has(robot.lookup("#classChoice-1").query(), "right")));
        robot.type(KeyCode.SPACE);
        await("the answer revealed", () -> robot.lookup("#classWhy").query().isVisible()
                && PseudoStates.has(robot.lookup("#classChoice-1").query(), "right"));

        robot.type(KeyCode.RIGHT);
        await("question 2, its answer hidden", () -> text(robot, "#classNumber").equals("Question 2 of 4")
                && !robot.lookup("#classWhy").query().isVisible());
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_UP);
        await("still question 2 after PageDown, PageUp", () -> text(robot, "#classNumber").equals("Question 2 of 4"));
        robot.type(KeyCode.R);
        await("question 2 revealed", () -> robot.lookup("#classWhy").query().isVisible());
        assertTrue(fx(() -> PseudoStates.has(robot.lookup("#classChoice-1").query(), "right")
                && PseudoStates.has(robot.lookup("#classChoice-3").query(), "right")
                && PseudoStates.has(robot.lookup("#classChoice-2").query(), "wrong")));
        snapshot(robot, "quiz-class.png");
        robot.interact(() -> Theme.toggleDark(scene));
        try {
            snapshot(robot, "quiz-class-dark.png");
        } finally {
            robot.interact(() -> Theme.toggleDark(scene));
        }
        click(robot, "#showMe-2");
        await("Show me (live) handed over the lab step", () -> shown.equals(List.of(LAB_STEP_3)));

        robot.type(KeyCode.ESCAPE);
        await("the list again", () -> robot.lookup("#quizList").tryQuery().isPresent());
        assertEquals(0, screen.viewModel().row(TestCourse.QUIZ_ID).orElseThrow().attempts(), "class mode records nothing");
    }

    // Helpers

    private void awaitList(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<QuizViewModel.Row> list = robot.lookup("#quizList").queryAs(ListView.class);
        await("the list with two quizzes and the broken file, the first quiz selected", () -> list.getItems().size() == 3
                && list.getSelectionModel().getSelectedIndex() == 0 && list.isFocused());
        assertEquals("04-broken.quiz.md:5: question 1 has no right choice: mark one '- [x]'",
                fx(() -> list.getItems().get(2).problem()));
    }

    private static boolean selected(FxRobot robot, int choice) {
        return robot.lookup("#choice-" + choice).queryAs(ToggleButton.class).isSelected();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String mark(Node answerRow) {
        return ((Label) answerRow.lookup(".answer-mark")).getText();
    }

    /** Scrolls the button into view (the review is taller than the window), then clicks it. */
    private static void click(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        fx(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll) {
                    Bounds b = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double room = scroll.getContent().getLayoutBounds().getHeight()
                            - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }

    /** Writes what the window shows to target/, to look at. */
    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = fx(() -> scene.snapshot(null));
        Files.createDirectories(Path.of("target"));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Path.of("target", name).toFile());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits for a condition read on the FX thread; one that throws (a node not there yet) counts as not yet. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                try {
                    return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited 10 s for " + what);
        }
    }
}
