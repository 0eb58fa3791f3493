package dev.kafkalab.lab;

import static dev.kafkalab.lab.Snapshots.cluster;
import static dev.kafkalab.lab.Snapshots.led;
import static dev.kafkalab.lab.Snapshots.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A lab's ways of naming a broker, resolved against one hand-made snapshot. */
class BrokerRefTest {

    private static final ClusterSnapshot CLUSTER = cluster().topic("orders",
            led("orders", 0, 1),
            partition("orders", 1, 2, List.of(2, 3)),
            partition("orders", 2, 3, List.of(3)),
            partition("orders", 3, PartitionView.NO_LEADER, List.of()))
            .topic("my.topic_v2", led("my.topic_v2", 0, 3)).build();
    private static final Map<String, Integer> REMEMBERED = Map.of("victim", 2, "old-leader", 3);

    @ParameterizedTest
    @CsvSource(textBlock = """
            # reference, broker
            2,                      2
            17,                     17
            $victim,                2
            $old-leader,            3
            leader-of:orders/0,     1
            leader-of:orders/1,     2
            follower-of:orders/0,   2
            follower-of:orders/1,   3
            follower-of:orders/2,   1
            leader-of:my.topic_v2/0, 3
            """)
    void aReferenceNamesOneBroker(String ref, int broker) {
        assertEquals(broker, BrokerRef.resolve(ref, CLUSTER, REMEMBERED));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # reference, why there is none
            $nobody,              $nobody is not known yet: an earlier step's action remembers it
            leader-of:orders/3,   orders-3 has no leader right now
            leader-of:orders/9,   there is no partition orders-9 (yet)
            follower-of:ghost/0,  there is no partition ghost-0 (yet)
            """)
    void aReferenceThatNamesNoBrokerSaysWhy(String ref, String why) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BrokerRef.resolve(ref, CLUSTER, REMEMBERED));
        assertEquals(why, e.getMessage());
    }

    @Test
    void aPartitionWithOneReplicaHasNoFollower() {
        ClusterSnapshot solo = cluster().topic("solo", new PartitionView("solo", 0, 1, List.of(1), List.of(1), List.of(),
                0, 0, Map.of())).build();
        assertEquals("solo-0 has no follower",
                assertThrows(IllegalStateException.class, () -> BrokerRef.resolve("follower-of:solo/0", solo, Map.of())).getMessage());
    }
}
