package dev.kafkalab.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls code the caller does not trust to behave, a listener mostly: a failure there must not
 * break the caller (a poller, a member, a demo with brokers frozen), and must not vanish
 * either, so it goes to the log with what was being done.
 */
public final class Safely {

    private static final Logger LOG = LoggerFactory.getLogger(Safely.class);

    private Safely() {
    }

    /** Runs {@code task}; a failure is logged as "{@code what} failed", and the caller goes on. */
    public static void run(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed; going on", what, e);
        }
    }
}
