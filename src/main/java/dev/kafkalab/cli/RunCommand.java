package dev.kafkalab.cli;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramRun;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.Failures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kafka-lab run PATH [ARGS...]}: compiles the {@code .java} file or folder at PATH as the
 * Code screen does, against kafka-clients, and runs it with ARGS in a JVM of its own, its output
 * printed as it comes. Exit code: the program's own; 1 when it does not compile (each error as
 * {@code FILE:LINE: message}); 2 for a bad command line. Nothing is left running when it ends or
 * is interrupted.
 */
public final class RunCommand {

    public static final String USAGE = "usage: kafka-lab run PATH [ARGS...]   (PATH: a .java file or a folder of them)";

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final PrintStream out;
    private final PrintStream err;

    public RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Path source = Path.of(args.get(0)).toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            err.println("error: there is no file or folder " + args.get(0) + ".");
            return 2;
        }
        Path classes = null;
        try {
            ProgramClasspath classpath = ProgramClasspath.resolve(AppDirs.cache());
            Optional<ProgramCompiler> compiler = ProgramCompiler.of(classpath);
            if (compiler.isEmpty()) {
                err.println("error: " + ProgramCompiler.NO_COMPILER);
                return 1;
            }
            classes = Files.createTempDirectory("kafka-lab-run-");
            ProgramCompiler.Result compiled = compiler.get().compile(source, classes);
            if (!compiled.ok()) {
                compiled.problems().forEach(p -> err.println(p));
                return 1;
            }
            Path workDir = Files.isDirectory(source) ? source : source.getParent();
            try (ProgramRun run = ProgramRun.start(classpath, classes, compiled.mainClass(),
                    args.subList(1, args.size()), workDir, new Printer())) {
                // Ctrl+C on this command: the program gets its stop too, and is gone before we are.
                Thread stopper = new Thread(run::close, "kafka-lab-run-stop");
                Runtime.getRuntime().addShutdownHook(stopper);
                int code = await(run.exited());
                Runtime.getRuntime().removeShutdownHook(stopper);
                return code;
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("kafka-lab run {} failed", source, e);
            err.println("error: could not run " + args.get(0) + ": " + Failures.message(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            dev.kafkalab.common.Folders.deleteQuietly(classes);
        }
    }

    /** A program may rightly run for as long as the learner lets it: wait in slices, interruptibly. */
    private static int await(CompletableFuture<Integer> exited) throws InterruptedException {
        while (true) {
            try {
                return exited.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Still running.
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private final class Printer implements ProgramRun.Listener {
        @Override
        public void line(ProgramRun.Stream stream, Instant at, String text) {
            (stream == ProgramRun.Stream.OUT ? out : err).println(text);
        }
    }
}
