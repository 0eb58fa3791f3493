package dev.kafkalab.produce;

import static dev.kafkalab.testkit.LocalClusterExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where records land and what a refused write says, on the real three-broker cluster. */
class ProduceIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static ProduceService service;

    @BeforeAll
    static void service() {
        service = new ProduceService(kafka.clients());
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void recordsOfOneKeyLandInThePartitionMurmur2Predicts() throws Exception {
        for (int partitions : new int[] {2, 3, 7}) {
            String topic = "keyed-" + partitions;
            kafka.createTopic(topic, partitions, 3, Map.of());
            List<String> keys = IntStream.range(0, 40).mapToObj(i -> "employee-" + (i % 8)).toList();
            List<SendResult> sent = service.sendAll(topic, keys, "v", ProducerSettings.DEFAULTS).get(60, TimeUnit.SECONDS);
            for (SendResult r : sent) {
                assertTrue(r.ok(), r.error());
                assertEquals(KeyPlacement.of(r.key(), partitions).partition(), r.partition(), r.key() + " on " + topic);
                assertTrue(r.why().endsWith("and it landed there."), r.why());
            }
            for (String key : List.of("employee-0", "employee-5")) {
                assertEquals(1, sent.stream().filter(r -> r.key().equals(key)).map(SendResult::partition).distinct()
                        .count(), "every record of " + key + " in one partition of " + topic);
            }
        }
    }

    @Test
    void unkeyedRecordsComeInStickyRunsUnderTheBuiltInPartitionerAndInTurnUnderRoundRobin() throws Exception {
        String topic = "unkeyed";
        kafka.createTopic(topic, 3, 3, Map.of());
        List<String> noKeys = Collections.nCopies(300, null);
        // Small batches and a linger make the built-in partitioner move on several times.
        ProducerSettings sticky = ProducerSettings.DEFAULTS.withBatching(5, 512);
        List<SendResult> builtIn = service.sendAll(topic, noKeys, "value-", sticky).get(60, TimeUnit.SECONDS);
        assertTrue(builtIn.stream().allMatch(SendResult::ok));
        assertTrue(builtIn.get(0).why().contains("sticky"), builtIn.get(0).why());
        assertTrue(switches(builtIn) < builtIn.size() / 4,
                "sticky: long runs in one partition, switched " + switches(builtIn) + " times in 300 records");

        ProducerSettings roundRobin = ProducerSettings.DEFAULTS.withPartitioner(
                ProducerSettings.PartitionerChoice.ROUND_ROBIN);
        List<SendResult> turns = service.sendAll(topic, noKeys, "value-", roundRobin).get(60, TimeUnit.SECONDS);
        Map<Integer, Long> counts = countByPartition(turns);
        assertEquals(3, counts.size(), "round robin reaches every partition: " + counts);
        assertTrue(switches(turns) > turns.size() / 2,
                "round robin: the partition changes from record to record, switched " + switches(turns) + " times");
    }

    @Test
    void thePriorityPartitionerKeepsPartitionZeroForUrgentRecords() throws Exception {
        String topic = "priority";
        kafka.createTopic(topic, 4, 3, Map.of());
        ProducerSettings priority = ProducerSettings.DEFAULTS.withPartitioner(
                ProducerSettings.PartitionerChoice.PRIORITY);
        List<String> keys = IntStream.range(0, 60).mapToObj(i -> i % 5 == 0 ? "urgent-" + i : "order-" + i).toList();
        for (SendResult r : service.sendAll(topic, keys, "v", priority).get(60, TimeUnit.SECONDS)) {
            assertTrue(r.ok(), r.error());
            assertEquals(r.key().startsWith("urgent"), r.partition() == 0, r.key() + " -> " + r.partition());
        }
    }

    @Test
    void acksAllWithTwoBrokersDownIsRefusedAndSaysWhy() throws Exception {
        String topic = "needs-two";
        kafka.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = kafka.partition(topic, 0).leader();
        List<Integer> others = IntStream.rangeClosed(1, 3).filter(b -> b != leader).boxed().toList();
        for (int broker : others) {
            kafka.cluster().stop(broker).get(30, TimeUnit.SECONDS);
            assertEquals(NodeState.STOPPED, kafka.cluster().node(broker).state());
        }
        kafka.await(s -> s.partition(topic, 0).map(p -> p.isr().equals(List.of(leader))).orElse(false), WAIT,
                "the ISR of " + topic + "-0 down to its leader " + leader);

        SendResult refused = service.send(topic, "k", "v", Map.of(), ProducerSettings.DEFAULTS.withoutRetries())
                .get(60, TimeUnit.SECONDS);
        assertFalse(refused.ok());
        assertEquals(-1, refused.partition());
        assertTrue(refused.error().startsWith("acks=all needs min.insync.replicas=2 in-sync replicas; partition 0 has 1 ["
                + leader + "]"), refused.error());

        SendResult leaderOnly = service.send(topic, "k", "v", Map.of(),
                ProducerSettings.DEFAULTS.withAcks(ProducerSettings.Acks.LEADER).withoutRetries()).get(60, TimeUnit.SECONDS);
        assertNull(leaderOnly.error(), "acks=1 is taken by the leader alone");
        PartitionView p = kafka.partition(topic, 0);
        assertEquals(leader, p.leader());
    }

    @Test
    void aBurstOfDistinctKeysKeepsEachKeyInItsPartitionAndAPacedStreamStops() throws Exception {
        String topic = "burst";
        kafka.createTopic(topic, 6, 3, Map.of());
        List<SendResult> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordStream burst = service.stream(StreamRequest.burst(topic, KeyPattern.distinct(12), 600,
                ProducerSettings.DEFAULTS), answers::add);
        RecordStream.Summary summary = burst.done().get(60, TimeUnit.SECONDS);
        assertEquals(new RecordStream.Summary(600, 600, 0, summary.elapsedNanos()), summary,
                () -> "answers: " + answers.stream().limit(3).toList());
        assertEquals(600, answers.size());
        for (SendResult r : answers) {
            assertEquals(KeyPlacement.of(r.key(), 6).partition(), r.partition(), r.key());
        }
        assertEquals(12, answers.stream().map(SendResult::key).distinct().count(), "employee-1..employee-12");
        ProducerMetrics metrics = service.metrics();
        assertTrue(metrics.sendRate() > 0, "the client measured a send rate: " + metrics);
        assertTrue(metrics.recordsPerRequestAvg() >= 1, "records per request: " + metrics);

        // 200 records/s for a limit of 100 takes about half a second: paced, not all at once.
        RecordStream paced = service.stream(new StreamRequest(topic, KeyPattern.NO_KEY, 200, 100, 100,
                ProducerSettings.DEFAULTS), r -> { });
        RecordStream.Summary p = paced.done().get(60, TimeUnit.SECONDS);
        assertEquals(100, p.acked());
        assertTrue(p.elapsedNanos() > 400_000_000L, "100 records at 200/s took " + p.elapsedNanos() / 1e6 + " ms");

        RecordStream endless = service.stream(new StreamRequest(topic, KeyPattern.random(), 500, 0, 0,
                ProducerSettings.DEFAULTS), r -> { });
        dev.kafkalab.testkit.Await.until(() -> endless.acked() >= 50, WAIT, "50 records of the endless stream acknowledged");
        SendResult refused = service.send(topic, "k", "v", Map.of(), ProducerSettings.DEFAULTS.withoutRetries())
                .get(30, TimeUnit.SECONDS);
        assertEquals("A stream is running with other producer settings: stop it first.", refused.error());
        endless.stop();
        RecordStream.Summary e = endless.done().get(30, TimeUnit.SECONDS);
        assertEquals(e.sent(), e.acked(), "every record sent before the stop was acknowledged");
    }

    @Test
    void listenersHearEverySendOnceWithItsTopicKeyPartitionAndOffset() throws Exception {
        String topic = "listened";
        kafka.createTopic(topic, 3, 3, Map.of());
        List<Map.Entry<String, SendResult>> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        SendListener listener = (t, r) -> heard.add(Map.entry(t, r));
        service.addSendListener(listener);
        try {
            SendResult one = service.send(topic, "employee-3", "hello", null, ProducerSettings.DEFAULTS)
                    .get(30, TimeUnit.SECONDS);
            SendResult tombstone = service.send(topic, "employee-3", null, Map.of(), ProducerSettings.DEFAULTS)
                    .get(30, TimeUnit.SECONDS);
            assertTrue(tombstone.ok(), tombstone.error());
            assertTrue(tombstone.tombstone());
            assertEquals(one.partition(), tombstone.partition(), "a tombstone lands with its key");
            assertEquals(one.offset() + 1, tombstone.offset());
            assertTrue(tombstone.why().contains("tombstone"), tombstone.why());
            List<SendResult> all = service.sendAll(topic, List.of("a", "b", "c"), "v", ProducerSettings.DEFAULTS)
                    .get(30, TimeUnit.SECONDS);
            RecordStream burst = service.stream(StreamRequest.burst(topic, KeyPattern.distinct(4), 40,
                    ProducerSettings.DEFAULTS), r -> { });
            assertEquals(40, burst.done().get(30, TimeUnit.SECONDS).acked());
            // The stream's sink and the listeners are told on the I/O thread; the summary may come first.
            dev.kafkalab.testkit.Await.until(() -> heard.size() >= 45, WAIT, "45 sends heard, heard " + heard.size());

            assertEquals(45, heard.size(), "each send heard once: " + heard);
            assertTrue(heard.stream().allMatch(e -> e.getKey().equals(topic) && e.getValue().ok()), heard.toString());
            assertEquals(Map.entry(topic, one), heard.get(0), "a send's listener hears what its future gives");
            assertEquals(Map.entry(topic, tombstone), heard.get(1));
            for (SendResult r : all) {
                assertTrue(heard.contains(Map.entry(topic, r)), "sendAll's " + r + " heard");
            }
            for (Map.Entry<String, SendResult> e : heard) {
                SendResult r = e.getValue();
                assertTrue(r.offset() >= 0 && r.partition() >= 0 && r.partition() < 3, r.toString());
                if (r.key() != null && r.key().startsWith("employee-") && !r.tombstone()) {
                    assertEquals(KeyPlacement.of(r.key(), 3).partition(), r.partition(), r.toString());
                }
            }
            assertEquals(45, heard.stream().map(e -> e.getValue().partition() + "@" + e.getValue().offset())
                    .distinct().count(), "every send heard has its own partition and offset");

            service.removeSendListener(listener);
            service.send(topic, "after", "v", Map.of(), ProducerSettings.DEFAULTS).get(30, TimeUnit.SECONDS);
            assertEquals(45, heard.size(), "a removed listener hears nothing more");
        } finally {
            service.removeSendListener(listener);
        }
    }

    private static int switches(List<SendResult> results) {
        int n = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).partition() != results.get(i - 1).partition()) {
                n++;
            }
        }
        return n;
    }

    private static Map<Integer, Long> countByPartition(List<SendResult> results) {
        Map<Integer, Long> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.partition(), 1L, Long::sum));
        return counts;
    }
}
