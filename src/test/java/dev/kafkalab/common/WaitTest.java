package dev.kafkalab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void returnsTheFirstAnswerThatIsNeitherNullNorFalse() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        String answer = Wait.upTo(Duration.ofSeconds(5), "the third question").every(Duration.ofMillis(1))
                .until(() -> asked.incrementAndGet() < 3 ? null : "leader 2");
        assertEquals("leader 2", answer);
        assertEquals(3, asked.get());
    }

    @Test
    void aCheckThatThrowsIsNotYetAndItsMessageIsReported() {
        Wait.TimedOut failure = assertThrows(Wait.TimedOut.class,
                () -> Wait.upTo(Duration.ofMillis(50), "broker 2 to register").every(Duration.ofMillis(5)).until(() -> {
                    throw new IllegalStateException("connection refused");
                }));
        assertEquals("Waited 50 ms for broker 2 to register (last error: connection refused).", failure.getMessage());
    }

    @Test
    void falseUntilTheEndIsATimeout() throws Exception {
        assertFalse(Wait.upTo(Duration.ofMillis(30), "never").every(Duration.ofMillis(5)).holds(() -> false));
        assertTrue(Wait.upTo(Duration.ofMillis(30), "at once").holds(() -> true));
        Wait.TimedOut failure = assertThrows(Wait.TimedOut.class,
                () -> Wait.upTo(Duration.ofSeconds(0), "nothing").until(() -> false));
        assertEquals("Waited 0 s for nothing.", failure.getMessage());
    }

    @Test
    void anInterruptedWaiterStopsWaiting() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Wait.upTo(Duration.ofSeconds(10), "an interrupt").until(() -> null));
        assertFalse(Thread.interrupted(), "the interrupt was consumed by the exception");
    }
}
