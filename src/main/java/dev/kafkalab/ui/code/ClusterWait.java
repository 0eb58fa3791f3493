package dev.kafkalab.ui.code;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A program compiled while the cluster starts waits for it, on the Code screen's worker, and
 * runs once it is ready; Stop ends the wait.
 */
final class ClusterWait {

    private static final long LOOK_MS = 100;

    private ClusterWait() {
    }

    /**
     * The program's arguments (the cluster's address) once the cluster runs, or null after
     * {@code notRun} heard why it will not run.
     *
     * @param address  the address once the current start ends; failed when the start failed
     * @param stop     whether Stop was pressed (or the screen closed) meanwhile
     * @param waiting  told once, if the cluster is not ready yet
     * @param notRun   hears why the program does not run, as the end of a sentence about it
     */
    static List<String> args(Supplier<CompletableFuture<List<String>>> address, BooleanSupplier stop, Runnable waiting,
            Consumer<String> notRun) {
        CompletableFuture<List<String>> ready = address.get();
        if (!ready.isDone() && !stop.getAsBoolean()) {
            waiting.run();
        }
        while (true) {
            if (stop.getAsBoolean()) {
                notRun.accept("compiled, and was not started: Stop was pressed.");
                return null;
            }
            try {
                return ready.get(LOOK_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not yet: look at Stop again.
            } catch (ExecutionException e) {
                notRun.accept("did not run: the cluster did not start (the Cluster screen says why and can try again).");
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notRun.accept("did not run: the app is closing.");
                return null;
            }
        }
    }
}
