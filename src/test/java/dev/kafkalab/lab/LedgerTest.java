package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import dev.kafkalab.produce.SendResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the ledger makes of answered sends: hand-made SendResults, no producer. */
class LedgerTest {

    private static final ProducerSettings BUILT_IN = ProducerSettings.DEFAULTS;
    private static final ProducerSettings ROUND_ROBIN = BUILT_IN.withPartitioner(PartitionerChoice.ROUND_ROBIN);
    private static final ProducerSettings PRIORITY = BUILT_IN.withPartitioner(PartitionerChoice.PRIORITY);

    private final Ledger ledger = new Ledger();

    @Test
    void sendsOfAKeyAreCountedWithTheirPartitionsAndTheMurmur2Prediction() {
        int predicted = Ledger.murmur2Partition("alice", 6);
        ledger.sent("orders", ok("alice", predicted, 0, 6, BUILT_IN));
        ledger.sent("orders", ok("alice", predicted, 1, 6, BUILT_IN));
        ledger.sent("orders", ok("bob", 4, 0, 6, ROUND_ROBIN));

        Map<String, Ledger.KeyRecord> keys = ledger.keys("orders");
        assertEquals(new Ledger.KeyRecord(2, Set.of(predicted), predicted, 0), keys.get("alice"));
        assertEquals(new Ledger.KeyRecord(1, Set.of(4), -1, 1), keys.get("bob"),
                "a key placed by another partitioner has no prediction and counts as unhashed");
        assertEquals(Map.of(), ledger.keys("payments"), "other topics are apart");
    }

    @Test
    void aKeyFoundInTwoPartitionsListsBoth() {
        ledger.sent("orders", ok("alice", 1, 0, 3, BUILT_IN));
        ledger.sent("orders", ok("alice", 2, 0, 3, BUILT_IN));
        assertEquals(Set.of(1, 2), ledger.keys("orders").get("alice").partitions());
    }

    @Test
    void ignoringKeysMeansTheKeyWasNotHashed() {
        ProducerSettings ignoreKeys = new ProducerSettings(BUILT_IN.acks(), BUILT_IN.idempotence(), BUILT_IN.lingerMs(),
                BUILT_IN.batchSize(), BUILT_IN.compression(), PartitionerChoice.BUILT_IN, true, BUILT_IN.retries(),
                BUILT_IN.deliveryTimeoutMs(), BUILT_IN.requestTimeoutMs(), BUILT_IN.maxInFlight());
        ledger.sent("orders", ok("alice", 0, 0, 3, ignoreKeys));
        assertEquals(1, ledger.keys("orders").get("alice").unhashed());
    }

    @Test
    void unkeyedSendsAreCountedWithTheirPartitions() {
        ledger.sent("clicks", ok(null, 0, 0, 3, BUILT_IN));
        ledger.sent("clicks", ok(null, 2, 0, 3, BUILT_IN));
        ledger.sent("clicks", ok(null, 2, 1, 3, BUILT_IN));
        ledger.sent("clicks", ok(null, 1, 0, 3, ROUND_ROBIN));
        assertEquals(Map.of(0, 1, 1, 1, 2, 2), ledger.unkeyed("clicks", Optional.empty()));
        assertEquals(Map.of(0, 1, 2, 2), ledger.unkeyed("clicks", Optional.of(PartitionerChoice.BUILT_IN)),
                "those the built-in partitioner placed");
        assertEquals(Map.of(1, 1), ledger.unkeyed("clicks", Optional.of(PartitionerChoice.ROUND_ROBIN)));
        assertEquals(Map.of(), ledger.keys("clicks"));
    }

    @Test
    void urgentRecordsAreCountedOnlyForThePriorityPartitioner() {
        ledger.sent("alerts", ok("urgent-1", 0, 0, 3, PRIORITY));
        ledger.sent("alerts", ok("urgent-2", 1, 0, 3, PRIORITY));
        ledger.sent("alerts", ok("routine", 0, 1, 3, PRIORITY));
        ledger.sent("alerts", ok("routine", 2, 0, 3, PRIORITY));
        ledger.sent("alerts", ok("urgent-3", 2, 1, 3, BUILT_IN));
        assertArrayEquals(new int[] {2, 1, 1, 4}, ledger.priority("alerts"),
                "urgent sent, urgent outside partition 0, others in partition 0, all sent with the priority partitioner");
        assertArrayEquals(new int[4], ledger.priority("nothing-sent"));
    }

    @Test
    void everySuccessfulSendIsAcknowledgedPerPartition() {
        ledger.sent("orders", ok("a", 0, 5, 3, BUILT_IN));
        ledger.sent("orders", ok("b", 0, 7, 3, BUILT_IN));
        ledger.sent("orders", ok(null, 1, 0, 3, BUILT_IN));
        ledger.acked("orders", 2, 10, 19, 10);
        ledger.acked("orders", 2, 20, 20, 0);
        assertEquals(Map.of(0, new Ledger.Acked(2, 5, 7), 1, new Ledger.Acked(1, 0, 0), 2, new Ledger.Acked(10, 10, 19)),
                ledger.acked("orders"), "an empty range acknowledges nothing");
    }

    @Test
    void failedSendsCountNowhere() {
        ledger.sent("orders", failed("alice"));
        ledger.sent("orders", failed(null));
        assertEquals(Map.of(), ledger.keys("orders"));
        assertEquals(Map.of(), ledger.unkeyed("orders", Optional.empty()));
        assertEquals(Map.of(), ledger.acked("orders"));
        assertEquals(Set.of(), ledger.topics(), "a failed send does not even open the topic's page");
    }

    @Test
    void forgettingATopicKeepsTheOthers() {
        ledger.sent("orders", ok("alice", 0, 0, 3, BUILT_IN));
        ledger.sent("payments", ok("bob", 1, 0, 3, BUILT_IN));
        ledger.forget("orders");
        assertEquals(Set.of("payments"), ledger.topics());
        assertEquals(Map.of(), ledger.keys("orders"));
        assertEquals(Map.of(), ledger.acked("orders"));
        assertTrue(ledger.keys("payments").containsKey("bob"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            alice,        1
            alice,        6
            bob,          3
            order-42,     12
            Zoë,          5
            '',           3
            urgent-alarm, 7
            """)
    void theMurmur2PredictionIsTheBuiltInPartitionersChoice(String key, int partitions) {
        assertEquals(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions),
                Ledger.murmur2Partition(key, partitions));
    }

    @Test
    void aTopicWithoutPartitionsHasNoPrediction() {
        assertEquals(-1, Ledger.murmur2Partition("alice", 0));
    }

    @Test
    void aSendWithoutAnOffsetIsNotAcknowledged() {
        ProducerSettings acksZero = BUILT_IN.withAcks(ProducerSettings.Acks.NONE);
        ledger.sent("orders", ok("alice", 0, -1, 3, acksZero));
        assertEquals(Map.of(), ledger.acked("orders"), "with acks=0 the broker acknowledges nothing");
        assertEquals(1, ledger.keys("orders").get("alice").count(), "but the record was sent, to partition 0");
    }

    private static SendResult ok(String key, int partition, long offset, int partitions, ProducerSettings settings) {
        return new SendResult(key, "value", partition, offset, partitions, settings, null);
    }

    private static SendResult failed(String key) {
        return new SendResult(key, "value", -1, -1, 0, BUILT_IN, "the topic does not exist");
    }
}
