package dev.kafkalab.lab;

import static dev.kafkalab.lab.Snapshots.cluster;
import static dev.kafkalab.lab.Snapshots.led;
import static dev.kafkalab.lab.Snapshots.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.lab.LabSession.State;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab session driven by hand-made snapshots and a fake action runner that answers at once,
 * its progress in a file on a temporary directory. Waits are on the session's futures or on
 * its state, never on the clock.
 */
class LabSessionTest {

    private static final String LAB = """
            ---
            title: Replication and broker failover
            module: 5
            minutes: 20
            goal: Watch a replicated topic keep serving when the broker that leads it dies.
            ---
            An introduction.

            ## Create the topic

            Create `orders` with three partitions on three brokers.

            @action create-topic topic=orders partitions=3 replication-factor=3
            @check topic-exists topic=orders partitions=3

            ## Kill the leader of partition 0

            Find the leader of partition 0 and kill it.

            @action kill-broker broker=leader-of:orders/0 as=victim label="Kill the leader"
            @check leader-moved topic=orders partition=0

            ## The victim is dead

            Look at its card.

            @check broker-state broker=$victim state=killed

            ## Bring it back

            Start it again.

            @action start-broker broker=$victim
            @check broker-state broker=$victim state=running

            ## Compaction

            Wait for the cleaner.

            @check compacted topic=prices
            """;
    private static final String PREFIX = "lab.failover.";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Lab lab;
    private FakeRunner runner;
    private Ledger ledger;
    private LabSession session;
    private final List<LabSession> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws LabFormatException {
        lab = LabParser.parse(Path.of("labs/failover.md"), LAB);
        runner = new FakeRunner();
        ledger = new Ledger();
        session = newSession();
    }

    @AfterEach
    void close() {
        opened.forEach(LabSession::close);
    }

    @Test
    void aSnapshotThatShowsTheStepDonePassesItAndSavesIt() {
        assertEquals(1, session.state().step());
        assertEquals(Verdict.waiting("waiting for the cluster..."), session.state().verdict());

        session.onSnapshot(orders(1));

        State s = awaitState(st -> st.passed().contains(1), "step 1 to pass");
        assertEquals(new Verdict(true, "orders has 3 partitions, replication factor 3"), s.verdict());
        Map<String, String> saved = new ProgressStore(progressFile()).under(PREFIX);
        assertEquals("1", saved.get("passed"), "saved to the file before the state was published");
        assertEquals("1", saved.get("step"));
    }

    @Test
    void aPassedStepStaysDoneWhenItsCheckStopsPassing() {
        session.onSnapshot(orders(1));
        awaitState(st -> st.passed().contains(1), "step 1 to pass");

        session.onSnapshot(cluster().build());

        State s = awaitState(st -> !st.verdict().passed(), "the check to see the topic gone");
        assertEquals("there is no topic orders yet", s.verdict().seen());
        assertEquals(Set.of(1), s.passed());
    }

    @Test
    void leaderMovedCountsOnlyChangesSinceTheStepWasShown() throws Exception {
        session.onSnapshot(orders(1));
        session.onSnapshot(orders(2)); // the leader moves while step 1 is shown: too early to count

        State second = session.next().get(5, TimeUnit.SECONDS);

        assertEquals(2, second.step());
        assertEquals(Verdict.waiting("the leader of orders-0 is still broker 2"), second.verdict());

        session.onSnapshot(orders(3));

        State moved = awaitState(st -> st.passed().contains(2), "step 2 to pass");
        assertEquals("the leader of orders-0 moved from broker 2 to broker 3", moved.verdict().seen());

        State again = session.goTo(2).get(5, TimeUnit.SECONDS);
        assertEquals(Verdict.waiting("the leader of orders-0 is still broker 3"), again.verdict(),
                "showing the step again starts its baseline again");
        assertEquals(Set.of(1, 2), again.passed(), "but a passed step stays done");
    }

