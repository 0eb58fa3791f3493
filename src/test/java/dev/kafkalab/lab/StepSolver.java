package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.code.Programs;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.SnapshotPoller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Solves a lab the way a learner clicking its buttons would: for each step, its check is false
 * when the step begins, the step's actions run, and then its check passes. The lab starts from
 * its reset.
 *
 * @param pace        a person's pause before each action (zero: none)
 * @param stepTimeout longest a step's check may take after its actions
 * @param diagnosis   what to add to a step's timeout message: what the cluster showed
 */
public record StepSolver(SnapshotPoller poller, Programs programs, Duration pace, Duration stepTimeout,
        Function<Step, String> diagnosis) {

    public void solve(Lab lab, LabSession session) throws Exception {
        AtomicLong snapshots = new AtomicLong();
        Consumer<ClusterSnapshot> feed = s -> {
            session.onSnapshot(s);
            snapshots.incrementAndGet();
        };
        poller.addSnapshotListener(feed);
        try {
            LabSession.State reset = session.reset().get(3, TimeUnit.MINUTES);
            assertTrue(reset.message().startsWith("The lab is back at its start"), lab.id() + ": " + reset.message());
            for (Step step : session.lab().steps()) {
                step(session.lab(), session, step, snapshots);
            }
        } finally {
            poller.removeSnapshotListener(feed);
        }
    }

    private void step(Lab lab, LabSession session, Step step, AtomicLong snapshots) throws Exception {
        String where = lab.id() + " step " + step.number() + " '" + step.title() + "' (" + step.check().source() + ")";
        session.goTo(step.number()).get(10, TimeUnit.SECONDS);
        // Two snapshots after the step began: the verdict is about the cluster as the step found it.
        long seen = snapshots.get();
        dev.kafkalab.testkit.Await.until(() -> snapshots.get() >= seen + 2, Duration.ofSeconds(20),
                where + ": two fresh snapshots");
        LabSession.State before = session.state();
        assertFalse(before.verdict().passed(), where + " passes before its actions: " + before.verdict().seen());
        for (Directive action : step.actions()) {
            if (!pace.isZero()) {
                // A person's pause, not a wait for some state: nothing is awaited here.
                long until = System.nanoTime() + pace.toNanos();
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
            }
            LabSession.State after = session.run(action).get(3, TimeUnit.MINUTES);
            assertFalse(after.message().startsWith("Could not do it") || after.message().contains(" failed: "),
                    where + ", action " + action.source() + ": " + after.message());
            System.out.println(lab.id() + " #" + step.number() + " " + action.name() + ": " + after.message());
        }
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        while (!session.state().verdict().passed()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(where + " did not pass within " + stepTimeout.toSeconds()
                        + " s after its actions; last seen: " + session.state().verdict().seen() + diagnosis.apply(step));
            }
            LockSupport.parkNanos(50_000_000L);
        }
        System.out.println(lab.id() + " #" + step.number() + " passed: " + session.state().verdict().seen());
        // What the lab's programs printed lately, for whoever reads the test's output.
        for (String name : lab.programs()) {
            programs.last(name).ifPresent(run -> {
                List<Programs.Line> out = run.output();
                out.subList(Math.max(0, out.size() - 2), out.size()).forEach(l -> System.out.println("  " + name + "> " + l.text()));
            });
        }
    }
}
