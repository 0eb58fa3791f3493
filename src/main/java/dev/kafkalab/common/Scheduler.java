package dev.kafkalab.common;

import java.time.Duration;

/**
 * Runs a task again and again. The app's runs it on a named daemon thread; a test's runs it when
 * the test says (testkit's {@code ManualScheduler}), so a view model that takes one from outside
 * is tested without threads or sleeps.
 */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} every {@code period}, the first time after one period, until the handle is closed. */
    Repeating every(Duration period, Runnable task);

    /** Stops a repeating task; closing twice does nothing. */
    @FunctionalInterface
    interface Repeating extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A scheduler on a daemon thread called {@code name}, there while it has tasks: closing the
     * last one ends the thread, and a new task starts another. A task that throws is logged and
     * runs again.
     */
    static Scheduler onThread(String name) {
        return new ThreadScheduler(name);
    }
}
