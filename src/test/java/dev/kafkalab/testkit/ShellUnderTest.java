package dev.kafkalab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.app.AppContext;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.ui.shell.ShellView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's real window on its own cluster (free ports, a temp folder), for TestFX tests: made
 * in a test's {@code @Start}, closed after it, and no node process may be left.
 */
public final class ShellUnderTest {

    private final Path dir;
    private final LocalCluster cluster;
    private final AppContext context;

    private ShellUnderTest(Path dir, LocalCluster cluster, AppContext context) {
        this.dir = dir;
        this.cluster = cluster;
        this.context = context;
    }

    /** Shows the window on {@code stage} and starts its cluster, as the app does. */
    public static ShellUnderTest start(Stage stage) throws Exception {
        return start(stage, java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    /** The same, its cluster starting only once {@code startAfter} completes. */
    public static ShellUnderTest start(Stage stage, java.util.concurrent.CompletableFuture<Void> startAfter)
            throws Exception {
        Path dir = Files.createTempDirectory("kafka-lab-ui-it-");
        // Each window starts with no lab progress, whatever an earlier test did.
        System.setProperty("kafkalab.progress", dir.resolve("progress.properties").toString());
        // And no program of the learner's, nor of an earlier test.
        System.setProperty("kafkalab.programs", dir.resolve("programs").toString());
        LocalCluster cluster = new LocalCluster(ClusterSpec.builder().dataDir(dir).firstBrokerPort(0).build());
        // The app's own composition root, over a cluster this test owns.
        AppContext context = AppContext.over(cluster, Platform::runLater, startAfter);
        new ShellView(context.shell()).show(stage);
        context.shell().start();
        return new ShellUnderTest(dir, cluster, context);
    }

    public void close() throws Exception {
        context.close();
        cluster.close();
        assertEquals(List.of(), cluster.livePids(), "node processes left after the test");
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Presses a button as a keyboard user would (fire), once it is visible and enabled. A robot's
     * click depends on where the headless screen puts the window's lower edge, and on the button
     * staying put while the pointer travels to it: member cards grow as records arrive, and a
     * click landed where the crash button had been (the member never crashed).
     */
    public static void press(org.testfx.api.FxRobot robot, String query) {
        javafx.scene.control.Button button = robot.lookup(query).queryAs(javafx.scene.control.Button.class);
        assertTrue(button.isVisible() && !button.isDisabled(), query + " visible and enabled");
        robot.interact(button::fire);
    }

    /** The text a label or a text field shows. */
    public static String text(org.testfx.api.FxRobot robot, String query) {
        javafx.scene.Node node = robot.lookup(query).query();
        if (node instanceof javafx.scene.control.Label label) {
            return label.getText();
        }
        return ((javafx.scene.control.TextInputControl) node).getText();
    }

    /**
     * Waits for a condition on the screen, evaluated on the FX thread so it never sees a list the
     * screen is halfway through refilling; one that throws counts as not yet.
     */
    public static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        await(what, seconds, condition, () -> null);
    }

    /** The same, and on a timeout the message also says what the screen showed ({@code seen}, read on the FX thread). */
    public static void await(String what, int seconds, Callable<Boolean> condition, Callable<String> seen)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            String shown;
            try {
                shown = WaitForAsyncUtils.asyncFx(seen).get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException unreadable) {
                shown = "(could not be read: " + unreadable + ")";
            }
            throw new AssertionError("Waited " + seconds + " s for " + what + (shown == null ? "" : "; seen: " + shown));
        }
    }
}
