package dev.kafkalab.ui.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.course.Course;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.ui.common.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The slides screen in a window, without a cluster (its decks have no live widgets): the keys a
 * clicker sends, the overview grid, the deck list opening a deck where it was left, a reload,
 * a link to a deck that is not there, and a presentation ended with Esc.
 */
@ExtendWith(ApplicationExtension.class)
class SlidesScreenTest {

    @TempDir
    Path dir;

    private Path slides;
    private SlidesScreen screen;

    @Start
    void start(Stage stage) throws IOException {
        slides = Files.createDirectories(dir.resolve("slides"));
        deck("01-basics", "Basics", 1, 4);
        deck("02-cluster", "Cluster", 2, 3);
        ProgressStore store = new ProgressStore(dir.resolve("progress.properties"));
        store.update(java.util.Map.of("deck.02-cluster.slide", "3"));
        // No live widget on these decks, and no cluster behind the widgets (as while it starts).
        screen = new SlidesScreen(new SlidesViewModel(store, Runnable::run, Runnable::run),
                new LiveWidgets(new javafx.beans.property.SimpleObjectProperty<>()), link -> { }, () -> { });
        Scene scene = new Scene(screen, 1100, 800);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        screen.show(course());
    }

    private void deck(String id, String title, int module, int count) throws IOException {
        StringBuilder text = new StringBuilder("---\ntitle: " + title + "\nmodule: " + module + "\n---\n");
        for (int i = 1; i <= count; i++) {
            text.append(i > 1 ? "---\n" : "").append("# ").append(title).append(' ').append(i).append("\n\nNote:\n")
                    .append("Say ").append(i).append(".\n");
        }
        Files.writeString(slides.resolve(id + ".md"), text, StandardCharsets.UTF_8);
    }

    private Course course() {
        return Course.load(Path.of("labs"), slides);
    }

    @Test
    void aClickerMovesThroughTheDeckAndTheGridJumps(FxRobot robot) throws Exception {
        await("the first deck at slide 1", () -> position(robot).equals("1 / 4"));
        robot.clickOn("#slideHost");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.SPACE, KeyCode.RIGHT);
        await("slide 4", () -> position(robot).equals("4 / 4"));
        robot.type(KeyCode.RIGHT);
        await("still slide 4", () -> position(robot).equals("4 / 4"));
        robot.type(KeyCode.HOME);
        await("slide 1 after Home", () -> position(robot).equals("1 / 4"));
        robot.type(KeyCode.END, KeyCode.PAGE_UP);
        await("slide 3 after End, Page Up", () -> position(robot).equals("3 / 4"));

        robot.type(KeyCode.G);
        await("the grid", () -> robot.lookup("#overviewGrid").tryQuery().isPresent());
        assertTrue(robot.lookup("#overview-3").query().getStyleClass().contains("current"));
        robot.type(KeyCode.LEFT);
        await("the grid marks slide 2", () -> robot.lookup("#overview-2").query().getStyleClass().contains("current"));
        robot.type(KeyCode.ESCAPE);
        await("the grid closed", () -> robot.lookup("#overviewGrid").tryQuery().isEmpty());
        robot.clickOn("#slideOverview");
        robot.clickOn("#overview-4");
        await("slide 4 from the grid, closed", () -> position(robot).equals("4 / 4")
                && robot.lookup("#overviewGrid").tryQuery().isEmpty());
    }

    @Test
    void theDeckListOpensADeckWhereItWasLeftAndAReloadKeepsIt(FxRobot robot) throws Exception {
        await("the first deck", () -> position(robot).equals("1 / 4"));
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> cell && cell.getText() != null
                && cell.getText().contains("Cluster")).queryAs(javafx.scene.Node.class));
        await("the second deck at its remembered slide", () -> position(robot).equals("3 / 3"));
        assertEquals("Say 3.", notes(robot));
        robot.interact(() -> screen.show(course()));
        await("the same deck after a reload", () -> screen.deck().orElseThrow().id().equals("02-cluster")
                && position(robot).equals("3 / 3"));
        robot.interact(() -> screen.open("09-missing", 1));
        assertEquals("No deck 09-missing in slides/.", robot.lookup("#slidesMessage").queryAs(Label.class).getText());
        robot.interact(() -> screen.open("01-basics", 2));
        await("a link's slide", () -> position(robot).equals("2 / 4") && screen.slideNumber() == 2);
    }

    @Test
    void aPresentationFollowsTheKeysAndEscEndsIt(FxRobot robot) throws Exception {
        await("the first deck", () -> position(robot).equals("1 / 4"));
        robot.clickOn("#slideHost");
        robot.type(KeyCode.F5);
        await("the audience window", () -> screen.audienceWindow() != null && screen.audienceWindow().isShowing());
        Stage audience = screen.audienceWindow();
        robot.targetWindow(audience);
        robot.type(KeyCode.SPACE);
        await("slide 2 while presenting", () -> screen.slideNumber() == 2 && position(robot).equals("2 / 4"));
        robot.type(KeyCode.G);
        await("the grid over the audience's slide", () -> robot.lookup("#overviewGrid").tryQuery()
                .map(n -> n.getScene().getWindow() == audience).orElse(false));
        robot.type(KeyCode.ESCAPE);
        await("the grid closed", () -> robot.lookup("#overviewGrid").tryQuery().isEmpty());
        assertTrue(audience.isShowing(), "Esc in the grid closes the grid, not the presentation");
        robot.type(KeyCode.ESCAPE);
        await("the presentation over", () -> !audience.isShowing() && screen.audienceWindow() == null);
        assertFalse(screen.viewModel().presenting().get());
        await("the slide back in the window", () -> robot.lookup("#slideHost").queryAs(javafx.scene.layout.StackPane.class)
                .getChildren().stream().anyMatch(n -> n instanceof SlideView));
    }

    private static String position(FxRobot robot) {
        return robot.lookup("#slidePosition").queryAs(Label.class).getText();
    }

    /** The speaker notes as text: the notes pane is collapsed, so its nodes are read, not its skins. */
    private static String notes(FxRobot robot) {
        StringBuilder out = new StringBuilder();
        text(robot.lookup("#slideNotes").query(), out);
        return out.toString().strip();
    }

    private static void text(javafx.scene.Node node, StringBuilder out) {
        if (node instanceof javafx.scene.text.Text t) {
            out.append(t.getText());
        } else if (node instanceof javafx.scene.control.Labeled l) {
            out.append(l.getText());
        } else if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> text(c, out));
        }
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        assertTrue(condition.getAsBoolean(), what);
    }
}