    @Test
    void withoutASnapshotWhenTheStepIsShownTheFirstOneIsItsBaseline() throws Exception {
        session.goTo(2).get(5, TimeUnit.SECONDS);

        session.onSnapshot(orders(1));
        assertEquals(Verdict.waiting("the leader of orders-0 is still broker 1"),
                awaitState(st -> st.verdict().seen().contains("orders-0"), "a verdict on orders-0").verdict());

        session.onSnapshot(orders(2));
        awaitState(st -> st.passed().contains(2), "step 2 to pass");
    }

    @Test
    void stepsChangeWithinTheLabAndTheStepShownIsSaved() throws Exception {
        assertEquals(1, session.previous().get(5, TimeUnit.SECONDS).step(), "there is no step before the first");
        assertEquals(1, session.goTo(0).get(5, TimeUnit.SECONDS).step());
        assertEquals(5, session.goTo(5).get(5, TimeUnit.SECONDS).step());
        assertEquals(5, session.next().get(5, TimeUnit.SECONDS).step(), "there is no step after the last");
        assertEquals(5, session.goTo(6).get(5, TimeUnit.SECONDS).step());
        assertEquals(4, session.previous().get(5, TimeUnit.SECONDS).step());
        assertEquals("4", new ProgressStore(progressFile()).under(PREFIX).get("step"));
    }

    @Test
    void anActionWithAsRemembersItsBrokerForLaterSteps() throws Exception {
        runner.answer = action -> CompletableFuture.completedFuture(action.name().equals("kill-broker")
                ? new ActionRunner.Outcome("Killed broker 1, the leader of orders-0.", 1)
                : new ActionRunner.Outcome("Started broker 1.", 1));
        ClusterSnapshot before = orders(1);
        session.onSnapshot(before);
        session.next().get(5, TimeUnit.SECONDS);

        Directive kill = lab.steps().get(1).actions().get(0);
        State killed = session.run(kill).get(5, TimeUnit.SECONDS);

        assertEquals("Killed broker 1, the leader of orders-0.", killed.message());
        assertFalse(killed.busy());
        assertEquals(List.of(kill), runner.actions);
        assertSame(before, runner.snapshots.get(0), "the runner resolves leader-of: on the latest snapshot");
        assertEquals(Map.of(), runner.remembered.get(0));
        assertEquals("1", new ProgressStore(progressFile()).under(PREFIX).get("broker.victim"));

        session.next().get(5, TimeUnit.SECONDS);
        session.onSnapshot(brokerOne(NodeState.KILLED));
        State third = awaitState(st -> st.passed().contains(3), "step 3 to pass");
        assertEquals("broker 1 is killed, fenced", third.verdict().seen());

        session.next().get(5, TimeUnit.SECONDS);
        session.run(lab.steps().get(3).actions().get(0)).get(5, TimeUnit.SECONDS);
        assertEquals(Map.of("victim", 1), runner.remembered.get(1), "later actions get the remembered brokers");
    }

    @Test
    void anActionIsBusyUntilItsRunnerAnswers() throws Exception {
        CompletableFuture<ActionRunner.Outcome> answer = new CompletableFuture<>();
        runner.answer = action -> answer;

        CompletableFuture<State> done = session.run(lab.steps().get(1).actions().get(0));

        State working = awaitState(State::busy, "the session to be busy");
        assertEquals("Working: Kill the leader...", working.message());
        answer.complete(new ActionRunner.Outcome("Killed broker 2.", 2));
        State after = done.get(5, TimeUnit.SECONDS);
        assertFalse(after.busy());
        assertEquals("Killed broker 2.", after.message());
    }

