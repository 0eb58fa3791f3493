package dev.kafkalab.ui;

import static dev.kafkalab.testkit.ShellUnderTest.press;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramStore;
import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.code.ConsoleLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Lab 10 on the Code screen, in the real window on the real cluster: the lab's starter opens in
 * the editor; a change typed there is saved, compiled and run, its output shows in the console
 * and the step's check turns green; a mistake typed next is reported at its line.
 */
@ExtendWith(ApplicationExtension.class)
class CodeScreenIT {

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
    void aChangeTypedInTheEditorRunsOnTheClusterAndAMistakeIsMarkedAtItsLine(FxRobot robot) throws Exception {
        ByHand hand = new ByHand(robot);
        hand.awaitCluster();
        hand.open("labs/10-producer-in-java.md", 4);
        hand.step(1);
        hand.labAction(1);
        hand.passed(60);

        hand.step(2);
        CodeArea editor = robot.lookup("#codeEditor").queryAs(CodeArea.class);
        ByHand.await("Code screen: the starter of producer-in-java in the editor", 30,
                () -> editor.getText().contains("\"my first record\"") && editor.isVisible(), editor::getText);

        // A change as typing makes it: at the caret, into the starter's value.
        robot.interact(() -> {
            int at = editor.getText().indexOf("my first record");
            editor.moveTo(at);
            editor.replaceText(at, at + "my first record".length(), "typed in the editor");
        });
        press(robot, "#codeRun");
        @SuppressWarnings("unchecked")
        ListView<ConsoleLine> console = robot.lookup("#codeConsole").queryAs(ListView.class);
        ByHand.await("Code screen: the program's line in the console", 60,
                () -> console.getItems().stream().anyMatch(l -> l.text().startsWith("sent to partition ")),
                () -> console.getItems().toString());
        hand.passed(60);
        Path saved = ProgramStore.defaultFolder().resolve("producer-in-java/ProducerDemo.java");
        assertTrue(Files.readString(saved).contains("\"typed in the editor\""), "the change is saved in " + saved);

        // A mistake: a statement without its semicolon, on a line of its own.
        int line = ByHand.fx(() -> {
            int at = editor.getText().indexOf("        System.out.println(\"sent to partition");
            editor.insertText(at, "        int broken = 1\n");
            return editor.offsetToPosition(at, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor() + 1;
        });
        ByHand.await("Code screen: Run enabled again", 30, () -> !robot.lookup("#codeRun").query().isDisabled(),
                () -> null);
        press(robot, "#codeRun");
        @SuppressWarnings("unchecked")
        ListView<ProgramCompiler.Problem> problems = robot.lookup("#codeProblems").queryAs(ListView.class);
        ByHand.await("Code screen: the compile error listed", 30, () -> !problems.getItems().isEmpty(),
                () -> null);
        ProgramCompiler.Problem first = ByHand.fx(() -> problems.getItems().get(0));
        assertEquals("ProducerDemo.java:" + line + ": ';' expected", first.toString(), "the error at the line typed");
        ByHand.await("Code screen: line " + line + " marked in the editor", 10,
                () -> editor.getParagraph(line - 1).getParagraphStyle().equals(List.of("error-line")),
                () -> editor.getParagraph(line - 1).getParagraphStyle().toString());
    }
}
