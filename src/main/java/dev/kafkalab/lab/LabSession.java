package dev.kafkalab.lab;

import dev.kafkalab.common.Threads;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.progress.ProgressStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One lab being worked through: the current step, its check evaluated against every snapshot,
 * the one-click actions, and progress saved as it happens. Everything runs on the session's
 * own thread; listeners get immutable {@link State}s and must hand them to their UI thread.
 */
public final class LabSession implements AutoCloseable {

    /** How often a check that reads a whole topic (compaction) reads it again. */
    private static final Duration SCAN_EVERY = Duration.ofSeconds(2);

    /**
     * The session as the lab screen draws it.
     *
     * @param step    the step shown, 1-based
     * @param passed  steps whose check passed at least once (a passed step stays done)
     * @param verdict the shown step's check right now
     * @param busy    an action or a reset is running
     * @param message what the last action or reset did, or why it failed
     */
    public record State(Lab lab, int step, Set<Integer> passed, Verdict verdict, boolean busy, String message,
            Duration spent) {

        public State {
            passed = Set.copyOf(passed);
        }

        public Step current() {
            return lab.steps().get(step - 1);
        }

        public boolean finished() {
            return passed.size() == lab.steps().size();
        }
    }

    private final Lab lab;
    private final ActionRunner runner;
    private final ProgressStore store;
    private final Ledger ledger;
    private final String prefix;
    private final ExecutorService thread;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();

    // Confined to the session's thread.
    private final Map<String, Integer> remembered = new LinkedHashMap<>();
    private final Set<Integer> passed = new TreeSet<>();
    private final Map<String, TopicScan> scans = new HashMap<>();
    private final Map<String, Map<String, String>> configs = new HashMap<>();
    /** Actions pressed and not done yet (one waiting for the cluster to start, say): a reset or a close cancels them. */
    private final Set<CompletableFuture<ActionRunner.Outcome>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ClusterSnapshot latest = ClusterSnapshot.EMPTY;
    private ClusterSnapshot baseline;
    private Instant ignoreBefore = Instant.EPOCH;
    private int step = 1;
    private Verdict verdict = Verdict.waiting("waiting for the cluster...");
    private int busy;
    private String message = "";
    private long spentMillis;
    private long openedAt = System.currentTimeMillis();
    private Instant lastScan = Instant.EPOCH;
    private boolean scanning;
    private volatile State state;

    public LabSession(Lab lab, ActionRunner runner, ProgressStore store, Ledger ledger) {
        this.lab = lab;
        this.runner = runner;
        this.store = store;
        this.ledger = ledger;
        this.prefix = "lab." + lab.id() + ".";
        this.thread = Threads.single("kafka-lab-lab-" + lab.id());
        restore();
        state = snapshotState();
    }

    private void restore() {
        Map<String, String> saved = store.under(prefix);
        step = Math.max(1, Math.min(lab.steps().size(), parse(saved.get("step"), 1)));
        passed.addAll(passedSteps(saved.get("passed"), lab));
        spentMillis = parse(saved.get("seconds"), 0) * 1000L;
        saved.forEach((k, v) -> {
            if (k.startsWith("broker.")) {
                remembered.put(k.substring("broker.".length()), parse(v, -1));
            }
        });
    }

    /** The steps a lab's saved progress says passed, as the lab list shows them without opening the lab. */
    public static Set<Integer> passedSteps(ProgressStore store, Lab lab) {
        return passedSteps(store.get("lab." + lab.id() + ".passed").orElse(null), lab);
    }

    private static Set<Integer> passedSteps(String saved, Lab lab) {
        Set<Integer> steps = new TreeSet<>();
        for (String n : (saved == null ? "" : saved).split(",")) {
            int s = parse(n, 0);
            if (s >= 1 && s <= lab.steps().size()) {
                steps.add(s);
            }
        }
        return steps;
    }

    private static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Lab lab() {
        return lab;
    }

