package dev.kafkalab.code;

import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.Safely;
import dev.kafkalab.common.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A learner's compiled program running in a JVM of its own, so that {@code System.exit}, an
 * endless loop or a crash never touch the app. Its output arrives a line at a time; Stop asks
 * it to end (its shutdown hooks run), then kills it; and it ends by itself when the app is gone.
 */
public final class ProgramRun implements AutoCloseable {

    /** Which of the program's streams a line came from. */
    public enum Stream { OUT, ERR }

    /** Hears the program: on its reader threads, one line at a time, then its end. */
    public interface Listener {
        void line(Stream stream, Instant at, String text);

        default void ended(int exitCode) {
        }
    }

    /** A program's JVM starts fast and stays small: it runs a client or two, for minutes. */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
            "-Xshare:auto", "-Dkafkalab.log.bare=true", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");
    /** How long Stop waits for the program's shutdown hooks before it kills the JVM. */
    public static final Duration GRACE = Duration.ofSeconds(3);

    private final Process process;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();

    private ProgramRun(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code mainClass} from {@code classes} with {@code args}, in {@code workDir}.
     *
     * @throws IOException when the JVM could not be launched
     */
    public static ProgramRun start(ProgramClasspath classpath, Path classes, String mainClass, List<String> args,
            Path workDir, Listener listener) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(AppDirs.javaLauncher().toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(classpath.runClasspath(classes));
        command.add(ProgramMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        ProgramRun run = new ProgramRun(process);
        Thread out = Threads.daemon("kafka-lab-program-out", () -> read(process.getInputStream(), Stream.OUT, listener));
        Thread err = Threads.daemon("kafka-lab-program-err", () -> read(process.getErrorStream(), Stream.ERR, listener));
        out.start();
        err.start();
        // Ended once the process exited and both streams were read to their end: no line after "ended".
        process.onExit().thenRun(() -> {
            join(out);
            join(err);
            int code = process.exitValue();
            Safely.run("A program's end listener", () -> listener.ended(code));
            run.exited.complete(code);
        });
        return run;
    }

    private static void read(InputStream stream, Stream which, Listener listener) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String text = line;
                Safely.run("A program's output listener", () -> listener.line(which, Instant.now(), text));
            }
        } catch (IOException e) {
            // The stream closed under the reader: the program is gone.
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Completes with the program's exit code once it ended and its output was read. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /**
     * Asks the program to stop (its JVM exits and runs its shutdown hooks), and kills it if it
     * is still running after {@link #GRACE}. Completes with its exit code.
     */
    public CompletableFuture<Integer> stop() {
        if (process.isAlive()) {
            try {
                OutputStream in = process.getOutputStream();
                in.write((ProgramMain.STOP + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                // Its stdin is gone: it is ending anyway, or the kill below ends it.
            }
            process.onExit().orTimeout(GRACE.toMillis(), TimeUnit.MILLISECONDS).exceptionally(timedOut -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return process;
            });
        }
        return exited;
    }

    /** Stops the program and waits, boundedly, for its end. */
    @Override
    public void close() {
        try {
            stop().get(GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
