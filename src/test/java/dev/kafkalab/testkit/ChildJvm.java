package dev.kafkalab.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JVM started from the test's own classpath, with its output collected line by line. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        collect(process.getInputStream(), out, "out");
        collect(process.getErrorStream(), err, "err");
    }

    public static ChildJvm start(String mainClass, List<String> args) throws IOException {
        return start(System.getProperty("java.class.path"), mainClass, args);
    }

    /** Kafka's own CLI tools, on the classpath of their own that the build copied (KAFKA_CLI_LIBS). */
    public static ChildJvm kafkaTool(String mainClass, List<String> args) throws IOException {
        String libs = System.getenv("KAFKA_CLI_LIBS");
        if (libs == null) {
            throw new IllegalStateException("KAFKA_CLI_LIBS is not set: run the integration tests with ./mvnw verify");
        }
        return start(Path.of(libs).resolve("*").toString(), mainClass, args);
    }

    public static ChildJvm start(String classpath, String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return new ChildJvm(new ProcessBuilder(cmd).start());
    }

    public Process process() {
        return process;
    }

    public void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    public void closeStdin() throws IOException {
        stdin.close();
    }

    public List<String> out() {
        return List.copyOf(out);
    }

    public List<String> err() {
        return List.copyOf(err);
    }

    /** Waits for a line on stdout that matches, counting only lines after {@code skip}. */
    public String awaitOut(Predicate<String> match, Duration timeout, String what) {
        return await(out, 0, match, timeout, what);
    }

    public String awaitOutAfter(int skip, Predicate<String> match, Duration timeout, String what) {
        return await(out, skip, match, timeout, what);
    }

    public String awaitErr(Predicate<String> match, Duration timeout, String what) {
        return await(err, 0, match, timeout, what);
    }

    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process did not exit within " + timeout.toSeconds() + " s; stderr: " + err);
        }
        return process.exitValue();
    }

    private String await(List<String> lines, int skip, Predicate<String> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                Optional<String> hit = lines.stream().skip(skip).filter(match).findFirst();
                if (hit.isPresent()) {
                    return hit.get();
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && lines.size() == lines.size())) {
                    if (left > 0 && !process.isAlive()) {
                        // Give the reader threads a moment to drain what the process wrote last.
                        try {
                            changed.wait(Math.min(left, 200));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        hit = lines.stream().skip(skip).filter(match).findFirst();
                        if (hit.isPresent()) {
                            return hit.get();
                        }
                    }
                    throw new AssertionError("Waited for " + what + " (" + timeout.toSeconds() + " s)"
                            + (process.isAlive() ? "" : ", process exited with " + process.exitValue())
                            + "\nstdout: " + out + "\nstderr: " + err);
                }
                try {
                    changed.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    private void collect(InputStream stream, List<String> into, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    into.add(line);
                    synchronized (changed) {
                        changed.notifyAll();
                    }
                }
            } catch (IOException e) {
                // Process gone.
            }
            synchronized (changed) {
                changed.notifyAll();
            }
        }, "child-" + name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
