package dev.kafkalab.produce;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A running burst or stream: how far it got, a way to stop it, and its summary when done. */
public final class RecordStream {

    /** How a stream went. {@code elapsedNanos} runs from the first send to the last answer. */
    public record Summary(long sent, long acked, long failed, long elapsedNanos) {

        public double recordsPerSecond() {
            return elapsedNanos == 0 ? 0 : acked * 1e9 / elapsedNanos;
        }
    }

    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile boolean stopped;
    volatile boolean sending = true;
    volatile long startNanos;
    private final CompletableFuture<Summary> done = new CompletableFuture<>();

    /** Sends no more records; those already sent still get their answers. */
    public void stop() {
        stopped = true;
    }

    /** Stopped, with answers still to come. */
    public boolean stopping() {
        return stopped && !done.isDone();
    }

    public long sent() {
        return sent.get();
    }

    public long acked() {
        return acked.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Completes once the last record sent has its answer; never exceptionally. */
    public CompletableFuture<Summary> done() {
        return done;
    }

    /** Called after every answer and when sending ends: completes once nothing is outstanding. */
    void maybeFinish() {
        if (!sending && acked.get() + failed.get() >= sent.get() && !done.isDone()) {
            done.complete(new Summary(sent.get(), acked.get(), failed.get(), System.nanoTime() - startNanos));
        }
    }
}
