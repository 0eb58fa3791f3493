package dev.kafkalab.lab;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramRun;
import dev.kafkalab.common.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a code lab's own programs ({@code labs/code/<program>/<folder>}: its starter, a step's
 * solution) through the same compile-and-run path as the Code screen runs the learner's, with
 * the cluster's address as the first argument. The step's button for a learner who is stuck, and
 * the solver's way through a code lab.
 */
final class Solutions {

    /** Longest a lab's program may run: they send a few hundred records and end. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path code;
    private final String bootstrap;

    Solutions(Path code, String bootstrap) {
        this.code = code;
        this.bootstrap = bootstrap;
    }

    /** Compiles and runs it, and waits for its end; says what it printed last. Blocks. */
    String run(String program, String folder) {
        Path source = code.resolve(program).resolve(folder);
        ProgramClasspath cp = ProgramClasspath.resolve(AppDirs.cache());
        ProgramCompiler compiler = ProgramCompiler.of(cp)
                .orElseThrow(() -> new IllegalStateException(ProgramCompiler.NO_COMPILER));
        Path classes = null;
        try {
            classes = Files.createTempDirectory("kafka-lab-solution-");
            ProgramCompiler.Result compiled = compiler.compile(source, classes);
            if (!compiled.ok()) {
                throw new IllegalStateException(source + " does not compile: " + compiled.problems().get(0));
            }
            List<String> out = new CopyOnWriteArrayList<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            try (ProgramRun run = ProgramRun.start(cp, classes, compiled.mainClass(), List.of(bootstrap), source,
                    (stream, at, line) -> {
                        if (stream == ProgramRun.Stream.OUT) {
                            out.add(line);
                        } else if (!line.startsWith("INFO ")) {
                            errors.add(line);
                        }
                    })) {
                int exit = run.exited().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                String last = out.isEmpty() ? "nothing" : "\"" + out.get(out.size() - 1) + "\"";
                if (exit != 0) {
                    throw new IllegalStateException(compiled.mainClass() + " ended with exit code " + exit
                            + (errors.isEmpty() ? "; it printed " + last + " last" : ": " + errors.get(0)));
                }
                return "Ran " + compiled.mainClass() + " (" + folder + " of " + program + "): " + out.size()
                        + " line(s) printed, the last " + last + ".";
            }
        } catch (IOException | ExecutionException e) {
            throw new IllegalStateException("could not run " + program + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(program + " did not end within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " ran", e);
        } finally {
            dev.kafkalab.common.Folders.deleteQuietly(classes);
        }
    }
}
