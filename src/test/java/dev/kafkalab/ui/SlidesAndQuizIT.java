package dev.kafkalab.ui;

import static dev.kafkalab.testkit.ShellUnderTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.course.Course;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.quiz.QuizScreen;
import dev.kafkalab.ui.slides.SlidesScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The course's decks in the real window on the real cluster: a slide with the live broker cards
 * kills and restarts a broker, a deck is presented with the keys a clicker sends, and a quiz is
 * taken and reviewed.
 */
@ExtendWith(ApplicationExtension.class)
class SlidesAndQuizIT {

    private ShellUnderTest app;

    @Start
    void start(Stage stage) throws Exception {
        app = ShellUnderTest.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void anInstructorBreaksABrokerFromASlidePresentsTheDeckAndReviewsAQuiz(FxRobot robot) throws Exception {
        Course course = Course.load(Path.of("labs"), Path.of("slides"));
        Deck deck = course.decks().stream().filter(d -> brokersSlide(d) > 0).findFirst()
                .orElseThrow(() -> new AssertionError("no deck in slides/ has a slide with @live brokers"));
        int brokers = brokersSlide(deck);
        int count = deck.slides().size();

        ShellUnderTest.await("the cluster's screens, once it runs", 120,
                () -> robot.lookup("#clusterScreen").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        SlidesScreen slides = robot.lookup("#slidesScreen").queryAs(SlidesScreen.class);
        ShellUnderTest.await("the slides screen with a deck open", 30, () -> slides.isVisible() && slides.deck().isPresent());
        robot.interact(() -> slides.open(deck.id(), 1));
        robot.clickOn("#slideHost");
        // A clicker: Page Down to the slide with the broker cards, Home back, Right again.
        for (int i = 1; i < brokers; i++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        ShellUnderTest.await("slide " + brokers + " after Page Down", 10, () -> text(robot, "#slidePosition")
                .equals(brokers + " / " + count));
        robot.type(KeyCode.HOME);
        ShellUnderTest.await("slide 1 after Home", 10, () -> text(robot, "#slidePosition").equals("1 / " + count));
        robot.type(KeyCode.END);
        ShellUnderTest.await("the last slide after End", 10, () -> text(robot, "#slidePosition")
                .equals(count + " / " + count));
        robot.interact(() -> slides.open(deck.id(), brokers));

        // The live cards on the slide are the real thing: kill broker 2 from the slide, start it again.
        ShellUnderTest.await("broker 2's live card on the slide", 10, () -> robot.lookup("#slide-killBroker2").tryQuery()
                .map(n -> n.isVisible() && !((Button) n).isDisabled()).orElse(false));
        ShellUnderTest.press(robot, "#slide-killBroker2");
        ShellUnderTest.await("broker 2 killed, on the slide and in the strip", 30, () -> text(robot,
                "#slide-stateBroker2").equals("killed") && text(robot, "#strip-2").endsWith("killed"));
        ShellUnderTest.press(robot, "#slide-startBroker2");
        ShellUnderTest.await("broker 2 running again", 90, () -> text(robot, "#slide-stateBroker2").equals("running"));

        // Presenting: the audience window takes the keys; G shows the grid, Esc leaves it, then the show.
        robot.type(KeyCode.F5);
        ShellUnderTest.await("the audience window", 10, () -> slides.audienceWindow() != null
                && slides.audienceWindow().isShowing());
        Stage audience = slides.audienceWindow();
        robot.targetWindow(audience);
        robot.type(KeyCode.SPACE);
        ShellUnderTest.await("the next slide after Space", 10, () -> slides.slideNumber() == Math.min(brokers + 1, count));
        robot.type(KeyCode.PAGE_UP);
        ShellUnderTest.await("back after Page Up", 10, () -> slides.slideNumber() == brokers);
        robot.type(KeyCode.G);
        ShellUnderTest.await("the overview grid", 10, () -> robot.lookup("#overviewGrid").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        ShellUnderTest.await("the grid closed", 10, () -> robot.lookup("#overviewGrid").tryQuery().isEmpty());
        assertTrue(audience.isShowing(), "Esc in the grid closes the grid, not the presentation");
        robot.type(KeyCode.P);
        ShellUnderTest.await("the presenter window", 10, () -> slides.presenterWindow() != null
                && slides.presenterWindow().isShowing());
        assertEquals("slide " + brokers + " of " + count, text(robot, "#presenterPosition"));
        robot.targetWindow(audience);
        robot.type(KeyCode.ESCAPE);
        ShellUnderTest.await("the presentation over", 10, () -> !audience.isShowing() && slides.audienceWindow() == null);
        assertEquals(brokers + " / " + count, text(robot, "#slidePosition"), "back in the window where it ended");

        // The deck's quiz, taken with the keys: always the first choice; then the review, and "Show me".
        Quiz quiz = course.quiz(deck.id() + ".quiz").orElseThrow();
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        QuizScreen quizzes = robot.lookup("#quizScreen").queryAs(QuizScreen.class);
        ShellUnderTest.await("the quiz list", 20, () -> quizzes.isVisible() && !quizzes.viewModel().rows().isEmpty());
        robot.interact(() -> quizzes.viewModel().take(quiz));
        // The choices in this attempt's own order: the first one pressed is the first one shown.
        Quiz shown = quizzes.viewModel().run().get().quiz();
        for (int i = 0; i < quiz.questions().size(); i++) {
            int number = i + 1;
            ShellUnderTest.await("question " + number, 10, () -> quizzes.viewModel().run().get() != null
                    && quizzes.viewModel().run().get().index() == number - 1);
            robot.type(KeyCode.DIGIT1, KeyCode.ENTER);
        }
        List<Set<Integer>> firsts = quiz.questions().stream().map(q -> Set.of(0)).toList();
        int right = shown.score(firsts);
        ShellUnderTest.await("the score", 10, () -> robot.lookup("#quizScore").tryQuery().map(n -> n.isVisible())
                .orElse(false));
        assertTrue(text(robot, "#quizScore").startsWith(right + " of " + quiz.questions().size() + " right"),
                text(robot, "#quizScore"));
        robot.type(KeyCode.R);
        ShellUnderTest.await("the review", 10, () -> robot.lookup("#reviewList").tryQuery().map(n -> n.isVisible())
                .orElse(false));
        ContentLink first = quiz.questions().get(0).see();
        ShellUnderTest.press(robot, "#showMe-1");
        if (first.kind() == ContentLink.Kind.LAB) {
            ShellUnderTest.await("the lab of question 1 at its step", 20, () -> text(robot, "#stepTitle")
                    .startsWith("Step " + first.number() + " of "));
        } else {
            ShellUnderTest.await("the slide of question 1", 20, () -> slides.isVisible()
                    && slides.slideNumber() == first.number() && slides.deck().get().id().equals(first.id()));
        }
    }

    /** The first slide of a deck with the live broker cards, or 0. */
    private static int brokersSlide(Deck deck) {
        return deck.slides().stream().filter(s -> s.parts().stream().anyMatch(p -> p instanceof Slide.Live l
                && l.widget() == Slide.Widget.BROKERS)).mapToInt(Slide::number).findFirst().orElse(0);
    }

    private static void key(FxRobot robot, KeyCode modifier, KeyCode key) {
        robot.press(modifier).press(key).release(key).release(modifier);
    }
}
