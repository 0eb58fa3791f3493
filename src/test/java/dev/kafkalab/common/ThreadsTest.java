package dev.kafkalab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void factoryThreadsAreNamedDaemonsAndNumberedFromTheSecond() {
        ThreadFactory factory = Threads.daemon("kafka-lab-poller");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertEquals("kafka-lab-poller", first.getName());
        assertEquals("kafka-lab-poller-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon());
    }

    @Test
    void anUncaughtFailureIsHandledNotLost() throws Exception {
        Thread t = Threads.start("kafka-lab-test-failure", () -> {
            throw new IllegalStateException("logged, not printed");
        });
        t.join(5_000);
        assertTrue(!t.isAlive(), "the failing thread ended");
        assertTrue(t.getUncaughtExceptionHandler() != t.getThreadGroup(), "the handler is the app's logger, not the group's printer");
    }
}
