package dev.kafkalab.lab;

import dev.kafkalab.monitor.ClusterSnapshot;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Does a lab's one-click actions on the cluster. The app's workbench does it with the same
 * services the screens use; the answer is a sentence for the learner, or an exception whose
 * message says what went wrong.
 */
public interface ActionRunner {

    /**
     * Runs one action.
     *
     * @param snapshot   the cluster as last seen, to resolve {@code leader-of:} and friends
     * @param remembered brokers earlier actions remembered; an action with {@code as=} adds to it
     */
    CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> remembered);

    /**
     * Runs one action that may say how it is getting on: {@code progress} hears a sentence per
     * stage of a demo that does several things, on the action's own thread.
     */
    default CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> remembered,
            java.util.function.Consumer<String> progress) {
        return run(action, snapshot, remembered);
    }

    /** Puts the cluster back for a lab's start: its groups stopped, topics deleted, brokers running. */
    CompletableFuture<String> reset(Lab lab);

    /**
     * Why some of {@code lab}'s steps cannot run on this cluster (a remote one without broker
     * commands), in one paragraph; empty when all can.
     */
    default java.util.Optional<String> cannotRun(Lab lab) {
        return java.util.Optional.empty();
    }

    /** Facts that snapshots do not hold, for checks. */
    default String stockSenderState() {
        return "none";
    }

    default dev.kafkalab.produce.ProducerMetrics producerMetrics() {
        return dev.kafkalab.produce.ProducerMetrics.NONE;
    }

    /** The last run of program {@code name} the app made (the Code screen's or a lab step's), if any. */
    default java.util.Optional<CheckContext.ProgramSeen> program(String name) {
        return java.util.Optional.empty();
    }

    /** Reads a topic from the beginning (slow: only for the compaction checks). */
    default CompletableFuture<TopicScan> scan(String topic) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no topic reader"));
    }

    /** What the app's own clients saw that the check reads (share deliveries, group reads, transactions). */
    default CheckContext.Clients clients(Directive check) {
        return CheckContext.Clients.NONE;
    }

    /** Topics' configs as the brokers apply them: by topic, name to value (defaults included). */
    default CompletableFuture<Map<String, Map<String, String>>> topicConfigs(java.util.List<String> topics) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no admin client"));
    }

    /**
     * What an action did.
     *
     * @param broker the broker it acted on, or null; remembered under the action's {@code as=}
     */
    record Outcome(String message, Integer broker) {
    }
}
