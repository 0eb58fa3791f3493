package dev.kafkalab.ui.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupEvent.Kind;
import dev.kafkalab.testkit.ManualScheduler;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rebalance timeline's words, from hand-made events; no cluster, no FX thread. */
class ConsumeViewModelTest {

    private final ConsumeViewModel vm = new ConsumeViewModel(s -> {
        throw new AssertionError("no group is started here");
    }, r -> CompletableFuture.failedFuture(new AssertionError()), Runnable::run, new ManualScheduler(), Runnable::run,
            "localhost:9092", (cli, m) -> { });

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void anAssignmentSaysHowLongItsPartitionsHadNoReader() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        String revoked = vm.describe(new GroupEvent(t0, Kind.REVOKED, "member-1", List.of(2, 3), 1, ""));
        assertTrue(revoked.endsWith("member-1  revoked p2, p3 (generation 1)"), revoked);
        String assigned = vm.describe(new GroupEvent(t0.plusMillis(1400), Kind.ASSIGNED, "member-2", List.of(3, 4), 2,
                ""));
        assertTrue(assigned.endsWith("member-2  assigned p3, p4 (generation 2); p3 had no reader for 1.4 s"), assigned);
        String later = vm.describe(new GroupEvent(t0.plusMillis(3000), Kind.ASSIGNED, "member-3", List.of(2), 3, ""));
        assertTrue(later.endsWith("p2 had no reader for 3.0 s"), later);
        String again = vm.describe(new GroupEvent(t0.plusMillis(4000), Kind.ASSIGNED, "member-3", List.of(2), 4, ""));
        assertTrue(again.endsWith("assigned p2 (generation 4)"), "a gap is told once: " + again);
    }

    @Test
    void aCrashIsToldWithTheSessionTimeoutAndAnIdleMemberWithNothing() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        assertTrue(vm.describe(new GroupEvent(t0, Kind.CRASHED, "member-2", List.of(), 1, ""))
                .endsWith("member-2  crashed: the coordinator waits for the session timeout (10.0 s)"));
        assertTrue(vm.describe(new GroupEvent(t0, Kind.ASSIGNED, "member-7", List.of(), 2, ""))
                .endsWith("member-7  assigned nothing (generation 2)"));
    }

    @Test
    void aResetTimeMustBeATimeOfDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsumeViewModel.parseTime("yesterday"));
        assertEquals("Time: write a time of today, e.g. 09:30 or 09:30:15.", e.getMessage());
        assertTrue(ConsumeViewModel.parseTime("09:30").isBefore(Instant.now().plusSeconds(86_400)));
    }
}
