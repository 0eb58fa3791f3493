package dev.kafkalab.ui;

import static dev.kafkalab.testkit.ShellUnderTest.await;
import static dev.kafkalab.testkit.ShellUnderTest.press;
import static dev.kafkalab.testkit.ShellUnderTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.course.Course;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.testkit.ScreenFit;
import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.slides.SlidesScreen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen shows every control whole, as a class sees it: at 1280x720 with the default font,
 * and at 1920x1080 with the font at 150% (projector mode), and the Labs screen with a lab open at
 * both, on a cluster with a topic, records sent, a group reading and events on the timeline.
 * (Beside an open lab the other screens have half the width: their frame scrolls there.)
 * A control leaving the window or its side of a split pane, or a text elided ("Partit..."), fails
 * the test with the screen, the size and the control named. Set {@code -Dfit.shots=DIR} to keep a
 * PNG of each screen.
 */
@ExtendWith(ApplicationExtension.class)
class EveryScreenFitsIT {

    private static final Map<String, KeyCode> SCREENS = new java.util.LinkedHashMap<>();

    static {
        // Monocle's headless screen is 1280x800 unless told: room for the larger window.
        System.setProperty("headless.geometry", "1920x1080-32");
        SCREENS.put("clusterScreen", KeyCode.DIGIT1);
        SCREENS.put("produceScreen", KeyCode.DIGIT2);
        SCREENS.put("consumeScreen", KeyCode.DIGIT3);
        SCREENS.put("labsScreen", KeyCode.DIGIT4);
        SCREENS.put("slidesScreen", KeyCode.DIGIT5);
        SCREENS.put("quizScreen", KeyCode.DIGIT6);
        SCREENS.put("codeScreen", KeyCode.DIGIT7);
        SCREENS.put("mapScreen", KeyCode.DIGIT8);
    }

    private ShellUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = ShellUnderTest.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void everyScreenShowsEveryControlWholeAtBothSizes(FxRobot robot) throws Exception {
        await("the cluster screen laid out", 120, () -> robot.lookup("#topicName").tryQuery().isPresent());
        await("three brokers running", 60, () -> text(robot, "#stateBroker3").equals("running"));
        WaitForAsyncUtils.waitForFxEvents();
        fillTheScreens(robot);

        List<String> problems = new ArrayList<>();
        look(robot, 1280, 720, 0, SCREENS, "", problems);
        liveWidgets(robot, problems);
        look(robot, 1920, 1080, 3, SCREENS, " at 150%", problems);
        // The map is for the back of a room: at 150% on a 1280x720 projector too, twelve partitions a
        // broker. Those are taller than the window there: it may scroll down, but never sideways.
        look(robot, 1280, 720, 0, Map.of("mapScreen", KeyCode.DIGIT8), " at 150%", true, problems);
        openALab(robot);
        Map<String, KeyCode> labs = Map.of("labsScreen", KeyCode.DIGIT4);
        look(robot, 1920, 1080, 0, labs, " at 150% with a lab open", problems);
        look(robot, 1280, 720, -3, labs, " with a lab open", problems);
        assertEquals(List.of(), problems, "controls cut off or elided:\n" + String.join("\n", problems));
    }

