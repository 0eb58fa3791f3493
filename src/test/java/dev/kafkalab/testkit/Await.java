package dev.kafkalab.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that is not in a snapshot (a client's counter, a UI property). */
public final class Await {

    private Await() {
    }

    /** Checks every 10 ms until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toMillis() + " ms for " + what);
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
