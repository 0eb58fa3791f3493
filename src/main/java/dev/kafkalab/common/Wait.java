package dev.kafkalab.common;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for something the cluster does, asked again every {@code period} until it holds or
 * the time is up. The one wait loop of the app: every wait says what it waited for, and a check
 * that throws (a broker just went away) counts as "not yet", its message kept for the report.
 */
public final class Wait {

    /** A question about the cluster: an answer that is null or {@code false} means "not yet". */
    @FunctionalInterface
    public interface Check<T> {
        T ask() throws Exception;
    }

    /** Thrown when the time is up: the message says what was awaited, for how long, and the last error. */
    public static final class TimedOut extends TimeoutException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    private final String what;
    private final Duration timeout;
    private final Duration period;

    private Wait(String what, Duration timeout, Duration period) {
        this.what = what;
        this.timeout = timeout;
        this.period = period;
    }

    /** A wait of up to {@code timeout} for {@code what} (said in the failure: "Waited 10 s for {what}."), asking every 100 ms. */
    public static Wait upTo(Duration timeout, String what) {
        return new Wait(what, timeout, Duration.ofMillis(100));
    }

    /** The same wait, asking every {@code period}. */
    public Wait every(Duration period) {
        return new Wait(what, timeout, period);
    }

    /** The first answer that is neither null nor false; {@link TimedOut} when none came in time. */
    public <T> T until(Check<T> check) throws InterruptedException, TimedOut {
        Attempt<T> attempt = attempt(check);
        if (attempt.answer != null) {
            return attempt.answer;
        }
        throw new TimedOut("Waited " + describe(timeout) + " for " + what
                + (attempt.lastError == null ? "." : " (last error: " + attempt.lastError + ")."));
    }

    /** Whether the check held in time, for callers to whom a timeout is an answer, not a failure. */
    public boolean holds(Check<Boolean> check) throws InterruptedException {
        return attempt(check).answer != null;
    }

    private <T> Attempt<T> attempt(Check<T> check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastError = null;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + what);
            }
            try {
                T answer = check.ask();
                if (answer != null && !Boolean.FALSE.equals(answer)) {
                    return new Attempt<>(answer, null);
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception notYet) {
                lastError = Failures.message(notYet);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Attempt<>(null, lastError);
            }
            // A polling period between two questions, not synchronisation: the answer is asked again.
            Thread.sleep(Math.max(1, Math.min(period.toMillis(), left / 1_000_000L)));
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private record Attempt<T>(T answer, String lastError) {
    }
}
