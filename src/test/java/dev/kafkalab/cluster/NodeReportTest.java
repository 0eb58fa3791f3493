package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The log-end-offset report a broker's NodeMain writes and the app reads. */
class NodeReportTest {

    @Test
    void reportsRoundTripAndSkipTheMetadataLog() {
        Map<String, Long> ends = new TreeMap<>(Map.of("orders:0", 12L, "my.topic_v2-x:11", 9L,
                "__cluster_metadata:0", 40L));
        Map<TopicPartition, Long> parsed = NodeProcess.parseLogEnds(NodeMain.encode(ends));
        assertEquals(Map.of(new TopicPartition("orders", 0), 12L, new TopicPartition("my.topic_v2-x", 11), 9L), parsed);
    }

    @Test
    void aLineCutShortLosesOnlyItsLastItem() {
        assertEquals(Map.of(new TopicPartition("a", 0), 5L), NodeProcess.parseLogEnds("a:0=5,b:1=x"));
        assertEquals(Map.of(), NodeProcess.parseLogEnds(""));
    }
}