    @Test
    void anActionWaitingForTheClusterIsCancelledByAResetAndNeverRuns() throws Exception {
        CompletableFuture<ActionRunner> cluster = new CompletableFuture<>();
        LabSession waiting = new LabSession(lab, new WaitingRunner(() -> cluster, () -> null),
                new ProgressStore(progressFile()), ledger);
        try {
            CompletableFuture<State> pressed = waiting.run(lab.steps().get(1).actions().get(0));
            awaitState(waiting, s -> s.message().equals("Working: Kill the leader: " + WaitingRunner.WAITING),
                    "the action to say it waits");
            waiting.reset();
            assertEquals("Not done: the lab was reset before it could be.", pressed.get(5, TimeUnit.SECONDS).message());
            cluster.complete(runner);
            awaitState(waiting, s -> s.message().equals("The lab is back at its start."), "the reset to finish");
            assertEquals(List.of(), runner.actions, "the kill never ran, before or after the reset");
            assertEquals(1, runner.resets.get());
        } finally {
            waiting.close();
        }
    }

    @Test
    void aDemoSaysEachStageWhileItRunsAndItsOutcomeWhenDone() throws Exception {
        CompletableFuture<ActionRunner.Outcome> answer = new CompletableFuture<>();
        runner.answer = action -> answer;

        CompletableFuture<State> done = session.run(lab.steps().get(1).actions().get(0));
        awaitState(State::busy, "the session to be busy");
        runner.progress.accept("Froze brokers 2 and 3 (the followers).");

        awaitState(s -> s.message().equals("Working: Kill the leader: Froze brokers 2 and 3 (the followers)."),
                "the stage in the step's message");
        answer.complete(new ActionRunner.Outcome("Killed broker 2.", 2));
        assertEquals("Killed broker 2.", done.get(5, TimeUnit.SECONDS).message());
    }

    @Test
    void aFailedActionSaysItCouldNotDoItAndRemembersNothing() throws Exception {
        Directive kill = lab.steps().get(1).actions().get(0);
        runner.answer = action -> CompletableFuture.failedFuture(
                new CompletionException(new IllegalStateException("broker 1 is already stopped")));

        State failed = session.run(kill).get(5, TimeUnit.SECONDS);

        assertEquals("Could not do it: broker 1 is already stopped", failed.message());
        assertFalse(failed.busy());
        assertNull(new ProgressStore(progressFile()).under(PREFIX).get("broker.victim"));

        runner.answer = action -> {
            throw new IllegalArgumentException("there is no partition orders-0 (yet)");
        };
        assertEquals("Could not do it: there is no partition orders-0 (yet)",
                session.run(kill).get(5, TimeUnit.SECONDS).message(), "a runner that throws is a failure too");
    }

    @Test
    void aNewSessionOnTheSameFileRestoresStepPassedStepsAndRememberedBrokers() throws Exception {
        runner.answer = action -> CompletableFuture.completedFuture(new ActionRunner.Outcome("Killed broker 1.", 1));
        session.onSnapshot(orders(1));
        awaitState(st -> st.passed().contains(1), "step 1 to pass");
        session.next().get(5, TimeUnit.SECONDS);
        session.run(lab.steps().get(1).actions().get(0)).get(5, TimeUnit.SECONDS);
        session.onSnapshot(brokerOne(NodeState.STOPPED));
        awaitState(st -> st.passed().contains(2), "step 2 to pass");
        assertFalse(session.next().get(5, TimeUnit.SECONDS).verdict().passed(), "stopped is not killed");
        opened.remove(session);
        session.close();

        session = newSession();

        assertEquals(3, session.state().step());
        assertEquals(Set.of(1, 2), session.state().passed());
        session.onSnapshot(brokerOne(NodeState.KILLED));
        State s = awaitState(st -> st.passed().contains(3), "step 3 to pass with the restored $victim");
        assertEquals("broker 1 is killed, fenced", s.verdict().seen());
    }

