package dev.kafkalab.ui.code;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A program compiled while the cluster starts waits for it and runs once it is ready; Stop ends
 * the wait. Nothing blocks meanwhile: the Code screen's worker goes on saving what is typed.
 */
final class ClusterWait {

    static final String STOPPED = "compiled, and was not started: Stop was pressed.";
    static final String NO_CLUSTER = "did not run: the cluster did not start (the Cluster screen says why and can"
            + " try again).";
    private static final Object STOP = new Object();
    private static final Object FAILED = new Object();

    private ClusterWait() {
    }

    /**
     * Runs the program on {@code work} with the cluster's address once it is known, or tells
     * {@code notRun} why it will not run.
     *
     * @param address the address once the current start ends; failed when the start failed
     * @param stop    completed when Stop is pressed
     * @param waiting told once, at once, if the cluster is not ready yet
     * @param notRun  hears why the program does not run, as the end of a sentence about it
     */
    @SuppressWarnings("unchecked")
    static void then(CompletableFuture<List<String>> address, CompletableFuture<Void> stop, Runnable waiting,
            Executor work, Consumer<List<String>> run, Consumer<String> notRun) {
        if (!address.isDone() && !stop.isDone()) {
            waiting.run();
        }
        // Stop first: pressed before the address came, it wins.
        CompletableFuture.anyOf(stop.thenApply(v -> STOP), address.handle((a, failed) -> failed == null ? a : FAILED))
                .thenAcceptAsync(first -> {
                    if (first == STOP) {
                        notRun.accept(STOPPED);
                    } else if (first == FAILED) {
                        notRun.accept(NO_CLUSTER);
                    } else {
                        run.accept((List<String>) first);
                    }
                }, work);
    }
}
