package dev.kafkalab.consume;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One member of an {@link InAppGroup}, wherever it runs: a thread of the app or a process of its own. */
interface Member {

    String name();

    /** The latest snapshot it published; safe from any thread. */
    MemberSnapshot snapshot();

    void start();

    /** Leave, stall, resume, commit, or the group's notice that the coordinator removed it. */
    CompletableFuture<Outcome> submit(MemberLoop.Command command);

    /** Disappears without leaving the group and without committing. */
    CompletableFuture<Outcome> crash();

    /** The coordinator dropped this crashed member at that time. */
    void expired(Instant at);

    /** Waits until it has stopped, ending it forcibly once the deadline (System.nanoTime) has passed. */
    void awaitStop(long deadlineNanos) throws InterruptedException;
}
