package dev.kafkalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.kafkalab.testkit.ShellUnderTest.press;
import static dev.kafkalab.testkit.ShellUnderTest.text;

import dev.kafkalab.lab.Lab;
import dev.kafkalab.lab.LabParser;
import dev.kafkalab.lab.Step;
import dev.kafkalab.testkit.ShellUnderTest;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lab 3 (replication and broker failover) walked through the real window on the real cluster:
 * each step's buttons clicked, its check seen turning green, the cluster screen beside it
 * showing the same thing, to the end of the lab.
 */
@ExtendWith(ApplicationExtension.class)
class LabScreenIT {

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
    void aLearnerWalksTheFailoverLabToTheEnd(FxRobot robot) throws Exception {
        Lab lab = LabParser.parse(Path.of("labs/03-replication-failover.md"));
        ShellUnderTest.await("the cluster's screens, once it runs", 120,
                () -> robot.lookup("#clusterScreen").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#navLabs");
        ShellUnderTest.await("the Labs screen shown with its list filled", 20, () -> robot.lookup("#labsScreen").query()
                .isVisible() && !robot.lookup("#labList").queryAs(ListView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<dev.kafkalab.ui.lab.LabViewModel.Row> list = robot.lookup("#labList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals(lab.id())).findFirst().orElseThrow()));
        press(robot, "#openLab");
        ShellUnderTest.await("the lab panel on step 1", 20, () -> text(robot, "#stepTitle").startsWith("Step 1 of "));

        Integer killed = null;
        for (Step step : lab.steps()) {
            String where = "step " + step.number() + " '" + step.title() + "'";
            ShellUnderTest.await(where + " shown", 20, () -> text(robot, "#stepTitle")
                    .startsWith("Step " + step.number() + " of "));
            ShellUnderTest.await(where + ": its check waiting", 20, () -> text(robot, "#stepCheckText").startsWith("Waiting"));
            String leaderBefore = step.check().name().equals("leader-moved") ? leaderOfPartition0(robot) : null;
            for (int i = 1; i <= step.actions().size(); i++) {
                int n = i;
                ShellUnderTest.await(where + ": action " + n + " enabled", 60,
                        () -> !robot.lookup("#labAction" + n).query().isDisabled());
                press(robot, "#labAction" + i);
            }
            ShellUnderTest.await(where + ": its check green", 90, () -> text(robot, "#stepCheckText")
                    .startsWith("Seen on the cluster"));
            assertTrue(robot.lookup("#stepWhy").query().isVisible(), where + ": the explanation shows once it passed");
            if (leaderBefore != null) {
                // The cluster screen beside the lab shows what the check saw.
                ShellUnderTest.await(where + ": P0's row shows another leader", 30, () -> {
                    String now = leaderOfPartition0(robot);
                    return now.startsWith("leader ") && !now.equals(leaderBefore);
                });
                if (killed == null && step.actions().get(0).name().equals("kill-broker")) {
                    killed = Integer.parseInt(leaderBefore.substring("leader ".length()));
                    assertEquals("killed", text(robot, "#stateBroker" + killed), "the card of the killed leader");
                }
            }
            if (step.number() < lab.steps().size()) {
                press(robot, "#stepNext");
            }
        }
        assertNotEquals(null, killed, "the lab killed a leader");
        ShellUnderTest.await("the lab complete", 10, () -> text(robot, "#labProgress").startsWith("Lab complete"));
        assertEquals("running", text(robot, "#stateBroker" + killed), "the killed broker runs again at the end");
    }

    private static String leaderOfPartition0(FxRobot robot) {
        return robot.lookup("#leader-0").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
