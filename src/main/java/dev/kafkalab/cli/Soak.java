package dev.kafkalab.cli;

import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.common.Failures;
import dev.kafkalab.monitor.SnapshotPoller;
import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.topics.TopicService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The soak's actions, one per call, in turn: kill, freeze, stop a broker (each broker in turn)
 * and bring it back until every partition of the soak's topic is whole again; and each time a
 * new topic, the one before it deleted.
 */
final class Soak {

    private static final Duration OUT = Duration.ofSeconds(45);
    private static final Duration BACK = Duration.ofSeconds(120);

    /** A failure, with what brings the broker back after it. */
    private record Action(String word, String past, IntFunction<CompletableFuture<Void>> act,
            IntFunction<CompletableFuture<Void>> back) {
    }

    private final LocalCluster cluster;
    private final TopicService topics;
    private final SnapshotPoller poller;
    private final PrintStream log;
    private final Action[] actions;
    private int done;

    Soak(LocalCluster cluster, TopicService topics, SnapshotPoller poller, PrintStream log) {
        this.cluster = cluster;
        this.topics = topics;
        this.poller = poller;
        this.log = log;
        this.actions = new Action[] {
            new Action("kill", "killed", cluster::kill, cluster::start),
            new Action("freeze", "frozen", cluster::pause, cluster::resume),
            new Action("stop", "stopped", cluster::stop, cluster::start),
        };
    }

    /** Actions done so far. */
    int actions() {
        return done;
    }

    /** Rounds of every action done so far. */
    int rounds() {
        return done / actions.length;
    }

    /** The next action, and the cluster whole again; what went wrong, if something did. */
    Optional<String> next() {
        Action action = actions[done % actions.length];
        int broker = cluster.brokerIds().get((done / actions.length + done) % cluster.brokerIds().size());
        done++;
        long t0 = System.nanoTime();
        try {
            action.act().apply(broker).get(30, TimeUnit.SECONDS);
            poller.when(s -> s.topic(SoakCommand.TOPIC).map(t -> t.partitions().stream()
                    .noneMatch(p -> p.isr().contains(broker))).orElse(false), OUT,
                    "broker " + broker + " out of every ISR of " + SoakCommand.TOPIC).get(OUT.toSeconds() + 5, TimeUnit.SECONDS);
            action.back().apply(broker).get(BACK.toSeconds(), TimeUnit.SECONDS);
            int brokers = cluster.brokerIds().size();
            poller.when(s -> SoakCommand.whole(s, brokers), BACK, "every partition of " + SoakCommand.TOPIC
                    + " whole again").get(BACK.toSeconds() + 5, TimeUnit.SECONDS);
            churnTopics();
            log.printf(java.util.Locale.ROOT, "  %s broker %d, back and whole in %.1f s%n", action.word(), broker,
                    (System.nanoTime() - t0) / 1e9);
            return Optional.empty();
        } catch (Exception e) {
            String why = action.word() + " broker " + broker + ": " + Failures.message(e);
            log.println("  " + why);
            // Whatever happened, the broker is brought back for the next action.
            cluster.resume(broker);
            cluster.start(broker);
            return Optional.of(why);
        }
    }

    private void churnTopics() throws Exception {
        String name = "soak-topic-" + done;
        topics.create(new TopicRequest(name, "3", "3", "", "delete")).get(60, TimeUnit.SECONDS);
        if (done > 1) {
            topics.delete("soak-topic-" + (done - 1)).get(60, TimeUnit.SECONDS);
        }
    }
}
