package dev.kafkalab.ui.bench;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramStore;
import dev.kafkalab.code.Programs;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.Folders;
import dev.kafkalab.common.Scheduler;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Wait;
import dev.kafkalab.ui.code.CodeScreen;
import dev.kafkalab.ui.code.CodeViewModel;
import dev.kafkalab.ui.common.Theme;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Code screen's console under a flood: a program prints a million lines as fast as it can,
 * in a window at 1280x720, and the bench measures the longest time the FX thread went without a
 * frame while the lines came, and how many lines the console kept. Needs a display.
 */
public final class ConsoleBench {

    static final int LINES = 1_000_000;
    private static final String FLOOD = """
            public class Main {
                public static void main(String[] args) {
                    for (int i = 0; i < %d; i++) {
                        System.out.println("line " + i + ": a program that prints as fast as it can");
                    }
                }
            }
            """.formatted(LINES);

    private final PrintStream out;
    private final PrintStream err;

    public ConsoleBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code runs} floods, one after the other, in one window; prints the medians. */
    public int run(int runs) throws Exception {
        Path dir = Files.createTempDirectory("kafka-lab-bench-console-");
        ExecutorService work = Threads.single("kafka-lab-bench-code");
        Programs programs = new Programs();
        ProgramClasspath classpath = ProgramClasspath.resolve(AppDirs.cache());
        CodeViewModel vm = new CodeViewModel(new ProgramStore(dir.resolve("programs")),
                () -> ProgramCompiler.of(classpath), () -> classpath, dir.resolve("classes"),
                () -> CompletableFuture.completedFuture(List.of()), programs, work,
                Platform::runLater, Scheduler.onThread("kafka-lab-bench-console"));
        try {
            CompletableFuture<Void> fxReady = new CompletableFuture<>();
            Platform.startup(() -> fxReady.complete(null));
            fxReady.get(30, TimeUnit.SECONDS);
            FrameGapMeter frames = new FrameGapMeter();
            CompletableFuture<Void> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(new CodeScreen(vm), 1280, 720);
                Theme.apply(scene);
                stage.setScene(scene);
                stage.setTitle("Kafka Lab console bench");
                stage.show();
                vm.create("flood");
                frames.start();
                shown.complete(null);
            });
            shown.get(30, TimeUnit.SECONDS);
            Wait.upTo(Duration.ofSeconds(30), "the program flood to open").until(() -> onFx(() -> "flood".equals(
                    vm.program().get())));
            frames.awaitFrames(60, Duration.ofSeconds(30));
            List<Double> stalls = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (int round = 1; round <= runs; round++) {
                frames.measure("flood " + round);
                long t0 = System.nanoTime();
                Platform.runLater(() -> {
                    vm.clearConsole();
                    vm.run(FLOOD);
                });
                String last = "line " + (LINES - 1) + ":";
                Wait.upTo(Duration.ofMinutes(5), "the million lines in the console").every(Duration.ofMillis(50))
                        .until(() -> onFx(() -> {
                            if (!vm.problems().isEmpty()) {
                                throw new IllegalStateException("the flood does not compile: " + vm.problems());
                            }
                            return !vm.running().get() && !vm.console().isEmpty()
                                    && vm.console().get(vm.console().size() - 1).text().startsWith(last);
                        }));
                seconds.add((System.nanoTime() - t0) / 1e9);
                frames.awaitFrames(10, Duration.ofSeconds(10));
                stalls.add(frames.stop());
                int kept = onFx(() -> vm.console().size());
                err.printf(Locale.ROOT, "flood %d: %,d lines in %.1f s, longest FX stall %.1f ms, console kept %d%n",
                        round, LINES, seconds.get(seconds.size() - 1), stalls.get(stalls.size() - 1), kept);
            }
            out.printf(Locale.ROOT, "console_flood lines=%d kept=%d%n", LINES, CodeViewModel.CONSOLE_LINES);
            out.printf(Locale.ROOT, "  fx_longest_stall_ms median=%.1f runs=%s (target < 100)%n", ProduceBench.median(stalls),
                    ProduceBench.fmt(stalls));
            out.printf(Locale.ROOT, "  seconds_to_last_line median=%.1f runs=%s%n", ProduceBench.median(seconds), ProduceBench.fmt(seconds));
            frames.printStalls(err, 3);
            return 0;
        } finally {
            vm.close();
            programs.close();
            work.shutdownNow();
            Platform.runLater(Platform::exit);
            Folders.deleteQuietly(dir);
        }
    }

    /** Reads FX state on the FX thread, from the bench's. */
    private static <T> T onFx(java.util.function.Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                value.set(read.get());
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer within 10 s", e);
        }
        return value.get();
    }
}
