package dev.kafkalab.produce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kafkalab.produce.SendTally.KeyRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the produce screen's answers add up to, folded without a screen or a cluster. */
class SendTallyTest {

    private final SendTally tally = new SendTally(3, 2);

    @Test
    void theNewestRecordsComeFirstAndOnlyTheLastFewAreKept() {
        List<SendResult> sent = List.of(acked("a", 0), acked("b", 1), acked("c", 2), acked("d", 0), acked("e", 1));
        sent.forEach(tally::add);
        assertEquals(List.of(sent.get(4), sent.get(3), sent.get(2)), tally.takeNewest());
        assertEquals(List.of(), tally.takeNewest(), "a take hands out only what came since the last");
    }

    @Test
    void everyPartitionHasACountAndOnlyAcknowledgedRecordsCount() {
        tally.add(acked(null, 1));
        tally.add(failed("a"));
        assertArrayEquals(new long[] {0, 1, 0}, tally.takeCounts(), "three partitions, the empty ones too");
        assertNull(tally.takeCounts(), "nothing came since");
        tally.add(failed("b"));
        assertArrayEquals(new long[] {0, 1, 0}, tally.takeCounts(), "a failure goes out with the list it joins");
        tally.add(new SendResult("c", "v", 4, 0, 3, ProducerSettings.DEFAULTS, null));
        assertArrayEquals(new long[] {0, 1, 0, 0, 1}, tally.takeCounts(), "a partition added since the send counts");
    }

    @Test
    void eachKeyShowsItsLatestPartitionAndKeysBeyondTheListedOnesAreCounted() {
        tally.add(acked("employee-10", 0));
        tally.add(acked("employee-2", 1));
        tally.add(acked("employee-10", 2));
        tally.add(acked("employee-3", 0));
        SendTally.Keys keys = tally.takeKeys();
        assertEquals(List.of(new KeyRow("employee-2", 1, 1), new KeyRow("employee-10", 2, 2)), keys.rows());
        assertEquals(1, keys.notListed());
        assertNull(tally.takeKeys(), "no listed key moved since");
        tally.add(acked(null, 0));
        tally.add(acked("employee-4", 0));
        tally.add(failed("employee-2"));
        assertNull(tally.takeKeys(), "unkeyed, unlisted and failed records leave the table as it is");
        tally.add(acked("employee-2", 0));
        assertEquals(new SendTally.Keys(List.of(new KeyRow("employee-2", 0, 2), new KeyRow("employee-10", 2, 2)), 2),
                tally.takeKeys());
    }

    @Test
    void clearHandsOutTheEmptyTallyNext() {
        tally.add(acked("a", 1));
        tally.takeKeys();
        tally.takeCounts();
        tally.add(acked("b", 2));
        tally.clear();
        assertEquals(List.of(), tally.takeNewest());
        assertArrayEquals(new long[0], tally.takeCounts());
        assertEquals(new SendTally.Keys(List.of(), 0), tally.takeKeys());
        tally.add(acked("c", 0));
        assertArrayEquals(new long[] {1, 0, 0}, tally.takeCounts());
        assertEquals(List.of(new KeyRow("c", 0, 1)), tally.takeKeys().rows());
    }

    @Test
    void theAckRateIsAcknowledgementsPerSecondSinceThePreviousCall() {
        long t = 1_000_000_000L;
        tally.ackRate(0, t);
        assertEquals(1_000, tally.ackRate(500, t + 500_000_000L), 1e-9);
        assertEquals(0, tally.ackRate(500, t + 1_500_000_000L), 1e-9);
        tally.ackRate(0, t + 2_000_000_000L);
        assertEquals(300, tally.ackRate(300, t + 3_000_000_000L), 1e-9, "a new stream counts from its own start");
    }

    private static SendResult acked(String key, int partition) {
        return new SendResult(key, "v", partition, 0, 3, ProducerSettings.DEFAULTS, null);
    }

    private static SendResult failed(String key) {
        return SendResult.failed(key, "v", ProducerSettings.DEFAULTS, "NotEnoughReplicas");
    }
}