    /** A topic with records, keys and a group, so the tables, charts and cards have rows, and events on the timeline. */
    private void fillTheScreens(FxRobot robot) throws Exception {
        robot.clickOn("#topicName").write("fit-orders-with-a-long-name");
        robot.doubleClickOn("#topicPartitions").write("12");
        robot.clickOn("#createTopic");
        await("partition rows of the topic", 30, () -> rows(robot) == 12);
        // The topic deck 5's live slides show.
        robot.doubleClickOn("#topicName").eraseText(30).write("my-failsafe-topic");
        robot.doubleClickOn("#topicPartitions").write("3");
        robot.clickOn("#createTopic");
        await("partition rows of my-failsafe-topic", 30, () -> rows(robot) == 3);
        key(robot, KeyCode.DIGIT2);
        await("the produce screen shown", 10, () -> robot.lookup("#produceScreen").query().isVisible());
        robot.doubleClickOn("#burstCount").write("40");
        robot.clickOn("#sendBurst");
        await("40 records listed", 60, () -> robot.lookup("#producedRecords").queryTableView().getItems().size() == 40);
        key(robot, KeyCode.DIGIT3);
        await("the consume screen shown", 10, () -> robot.lookup("#consumeScreen").query().isVisible());
        robot.clickOn("#startGroup");
        await("three members with partitions", 60, () -> Stream.of("member-1", "member-2", "member-3")
                .allMatch(m -> robot.lookup("#assigned-" + m).tryQuery().isPresent()));
        key(robot, KeyCode.DIGIT8);
        robot.interact(() -> robot.lookup("#mapTopic").queryComboBox().getSelectionModel()
                .select("fit-orders-with-a-long-name"));
        await("the map's tiles", 20, () -> robot.lookup(".map-tile").tryQuery().isPresent());
    }

    /**
     * Each kind of live widget on the first slide that has it: whole within the slide, and its
     * text (the median of its labels) at least three quarters the size of the slide's own, it was
     * about half, and no note under three fifths.
     */
    private void liveWidgets(FxRobot robot, List<String> problems) throws Exception {
        key(robot, KeyCode.DIGIT5);
        SlidesScreen slides = robot.lookup("#slidesScreen").queryAs(SlidesScreen.class);
        await("the slides screen with a deck open", 30, () -> slides.isVisible() && slides.deck().isPresent());
        List<Deck> decks = Course.load(Path.of("labs"), Path.of("slides")).decks();
        for (Slide.Widget widget : Slide.Widget.values()) {
            Deck deck = decks.stream().filter(d -> slideWith(d, widget) > 0).findFirst().orElse(null);
            if (deck == null) {
                continue;
            }
            robot.interact(() -> slides.open(deck.id(), slideWith(deck, widget)));
            await(widget + " on its slide", 20, () -> robot.lookup(".slide .live-widget").tryQuery()
                    .filter(Node::isVisible).isPresent());
            settle();
            String where = "slide " + deck.id() + "/" + slideWith(deck, widget) + " (" + widget + ")";
            problems.addAll(WaitForAsyncUtils.asyncFx(() -> {
                List<String> found = new ArrayList<>();
                Node slide = robot.lookup(".slide").match(Node::isVisible).query();
                ScreenFit.problems(slide).forEach(p -> found.add(where + ": " + p));
                double slideText = ((javafx.scene.layout.Region) slide).lookup(".md-paragraph .md-text") instanceof
                        javafx.scene.text.Text t ? t.getFont().getSize() : 27;
                List<Labeled> labels = robot.lookup(".slide .live-widget .label").queryAllAs(Labeled.class).stream()
                        .filter(Node::isVisible).filter(l -> l.getText() != null && !l.getText().isBlank()).toList();
                double[] sizes = labels.stream().mapToDouble(l -> l.getFont().getSize()).sorted().toArray();
                if (sizes.length > 0 && sizes[sizes.length / 2] < 0.75 * slideText) {
                    found.add(where + ": its text at " + sizes[sizes.length / 2] + " px (median) beside the slide's "
                            + slideText + " px");
                }
                labels.stream().filter(l -> l.getFont().getSize() < 0.6 * slideText).findFirst().ifPresent(l -> found.add(
                        where + ": '" + l.getText() + "' at " + l.getFont().getSize() + " px, too small to read"));
                return found;
            }).get(10, java.util.concurrent.TimeUnit.SECONDS));
            shoot("slide-" + widget);
        }
    }

    /** The rows of the partition list: a list makes cells only for the rows it shows. */
    private static int rows(FxRobot robot) {
        return robot.lookup("#partitionList").queryListView().getItems().size();
    }

