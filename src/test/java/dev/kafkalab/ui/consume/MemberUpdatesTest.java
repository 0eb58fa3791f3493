package dev.kafkalab.ui.consume;

import static dev.kafkalab.ui.consume.HandMadeGroup.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a refresh hands over, and when it hands nothing: plain Java, the time given by the test. */
class MemberUpdatesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration PERIOD = Duration.ofMillis(200);

    private final MemberUpdates updates = new MemberUpdates(PERIOD, Duration.ofSeconds(10));

    @Test
    void membersAreHandedOverWhenTheyChangeOnly() {
        List<MemberSnapshot> two = List.of(member("member-1", 0, MemberState.JOINING),
                member("member-2", 1, MemberState.JOINING));
        assertTrue(updates.next(null, T0).isEmpty(), "no group, nothing shown yet");
        assertEquals(two, updates.next(two, T0).orElseThrow().members());
        assertTrue(updates.next(List.copyOf(two), T0).isEmpty());
        assertTrue(updates.next(null, T0).isEmpty(), "the group stopped: the screen keeps what it shows");
    }

    @Test
    void queuedEventsAreHandedOverOnceOldestFirst() {
        GroupEvent first = new GroupEvent(T0, GroupEvent.Kind.JOINED, "member-1", List.of(), 1, "");
        GroupEvent second = new GroupEvent(T0, GroupEvent.Kind.LEFT, "member-1", List.of(), -1, "");
        updates.queue(first);
        updates.queue(second);

        MemberUpdates.Update u = updates.next(null, T0).orElseThrow();
        assertNull(u.members());
        assertEquals(List.of(first, second), u.events());
        assertTrue(updates.next(null, T0).isEmpty());
    }

    @Test
    void aCountdownTicksUntilOneRefreshAfterTheSessionEnds() {
        updates.sessionTimeout(Duration.ofSeconds(45));
        updates.next(List.of(member("member-1", 0, MemberState.CRASHED, List.of(0), T0, null)), T0);

        assertEquals(List.of(), updates.next(null, T0.plusSeconds(1)).orElseThrow().events());
        assertTrue(updates.next(null, T0.plusSeconds(45)).isPresent());
        assertTrue(updates.next(null, T0.plusSeconds(45).plus(PERIOD).minusMillis(1)).isPresent(),
                "the tick that shows 0.0 s");
        assertTrue(updates.next(null, T0.plusSeconds(45).plus(PERIOD)).isEmpty());
    }

    @Test
    void aDroppedMembersCountdownDoesNotTick() {
        updates.next(List.of(member("member-1", 0, MemberState.CRASHED, List.of(), T0, T0.plusSeconds(10))), T0);
        assertTrue(updates.next(null, T0.plusSeconds(1)).isEmpty());
    }
}
