package dev.kafkalab.ui;

import static dev.kafkalab.testkit.ShellUnderTest.await;
import static dev.kafkalab.testkit.ShellUnderTest.press;
import static dev.kafkalab.testkit.ShellUnderTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.course.Course;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.code.ConsoleLine;
import dev.kafkalab.ui.lab.LabViewModel;
import dev.kafkalab.ui.quiz.QuizScreen;
import dev.kafkalab.ui.slides.SlidesScreen;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window while the cluster starts, held back by the test until it has looked: every screen
 * can be reached, slides, quizzes, labs and code work, Produce and Consume say they wait, and a
 * lab's action and a program's run pressed meanwhile wait for the cluster and then happen.
 */
@ExtendWith(ApplicationExtension.class)
class ShellBeforeClusterIT {

    private final CompletableFuture<Void> go = new CompletableFuture<>();
    private ShellUnderTest app;

    @Start
    void start(Stage stage) throws Exception {
        app = ShellUnderTest.start(stage, go);
    }

    @AfterEach
    void stop() throws Exception {
        go.complete(null);
        app.close();
    }

    @Test
    void everyScreenWorksOrWaitsVisiblyUntilTheClusterRuns(FxRobot robot) throws Exception {
        await("the navigation, before the cluster runs", 30, () -> robot.lookup("#navCode").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#stripStart").startsWith("cluster: starting"), text(robot, "#stripStart"));

        // The cluster screen shows its start; Produce and Consume say what they wait for.
        key(robot, KeyCode.DIGIT1);
        await("the cluster's start on the Cluster screen", 10, () -> robot.lookup("#startupView").query().isVisible());
        key(robot, KeyCode.DIGIT2);
        await("Produce waiting for the cluster", 10, () -> robot.lookup("#waitingProduce").query().isVisible());
        key(robot, KeyCode.DIGIT3);
        await("Consume waiting for the cluster", 10, () -> robot.lookup("#waitingConsume").query().isVisible());
        press(robot, "#waitingConsumeShowStart");
        await("its button back on the Cluster screen", 10, () -> robot.lookup("#startupView").query().isVisible());

        // Slides: a deck with the live broker cards opens; the cards wait for the cluster.
        Deck deck = Course.load(Path.of("labs"), Path.of("slides")).decks().stream()
                .filter(d -> brokersSlide(d) > 0).findFirst().orElseThrow();
        key(robot, KeyCode.DIGIT5);
        SlidesScreen slides = robot.lookup("#slidesScreen").queryAs(SlidesScreen.class);
        await("the slides screen with a deck open", 30, () -> slides.isVisible() && slides.deck().isPresent());
        robot.interact(() -> slides.open(deck.id(), brokersSlide(deck)));
        await("the slide's live cards waiting for the cluster", 10, () -> robot.lookup(".live-waiting").queryAll()
                .stream().anyMatch(Node::isVisible));
        assertFalse(robot.lookup("#slide-killBroker2").tryQuery().isPresent(), "no broker card before the cluster runs");

        // Quizzes: the list is there.
        key(robot, KeyCode.DIGIT6);
        QuizScreen quizzes = robot.lookup("#quizScreen").queryAs(QuizScreen.class);
        await("the quiz screen shown", 10, quizzes::isVisible);

        // Labs: lab 10 opens; its first action, pressed now, waits for the cluster and says so.
        key(robot, KeyCode.DIGIT4);
        ListView<LabViewModel.Row> list = robot.lookup("#labList").query();
        await("the lab list filled", 30, () -> list.getItems().stream().anyMatch(r -> r.id().equals("10-producer-in-java")));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals("10-producer-in-java")).findFirst().orElseThrow()));
        press(robot, "#openLab");
        await("the lab panel on step 1", 20, () -> text(robot, "#stepTitle").startsWith("Step 1 of "));
        javafx.scene.control.TitledPane about = robot.lookup("#labAbout").queryAs(javafx.scene.control.TitledPane.class);
        assertTrue(about.isVisible() && about.isExpanded(), "step 1 opens the lab's introduction");
        assertTrue(robot.from(about).lookup((Node n) -> n instanceof javafx.scene.text.Text t
                && t.getText().contains("Half of Kafka is code")).tryQuery().isPresent(), "the introduction's text shown");
        press(robot, "#labAction1");
        await("the action waiting for the cluster", 20, () -> text(robot, "#labMessage")
                .contains("waiting for the cluster to start"), () -> text(robot, "#labMessage"));

        // Code: step 2 shows the lab's program; a run pressed now is compiled and waits for the cluster.
        press(robot, "#stepNext");
        await("the introduction folded on step 2", 20, () -> !about.isExpanded());
        CodeArea editor = robot.lookup("#codeEditor").queryAs(CodeArea.class);
        await("the lab's program on the Code screen", 30, () -> editor.isVisible() && editor.getText()
                .contains("class ProducerDemo"), editor::getText);
        robot.interact(() -> editor.replaceText("""
                public class ProducerDemo {
                    public static void main(String[] args) {
                        System.out.println("cluster at " + args[0]);
                    }
                }
                """));
        press(robot, "#codeRun");
        await("the run waiting for the cluster", 120, () -> text(robot, "#codeStatus")
                .equals("producer-in-java compiled; it runs once the cluster has started..."),
                () -> text(robot, "#codeStatus"));

        // The cluster starts: the screens arrive, and what waited happens.
        go.complete(null);
        await("the Cluster screen, once the cluster runs", 180, () -> robot.lookup("#clusterScreen").tryQuery()
                .isPresent());
        @SuppressWarnings("unchecked")
        ListView<ConsoleLine> console = robot.lookup("#codeConsole").queryAs(ListView.class);
        await("the waiting program run with the cluster's address", 120, () -> console.getItems().stream()
                .anyMatch(l -> l.text().startsWith("cluster at 127.0.0.1:")), () -> console.getItems().toString());
        await("the waiting action done", 60, () -> text(robot, "#labMessage").startsWith("Created topic my-example-topic"),
                () -> text(robot, "#labMessage"));
        press(robot, "#stepPrevious");
        await("step 1's check green: the topic the waiting action created", 60, () -> text(robot, "#stepCheckText")
                .startsWith("Seen on the cluster"), () -> text(robot, "#stepCheckText"));
        assertFalse(text(robot, "#stripHealth").isEmpty(), "the strip shows the cluster's health");
        assertFalse(robot.lookup("#stripStart").tryQuery().isPresent(), "the start's chip gave way to the nodes'");

        key(robot, KeyCode.DIGIT5);
        await("the slide's live broker cards, once the cluster runs", 30, () -> robot.lookup("#slide-killBroker2")
                .tryQuery().isPresent());
        key(robot, KeyCode.DIGIT2);
        await("the Produce screen in place of its wait", 10, () -> robot.lookup("#produceScreen").query().isVisible());
        assertEquals(1, robot.lookup("#navProduce").queryAllAs(ToggleButton.class).size(), "one Produce button");
    }

    private static void key(FxRobot robot, KeyCode digit) {
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The first slide of a deck with the live broker cards, or 0. */
    private static int brokersSlide(Deck deck) {
        return deck.slides().stream().filter(s -> s.parts().stream().anyMatch(p -> p instanceof Slide.Live l
                && l.widget() == Slide.Widget.BROKERS)).mapToInt(Slide::number).findFirst().orElse(0);
    }
}
