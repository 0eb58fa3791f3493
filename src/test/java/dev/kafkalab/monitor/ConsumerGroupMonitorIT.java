package dev.kafkalab.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kafkalab.monitor.ClusterEvent.Kind;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consumer groups in snapshots: both protocols, members, assignments, commits and lag. */
class ConsumerGroupMonitorIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final Duration WAIT = LocalClusterExtension.WAIT;

    @Test
    void aClassicGroupShowsMembersAssignmentsCommitsAndLag() throws Exception {
        String topic = "classic-orders";
        kafka.createTopic(topic, 4, 3, Map.of());
        produce(topic, 40);
        kafka.await(s -> s.topic(topic).map(t -> t.partitions().stream().mapToLong(PartitionView::highWatermark).sum()
                == 40).orElse(false), WAIT, "40 records in " + topic);
        try (KafkaConsumer<String, String> first = consumer("classic-readers", "classic", "reader-1");
                KafkaConsumer<String, String> second = consumer("classic-readers", "classic", "reader-2")) {
            first.subscribe(List.of(topic));
            second.subscribe(List.of(topic));
            ClusterSnapshot s = kafka.await(x -> x.group("classic-readers").map(g -> g.state() == GroupState.STABLE
                    && g.members().size() == 2 && g.members().stream().allMatch(m -> m.assignment().size() == 2))
                    .orElse(false), WAIT, () -> {
                        first.poll(Duration.ofMillis(100));
                        second.poll(Duration.ofMillis(100));
                    }, "classic-readers stable with 2 members of 2 partitions each");
            GroupView group = s.group("classic-readers").orElseThrow();
            assertEquals(GroupType.CLASSIC, group.type());
            assertNull(group.groupEpoch(), "the Admin API shows no generation for classic groups");

            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> commit = Map.of(
                    new TopicPartition(topic, 0), new org.apache.kafka.clients.consumer.OffsetAndMetadata(3));
            TopicPartition p0 = new TopicPartition(topic, 0);
            KafkaConsumer<String, String> owner = first.assignment().contains(p0) ? first : second;
            owner.commitSync(commit);
            ClusterSnapshot committed = kafka.await(x -> x.group("classic-readers")
                    .map(g -> Long.valueOf(3).equals(g.committedOffsets().get(p0))).orElse(false), WAIT,
                    "offset 3 committed for " + p0);
            GroupView g = committed.group("classic-readers").orElseThrow();
            long high = committed.partition(topic, 0).orElseThrow().highWatermark();
            assertEquals(high - 3, g.lag().get(p0), "lag = high watermark - committed offset");
        }
    }

    @Test
    void aNewProtocolGroupShowsItsEpochAndRebalancesWhenAMemberJoins() throws Exception {
        String topic = "kip848-orders";
        kafka.createTopic(topic, 4, 3, Map.of());
        kafka.clearEvents();
        try (KafkaConsumer<String, String> first = consumer("new-readers", "consumer", "new-1")) {
            first.subscribe(List.of(topic));
            ClusterSnapshot s = kafka.await(x -> x.group("new-readers").map(g -> g.state() == GroupState.STABLE
                    && g.members().size() == 1 && g.members().get(0).assignment().size() == 4).orElse(false), WAIT,
                    () -> first.poll(Duration.ofMillis(100)), "new-readers stable with one member of 4 partitions");
            GroupView group = s.group("new-readers").orElseThrow();
            assertEquals(GroupType.CONSUMER, group.type());
            assertNotNull(group.groupEpoch(), "the new protocol has a group epoch");
            assertNotNull(group.members().get(0).memberEpoch(), "and member epochs");

            try (KafkaConsumer<String, String> second = consumer("new-readers", "consumer", "new-2")) {
                second.subscribe(List.of(topic));
                kafka.await(x -> x.group("new-readers").map(g -> g.members().size() == 2
                        && g.members().stream().allMatch(m -> m.assignment().size() == 2)).orElse(false), WAIT, () -> {
                            first.poll(Duration.ofMillis(100));
                            second.poll(Duration.ofMillis(100));
                        }, "new-readers sharing 4 partitions 2 and 2");
                kafka.awaitEvent(e -> e.kind() == Kind.MEMBER_JOINED && e.subject().equals("new-readers"), WAIT,
                        "member joined new-readers");
                kafka.awaitEvent(e -> e.kind() == Kind.GROUP_REBALANCED && e.subject().equals("new-readers")
                        && e.text().contains("epoch"), WAIT, "new-readers rebalanced with an epoch change");
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String group, String protocol, String clientId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static void produce(String topic, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % 4, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }
}
