package dev.kafkalab.code;

import static dev.kafkalab.code.ProgramCompilerTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of running programs: one run per name, each run's output kept (the newest lines,
 * with their times), every listener told of a start, each line and the end, and closing it ends
 * every program.
 */
class ProgramsTest {

    private static final long WAIT_S = 30;

    @TempDir
    static Path cache;
    private static ProgramClasspath classpath;
    private static ProgramCompiler compiler;

    private final Programs programs = new Programs();

    @BeforeAll
    static void compiler() {
        classpath = ProgramClasspath.resolve(cache);
        compiler = ProgramCompiler.of(classpath).orElseThrow();
    }

    @AfterEach
    void close() {
        programs.close();
    }

    private Programs.Run start(Path dir, String name, String body) throws Exception {
        Path source = write(dir.resolve(name + ".java"), body);
        ProgramCompiler.Result compiled = compiler.compile(source, dir.resolve("classes"));
        assertTrue(compiled.ok(), compiled.problems().toString());
        return programs.start(name, "a test", classpath, compiled.classes(), compiled.mainClass(), List.of(), dir);
    }

    private static final String FOREVER = """
            public class Forever {
                public static void main(String[] args) throws Exception {
                    System.out.println("up");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("bye")));
                    while (true) {
                        Thread.sleep(100);
                    }
                }
            }
            """;

    @Test
    void aRunKeepsWhatItPrintedWithTimesAfterItEnded(@TempDir Path dir) throws Exception {
        Instant before = Instant.now();
        Programs.Run run = start(dir, "Count", """
                public class Count {
                    public static void main(String[] args) {
                        for (int i = 0; i < 6_000; i++) {
                            System.out.println("line " + i);
                        }
                        System.err.println("not kept: stderr");
                    }
                }
                """);

        assertEquals(0, run.exited().get(WAIT_S, TimeUnit.SECONDS));
        List<Programs.Line> out = run.output();
        assertEquals(Programs.KEPT_LINES, out.size(), "the newest lines only");
        assertEquals("line 1000", out.get(0).text());
        assertEquals("line 5999", out.get(out.size() - 1).text());
        assertFalse(out.get(0).at().isBefore(before), "each line has the time it came");
        assertEquals(0, programs.last("Count").orElseThrow().exitCode().orElseThrow());
        assertEquals(List.of(), programs.running());
    }

    @Test
    void aNameRunsOnceAtATimeAndStopEndsItWithItsShutdownHooks(@TempDir Path dir) throws Exception {
        Programs.Run run = start(dir, "Forever", FOREVER);
        Await.until(() -> !run.output().isEmpty(), Duration.ofSeconds(WAIT_S), "Forever to print up");

        Programs.AlreadyRunning twice = assertThrows(Programs.AlreadyRunning.class, () -> start(dir, "Forever", FOREVER));
        assertEquals("Forever is running (pid " + run.pid() + ", started by a test): stop it first", twice.getMessage());
        assertSame(run, twice.run(), "the run that holds the name, for the Code screen to show");
        assertEquals(List.of(run), programs.running());

        assertTrue(programs.stopAndWait("Forever"));
        assertFalse(run.alive());
        assertEquals("bye", run.output().get(run.output().size() - 1).text());
        // Ended: the name may run again.
        Programs.Run again = start(dir, "Forever", FOREVER);
        assertTrue(again != run && programs.last("Forever").orElseThrow() == again);
    }

    @Test
    void listenersHearTheStartEachLineAndTheEnd(@TempDir Path dir) throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        programs.addListener(new Programs.Listener() {
            @Override
            public void started(Programs.Run run) {
                heard.add("started " + run.name() + " by " + run.startedBy());
            }

            @Override
            public void line(Programs.Run run, ProgramRun.Stream stream, Instant at, String text) {
                heard.add(stream + " " + text);
            }

            @Override
            public void ended(Programs.Run run, int exitCode) {
                heard.add("ended " + exitCode);
            }
        });
        Programs.Run run = start(dir, "Hello", """
                public class Hello {
                    public static void main(String[] args) {
                        System.out.println("hello");
                        System.exit(3);
                    }
                }
                """);

        assertEquals(3, run.exited().get(WAIT_S, TimeUnit.SECONDS));
        Await.until(() -> heard.contains("ended 3"), Duration.ofSeconds(WAIT_S), "the end to be heard");
        assertEquals(List.of("started Hello by a test", "OUT hello", "ended 3"), heard.stream()
                .filter(h -> !h.startsWith("ERR")).toList());
    }

    @Test
    void closingStopsEveryProgramAndRefusesNewOnes(@TempDir Path dir) throws Exception {
        Programs.Run run = start(dir, "Forever", FOREVER);
        Await.until(run::alive, Duration.ofSeconds(WAIT_S), "Forever to run");

        programs.close();

        assertFalse(run.alive());
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> start(dir, "Other", FOREVER
                .replace("Forever", "Other")));
        assertEquals("the app is closing", closed.getMessage());
    }
}
