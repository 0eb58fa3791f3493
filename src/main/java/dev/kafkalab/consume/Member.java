package dev.kafkalab.consume;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One member of an {@link InAppGroup}, wherever it runs: a thread of the app or a process of its own. */
abstract class Member {

    private final String name;
    private volatile MemberSnapshot snapshot;

    Member(String name, MemberSnapshot first) {
        this.name = name;
        this.snapshot = first;
    }

    final String name() {
        return name;
    }

    /** The latest snapshot it published; safe from any thread. */
    final MemberSnapshot snapshot() {
        return snapshot;
    }

    final void show(MemberSnapshot latest) {
        snapshot = latest;
    }

    abstract void start();

    /** Leave, stall, resume, commit, or the group's notice that the coordinator removed it. */
    abstract CompletableFuture<Outcome> submit(MemberLoop.Command command);

    /** Disappears without leaving the group and without committing. */
    abstract CompletableFuture<Outcome> crash();

    /** The coordinator dropped this crashed member at that time. */
    abstract void expired(Instant at);

    /** Waits until it has stopped, ending it forcibly once the deadline (System.nanoTime) has passed. */
    abstract void awaitStop(long deadlineNanos) throws InterruptedException;
}
