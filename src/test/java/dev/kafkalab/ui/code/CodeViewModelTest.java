package dev.kafkalab.ui.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramStore;
import dev.kafkalab.code.Programs;
import dev.kafkalab.testkit.Await;
import dev.kafkalab.testkit.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Code screen's view model with the real compiler and real program JVMs, its work done in
 * the caller's thread: a program saved as typed, compile errors at their lines, output reaching
 * the console on the scheduler's beat and kept to its last lines, and Stop.
 */
class CodeViewModelTest {

    @TempDir
    static Path cache;
    private static ProgramClasspath classpath;

    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private ProgramStore store;
    private CodeViewModel vm;

    @BeforeAll
    static void classpath() {
        classpath = ProgramClasspath.resolve(cache);
    }

    private final Programs programs = new Programs();
    /** The cluster's address as the view model gets it: known, unless a test says the cluster is starting. */
    private CompletableFuture<List<String>> address = CompletableFuture.completedFuture(List.of("localhost:1"));

    @BeforeEach
    void viewModel() {
        store = new ProgramStore(dir.resolve("programs"));
        vm = new CodeViewModel(store, () -> ProgramCompiler.of(classpath), () -> classpath, dir.resolve("classes"),
                () -> address, programs, Runnable::run, Runnable::run, scheduler);
    }

