package dev.kafkalab.code;

import dev.kafkalab.common.Futures;
import dev.kafkalab.common.Safely;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The programs the app runs, by name: the learner's from the Code screen and the labs' own from a
 * step's button. One run per name at a time; the last run of each name is kept with the end of
 * its output, so the Code screen shows a run a lab step started, and checks read what a program
 * printed. Closing it stops every program.
 */
public final class Programs implements AutoCloseable {

    /** Each run keeps this many of its newest lines. */
    public static final int KEPT_LINES = 5_000;

    /** Hears every run: on the program's own threads. */
    public interface Listener {
        default void started(Run run) {
        }

        void line(Run run, ProgramRun.Stream stream, Instant at, String text);

        default void ended(Run run, int exitCode) {
        }
    }

    /** A line a program printed on its standard output, and when. */
    public record Line(Instant at, String text) {
    }

    /** One run of a program, while it runs and after. */
    public static final class Run {
        private final String name;
        private final String mainClass;
        private final String startedBy;
        private final Instant started = Instant.now();
        private final Deque<Line> out = new ArrayDeque<>();
        private final CompletableFuture<Integer> exited = new CompletableFuture<>();
        /** Opens once the start was announced: its lines and its end reach listeners after it. */
        private final java.util.concurrent.CountDownLatch announced = new java.util.concurrent.CountDownLatch(1);
        private volatile ProgramRun process;
        private volatile Integer exitCode;
        private volatile boolean stopAsked;

        private Run(String name, String mainClass, String startedBy) {
            this.name = name;
            this.mainClass = mainClass;
            this.startedBy = startedBy;
        }

        public String name() {
            return name;
        }

        public String mainClass() {
            return mainClass;
        }

        /** Who ran it, in words: "the Code screen", "a lab step". */
        public String startedBy() {
            return startedBy;
        }

        public Instant started() {
            return started;
        }

        public long pid() {
            ProgramRun p = process;
            return p == null ? -1 : p.pid();
        }

        /** Not ended: running, or its JVM being launched. */
        public boolean alive() {
            ProgramRun p = process;
            return exitCode == null && !exited.isDone() && (p == null || p.alive());
        }

        /** Its exit code once it ended. */
        public Optional<Integer> exitCode() {
            return Optional.ofNullable(exitCode);
        }

        /** The last {@link #KEPT_LINES} lines it printed on its standard output. */
        public List<Line> output() {
            synchronized (out) {
                return List.copyOf(out);
            }
        }

        /** Completes with its exit code once it ended and its output was read (-1: it never started). */
        public CompletableFuture<Integer> exited() {
            return exited;
        }

        /**
         * Asks it to stop, then kills it after {@link ProgramRun#GRACE}; completes with its exit
         * code. A run still being launched is stopped as soon as its JVM is there.
         */
        public CompletableFuture<Integer> stop() {
            stopAsked = true;
            ProgramRun p = process;
            if (p != null) {
                p.stop();
            }
            return exited;
        }

        private void awaitAnnounced() {
            try {
                announced.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void kept(Line line) {
            synchronized (out) {
                if (out.size() == KEPT_LINES) {
                    out.removeFirst();
                }
                out.addLast(line);
            }
        }
    }

    /** A run of that name has not ended: one at a time. */
    public static final class AlreadyRunning extends IllegalStateException {
        private final transient Run run;

        AlreadyRunning(Run run) {
            super(run.name() + " is running (pid " + run.pid() + ", started by " + run.startedBy() + "): stop it first");
            this.run = run;
        }

        /** The run that holds the name. */
        public Run run() {
            return run;
        }
    }

    private final Map<String, Run> last = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts {@code mainClass} from {@code classes} as program {@code name}.
     *
     * @throws IllegalStateException when a run of that name is still going, or the app is closing
     * @throws IOException           when its JVM could not be launched
     */
    public Run start(String name, String startedBy, ProgramClasspath classpath, Path classes, String mainClass,
            List<String> args, Path workDir) throws IOException {
        Run run = new Run(name, mainClass, startedBy);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the app is closing");
            }
            Run before = last.get(name);
            if (before != null && before.alive()) {
                throw new AlreadyRunning(before);
            }
            last.put(name, run);
        }
        try {
            run.process = ProgramRun.start(classpath, classes, mainClass, args, workDir, new ProgramRun.Listener() {
                @Override
                public void line(ProgramRun.Stream stream, Instant at, String text) {
                    if (stream == ProgramRun.Stream.OUT) {
                        run.kept(new Line(at, text));
                    }
                    run.awaitAnnounced();
                    for (Listener l : listeners) {
                        Safely.run("A program's output listener", () -> l.line(run, stream, at, text));
                    }
                }

                @Override
                public void ended(int exitCode) {
                    run.exitCode = exitCode;
                    run.awaitAnnounced();
                    for (Listener l : listeners) {
                        Safely.run("A program's end listener", () -> l.ended(run, exitCode));
                    }
                    run.exited.complete(exitCode);
                }
            });
        } catch (IOException | RuntimeException e) {
            last.remove(name, run);
            run.exited.complete(-1);
            run.announced.countDown();
            throw e;
        }
        try {
            for (Listener l : listeners) {
                Safely.run("A program's start listener", () -> l.started(run));
            }
        } finally {
            run.announced.countDown();
        }
        if (run.stopAsked) {
            run.process.stop();
        }
        return run;
    }

    /** The latest run of {@code name}: running, or ended. */
    public Optional<Run> last(String name) {
        return Optional.ofNullable(last.get(name));
    }

    /** The runs that have not ended (those being launched too), oldest first. */
    public List<Run> running() {
        List<Run> runs = new ArrayList<>(last.values().stream().filter(Run::alive).toList());
        runs.sort(java.util.Comparator.comparing(Run::started));
        return runs;
    }

    /**
     * Stops {@code name}'s run if it runs, and waits for its end (at most its grace and a few
     * seconds). False when it was still ending at the deadline.
     */
    public boolean stopAndWait(String name) {
        Run r = last.get(name);
        return r == null || !r.alive() || awaitAll(List.of(r.stop()));
    }

    /** Asks every running program to stop at once, then waits once for all of them. */
    public boolean stopAll() {
        List<CompletableFuture<Integer>> ending = new ArrayList<>();
        for (Run r : running()) {
            ending.add(r.stop());
        }
        return awaitAll(ending);
    }

    private static boolean awaitAll(List<CompletableFuture<Integer>> ending) {
        return Futures.allWithin(ending, ProgramRun.GRACE.plusSeconds(5));
    }

    /** Stops every program; none starts after. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (!stopAll()) {
            org.slf4j.LoggerFactory.getLogger(Programs.class)
                    .warn("Programs still ending as the app closes; their launchers end them when the app is gone");
        }
    }
}
