package dev.kafkalab.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Gives this JVM's heavy background threads a lower CPU priority than the window's, on Linux:
 * the JIT compilers and the Kafka clients' network threads.
 *
 * <p>Why: on two cores, the first stream of 10,000 records/s after start had the JIT compiling
 * the producer's code, the producer's network thread and three brokers all wanting the CPU at
 * once; the FX thread was idle in most samples of its long frames, waiting for its turn to draw.
 * The node JVMs already run at {@code nice 10}; this does the same for the app's own workers,
 * thread by thread (Linux gives each thread its own nice value), so the thread drawing the
 * window goes first and the others take the rest.
 *
 * <p>Elsewhere, or without {@code renice}, it does nothing.
 */
public final class BackgroundNiceness {

    /** Kernel thread names are cut to 15 characters: these are their starts. */
    private static final List<String> BACKGROUND = List.of(
            "C2 CompilerThre", "C1 CompilerThre", "kafka-producer-", "kafka-coordinat", "consumer_backgr");
    private static final int NICE = 10;
    private static final long SCAN_EVERY_MS = 2_000;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path RENICE = Path.of("/usr/bin/renice");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private static volatile boolean started;

    private BackgroundNiceness() {
    }

    /**
     * Lowers the calling thread to the same nice value at once, before it does its work. Threads
     * it starts afterwards inherit the value from their first instruction: a producer made on
     * such a thread gets a network thread that is already low, with no wait for the next scan.
     * Returns whether the thread was lowered (false off Linux or without {@code renice}).
     */
    public static boolean lowerThisThread() {
        if (!Files.isExecutable(RENICE) || !Files.isDirectory(THREAD_SELF)) {
            return false;
        }
        try {
            // /proc/thread-self links to <pid>/task/<tid>: the kernel's id of this very thread.
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            return renice(List.of(tid));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Starts a daemon that lowers such threads as they appear. Idempotent. */
    public static synchronized void start() {
        if (started || !Files.isDirectory(TASKS) || !Files.isExecutable(RENICE)) {
            return;
        }
        started = true;
        Thread scanner = new Thread(BackgroundNiceness::scanForever, "kafka-lab-niceness");
        scanner.setDaemon(true);
        scanner.start();
    }

    private static void scanForever() {
        Set<String> lowered = new HashSet<>();
        while (!Thread.currentThread().isInterrupted()) {
            List<String> found = new ArrayList<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path task : tasks) {
                    String tid = task.getFileName().toString();
                    if (!lowered.contains(tid) && isBackground(task)) {
                        found.add(tid);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return;
            }
            if (!found.isEmpty() && renice(found)) {
                lowered.addAll(found);
            }
            try {
                // A scanning period: new compiler and client threads come and go.
                Thread.sleep(SCAN_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isBackground(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
            return BACKGROUND.stream().anyMatch(name::startsWith);
        } catch (IOException e) {
            // The thread ended meanwhile.
            return false;
        }
    }

    private static boolean renice(List<String> tids) {
        List<String> cmd = new ArrayList<>(List.of(RENICE.toString(), "-n", Integer.toString(NICE), "-p"));
        cmd.addAll(tids);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // A thread that ended meanwhile makes renice fail for it alone: the others are lowered.
            return p.waitFor(5, TimeUnit.SECONDS) && (tids.size() > 1 || p.exitValue() == 0);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
