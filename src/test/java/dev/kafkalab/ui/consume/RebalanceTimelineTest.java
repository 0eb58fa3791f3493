package dev.kafkalab.ui.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rebalance timeline from hand-made events: plain Java, no toolkit. */
class RebalanceTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final RebalanceTimeline timeline = new RebalanceTimeline();

    private static GroupEvent event(long millis, Kind kind, String member, int generation, Integer... partitions) {
        return new GroupEvent(T0.plusMillis(millis), kind, member, List.of(partitions), generation, "");
    }

    private List<String> texts(List<RebalanceTimeline.Line> lines) {
        return lines.stream().map(RebalanceTimeline.Line::text).map(t -> t.substring(t.indexOf("  ") + 2)).toList();
    }

    @Test
    void linesComeNewestFirstInTheirMembersColours() {
        List<RebalanceTimeline.Line> added = timeline.add(List.of(
                event(0, Kind.JOINED, "member-1", 1),
                event(100, Kind.ASSIGNED, "member-1", 1, 0, 1),
                event(200, Kind.LEFT, "member-9", -1)), Map.of("member-1", 4), TEN_SECONDS);

        assertEquals(List.of("member-9  left the group", "member-1  assigned p0, p1 (generation 1)",
                "member-1  joined (generation 1)"), texts(added));
        assertEquals(List.of(-1, 4, 4), added.stream().map(RebalanceTimeline.Line::colour).toList(),
                "a member the screen does not know yet has the group's colour");
        timeline.add(List.of(event(300, Kind.REVOKED, "member-1", 1, 0)), Map.of(), TEN_SECONDS);
        assertEquals("member-1  revoked p0 (generation 1)", texts(timeline.lines()).get(0));
        assertEquals(4, timeline.size());
    }

    @Test
    void aPartitionTakenAwayIsToldHowLongItHadNoReaderOnce() {
        timeline.add(List.of(event(0, Kind.REVOKED, "member-1", 1, 2, 3),
                event(500, Kind.LOST, "member-2", 1, 4),
                event(900, Kind.EXPIRED, "member-3", 1, 5)), Map.of(), TEN_SECONDS);
        timeline.add(List.of(event(1400, Kind.ASSIGNED, "member-4", 2, 3, 4, 5)), Map.of(), TEN_SECONDS);
        timeline.add(List.of(event(3000, Kind.ASSIGNED, "member-4", 3, 2)), Map.of(), TEN_SECONDS);
        timeline.add(List.of(event(4000, Kind.ASSIGNED, "member-4", 4, 2)), Map.of(), TEN_SECONDS);

        assertEquals(List.of("member-4  assigned p2 (generation 4)",
                "member-4  assigned p2 (generation 3); p2 had no reader for 3.0 s",
                "member-4  assigned p3, p4, p5 (generation 2); p3 had no reader for 1.4 s, p4 had no reader for 0.9 s,"
                        + " p5 had no reader for 0.5 s"), texts(timeline.lines()).subList(0, 3));
    }

    @Test
    void aGapIsCountedFromTheFirstTimeThePartitionWasTakenAway() {
        timeline.add(List.of(event(0, Kind.REVOKED, "member-1", 1, 0),
                event(1000, Kind.LOST, "member-2", 2, 0),
                event(2500, Kind.ASSIGNED, "member-3", 3, 0)), Map.of(), TEN_SECONDS);
        assertTrue(texts(timeline.lines()).get(0).endsWith("p0 had no reader for 2.5 s"), timeline.lines().get(0).text());
    }

    @Test
    void eachKindInWords() {
        GroupEvent error = new GroupEvent(T0, Kind.ERROR, "member-1", List.of(), -1, "no such topic");
        GroupEvent stalledWithDetail = new GroupEvent(T0, Kind.STALLED, "member-1", List.of(), 3, "on purpose");
        timeline.add(List.of(event(0, Kind.CRASHED, "member-1", 3), event(0, Kind.ASSIGNED, "member-2", 3),
                event(0, Kind.LOST, "member-2", 3, 1), event(0, Kind.EXPIRED, "member-1", -1, 0),
                stalledWithDetail, event(0, Kind.RESUMED, "member-1", 3), event(0, Kind.KICKED, "member-1", -1),
                error, event(0, Kind.LEFT, null, -1)), Map.of(), Duration.ofMillis(45_000));

        assertEquals(List.of("group  left the group",
                "member-1  error: no such topic",
                "member-1  left the group: no poll within max.poll.interval.ms",
                "member-1  polls again",
                "member-1  stopped polling (max.poll.interval.ms)",
                "member-1  dropped by the coordinator: session timed out p0",
                "member-2  lost p1 (no chance to commit) (generation 3)",
                "member-2  assigned nothing (generation 3)",
                "member-1  crashed: the coordinator waits for the session timeout (45.0 s)"), texts(timeline.lines()));
    }

    @Test
    void keepsTheNewestLinesOnly() {
        List<GroupEvent> many = IntStream.range(0, RebalanceTimeline.KEPT + 5)
                .mapToObj(i -> event(i, Kind.JOINED, "member-" + i, 1)).toList();
        List<RebalanceTimeline.Line> added = timeline.add(many, Map.of(), TEN_SECONDS);

        assertEquals(RebalanceTimeline.KEPT + 5, added.size(), "what was added is told whole");
        assertEquals(RebalanceTimeline.KEPT, timeline.size());
        assertEquals("member-" + (RebalanceTimeline.KEPT + 4) + "  joined (generation 1)",
                texts(timeline.lines()).get(0));
        assertEquals("member-5  joined (generation 1)", texts(timeline.lines()).get(RebalanceTimeline.KEPT - 1));
    }

    @Test
    void clearingForgetsTheLinesAndThePartitionsWaitingForAReader() {
        timeline.add(List.of(event(0, Kind.REVOKED, "member-1", 1, 0)), Map.of(), TEN_SECONDS);
        timeline.clear();
        assertEquals(0, timeline.size());
        timeline.add(List.of(event(2000, Kind.ASSIGNED, "member-1", 1, 0)), Map.of(), TEN_SECONDS);
        assertEquals(List.of("member-1  assigned p0 (generation 1)"), texts(timeline.lines()));
    }
}