    @Test
    void resetPutsTheClusterAndTheProgressBack() throws Exception {
        runner.answer = action -> CompletableFuture.completedFuture(new ActionRunner.Outcome("Killed broker 1.", 1));
        ledger.sent("orders", send("alice"));
        ledger.sent("elsewhere", send("bob"));
        session.onSnapshot(orders(1));
        awaitState(st -> st.passed().contains(1), "step 1 to pass");
        session.next().get(5, TimeUnit.SECONDS);
        session.run(lab.steps().get(1).actions().get(0)).get(5, TimeUnit.SECONDS);

        State reset = session.reset().get(5, TimeUnit.SECONDS);

        assertEquals(1, runner.resets.get());
        assertEquals(1, reset.step());
        assertEquals(Set.of(), reset.passed());
        assertFalse(reset.busy());
        assertEquals("The lab is back at its start.", reset.message());
        assertEquals(Map.of(), new ProgressStore(progressFile()).under(PREFIX));
        assertEquals(Set.of("elsewhere"), ledger.topics(), "the lab's own topics are forgotten");

        LabSession restarted = newSession();
        assertEquals(1, restarted.state().step());
        assertEquals(Set.of(), restarted.state().passed());
    }

    @Test
    void resetIgnoresSnapshotsTakenBeforeItFinished() throws Exception {
        CompletableFuture<String> resetting = new CompletableFuture<>();
        runner.resetAnswer = () -> resetting;
        CompletableFuture<State> reset = session.reset();
        Await.until(() -> runner.resets.get() == 1, WAIT, "the runner to be asked to reset");
        ClusterSnapshot takenDuringTheReset = cluster().at(Instant.now()).topic("orders",
                led("orders", 0, 1), led("orders", 1, 2), led("orders", 2, 3)).build();
        resetting.complete("The lab is back at its start.");
        reset.get(5, TimeUnit.SECONDS);
        List<State> published = new CopyOnWriteArrayList<>();
        session.addListener(published::add);
        published.clear();

        session.onSnapshot(takenDuringTheReset); // delivered late, as a slow poll would
        session.onSnapshot(cluster().at(Instant.now().plusSeconds(1)).build());

        awaitState(st -> st.verdict().seen().equals("there is no topic orders yet"), "the later snapshot's verdict");
        assertTrue(published.stream().noneMatch(st -> st.verdict().passed()),
                "the snapshot taken during the reset showed the old topic: " + published);
        assertEquals(Set.of(), session.state().passed());
    }

    @Test
    void aFailedResetSaysSoAndStillStartsTheProgressAfresh() throws Exception {
        session.onSnapshot(orders(1));
        awaitState(st -> st.passed().contains(1), "step 1 to pass");
        runner.resetAnswer = () -> CompletableFuture.failedFuture(new IllegalStateException("broker 2 did not start"));

        State reset = session.reset().get(5, TimeUnit.SECONDS);

        assertEquals("The reset did not finish: broker 2 did not start", reset.message());
        assertEquals(Set.of(), reset.passed());
        assertFalse(reset.busy());
    }

    @Test
    void afterAResetTheOldVerdictIsGone() throws Exception {
        session.onSnapshot(orders(1));
        awaitState(st -> st.passed().contains(1), "step 1 to pass");

        State reset = session.reset().get(5, TimeUnit.SECONDS);

        assertFalse(reset.verdict().passed(), reset.verdict().seen());
    }

    @Test
    void aStepShownAfterAResetIsNotJudgedOnTheClusterBeforeIt() throws Exception {
        session.onSnapshot(orders(1));
        awaitState(st -> st.passed().contains(1), "step 1 to pass");
        session.reset().get(5, TimeUnit.SECONDS);

        State shown = session.goTo(1).get(5, TimeUnit.SECONDS);

        assertEquals(Set.of(), shown.passed());
        assertEquals("", new ProgressStore(progressFile()).under(PREFIX).get("passed"));
    }

