package dev.kafkalab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void anUncaughtFailureGoesToTheLogNotToStandardError() throws Exception {
        Thread t = Threads.daemon("kafka-lab-test-failure", () -> {
            throw new IllegalStateException("logged, not printed");
        });
        assertSame(Threads.LOG_UNCAUGHT, t.getUncaughtExceptionHandler());
        t.start();
        t.join(5_000);
        assertFalse(t.isAlive(), "the failing thread ended");
    }
}
