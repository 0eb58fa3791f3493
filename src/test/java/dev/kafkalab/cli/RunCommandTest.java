package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.Await;
import dev.kafkalab.testkit.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafka-lab run PATH [ARGS...]}: the program's own exit code and output, compile errors as
 * {@code FILE:LINE: message} with exit code 1, a bad command line with 2, and a program that
 * ends when the command running it is killed.
 */
class RunCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RunCommand command = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void theProgramsOutputIsPrintedAndItsExitCodeReturned(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Echo.java"), """
                public class Echo {
                    public static void main(String[] args) {
                        System.out.println("args: " + String.join(" ", args));
                        System.exit(args.length);
                    }
                }
                """);

        assertEquals(2, command.run(List.of(source.toString(), "one", "two")));
        assertEquals("args: one two\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void compileErrorsPrintAsFileLineMessageWithExitCodeOne(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Broken.java"), """
                public class Broken {
                    public static void main(String[] args) {
                        int x = "text";
                    }
                }
                """);

        assertEquals(1, command.run(List.of(source.toString())));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Broken.java:3: incompatible types"), err.toString());
    }

    @Test
    void aMissingPathOrNoPathIsABadCommandLine(@TempDir Path dir) {
        assertEquals(2, command.run(List.of(dir.resolve("Nope.java").toString())));
        assertEquals("error: there is no file or folder " + dir.resolve("Nope.java") + ".\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, command.run(List.of()));
    }

    @Test
    void theProgramEndsWhenTheCommandRunningItIsKilled(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Forever.java"), """
                public class Forever {
                    public static void main(String[] args) throws Exception {
                        System.out.println("pid " + ProcessHandle.current().pid());
                        Thread.currentThread().join();
                    }
                }
                """);
        long pid;
        try (ChildJvm app = ChildJvm.start("dev.kafkalab.app.Main", List.of("run", source.toString()))) {
            String line = app.awaitOut(l -> l.startsWith("pid "), Duration.ofSeconds(60), "the program's pid");
            pid = Long.parseLong(line.substring(4));
            app.process().destroyForcibly();
        }
        Optional<ProcessHandle> program = ProcessHandle.of(pid);
        Await.until(() -> program.map(p -> !p.isAlive()).orElse(true), Duration.ofSeconds(10),
                "program " + pid + " to end after the command running it was killed");
    }
}
