package dev.kafkalab.ui;

import dev.kafkalab.ui.common.PseudoStates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.ui.shell.ShellView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

    private Path dir;
    private LocalCluster cluster;
    private ShellView shell;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("kafka-lab-ui-it-");
        cluster = new LocalCluster(ClusterSpec.builder().dataDir(dir).firstBrokerPort(0).build());
        shell = new ShellView(cluster, Platform::runLater, () -> { });
        shell.show(stage);
        shell.startCluster();
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        cluster.close();
        assertEquals(java.util.List.of(), cluster.livePids(), "node processes left after the test");
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aLearnerCreatesATopicKillsItsLeaderAndFreezesAFollower(FxRobot robot) throws Exception {
        await("the cluster screen laid out", 120, () -> robot.lookup("#topicName").tryQuery().isPresent()
                && robot.lookup("#cliEquivalent").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        await("three brokers running", 30, () -> text(robot, "#stateBroker3").equals("running"));

        robot.clickOn("#topicName").write("too-wide");
        robot.doubleClickOn("#topicReplicationFactor").write("4");
        robot.clickOn("#createTopic");
        await("the replication factor message", 10, () -> robot.lookup("#topicReplicationFactorError").query().isVisible());
        assertEquals("The replication factor 4 needs 4 brokers, but only 3 are running: each replica lives on a"
                + " different broker.", text(robot, "#topicReplicationFactorError"));

        robot.doubleClickOn("#topicReplicationFactor").write("3");
        robot.doubleClickOn("#topicName").eraseText(10).write("orders");
        robot.clickOn("#createTopic");
        await("partition rows of orders", 30, () -> robot.lookup("#leader-0").tryQuery().isPresent()
                && text(robot, "#leader-0").startsWith("leader "));
        assertTrue(text(robot, "#cliEquivalent").contains("kafka-topics.sh --bootstrap-server localhost:"),
                text(robot, "#cliEquivalent"));

        int leader = Integer.parseInt(text(robot, "#leader-0").substring("leader ".length()));
        robot.clickOn("#killBroker" + leader);
        await("card of broker " + leader + " killed", 15, () -> text(robot, "#stateBroker" + leader).equals("killed"));
        await("P0's leader moved off broker " + leader, 30, () -> {
            String now = text(robot, "#leader-0");
            return now.startsWith("leader ") && !now.equals("leader " + leader);
        });
        assertTrue(robot.lookup("#startBroker" + leader).query().isDisabled() == false, "a killed broker can be started");

        robot.clickOn("#startBroker" + leader);
        await("broker " + leader + " running again", 90, () -> text(robot, "#stateBroker" + leader).equals("running"));
        await("broker " + leader + " back in P0's ISR", 60, () -> isInSync(robot, 0, leader));

        int newLeader = Integer.parseInt(text(robot, "#leader-0").substring("leader ".length()));
        int follower = newLeader == 1 ? 2 : 1;
        robot.clickOn("#freezeBroker" + follower);
        await("card of broker " + follower + " frozen", 10, () -> text(robot, "#stateBroker" + follower).equals("frozen"));
        await("frozen broker " + follower + " out of P0's ISR", 30, () -> !isInSync(robot, 0, follower));
        robot.clickOn("#resumeBroker" + follower);
        await("broker " + follower + " back in P0's ISR", 30, () -> isInSync(robot, 0, follower));
    }

    private static boolean isInSync(FxRobot robot, int partition, int broker) {
        return robot.lookup("#replica-" + partition + "-" + broker).tryQuery()
                .map(n -> PseudoStates.has(n, "in-sync")).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        if (node instanceof Label label) {
            return label.getText();
        }
        return ((javafx.scene.control.TextInputControl) node).getText();
    }

    private static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + seconds + " s for " + what);
        }
    }
}
