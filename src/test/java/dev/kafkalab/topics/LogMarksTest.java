package dev.kafkalab.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markers and aborted ranges from what the two readers got, on hand-made offsets. */
class LogMarksTest {

    @Test
    void lab17sLogReadsAsCommittedAMarkerAbortedAMarkerAbortedAMarker() {
        // 0-4 committed, 5 commit marker, 6-10 aborted, 11 abort marker, 12-16 aborted, 17 abort marker.
        BitSet all = offsets(0, 5, 6, 11, 12, 17);
        BitSet committed = offsets(0, 5);

        LogMarks m = LogMarks.marks(0, 0, 18, all, committed, Instant.EPOCH);

        assertEquals(List.of(5L, 11L, 17L), m.markers());
        assertEquals(List.of("6-10", "12-16"), m.aborted().stream().map(r -> r[0] + "-" + r[1]).toList());
        assertEquals("markers at 5, 11, 17 · aborted 6–10, 12–16", m.describe());
    }

    @Test
    void aLogWithoutTransactionsHasNothingToSay() {
        LogMarks m = LogMarks.marks(1, 100, 103, offsets(0, 3), offsets(0, 3), Instant.EPOCH);

        assertEquals(List.of(), m.markers());
        assertEquals(List.of(), m.aborted());
        assertEquals("", m.describe());
    }

    @Test
    void manyMarksAreCounted() {
        BitSet all = new BitSet();
        for (int i = 0; i < 20; i += 2) {
            all.set(i);
        }
        LogMarks m = LogMarks.marks(0, 0, 20, all, new BitSet(), Instant.EPOCH);

        assertEquals("10 markers · 10 aborted ranges", m.describe());
    }

    /** Offsets in [from, to) pairs, relative to the range's start. */
    private static BitSet offsets(int... fromTo) {
        BitSet b = new BitSet();
        for (int i = 0; i < fromTo.length; i += 2) {
            b.set(fromTo[i], fromTo[i + 1]);
        }
        return b;
    }
}
