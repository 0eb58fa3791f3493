package dev.kafkalab.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DESIGN.md's deterministic sequence: acks=1 loses every acknowledged record, acks=all none. */
class DurabilityDemoIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final int RECORDS = 1_000;

    @Test
    void acksOneLosesEveryAcknowledgedRecord() throws Exception {
        String topic = "demo-acks-1";
        kafka.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        List<String> progress = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        DurabilityDemo.Result r = DurabilityDemo.run(kafka.cluster(), topic, ProducerSettings.Acks.LEADER, RECORDS,
                progress::add).get(3, TimeUnit.MINUTES);
        System.out.printf("DurabilityDemo acks=1 took %d ms: %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), r.summary());
        progress.forEach(line -> System.out.println("  " + line));

        assertEquals(RECORDS, r.sent());
        assertEquals(RECORDS, r.acked(), r.summary());
        assertEquals(r.firstAckedOffset() + RECORDS - 1, r.lastAckedOffset());
        long highWatermark = highWatermark(topic);
        assertTrue(highWatermark <= r.firstAckedOffset(), "the partition ends at " + highWatermark
                + ", so every acknowledged record from " + r.firstAckedOffset() + " is gone: " + r.summary());
        assertTrue(r.summary().contains("all " + RECORDS + " acknowledged records"), r.summary());
        assertDemoRanAndRepaired(r, progress);
    }

    @Test
    void acksAllLosesNothingItAcknowledged() throws Exception {
        String topic = "demo-acks-all";
        kafka.createTopic(topic, 1, 3, Map.of("min.insync.replicas", "2"));
        List<String> progress = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        DurabilityDemo.Result r = DurabilityDemo.run(kafka.cluster(), topic, ProducerSettings.Acks.ALL, RECORDS,
                progress::add).get(3, TimeUnit.MINUTES);
        System.out.printf("DurabilityDemo acks=all took %d ms: %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), r.summary());
        progress.forEach(line -> System.out.println("  " + line));

        assertEquals(RECORDS, r.acked(), r.summary());
        long highWatermark = highWatermark(topic);
        assertTrue(highWatermark > r.lastAckedOffset(), "the partition ends at " + highWatermark
                + ", after the last acknowledged offset " + r.lastAckedOffset() + ": " + r.summary());
        assertTrue(progress.stream().anyMatch(s -> s.contains("acknowledged none")), progress.toString());
        assertTrue(r.summary().contains("is there"), r.summary());
        assertDemoRanAndRepaired(r, progress);
    }

    @Test
    void aTopicThatCannotShowItIsRefusedWithTheReasonAndNothingIsTouched() throws Exception {
        kafka.createTopic("demo-rf-1", 1, 1, Map.of());
        assertRefused(DurabilityDemo.run(kafka.cluster(), "demo-rf-1", ProducerSettings.Acks.LEADER, 10, s -> { }),
                "'demo-rf-1' has replication factor 1. The demo needs 1 partition, replication factor 3 and"
                        + " min.insync.replicas=2: create a topic for it.");
        kafka.createTopic("demo-min-isr-1", 1, 3, Map.of());
        assertRefused(DurabilityDemo.run(kafka.cluster(), "demo-min-isr-1", ProducerSettings.Acks.ALL, 10, s -> { }),
                "'demo-min-isr-1' has min.insync.replicas=1. The demo needs 1 partition, replication factor 3 and"
                        + " min.insync.replicas=2: create a topic for it.");
        assertRefused(DurabilityDemo.run(kafka.cluster(), "no-such-topic", ProducerSettings.Acks.ALL, 10, s -> { }),
                "There is no topic 'no-such-topic': create it with 1 partition, replication factor 3 and"
                        + " min.insync.replicas=2.");
        assertRefused(DurabilityDemo.run(kafka.cluster(), "demo-rf-1", ProducerSettings.Acks.NONE, 10, s -> { }),
                "The demo compares acks=1 and acks=all; with acks=0 the producer is never told a record was stored,"
                        + " so there is no acknowledged record to lose.");
        assertTrue(kafka.cluster().nodes().stream().allMatch(n -> n.state() == NodeState.RUNNING));
    }

    private static void assertRefused(java.util.concurrent.CompletableFuture<DurabilityDemo.Result> run,
            String message) throws Exception {
        try {
            run.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected the demo to refuse: " + message);
        } catch (ExecutionException e) {
            assertInstanceOf(DurabilityDemo.DemoException.class, e.getCause());
            assertEquals(message, e.getCause().getMessage());
        }
    }

    private static void assertDemoRanAndRepaired(DurabilityDemo.Result r, List<String> progress) {
        assertNotEquals(r.oldLeader(), r.newLeader());
        assertTrue(progress.stream().anyMatch(s -> s.startsWith("Froze brokers ")), progress.toString());
        assertTrue(progress.stream().anyMatch(s -> s.startsWith("Killed broker " + r.oldLeader())),
                progress.toString());
        assertEquals(8, progress.size(), "one sentence per stage: " + progress);
        for (NodeStatus node : kafka.cluster().nodes()) {
            assertEquals(NodeState.RUNNING, node.state(), node.label() + " after the demo");
        }
        kafka.await(s -> s.partition(r.topic(), 0).map(p -> p.isr().contains(r.oldLeader())).orElse(false),
                LocalClusterExtension.WAIT, "broker " + r.oldLeader() + " back in the ISR of " + r.topic());
    }

    private static long highWatermark(String topic) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        return kafka.admin().listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get(30, TimeUnit.SECONDS)
                .offset();
    }
}
