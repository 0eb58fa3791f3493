package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.produce.ProducerMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lab's action pressed while the cluster starts waits for it, says so, and runs with the cluster as seen then. */
class WaitingRunnerTest {

    private final Directive kill = new Directive("kill-broker", Map.of("broker", "leader-of:orders/0"), 12);
    private final List<ClusterSnapshot> given = new ArrayList<>();
    private final ActionRunner real = new ActionRunner() {
        @Override
        public CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot, Map<String, Integer> remembered) {
            given.add(snapshot);
            return CompletableFuture.completedFuture(new Outcome("Killed broker 2.", 2));
        }

        @Override
        public CompletableFuture<String> reset(Lab lab) {
            return CompletableFuture.completedFuture("reset");
        }

        @Override
        public String stockSenderState() {
            return "running";
        }
    };
    private CompletableFuture<ActionRunner> ready = new CompletableFuture<>();
    private final ClusterSnapshot seen = new ClusterSnapshot(Instant.parse("2026-12-02T10:00:00Z"), List.of(), List.of(), List.of(), List.of());
    private final WaitingRunner runner = new WaitingRunner(() -> ready, () -> seen);

    @Test
    void everyFactTheRealRunnerGivesIsForwardedOnceTheClusterRuns() {
        // A default left to ActionRunner would answer "nothing seen" for ever: a check that never passes.
        List<String> notForwarded = java.util.Arrays.stream(ActionRunner.class.getMethods())
                .filter(java.lang.reflect.Method::isDefault).filter(m -> {
                    try {
                        return WaitingRunner.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass()
                                != WaitingRunner.class;
                    } catch (NoSuchMethodException e) {
                        return true;
                    }
                }).map(java.lang.reflect.Method::getName).toList();

        assertEquals(List.of(), notForwarded);
    }

    @Test
    void anActionWaitsSaysSoAndRunsWithTheClusterAsSeenOnceItRuns() throws Exception {
        List<String> said = new ArrayList<>();
        CompletableFuture<ActionRunner.Outcome> done = runner.run(kill, ClusterSnapshot.EMPTY, Map.of(), said::add);
        assertEquals(List.of(WaitingRunner.WAITING), said);
        assertFalse(done.isDone(), "nothing runs before the cluster does");
        assertEquals("none", runner.stockSenderState(), "no facts before the cluster runs");
        assertEquals(ProducerMetrics.NONE, runner.producerMetrics());

        ready.complete(real);
        assertEquals("Killed broker 2.", done.get(5, TimeUnit.SECONDS).message());
        assertSame(seen, given.get(0), "the snapshot from before the cluster ran is replaced by the one seen since");
        assertEquals("running", runner.stockSenderState());
    }

    @Test
    void onceTheClusterRunsAnActionGoesStraightThrough() throws Exception {
        ready.complete(real);
        List<String> said = new ArrayList<>();
        ClusterSnapshot mine = new ClusterSnapshot(Instant.parse("2026-12-02T11:00:00Z"), List.of(), List.of(), List.of(), List.of());
        assertEquals(2, runner.run(kill, mine, Map.of(), said::add).get(5, TimeUnit.SECONDS).broker());
        assertEquals(List.of(), said, "no wait to speak of");
        assertSame(mine, given.get(0));
    }

    @Test
    void aFailedStartFailsTheWaitingActionWithASentenceAndARetryWaitsAgain() throws Exception {
        CompletableFuture<ActionRunner.Outcome> done = runner.run(kill, ClusterSnapshot.EMPTY, Map.of(), line -> { });
        ready.completeExceptionally(new IllegalStateException("Broker 1 did not become ready"));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> done.get(5, TimeUnit.SECONDS));
        assertEquals("The cluster did not start, so this did not run: the Cluster screen says why and can try again.",
                dev.kafkalab.common.Failures.message(e));

        ready = new CompletableFuture<>();
        CompletableFuture<ActionRunner.Outcome> again = runner.run(kill, ClusterSnapshot.EMPTY, Map.of(), line -> { });
        assertFalse(again.isDone());
        ready.complete(real);
        assertTrue(again.get(5, TimeUnit.SECONDS).message().startsWith("Killed"));
    }
}