    public State state() {
        return state;
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    public void removeListener(Consumer<State> listener) {
        listeners.remove(listener);
    }

    /** From the poller's thread: the step's check is evaluated against it on the session's thread. */
    public void onSnapshot(ClusterSnapshot snapshot) {
        submit(() -> {
            if (snapshot.takenAt().isBefore(ignoreBefore)) {
                return;
            }
            latest = snapshot;
            if (baseline == null) {
                baseline = snapshot;
            }
            evaluate();
        });
    }

    /** Shows another step; what "since the step began" means starts from now. */
    public CompletableFuture<State> goTo(int number) {
        return call(() -> {
            if (number < 1 || number > lab.steps().size()) {
                return;
            }
            step = number;
            baseline = latest.nodes().isEmpty() ? null : latest;
            message = "";
            save();
            evaluate();
        });
    }

    public CompletableFuture<State> next() {
        return call(() -> {
        }).thenCompose(s -> goTo(s.step() + 1));
    }

    public CompletableFuture<State> previous() {
        return call(() -> {
        }).thenCompose(s -> goTo(s.step() - 1));
    }

    /** Runs one of the current step's actions; the returned state carries its message. */
    public CompletableFuture<State> run(Directive action) {
        CompletableFuture<State> done = new CompletableFuture<>();
        submit(() -> {
            busy++;
            String working = "Working: " + action.optional("label").orElse(action.name());
            message = working + "...";
            publish();
            // A demo's stages arrive on its thread; each becomes the message until the next.
            Consumer<String> progress = line -> submit(() -> {
                if (busy > 0 && message.startsWith(working)) {
                    message = working + ": " + line;
                    publish();
                }
            });
            CompletableFuture<ActionRunner.Outcome> work;
            try {
                work = runner.run(action, latest, Map.copyOf(remembered), progress);
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<ActionRunner.Outcome> mine = work;
            pending.add(mine);
            work.whenComplete((o, f) -> pending.remove(mine));
            work.whenCompleteAsync((outcome, failure) -> {
                busy--;
                if (dev.kafkalab.common.Failures.rootCause(failure) instanceof java.util.concurrent.CancellationException) {
                    message = "Not done: the lab was reset before it could be.";
                } else if (failure != null) {
                    message = "Could not do it: " + dev.kafkalab.common.Failures.message(failure);
                } else {
                    message = outcome.message();
                    action.optional("as").ifPresent(name -> {
                        if (outcome.broker() != null) {
                            remembered.put(name, outcome.broker());
                            save();
                        }
                    });
                }
                evaluate();
                done.complete(state);
            }, thread);
        });
        return done;
    }

    /** Puts the lab back to its start: the cluster (topics, groups, brokers) and the progress. */
    public CompletableFuture<State> reset() {
        CompletableFuture<State> done = new CompletableFuture<>();
        submit(() -> {
            // An action still waiting (for the cluster to start) must not run after the reset.
            cancelPending();
            busy++;
            message = "Resetting the lab: stopping its groups, deleting its topics, starting every broker...";
            publish();
            CompletableFuture<String> work;
            try {
                work = runner.reset(lab);
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            work.whenCompleteAsync((said, failure) -> {
                busy--;
                lab.topics().forEach(ledger::forget);
                remembered.clear();
                passed.clear();
                scans.clear();
                configs.clear();
                step = 1;
                spentMillis = 0;
                openedAt = System.currentTimeMillis();
                // A snapshot taken while the reset ran would be a baseline with the old topics.
                ignoreBefore = Instant.now();
                baseline = null;
                latest = ClusterSnapshot.EMPTY;
                verdict = Verdict.waiting("waiting for the cluster...");
                message = failure == null ? said : "The reset did not finish: "
                        + dev.kafkalab.common.Failures.message(failure);
                try {
                    store.removeUnder(prefix);
                } catch (IOException e) {
                    message += " (progress could not be saved: " + e.getMessage() + ")";
                }
                publish();
                done.complete(state);
            }, thread);
        });
        return done;
    }

    private void evaluate() {
        if (latest.nodes().isEmpty()) {
            publish();
            return;
        }
        Step current = lab.steps().get(step - 1);
        List<String> scanTopics = ScanChecks.scanTopics(current.check());
        if (!scanTopics.isEmpty()) {
            readSoon(() -> scanAll(scanTopics), scans::putAll);
        }
        List<String> configTopics = TopicChecks.configTopics(current.check());
        if (!configTopics.isEmpty()) {
            readSoon(() -> runner.topicConfigs(configTopics), configs::putAll);
        }
        // Reading the producer's metrics builds a map of them all: only for the check that needs it.
        CheckContext ctx = new CheckContext(latest, baseline == null ? latest : baseline, ledger, remembered,
                Checks.readsProducerMetrics(current.check()) ? runner.producerMetrics()
                        : dev.kafkalab.produce.ProducerMetrics.NONE, runner.stockSenderState(), scans,
                ProgramChecks.programOf(current.check()).flatMap(runner::program)
                        .map(p -> Map.of(current.check().text("program"), p)).orElse(Map.of()), configs,
                runner.clients(current.check()));
        verdict = Checks.evaluate(current.check(), ctx);
        if (verdict.passed() && passed.add(step)) {
            save();
        }
        publish();
    }

    /** Reads the topics one after the other, each from its beginning. */
    private CompletableFuture<Map<String, TopicScan>> scanAll(List<String> topics) {
        CompletableFuture<Map<String, TopicScan>> all = CompletableFuture.completedFuture(new HashMap<>());
        for (String t : topics) {
            all = all.thenCompose(read -> runner.scan(t).thenApply(scan -> {
                read.put(t, scan);
                return read;
            }));
        }
        return all;
    }

    /** Reads a topic (its records, or its configs) for a check, at most once per {@link #SCAN_EVERY}. */
    private <T> void readSoon(java.util.function.Supplier<CompletableFuture<T>> read,
            java.util.function.Consumer<T> keep) {
        if (scanning || Instant.now().isBefore(lastScan.plus(SCAN_EVERY))) {
            return;
        }
        scanning = true;
        read.get().whenCompleteAsync((value, failure) -> {
            scanning = false;
            lastScan = Instant.now();
            if (value != null) {
                keep.accept(value);
            }
        }, thread);
    }

    private void save() {
        long now = System.currentTimeMillis();
        spentMillis += now - openedAt;
        openedAt = now;
        Map<String, String> values = new HashMap<>();
        values.put(prefix + "step", Integer.toString(step));
        values.put(prefix + "passed", passed.stream().map(String::valueOf).collect(Collectors.joining(",")));
        values.put(prefix + "seconds", Long.toString(spentMillis / 1000));
        remembered.forEach((k, v) -> values.put(prefix + "broker." + k, Integer.toString(v)));
        try {
            store.update(values);
        } catch (IOException e) {
            message = "Progress could not be saved: " + e.getMessage();
        }
    }

    private State snapshotState() {
        long spent = spentMillis + System.currentTimeMillis() - openedAt;
        return new State(lab, step, passed, verdict, busy > 0, message, Duration.ofMillis(spent));
    }

    private void publish() {
        State s = snapshotState();
        state = s;
        listeners.forEach(l -> l.accept(s));
    }

    private CompletableFuture<State> call(Runnable work) {
        CompletableFuture<State> done = new CompletableFuture<>();
        submit(() -> {
            work.run();
            done.complete(state);
        });
        return done;
    }

    private void submit(Runnable work) {
        try {
            thread.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The session was closed: late snapshots and clicks are dropped.
        }
    }

    private void cancelPending() {
        pending.forEach(f -> f.cancel(false));
    }

    /** Saves the time spent and stops the session's thread. */
    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        // An action still waiting must not run once the lab is closed.
        cancelPending();
        CompletableFuture<State> saved = call(this::save);
        try {
            saved.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Closing must not hang the app; the last save stands.
        }
        thread.shutdownNow();
    }
}
