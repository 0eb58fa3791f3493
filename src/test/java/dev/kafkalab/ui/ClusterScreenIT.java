package dev.kafkalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.kafkalab.testkit.ShellUnderTest.text;

import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.common.PseudoStates;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the real cluster, driven as a learner would, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class ClusterScreenIT {

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
    void aLearnerCreatesATopicKillsItsLeaderAndFreezesAFollower(FxRobot robot) throws Exception {
        ShellUnderTest.await("the cluster screen laid out", 120, () -> robot.lookup("#topicName").tryQuery().isPresent()
                && robot.lookup("#cliEquivalent").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ShellUnderTest.await("three brokers running", 30, () -> text(robot, "#stateBroker3").equals("running"));

        robot.clickOn("#topicName").write("too-wide");
        robot.doubleClickOn("#topicReplicationFactor").write("4");
        robot.clickOn("#createTopic");
        ShellUnderTest.await("the replication factor message", 10, () -> robot.lookup("#topicReplicationFactorError").query().isVisible());
        assertEquals("The replication factor 4 needs 4 brokers, but only 3 are running: each replica lives on a"
                + " different broker.", text(robot, "#topicReplicationFactorError"));

        robot.doubleClickOn("#topicReplicationFactor").write("3");
        robot.doubleClickOn("#topicName").eraseText(10).write("orders");
        robot.clickOn("#createTopic");
        ShellUnderTest.await("partition rows of orders", 30, () -> robot.lookup("#leader-0").tryQuery().isPresent()
                && text(robot, "#leader-0").startsWith("leader "));
        assertTrue(text(robot, "#cliEquivalent").contains("kafka-topics.sh --bootstrap-server localhost:"),
                text(robot, "#cliEquivalent"));

        int leader = Integer.parseInt(text(robot, "#leader-0").substring("leader ".length()));
        robot.clickOn("#killBroker" + leader);
        ShellUnderTest.await("card of broker " + leader + " killed", 15, () -> text(robot, "#stateBroker" + leader).equals("killed"));
        ShellUnderTest.await("P0's leader moved off broker " + leader, 30, () -> {
            String now = text(robot, "#leader-0");
            return now.startsWith("leader ") && !now.equals("leader " + leader);
        });
        assertTrue(robot.lookup("#startBroker" + leader).query().isDisabled() == false, "a killed broker can be started");

        robot.clickOn("#startBroker" + leader);
        ShellUnderTest.await("broker " + leader + " running again", 90, () -> text(robot, "#stateBroker" + leader).equals("running"));
        ShellUnderTest.await("broker " + leader + " back in P0's ISR", 60, () -> isInSync(robot, 0, leader));

        int newLeader = Integer.parseInt(text(robot, "#leader-0").substring("leader ".length()));
        int follower = newLeader == 1 ? 2 : 1;
        robot.clickOn("#freezeBroker" + follower);
        ShellUnderTest.await("card of broker " + follower + " frozen", 10, () -> text(robot, "#stateBroker" + follower).equals("frozen"));
        ShellUnderTest.await("frozen broker " + follower + " out of P0's ISR", 30, () -> !isInSync(robot, 0, follower));
        robot.clickOn("#resumeBroker" + follower);
        ShellUnderTest.await("broker " + follower + " back in P0's ISR", 30, () -> isInSync(robot, 0, follower));

        killTheLeaderFromTheMap(robot);
    }

    /** The Map screen shows orders; its leader of P0 killed from its column: dark at once, the star elsewhere. */
    private void killTheLeaderFromTheMap(FxRobot robot) throws Exception {
        robot.clickOn("#navMap");
        ShellUnderTest.await("the map of orders", 30, () -> robot.lookup("#mapTopic").tryQuery().isPresent()
                && "orders".equals(robot.lookup("#mapTopic").<String>queryComboBox().getValue())
                && leaderOnMap(robot, 0) > 0);
        int leader = leaderOnMap(robot, 0);
        assertTrue(text(robot, "#badge-" + leader + "-0").equals("★ leader"), text(robot, "#badge-" + leader + "-0"));
        robot.clickOn("#map-kill-" + leader);
        ShellUnderTest.await("broker " + leader + "'s column dark", 10, () -> PseudoStates.has(
                robot.lookup("#map-node-" + leader).query(), "killed") && text(robot, "#map-state-" + leader).equals("killed"));
        ShellUnderTest.await("the star of P0 on another broker", 30, () -> {
            int now = leaderOnMap(robot, 0);
            return now > 0 && now != leader;
        });
        assertTrue(PseudoStates.has(robot.lookup("#tile-" + leader + "-0").query(), "offline"),
                "the killed broker's replica of P0 is offline");
        robot.clickOn("#map-start-" + leader);
        ShellUnderTest.await("broker " + leader + " running again on the map", 90,
                () -> text(robot, "#map-state-" + leader).equals("running"));
    }

    /** The broker whose tile of {@code partition} is the leader's on the map, or -1. */
    private static int leaderOnMap(FxRobot robot, int partition) {
        for (int b = 1; b <= 3; b++) {
            int broker = b;
            if (robot.lookup("#tile-" + broker + "-" + partition).tryQuery()
                    .map(n -> PseudoStates.has(n, "leader")).orElse(false)) {
                return broker;
            }
        }
        return -1;
    }

    private static boolean isInSync(FxRobot robot, int partition, int broker) {
        return robot.lookup("#replica-" + partition + "-" + broker).tryQuery()
                .map(n -> PseudoStates.has(n, "in-sync")).orElse(false);
    }
}
