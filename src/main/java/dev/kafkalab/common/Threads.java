package dev.kafkalab.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's background threads: daemon (a quit never waits for them), named after what they do
 * (a thread dump and the log say whose thread it is), and a failure that escapes one is logged
 * instead of vanishing with the thread.
 */
public final class Threads {

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    static final Thread.UncaughtExceptionHandler LOG_UNCAUGHT =
            (thread, failure) -> LOG.error("Uncaught in thread {}", thread.getName(), failure);

    private Threads() {
    }

    /** Threads called {@code name}; a second one made by the same factory is {@code name-2}, and so on. */
    public static ThreadFactory daemon(String name) {
        AtomicInteger made = new AtomicInteger();
        return task -> {
            int n = made.incrementAndGet();
            return daemon(n == 1 ? name : name + "-" + n, task);
        };
    }

    /** A daemon thread, not started. */
    public static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(LOG_UNCAUGHT);
        return t;
    }

    /** A daemon thread, started. */
    public static Thread start(String name, Runnable task) {
        Thread t = daemon(name, task);
        t.start();
        return t;
    }

    /** One daemon thread that runs tasks in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    /** One daemon thread that runs tasks in order, at times. */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemon(name));
    }
}
