package dev.kafkalab.code;

import static dev.kafkalab.code.ProgramCompilerTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's program in a JVM of its own: its output a line at a time, its exit code (its own,
 * from System.exit, or 1 when main throws), and Stop, which runs its shutdown hooks and ends
 * even a program that never would.
 */
class ProgramRunTest {

    private static final long WAIT_S = 30;

    @TempDir
    static Path cache;
    private static ProgramClasspath classpath;
    private static ProgramCompiler compiler;

    @BeforeAll
    static void compiler() {
        classpath = ProgramClasspath.resolve(cache);
        compiler = ProgramCompiler.of(classpath).orElseThrow();
    }

    /** Every line heard, as "OUT text" or "ERR text", and the exit code. */
    static final class Heard implements ProgramRun.Listener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicLong count = new AtomicLong();

        @Override
        public void line(ProgramRun.Stream stream, Instant at, String text) {
            if (count.incrementAndGet() <= 1_000) {
                lines.add(stream + " " + text);
            }
        }
    }

    private ProgramRun start(Path dir, String className, String body, Heard heard, String... args) throws Exception {
        Path source = write(dir.resolve(className + ".java"), body);
        ProgramCompiler.Result compiled = compiler.compile(source, dir.resolve("classes"));
        assertTrue(compiled.ok(), compiled.problems().toString());
        return ProgramRun.start(classpath, compiled.classes(), compiled.mainClass(), List.of(args), dir, heard);
    }

    @Test
    void itsOutputArrivesLineByLineAndItsArgumentsReachMain(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        ProgramRun run = start(dir, "Hello", """
                public class Hello {
                    public static void main(String[] args) {
                        System.out.println("hello " + String.join(",", args));
                        System.err.println("to stderr");
                    }
                }
                """, heard, "a", "b");

        assertEquals(0, run.exited().get(WAIT_S, TimeUnit.SECONDS));
        assertTrue(heard.lines.contains("OUT hello a,b"), heard.lines.toString());
        assertTrue(heard.lines.contains("ERR to stderr"), heard.lines.toString());
    }

    @Test
    void aMainInAClassThatIsNotPublicRunsAsJavaRunsIt(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        ProgramRun run = start(dir, "Hidden", """
                class Hidden {
                    public static void main(String[] args) {
                        System.out.println("hidden ran");
                    }
                }
                """, heard);

        assertEquals(0, run.exited().get(WAIT_S, TimeUnit.SECONDS), heard.lines.toString());
        assertTrue(heard.lines.contains("OUT hidden ran"), heard.lines.toString());
    }

    @Test
    void systemExitEndsOnlyTheProgramWithItsCode(@TempDir Path dir) throws Exception {
        ProgramRun run = start(dir, "Quits", """
                public class Quits {
                    public static void main(String[] args) {
                        System.exit(3);
                    }
                }
                """, new Heard());

        assertEquals(3, run.exited().get(WAIT_S, TimeUnit.SECONDS));
    }

    @Test
    void anExceptionOutOfMainPrintsAsJavaWouldAndExitsWithOne(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        ProgramRun run = start(dir, "Throws", """
                public class Throws {
                    public static void main(String[] args) {
                        throw new IllegalStateException("no topic given");
                    }
                }
                """, heard);

        assertEquals(1, run.exited().get(WAIT_S, TimeUnit.SECONDS));
        assertTrue(heard.lines.contains("ERR Exception in thread \"main\" java.lang.IllegalStateException: no topic given"),
                heard.lines.toString());
        assertTrue(heard.lines.stream().noneMatch(l -> l.contains("ProgramMain")), "the launcher's frames stay out");
    }

    @Test
    void stopRunsTheShutdownHooksOfAProgramThatWouldNeverEnd(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        ProgramRun run = start(dir, "Forever", """
                public class Forever {
                    public static void main(String[] args) throws Exception {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("closing")));
                        System.out.println("running");
                        while (true) {
                            Thread.onSpinWait();
                        }
                    }
                }
                """, heard);
        Await.until(() -> heard.lines.contains("OUT running"), Duration.ofSeconds(WAIT_S), "the program to run");

        assertEquals(ProgramMain.STOPPED, run.stop().get(WAIT_S, TimeUnit.SECONDS));
        assertTrue(heard.lines.contains("OUT closing"), "its hook ran: " + heard.lines);
        assertFalse(run.alive());
    }

    @Test
    void aProgramThatIgnoresStopIsKilledAfterTheGrace(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        ProgramRun run = start(dir, "Stubborn", """
                public class Stubborn {
                    public static void main(String[] args) throws Exception {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            System.out.println("hanging in my hook");
                            while (true) {
                                Thread.onSpinWait();
                            }
                        }));
                        System.out.println("running");
                        Thread.currentThread().join();
                    }
                }
                """, heard);
        Await.until(() -> heard.lines.contains("OUT running"), Duration.ofSeconds(WAIT_S), "the program to run");

        run.stop().get(WAIT_S, TimeUnit.SECONDS);

        assertFalse(run.alive(), "ended though its hook never returns");
    }

    @Test
    void aMillionLinesAllArriveAndTheProgramEnds(@TempDir Path dir) throws Exception {
        Heard heard = new Heard();
        ProgramRun run = start(dir, "Chatty", """
                public class Chatty {
                    public static void main(String[] args) {
                        for (int i = 0; i < 1_000_000; i++) {
                            System.out.println("line " + i);
                        }
                    }
                }
                """, heard);

        assertEquals(0, run.exited().get(120, TimeUnit.SECONDS));
        assertEquals(1_000_000, heard.count.get());
    }
}
