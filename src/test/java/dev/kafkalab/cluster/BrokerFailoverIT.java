package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.monitor.ClusterEvent.Kind;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Breaking and repairing single brokers of the real local cluster, as a class would. */
class BrokerFailoverIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final Duration WAIT = LocalClusterExtension.WAIT;

    @Test
    void killingTheLeaderElectsAnotherAndEmitsEvents() throws Exception {
        kafka.createTopic("kill-the-leader", 1, 3, Map.of());
        int leader = kafka.partition("kill-the-leader", 0).leader();
        kafka.clearEvents();

        long t0 = System.nanoTime();
        kafka.cluster().kill(leader).get(10, TimeUnit.SECONDS);
        ClusterSnapshot after = kafka.await(s -> s.partition("kill-the-leader", 0)
                .map(p -> !p.offline() && p.leader() != leader).orElse(false), WAIT, "a new leader for kill-the-leader-0");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        PartitionView p = after.partition("kill-the-leader", 0).orElseThrow();
        assertTrue(p.replicas().contains(p.leader()), "the new leader is one of the replicas: " + p);
        assertTrue(ms < TimingProfile.DEMO.sessionTimeoutMs() + 3_000,
                "a killed leader is replaced within the session timeout (3 s) plus polling, took " + ms + " ms");
        assertEquals(NodeState.KILLED, kafka.cluster().node(leader).state());
        kafka.awaitEvent(e -> e.kind() == Kind.NODE_STATE && e.text().equals("broker " + leader + ": running -> killed"),
                WAIT, "broker " + leader + " shown killed");
        kafka.awaitEvent(e -> e.kind() == Kind.LEADER_MOVED && e.subject().equals("kill-the-leader-0"), WAIT,
                "leader of kill-the-leader-0 moved");
        kafka.awaitEvent(e -> e.kind() == Kind.ISR_SHRANK && e.subject().equals("kill-the-leader-0"), WAIT,
                "ISR of kill-the-leader-0 shrank");
        kafka.awaitEvent(e -> e.kind() == Kind.BROKER_FENCED && e.subject().equals("broker " + leader), WAIT,
                "broker " + leader + " fenced");
    }

    @Test
    void stoppingTheLeaderMovesLeadershipAtOnce() throws Exception {
        kafka.createTopic("stop-the-leader", 1, 3, Map.of());
        int leader = kafka.partition("stop-the-leader", 0).leader();

        long t0 = System.nanoTime();
        var stopped = kafka.cluster().stop(leader);
        // A controlled shutdown hands leadership over before the broker exits: far below the
        // 3 s session timeout a kill has to wait for.
        kafka.await(s -> s.partition("stop-the-leader", 0).map(p -> !p.offline() && p.leader() != leader)
                .orElse(false), Duration.ofMillis(2_500), "leadership of stop-the-leader-0 moved by controlled shutdown");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        stopped.get(30, TimeUnit.SECONDS);
        assertEquals(NodeState.STOPPED, kafka.cluster().node(leader).state());
        assertTrue(ms < 2_500, "leader moved in " + ms + " ms");
    }

    @Test
    void aFrozenFollowerLeavesTheIsrAndReturnsAfterResume() throws Exception {
        kafka.createTopic("freeze-a-follower", 1, 3, Map.of());
        PartitionView p = kafka.partition("freeze-a-follower", 0);
        int follower = p.replicas().stream().filter(r -> r != p.leader()).findFirst().orElseThrow();

        kafka.cluster().pause(follower).get(10, TimeUnit.SECONDS);
        assertEquals(NodeState.FROZEN, kafka.cluster().node(follower).state());
        kafka.await(s -> s.partition("freeze-a-follower", 0).map(q -> !q.isr().contains(follower)).orElse(false),
                WAIT, "frozen broker " + follower + " out of the ISR of freeze-a-follower-0");

        kafka.cluster().resume(follower).get(10, TimeUnit.SECONDS);
        kafka.await(s -> s.partition("freeze-a-follower", 0).map(q -> q.isr().contains(follower)).orElse(false),
                WAIT, "resumed broker " + follower + " back in the ISR of freeze-a-follower-0");
    }

    @Test
    void aFrozenLeaderNeverStallsASnapshot() throws Exception {
        kafka.createTopic("freeze-the-leader", 1, 3, Map.of());
        int leader = kafka.partition("freeze-the-leader", 0).leader();

        kafka.cluster().pause(leader).get(10, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        ClusterSnapshot during = kafka.poller().takeSnapshot();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        // The frozen leader accepts requests and never answers. Which part of the snapshot waits on
        // it depends on where the admin client sends each call: the offsets (always, they go to the
        // leader) or, when it also picked the frozen broker for metadata, the topic list itself.
        // Either way the snapshot gives up on that part at its deadline, names it, and carries the
        // last known values over.
        assertTrue(ms < 3_500, "a snapshot with a frozen leader took " + ms + " ms");
        assertTrue(during.unreadable().contains("offsets of some partitions")
                || during.unreadable().contains("topics"), "unreadable: " + during.unreadable());
        assertEquals(NodeState.FROZEN, during.node(leader).orElseThrow().process());
        assertTrue(during.partition("freeze-the-leader", 0).orElseThrow().highWatermark() >= 0,
                "offsets carried over from the previous snapshot");
        kafka.await(x -> x.partition("freeze-the-leader", 0).map(p -> !p.offline() && p.leader() != leader)
                .orElse(false), WAIT, "a new leader once the frozen one is fenced");
    }

    @Test
    void aFrozenFollowersLogEndOffsetFallsBehindTheLeaders() throws Exception {
        String topic = "frozen-follower-offsets";
        kafka.createTopic(topic, 1, 3, Map.of());
        PartitionView p = kafka.partition(topic, 0);
        int follower = p.replicas().stream().filter(r -> r != p.leader()).findFirst().orElseThrow();
        try (KafkaProducer<String, String> producer = producer("1")) {
            send(producer, topic, 10);
            kafka.await(s -> s.partition(topic, 0).map(q -> q.logEndOffsets().size() == 3
                    && q.logEndOffsets().values().stream().allMatch(e -> e == 10L)).orElse(false),
                    WAIT, "every replica of " + topic + "-0 reporting log end offset 10");

            kafka.cluster().pause(follower).get(10, TimeUnit.SECONDS);
            send(producer, topic, 200);
            ClusterSnapshot s = kafka.await(x -> x.partition(topic, 0).map(q -> q.logEndOffsets()
                    .getOrDefault(q.leader(), 0L) == 210L && q.highWatermark() == 210L).orElse(false), WAIT,
                    "the leader of " + topic + "-0 at log end offset 210 and the high watermark at 210");
            PartitionView q = s.partition(topic, 0).orElseThrow();
            assertEquals(10L, q.logEndOffsets().get(follower),
                    "the frozen follower's log end offset stays where it froze: " + q);
            assertFalse(q.isr().contains(follower), "the high watermark moved on without the frozen follower: " + q);
        }
    }

    @Test
    void aRestartedBrokerRejoinsEveryIsr() throws Exception {
        String topic = "restart-rejoins";
        kafka.createTopic(topic, 6, 3, Map.of());
        int broker = 2;
        kafka.cluster().kill(broker).get(10, TimeUnit.SECONDS);
        kafka.await(s -> s.topic(topic).map(t -> t.partitions().stream().noneMatch(q -> q.isr().contains(broker)))
                .orElse(false), WAIT, "broker 2 out of every ISR of " + topic);

        kafka.cluster().start(broker).get(90, TimeUnit.SECONDS);
        assertEquals(NodeState.RUNNING, kafka.cluster().node(broker).state());
        kafka.await(s -> s.topic(topic).map(t -> t.partitions().stream().allMatch(q -> q.isr().size() == 3))
                .orElse(false), WAIT, "broker 2 back in all 6 ISRs of " + topic);
    }

    @Test
    void actionsThatMakeNoSenseAreRefusedWithAReason() throws Exception {
        kafka.cluster().stop(3).get(30, TimeUnit.SECONDS);
        ExecutionException kill = assertThrows(ExecutionException.class, () -> kafka.cluster().kill(3).get());
        assertInstanceOf(ClusterException.class, kill.getCause());
        assertEquals("Broker 3 is not running (stopped): nothing to kill.", kill.getCause().getMessage());

        ExecutionException resume = assertThrows(ExecutionException.class, () -> kafka.cluster().resume(1).get());
        assertEquals("Broker 1 is not frozen (running): nothing to resume.", resume.getCause().getMessage());

        ExecutionException unknown = assertThrows(ExecutionException.class, () -> kafka.cluster().stop(7).get());
        assertEquals("There is no node 7: brokers are 1, 2, 3 and the controller is 100.",
                unknown.getCause().getMessage());

        ExecutionException controller = assertThrows(ExecutionException.class,
                () -> kafka.cluster().pause(LocalCluster.CONTROLLER_ID).get());
        assertTrue(controller.getCause().getMessage().startsWith("Controller cannot be frozen"),
                controller.getCause().getMessage());
    }

    private static KafkaProducer<String, String> producer(String acks) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, acks);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, "value-" + i));
        }
        producer.flush();
    }
}
