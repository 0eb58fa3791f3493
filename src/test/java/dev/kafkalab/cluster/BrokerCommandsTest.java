package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.common.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class BrokerCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aBrokersOwnCommandWinsOverTheOneForEveryBroker() {
        BrokerCommands c = new BrokerCommands(Map.of("kill", "docker kill kafka-{id}", "kill.2", "ssh k2 pkill -9 java"),
                Duration.ofSeconds(5), Os.LINUX);
        assertEquals(Optional.of("docker kill kafka-1"), c.command("kill", 1));
        assertEquals(Optional.of("ssh k2 pkill -9 java"), c.command("kill", 2));
        assertEquals(Optional.empty(), c.command("stop", 1));
        assertEquals("kill", c.verbs());
    }

    @Test
    void aFileWithAnUnknownActionOrABadTimeoutIsRefused() throws Exception {
        Path file = dir.resolve("cmds.properties");
        Files.writeString(file, "reboot=sudo reboot\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrokerCommands.read(file)).getMessage()
                .contains("'reboot' is not a broker command"));
        Files.writeString(file, "kill.x=a\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrokerCommands.read(file)).getMessage()
                .contains("after the dot comes a broker id"));
        Files.writeString(file, "stop=echo hi\ntimeout.seconds=soon\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrokerCommands.read(file)).getMessage()
                .contains("timeout.seconds takes a whole number"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aCommandsOutputIsKeptAndAFailureSaysItsExitCode() throws Exception {
        BrokerCommands c = new BrokerCommands(Map.of("stop", "echo stopping {id}; echo done", "kill", "echo oops >&2; exit 3"),
                Duration.ofSeconds(20), Os.LINUX);
        BrokerCommands.Output out = c.run("stop", 2).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("stopping 2", "done"), out.lines());
        ExecutionException e = assertThrows(ExecutionException.class, () -> c.run("kill", 1).get(30, TimeUnit.SECONDS));
        assertEquals("'echo oops >&2; exit 3' (kill broker 1) failed with exit code 3: oops", e.getCause().getMessage());
        e = assertThrows(ExecutionException.class, () -> c.run("start", 1).get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("No command is given to start broker 1"), e.getCause().getMessage());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aCommandThatOutlivesItsTimeoutIsEndedWithItsChildren() throws Exception {
        BrokerCommands c = new BrokerCommands(Map.of("stop", "echo waiting; sleep 60"), Duration.ofSeconds(1), Os.LINUX);
        long t0 = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> c.run("stop", 1).get(30, TimeUnit.SECONDS));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getCause().getMessage().startsWith("'echo waiting; sleep 60' (stop broker 1) did not finish within 1 s"
                + " and was ended. Its output: "), e.getCause().getMessage());
        assertTrue(ms < 15_000, "ended after " + ms + " ms, not after the sleep");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 60")
                && p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false)), "no sleep left behind");
    }

    @Test
    void onWindowsTheCommandRunsInCmd() {
        // The shell is chosen by the OS: checked through the command text the failure names.
        BrokerCommands c = new BrokerCommands(Map.of(), Duration.ofSeconds(1), Os.WINDOWS);
        assertTrue(c.isEmpty());
    }
}
