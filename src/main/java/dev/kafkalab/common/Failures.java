package dev.kafkalab.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong under the wrappers that futures put around a failure. */
public final class Failures {

    private Failures() {
    }

    /** The failure itself, without the CompletionException / ExecutionException around it. */
    public static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** The root cause's message, or its type when it has none. */
    public static String message(Throwable t) {
        Throwable c = rootCause(t);
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
