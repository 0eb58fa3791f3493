package dev.kafkalab.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void runsAgainAndAgainAndEndsItsThreadWithTheLastTask() throws Exception {
        Scheduler scheduler = Scheduler.onThread("kafka-lab-scheduler-test");
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        Scheduler.Repeating counting = scheduler.every(Duration.ofMillis(5), runs::incrementAndGet);
        Scheduler.Repeating throwing = scheduler.every(Duration.ofMillis(5), () -> {
            failing.incrementAndGet();
            throw new IllegalStateException("a bug in a task");
        });
        assertTrue(Wait.upTo(Duration.ofSeconds(10), "three runs of each task")
                .holds(() -> runs.get() >= 3 && failing.get() >= 3), "a task that throws runs again");
        assertTrue(threadAlive("kafka-lab-scheduler-test"));
        counting.close();
        counting.close();
        assertTrue(threadAlive("kafka-lab-scheduler-test"), "one task is left");
        throwing.close();
        assertTrue(Wait.upTo(Duration.ofSeconds(10), "the scheduler's thread to end")
                .holds(() -> !threadAlive("kafka-lab-scheduler-test")));
        int before = runs.get();
        Scheduler.Repeating again = scheduler.every(Duration.ofMillis(5), runs::incrementAndGet);
        assertTrue(Wait.upTo(Duration.ofSeconds(10), "a run on a new thread").holds(() -> runs.get() > before));
        again.close();
    }
}
