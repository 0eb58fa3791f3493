package dev.kafkalab.common;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    /** A scheduler on one daemon thread called {@code name}; a task that throws is logged and runs again. */
    static Scheduler onThread(String name) {
        ScheduledExecutorService thread = Threads.scheduler(name);
        return (period, task) -> {
            var future = thread.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Scheduler.class).warn("A repeating task on {} failed", name, e);
                }
            }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
