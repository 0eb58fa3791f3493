package dev.kafkalab.lab;

import dev.kafkalab.code.ProgramArguments;
import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.Programs;
import dev.kafkalab.common.AppDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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

    /** Longest a lab's program may run in the foreground: they send a few hundred records and end. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path code;
    private final ProgramArguments arguments;
    private final Programs programs;

    Solutions(Path code, ProgramArguments arguments, Programs programs) {
        this.code = code;
        this.arguments = arguments;
        this.programs = programs;
    }

    /** The key a namespaced lab's run-solution gets: the names its program's string literals are renamed from. */
    static final String RENAME = "rename";

    /**
     * A copy of the program's sources in {@code copy} whose string literals naming a lab's topic,
     * group or transactional id (exactly) name it in {@code namespace}: as a learner on a class's
     * cluster edits the lab's names in their own code.
     */
    static Path renamed(Path source, Path copy, LabNamespace namespace, Set<String> names) throws IOException {
        dev.kafkalab.common.Folders.deleteQuietly(copy);
        Files.createDirectories(copy);
        try (java.util.stream.Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String name : names) {
                    text = text.replace("\"" + name + "\"", "\"" + namespace.name(name) + "\"");
                }
                Files.writeString(copy.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        return copy;
    }

    /**
     * Compiles it and runs it as program {@code program} (its console on the Code screen shows
     * it), in place of a run of that name still going. Unless {@code background}, waits for its
     * end; says what it printed last. Blocks.
     */
    String run(String program, String folder, boolean background, LabNamespace namespace, Set<String> names) {
        Path source = code.resolve(program).resolve(folder);
        ProgramClasspath cp = ProgramClasspath.resolve(AppDirs.cache());
        ProgramCompiler compiler = ProgramCompiler.of(cp)
                .orElseThrow(() -> new IllegalStateException(ProgramCompiler.NO_COMPILER));
        Path classes = AppDirs.cache().resolve("solution-classes").resolve(program);
        try {
            // First: the run it replaces may still load classes from the folder the compiler empties.
            if (!programs.stopAndWait(program)) {
                throw new IllegalStateException(program + " is still running and would not stop");
            }
            if (!namespace.isNone() && !names.isEmpty()) {
                source = renamed(source, AppDirs.cache().resolve("solution-sources").resolve(program), namespace, names);
            }
            ProgramCompiler.Result compiled = compiler.compile(source, classes);
            if (!compiled.ok()) {
                throw new IllegalStateException(source + " does not compile: " + compiled.problems().get(0));
            }
            Programs.Run run = programs.start(program, "a lab step", cp, compiled.classes(), compiled.mainClass(),
                    arguments.get(), source);
            String what = compiled.mainClass() + " (" + folder + " of " + program + ")";
            if (background) {
                return "Started " + what + ": it runs until you stop it on the Code screen; its output is in the"
                        + " console of " + program + ".";
            }
            int exit;
            try {
                exit = run.exited().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.stop();
                throw new IllegalStateException(program + " did not end within " + TIMEOUT.toSeconds() + " s, and was stopped");
            }
            List<Programs.Line> out = run.output();
            String last = out.isEmpty() ? "nothing" : "\"" + out.get(out.size() - 1).text() + "\"";
            if (exit != 0) {
                throw new IllegalStateException(compiled.mainClass() + " ended with exit code " + exit + "; it printed "
                        + last + " last (its console on the Code screen has the rest)");
            }
            return "Ran " + what + ": " + out.size() + " line(s) printed, the last " + last + ".";
        } catch (IOException | ExecutionException e) {
            throw new IllegalStateException("could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " ran", e);
        }
    }
}
