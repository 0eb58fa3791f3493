package dev.kafkalab.ui;

import static dev.kafkalab.testkit.ShellUnderTest.await;
import static dev.kafkalab.testkit.ShellUnderTest.press;
import static dev.kafkalab.testkit.ShellUnderTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.app.AppContext;
import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.RecentConnections;
import dev.kafkalab.cluster.BrokerCommands;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.RemoteCluster;
import dev.kafkalab.common.Keyring;
import dev.kafkalab.common.Os;
import dev.kafkalab.ui.shell.ConnectionMenu;
import dev.kafkalab.ui.shell.ShellView;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a cluster it does not run (a real cluster, started by the test, reached as a
 * remote one): brokers as the cluster reports them, only the broker actions the user gave
 * commands for, a command's output on the command line, no per-replica log ends, a lab saying
 * which steps cannot run there, and the Connection menu's form testing a connection before use.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteClusterScreenIT {

    private static Path dir;
    private static LocalCluster cluster;
    private final List<ConnectionMenu.Target> switched = new CopyOnWriteArrayList<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private AppContext context;
    private RecentConnections recent;

    @BeforeAll
    static void startTheOtherCluster() throws Exception {
        dir = Files.createTempDirectory("kafka-lab-remote-it-");
        cluster = new LocalCluster(ClusterSpec.builder().dataDir(dir.resolve("cluster")).firstBrokerPort(0).build());
        cluster.start().get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopIt() {
        cluster.close();
        assertEquals(List.of(), cluster.livePids(), "node processes left after the test");
    }

    @Start
    void start(Stage stage) {
        System.setProperty("kafkalab.progress", dir.resolve("progress.properties").toString());
        System.setProperty("kafkalab.programs", dir.resolve("programs").toString());
        Connection remote = new Connection("team-dev", cluster.bootstrapServers(), Map.of());
        BrokerCommands commands = new BrokerCommands(Map.of("kill", "echo killing broker {id}"), Duration.ofSeconds(20),
                Os.current());
        context = AppContext.over(new RemoteCluster(remote, commands), Platform::runLater);
        recent = new RecentConnections(dir.resolve("connections.properties"), new Keyring.None());
        ConnectionMenu menu = new ConnectionMenu(new ConnectionMenu.Target(remote, null), recent, io, Platform::runLater,
                switched::add);
        new ShellView(context.shell()).withConnectionMenu(menu.node()).show(stage);
        context.shell().start();
    }

    @AfterEach
    void stop() {
        context.close();
        io.shutdownNow();
    }

    @Test
    void theWindowOnARemoteClusterOffersWhatItCanAndSaysWhatItCannot(FxRobot robot) throws Exception {
        await("the cluster screen of the remote cluster", 60, () -> robot.lookup("#stopBroker1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("team-dev", robot.lookup("#connectionMenu").queryAs(MenuButton.class).getText());
        Button freeze = robot.lookup("#freezeBroker1").queryAs(Button.class);
        assertTrue(freeze.isDisabled(), "no command to freeze: the button is off");
        // A disabled button shows no tooltip of its own: the reason is on the pane around it.
        javafx.scene.Node holder = robot.lookup("#freezeBroker1Holder").query();
        String why = ((javafx.scene.control.Tooltip) holder.getProperties().values().stream()
                .filter(v -> v instanceof javafx.scene.control.Tooltip).findFirst().orElseThrow()).getText();
        assertTrue(why.startsWith("No command is given to pause broker 1"), why);
        assertTrue(robot.lookup("#logBroker1").tryQuery().isEmpty(), "no log file of a broker the app does not run");
        assertTrue(robot.lookup(".offsets-legend").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().contains("not shown, only the app's own brokers report them")),
                "the partitions legend says why log ends are missing");

        press(robot, "#killBroker2");
        // The command line shows the user's command and what it printed, not a made-up kill -9 of a pid.
        await("the kill command and its output on the command line", 30,
                () -> text(robot, "#cliEquivalent").equals("echo killing broker 2   # killing broker 2")
                        && text(robot, "#message").equals("Broker 2: killed."),
                () -> text(robot, "#cliEquivalent") + " / " + text(robot, "#message"));

        // A lab that kills brokers says so up front; the first-contact lab does not.
        robot.clickOn("#navLabs");
        await("the Labs screen with its list", 20, () -> robot.lookup("#labsScreen").query().isVisible()
                && !robot.lookup("#labList").queryAs(ListView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<dev.kafkalab.ui.lab.LabViewModel.Row> list = robot.lookup("#labList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals("03-replication-failover")).findFirst().orElseThrow()));
        press(robot, "#openLab");
        await("the failover lab's limits above its steps", 20, () -> robot.lookup("#labLimits").query().isVisible());
        String limits = text(robot, "#labLimits");
        // Another's cluster: the lab's topics are the app's own, never a team's topic of the same name.
        assertTrue(limits.startsWith("On this cluster the lab's topics and groups start with kafka-lab- ("), limits);
        assertTrue(limits.contains("Some steps of this lab must"), limits);

        // The Connection menu's form: a closed port is named within 10 s and nothing switches.
        MenuButton menu = robot.lookup("#connectionMenu").queryAs(MenuButton.class);
        robot.interact(() -> menu.getItems().stream().filter(i -> "connectOther".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        await("the connection form", 10, () -> robot.lookup("#connBootstrap").tryQuery().isPresent());
        int closed;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closed = socket.getLocalPort();
        }
        robot.interact(() -> {
            robot.lookup("#connName").queryAs(TextField.class).setText("nowhere");
            robot.lookup("#connBootstrap").queryAs(TextField.class).setText("127.0.0.1:" + closed);
            robot.lookup("#connProtocol").queryAs(javafx.scene.control.ComboBox.class).setValue("PLAINTEXT");
        });
        press(robot, "#connConnect");
        await("the form's answer for a closed port", 12, () -> text(robot, "#connResult").startsWith(
                "Cannot reach the cluster: 127.0.0.1:" + closed + " refused"), () -> text(robot, "#connResult"));
        assertEquals(List.of(), switched, "a connection that failed its test is not switched to");

        // The real one: tested, remembered (no password to keep), and switched to.
        robot.interact(() -> {
            robot.lookup("#connName").queryAs(TextField.class).setText("other");
            robot.lookup("#connBootstrap").queryAs(TextField.class).setText(cluster.bootstrapServers());
        });
        press(robot, "#connConnect");
        await("the switch to the tested connection", 15, () -> !switched.isEmpty());
        assertEquals("other", switched.get(0).connection().name());
        await("the connection remembered", 10, () -> !recent.list().isEmpty());
        assertEquals(cluster.bootstrapServers(), recent.list().get(0).connection().bootstrapServers());
        assertFalse(switched.get(0).local());
    }
}