    /** Scrolls the lab's steps to its map, for the pictures. */
    private static void revealLabMap(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane steps = robot.lookup("#labPanel .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
            Node pane = robot.lookup("#labMapPane").query();
            steps.getContent().applyCss();
            ((javafx.scene.Parent) steps.getContent()).layout();
            double y = pane.getBoundsInParent().getMinY();
            double room = steps.getContent().getLayoutBounds().getHeight() - steps.getViewportBounds().getHeight();
            steps.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
        });
    }

    private static int slideWith(Deck deck, Slide.Widget widget) {
        return deck.slides().stream().filter(s -> s.parts().stream().anyMatch(p -> p instanceof Slide.Live l
                && l.widget() == widget)).mapToInt(Slide::number).findFirst().orElse(0);
    }

    private void openALab(FxRobot robot) throws Exception {
        key(robot, KeyCode.DIGIT4);
        await("the lab list filled", 20, () -> !robot.lookup("#labList").queryAs(ListView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#labList").queryAs(ListView.class).getSelectionModel().select(2));
        press(robot, "#openLab");
        await("the lab panel on step 1", 20, () -> text(robot, "#stepTitle").startsWith("Step 1 of "));
        // Its map open, showing the lab's topic beside the steps.
        robot.interact(() -> {
            robot.lookup("#labAbout").queryAs(javafx.scene.control.TitledPane.class).setExpanded(false);
            robot.lookup("#labMapPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
        });
        await("the lab's map with its tiles", 20, () -> robot.lookup("#lab-tile-1-0").tryQuery().isPresent());
    }

    /** Sizes the window, steps the font ({@code steps} times Ctrl+plus, or minus), and checks each of {@code screens}. */
    private void look(FxRobot robot, int width, int height, int steps, Map<String, KeyCode> screens, String how,
            List<String> problems) throws Exception {
        look(robot, width, height, steps, screens, how, false, problems);
    }

    private void look(FxRobot robot, int width, int height, int steps, Map<String, KeyCode> screens, String how,
            boolean scrollsDown, List<String> problems) throws Exception {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            Scene scene = stage.getScene();
            KeyCode sign = steps >= 0 ? KeyCode.EQUALS : KeyCode.MINUS;
            for (int i = 0; i < Math.abs(steps); i++) {
                scene.getAccelerators().get(new KeyCodeCombination(sign, KeyCombination.SHORTCUT_DOWN)).run();
            }
        });
        String size = width + "x" + height + how;
        if (how.contains("lab open")) {
            WaitForAsyncUtils.waitForFxEvents();
            revealLabMap(robot);
        }
        for (Map.Entry<String, KeyCode> screen : screens.entrySet()) {
            key(robot, screen.getValue());
            await(screen.getKey() + " shown", 10, () -> robot.lookup("#" + screen.getKey()).query().isVisible());
            settle();
            List<String> found = WaitForAsyncUtils.asyncFx(() -> ScreenFit.problems(stage.getScene(), scrollsDown))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            found.forEach(p -> problems.add(screen.getKey() + " " + size + ": " + p));
            shoot(screen.getKey() + "-" + size.replace(' ', '-'));
        }
    }

    /** Two pulses: a screen shown lays out in the next, and its wrapped labels settle in the one after. */
    private static void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            java.util.concurrent.CompletableFuture<Void> pulse = new java.util.concurrent.CompletableFuture<>();
            javafx.application.Platform.runLater(() -> new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    pulse.complete(null);
                }
            }.start());
            try {
                pulse.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("no pulse within 5 s", e);
            }
        }
    }

    private void shoot(String name) throws Exception {
        String dir = System.getProperty("fit.shots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                java.nio.file.Path.of(dir, name + ".png").toFile());
    }

    private static void key(FxRobot robot, KeyCode digit) {
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