    @Test
    void aResetWhoseRunnerThrowsStillFinishes() throws Exception {
        runner.resetAnswer = () -> {
            throw new IllegalStateException("no cluster");
        };

        State reset = session.reset().get(2, TimeUnit.SECONDS);

        assertTrue(reset.message().startsWith("The reset did not finish: no cluster"), reset.message());
        assertFalse(reset.busy());
    }

    @Test
    void aCompactionStepReadsItsTopicAndPassesOnTheScan() throws Exception {
        session.goTo(5).get(5, TimeUnit.SECONDS);

        session.onSnapshot(orders(1));
        Await.until(() -> runner.scans.contains("prices"), WAIT, "the session to ask for a scan of prices");
        assertEquals(Verdict.waiting("reading prices..."),
                awaitState(st -> st.verdict().seen().startsWith("reading"), "the check to wait for its scan").verdict());
        runner.scanAnswer.complete(new TopicScan("prices", 3, 10, Map.of("AAPL", "101"), Set.of("AAPL")));
        session.onSnapshot(orders(1));

        State s = awaitState(st -> st.passed().contains(5), "step 5 to pass");
        assertEquals("prices stores 3 record(s) of 10 written", s.verdict().seen());
        assertEquals(List.of("prices"), runner.scans, "read again at most every 2 s");
    }

    // ---- helpers

    private LabSession newSession() {
        LabSession s = new LabSession(lab, runner, new ProgressStore(progressFile()), ledger);
        opened.add(s);
        return s;
    }

    private Path progressFile() {
        return dir.resolve("progress.properties");
    }

    private State awaitState(Predicate<State> condition, String what) {
        return awaitState(session, condition, what);
    }

    private static State awaitState(LabSession s, Predicate<State> condition, String what) {
        Await.until(() -> condition.test(s.state()), WAIT, what + "; last state " + s.state());
        return s.state();
    }

    /** orders: three partitions on brokers 1..3, partition 0 led by {@code leader0}. */
    private static ClusterSnapshot orders(int leader0) {
        return cluster().topic("orders", led("orders", 0, leader0), led("orders", 1, 2), led("orders", 2, 3)).build();
    }

    /** Broker 1 down and fenced, orders led by brokers 2 and 3. */
    private static ClusterSnapshot brokerOne(NodeState down) {
        return cluster().broker(1, down, true).topic("orders", partition("orders", 0, 2, List.of(2, 3)),
                partition("orders", 1, 2, List.of(2, 3)), partition("orders", 2, 3, List.of(2, 3))).build();
    }

    private static SendResult send(String key) {
        return new SendResult(key, "v", 0, 0, 3, ProducerSettings.DEFAULTS, null);
    }

    /** Answers at once unless told otherwise, and notes what it was asked. */
    private static final class FakeRunner implements ActionRunner {
        final List<Directive> actions = new CopyOnWriteArrayList<>();
        final List<ClusterSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<Map<String, Integer>> remembered = new CopyOnWriteArrayList<>();
        final List<String> scans = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();
        final CompletableFuture<TopicScan> scanAnswer = new CompletableFuture<>();
        volatile Function<Directive, CompletableFuture<Outcome>> answer =
                action -> CompletableFuture.completedFuture(new Outcome("Done: " + action.name() + ".", null));
        volatile java.util.function.Consumer<String> progress;
        volatile Supplier<CompletableFuture<String>> resetAnswer =
                () -> CompletableFuture.completedFuture("The lab is back at its start.");

        @Override
        public CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> known) {
            actions.add(action);
            snapshots.add(snapshot);
            remembered.add(known);
            return answer.apply(action);
        }

        @Override
        public CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> known,
                java.util.function.Consumer<String> stages) {
            progress = stages;
            return run(action, snapshot, known);
        }

        @Override
        public CompletableFuture<String> reset(Lab lab) {
            resets.incrementAndGet();
            return resetAnswer.get();
        }

        @Override
        public CompletableFuture<TopicScan> scan(String topic) {
            scans.add(topic);
            return scanAnswer;
        }
    }
}