    @AfterEach
    void close() {
        vm.close();
        programs.close();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Ticks the console's beat until the program shown has ended. */
    private void awaitEnd() {
        Await.until(() -> {
            scheduler.tick();
            return !vm.running().get();
        }, Duration.ofSeconds(60), "the program to end; status: " + vm.status().get());
        scheduler.tick();
    }

    @Test
    void aNewProgramIsSavedAsTypedAndItsCompileErrorIsListedAtItsLine() throws Exception {
        vm.create("first");
        assertEquals("first", vm.program().get());
        assertEquals(List.of("Main.java"), vm.files());
        assertTrue(vm.loaded().get().contains("new KafkaProducer<>(props)"), vm.loaded().get());

        String broken = "public class Main {\n    public static void main(String[] args) {\n        int a = \n    }\n}\n";
        vm.edited(broken);
        assertEquals(broken, Files.readString(dir.resolve("programs/first/Main.java")), "saved as typed");

        vm.run(broken);
        assertFalse(vm.running().get());
        assertEquals(1, vm.problems().size(), vm.problems().toString());
        assertEquals(4, vm.problems().get(0).line());
        assertEquals("1 compile error(s): fix the marked lines and run again.", vm.status().get());
    }

    @Test
    void resetToTheStarterAfterAnEditPutsTheStarterBackInTheEditorAndOnDisk() throws Exception {
        Path starter = Files.createDirectories(dir.resolve("lab/starter"));
        Files.writeString(starter.resolve("Demo.java"), "class Demo { }\n");
        List<String> shown = new java.util.ArrayList<>();
        vm.loaded().addListener((o, was, now) -> shown.add(now));
        vm.openForLab("lab-program", starter, starter);
        assertEquals("class Demo { }\n", shown.get(shown.size() - 1));

        vm.edited("class Demo { int edited; }\n");
        vm.resetToStarter();

        assertEquals("class Demo { }\n", shown.get(shown.size() - 1), "the editor gets the starter again: " + shown);
        assertEquals("class Demo { }\n", Files.readString(dir.resolve("programs/lab-program/Demo.java")));
        assertTrue(vm.labProgram().get());
    }

    @Test
    void outputReachesTheConsoleOnTheBeatAndTheConsoleKeepsItsLastLines() {
        vm.create("chatty");
        String text = """
                public class Main {
                    public static void main(String[] args) {
                        System.out.println("address " + args[0]);
                        for (int i = 0; i < 6000; i++) {
                            System.out.println("line " + i);
                        }
                    }
                }
                """;
        vm.run(text);
        awaitEnd();

        assertEquals(CodeViewModel.CONSOLE_LINES, vm.console().size());
        assertEquals("line 5999", vm.console().get(vm.console().size() - 1).text());
        assertEquals("line 1000", vm.console().get(0).text(), "the oldest lines went");
        assertEquals("chatty ended with exit code 0.", vm.status().get());
    }

    @Test
    void aRunPressedWhileTheClusterStartsWaitsForItAndStopEndsTheWait() {
        address = new CompletableFuture<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CodeViewModel early = new CodeViewModel(store, () -> ProgramCompiler.of(classpath), () -> classpath,
                dir.resolve("classes"), () -> address, programs, worker, Runnable::run, scheduler);
        try {
            early.create("early");
            Await.until(() -> "early".equals(early.program().get()), Duration.ofSeconds(30), "the new program shown");
            String text = """
                    public class Main {
                        public static void main(String[] args) {
                            System.out.println("address " + args[0]);
                        }
                    }
                    """;
            early.run(text);
            Await.until(() -> early.status().get().equals("early compiled; it runs once the cluster has started..."),
                    Duration.ofSeconds(60), "the wait said; status: " + early.status().get());
            // The worker is free meanwhile: an edit is saved while the run waits.
            early.edited("early", "Main.java", text.replace("address ", "cluster at "));
            Await.until(() -> read(dir.resolve("programs/early/Main.java")).contains("cluster at "),
                    Duration.ofSeconds(10), "the edit saved while the run waits");
            early.stop();
            Await.until(() -> early.status().get().equals("early compiled, and was not started: Stop was pressed."),
                    Duration.ofSeconds(10), "the wait to end at Stop; status: " + early.status().get());
            assertFalse(early.running().get());
            assertEquals(List.of(), programs.running(), "nothing was started");

            early.run(text);
            Await.until(() -> early.status().get().startsWith("early compiled; it runs once"), Duration.ofSeconds(60),
                    "the wait said again; status: " + early.status().get());
            address.complete(List.of("127.0.0.1:9"));
            Await.until(() -> {
                scheduler.tick();
                return early.status().get().equals("early ended with exit code 0.") && early.console().stream()
                        .anyMatch(l -> l.text().equals("address 127.0.0.1:9"));
            }, Duration.ofSeconds(60), "the program to run with the cluster's address once it was known");
        } finally {
            early.close();
            worker.shutdownNow();
        }
    }

    @Test
    void aRunWhenTheClusterDidNotStartSaysSoAndRunsNothing() {
        address = CompletableFuture.failedFuture(new IllegalStateException("broker 1 did not start"));
        vm.create("unlucky");
        vm.run("""
                public class Main {
                    public static void main(String[] args) {
                    }
                }
                """);
        assertFalse(vm.running().get());
        assertEquals("unlucky did not run: the cluster did not start (the Cluster screen says why and can try again).",
                vm.status().get());
    }

    @Test
    void stopEndsAProgramThatWouldRunForever() {
        vm.create("forever");
        vm.run("""
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("running");
                        Thread.currentThread().join();
                    }
                }
                """);
        Await.until(() -> {
            scheduler.tick();
            return vm.console().stream().anyMatch(l -> l.text().equals("running"));
        }, Duration.ofSeconds(60), "the program to run");

        vm.stop();
        awaitEnd();

        assertEquals("forever ended with exit code 143 (stopped).", vm.status().get());
    }

    @Test
    void aRunALabStepStartedShowsInItsProgramsConsoleAndStopReachesIt() throws Exception {
        vm.create("lab-program");
        Path source = Files.writeString(Files.createDirectories(dir.resolve("solution")).resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("started by the step");
                        Thread.currentThread().join();
                    }
                }
                """);
        ProgramCompiler.Result compiled = ProgramCompiler.of(classpath).orElseThrow()
                .compile(source.getParent(), dir.resolve("solution-classes"));
        assertTrue(compiled.ok(), compiled.problems().toString());

        // As the lab's button does: the registry runs it under the program's name, not the view model.
        Programs.Run run = programs.start("lab-program", "a lab step", classpath, compiled.classes(),
                compiled.mainClass(), List.of(), source.getParent());
        Await.until(() -> {
            scheduler.tick();
            return vm.console().stream().anyMatch(l -> l.text().equals("started by the step"));
        }, Duration.ofSeconds(60), "the step's run to print in the console of lab-program");
        assertTrue(vm.running().get());
        assertEquals("Main runs, started by a lab step (pid " + run.pid() + ").", vm.status().get());

        vm.stop();
        awaitEnd();

        assertFalse(run.alive());
        assertEquals("lab-program ended with exit code 143 (stopped).", vm.status().get());
    }
}
