package dev.kafkalab.lab;

import dev.kafkalab.common.Futures;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.produce.ProducerMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The labs' runner while the cluster may still be starting: a lab can be opened and read at
 * once, and a button pressed meanwhile waits for the cluster (and says so) instead of failing.
 * Once the cluster runs, everything goes to the real runner.
 */
public final class WaitingRunner implements ActionRunner {

    /** What a step's message says while its action waits. */
    public static final String WAITING = "waiting for the cluster to start; this runs as soon as it is ready";

    private final Supplier<CompletableFuture<ActionRunner>> ready;
    private final Supplier<ClusterSnapshot> latest;

    /**
     * @param ready  the runner once the cluster runs (and has been seen once); a start that
     *               failed answers with its failure, and a retry gives a new future
     * @param latest the cluster as last seen, for an action that waited: the snapshot it was
     *               given is from before the cluster ran
     */
    public WaitingRunner(Supplier<CompletableFuture<ActionRunner>> ready, Supplier<ClusterSnapshot> latest) {
        this.ready = ready;
        this.latest = latest;
    }

    @Override
    public CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> remembered) {
        return run(action, snapshot, remembered, line -> { });
    }

    @Override
    public CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> remembered,
            Consumer<String> progress) {
        CompletableFuture<ActionRunner> runner = ready.get();
        Optional<ActionRunner> running = Futures.now(runner);
        if (running.isPresent()) {
            return running.get().run(action, snapshot, remembered, progress);
        }
        if (!runner.isDone()) {
            progress.accept(WAITING);
        }
        return runner.handle((r, failed) -> {
            if (failed != null) {
                throw new IllegalStateException("The cluster did not start, so this did not run: the Cluster screen says why"
                        + " and can try again.");
            }
            return r;
        }).thenCompose(r -> r.run(action, seen(snapshot), remembered, progress));
    }

    @Override
    public CompletableFuture<String> reset(Lab lab) {
        return ready.get().thenCompose(r -> r.reset(lab));
    }

    @Override
    public Optional<String> cannotRun(Lab lab) {
        return now().flatMap(r -> r.cannotRun(lab));
    }

    @Override
    public String stockSenderState() {
        return now().map(ActionRunner::stockSenderState).orElse("none");
    }

    @Override
    public ProducerMetrics producerMetrics() {
        return now().map(ActionRunner::producerMetrics).orElse(ProducerMetrics.NONE);
    }

    @Override
    public Optional<CheckContext.ProgramSeen> program(String name) {
        return now().flatMap(r -> r.program(name));
    }

    @Override
    public CheckContext.Clients clients(Directive check) {
        return now().map(r -> r.clients(check)).orElse(CheckContext.Clients.NONE);
    }

    @Override
    public CompletableFuture<TopicScan> scan(String topic) {
        return ready.get().thenCompose(r -> r.scan(topic));
    }

    @Override
    public CompletableFuture<Map<String, Map<String, String>>> topicConfigs(java.util.List<String> topics) {
        return ready.get().thenCompose(r -> r.topicConfigs(topics));
    }

    private ClusterSnapshot seen(ClusterSnapshot given) {
        ClusterSnapshot now = latest.get();
        return given == ClusterSnapshot.EMPTY && now != null ? now : given;
    }

    /** The real runner if the cluster runs now. */
    private Optional<ActionRunner> now() {
        return Futures.now(ready.get());
    }
}
