package dev.kafkalab.common;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on futures with a deadline, for code that goes on either way. */
public final class Futures {

    private Futures() {
    }

    /** The value of {@code future} if it has completed normally; empty while it runs, or if it failed. */
    public static <T> java.util.Optional<T> now(CompletableFuture<T> future) {
        return future.isDone() && !future.isCompletedExceptionally() ? java.util.Optional.ofNullable(future.join())
                : java.util.Optional.empty();
    }

    /** Whether every one of {@code futures} completed normally within {@code within}. */
    public static boolean allWithin(Collection<? extends CompletableFuture<?>> futures, Duration within) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
