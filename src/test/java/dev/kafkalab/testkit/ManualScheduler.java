package dev.kafkalab.testkit;

import dev.kafkalab.common.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose tasks run only when the test calls {@link #tick()}: one round of every task. */
public final class ManualScheduler implements Scheduler {

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Repeating every(Duration period, Runnable task) {
        Task t = new Task(period, task);
        tasks.add(t);
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(t);
            }
        };
    }

    /** Runs every task still scheduled once, in the order they were scheduled. */
    public void tick() {
        List<Task> now;
        synchronized (this) {
            now = List.copyOf(tasks);
        }
        now.forEach(t -> t.task().run());
    }

    /** How many tasks are scheduled: a closed view model has none left. */
    public synchronized int scheduled() {
        return tasks.size();
    }

    private record Task(Duration period, Runnable task) {
    }
}
