package dev.kafkalab.common;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Scheduler#onThread}: one daemon thread while there are tasks, none after the last is closed. */
final class ThreadScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    private final String name;
    private ScheduledExecutorService thread;
    private int tasks;

    ThreadScheduler(String name) {
        this.name = name;
    }

    @Override
    public synchronized Repeating every(Duration period, Runnable task) {
        if (thread == null) {
            thread = Threads.scheduler(name);
        }
        ScheduledExecutorService on = thread;
        var future = on.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("A repeating task on {} failed; it runs again", name, e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        tasks++;
        boolean[] closed = {false};
        return () -> {
            synchronized (ThreadScheduler.this) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
                future.cancel(false);
                if (--tasks == 0 && thread == on) {
                    on.shutdown();
                    thread = null;
                }
            }
        };
    }
}
