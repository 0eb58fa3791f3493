package dev.kafkalab.lab;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/** Hand-made snapshots for the lab tests: three running brokers, and whatever a test adds to them. */
final class Snapshots {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final List<Integer> ALL = List.of(1, 2, 3);

    private Snapshots() {
    }

    static Cluster cluster() {
        return new Cluster();
    }

    /** A cluster being described; later calls for the same broker, topic or group replace earlier ones. */
    static final class Cluster {
        private Instant at = T0;
        private final Map<Integer, NodeView> nodes = new TreeMap<>();
        private final Map<String, TopicView> topics = new LinkedHashMap<>();
        private final Map<String, GroupView> groups = new LinkedHashMap<>();

        private Cluster() {
            for (int id : ALL) {
                broker(id, NodeState.RUNNING, false);
            }
        }

        Cluster at(Instant takenAt) {
            at = takenAt;
            return this;
        }

        Cluster broker(int id, NodeState process, boolean fenced) {
            nodes.put(id, new NodeView(id, NodeRole.BROKER, process, 9090 + id, true, fenced, false));
            return this;
        }

        Cluster topic(String name, PartitionView... partitions) {
            topics.put(name, new TopicView(name, false, List.of(partitions)));
            return this;
        }

        Cluster group(GroupView group) {
            groups.put(group.groupId(), group);
            return this;
        }

        ClusterSnapshot build() {
            return new ClusterSnapshot(at, List.copyOf(nodes.values()), List.copyOf(topics.values()),
                    List.copyOf(groups.values()), List.of());
        }
    }

    /** A partition on brokers 1, 2 and 3, all in sync, offsets unknown. */
    static PartitionView led(String topic, int partition, int leader) {
        return partition(topic, partition, leader, ALL);
    }

    /** A partition on brokers 1, 2 and 3 with this ISR, offsets unknown. */
    static PartitionView partition(String topic, int partition, int leader, List<Integer> isr) {
        return new PartitionView(topic, partition, leader, ALL, isr, List.of(), PartitionView.UNKNOWN,
                PartitionView.UNKNOWN, Map.of());
    }

    static PartitionView offsets(PartitionView p, long logStart, long highWatermark, Map<Integer, Long> logEnds) {
        return new PartitionView(p.topic(), p.partition(), p.leader(), p.replicas(), p.isr(), p.elr(), logStart,
                highWatermark, logEnds);
    }

    /** A member whose client id is its member id, owning these partitions of {@code orders}. */
    static MemberView member(String id, int... ordersPartitions) {
        return new MemberView(id, id, "/127.0.0.1", null, Arrays.stream(ordersPartitions)
                .mapToObj(p -> new TopicPartition("orders", p)).collect(Collectors.toSet()), 1);
    }

    static GroupView group(String id, GroupState state, MemberView... members) {
        return new GroupView(id, GroupType.CONSUMER, state, "uniform", 1, List.of(members), Map.of(), Map.of());
    }
}
