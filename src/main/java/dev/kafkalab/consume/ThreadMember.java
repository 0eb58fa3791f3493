package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A member that runs on a thread of the app. Its crash closes the client with REMAIN_IN_GROUP,
 * which is faithful for the classic protocol only (see {@link MemberLoop}).
 */
final class ThreadMember extends Member {

    private final MemberLoop loop;
    private final Thread thread;

    ThreadMember(String name, int colour, ClientFactory clients, GroupSettings settings,
            Consumer<GroupEvent> events) {
        super(name, MemberSnapshot.joining(name, colour, MemberLoop.clientId(settings, name)));
        this.loop = new MemberLoop(name, colour, clients, settings, new MemberLoop.Reporter() {
            @Override
            public void snapshot(MemberSnapshot s) {
                show(s);
            }

            @Override
            public void event(GroupEvent e) {
                events.accept(e);
            }
        });
        this.thread = Threads.daemon("kafka-lab-" + MemberLoop.clientId(settings, name), loop);
    }

    @Override
    void start() {
        thread.start();
    }

    @Override
    CompletableFuture<Outcome> submit(MemberLoop.Command command) {
        return loop.submit(command);
    }

    @Override
    CompletableFuture<Outcome> crash() {
        return loop.submit(MemberLoop.Command.CRASH);
    }

    /** Only after a crash, when the loop has ended and nothing else writes the snapshot. */
    @Override
    void expired(Instant at) {
        show(snapshot().expired(at));
    }

    @Override
    void awaitStop(long deadlineNanos) throws InterruptedException {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
