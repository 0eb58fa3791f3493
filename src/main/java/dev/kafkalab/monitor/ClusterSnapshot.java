package dev.kafkalab.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole cluster at one moment, immutable: nodes, topics with every partition's leader, ISR
 * and offsets, and consumer groups.
 *
 * @param unreadable what this snapshot could not read in time (a frozen broker answers nothing);
 *                   those parts are carried over from the previous snapshot
 */
public record ClusterSnapshot(Instant takenAt, List<NodeView> nodes, List<TopicView> topics, List<GroupView> groups,
        List<String> unreadable) {

    public static final ClusterSnapshot EMPTY = new ClusterSnapshot(Instant.EPOCH, List.of(), List.of(), List.of(),
            List.of());

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        unreadable = List.copyOf(unreadable);
    }

    public Optional<NodeView> node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    public Optional<TopicView> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<PartitionView> partition(String topic, int partition) {
        return topic(topic).flatMap(t -> t.partitions().stream().filter(p -> p.partition() == partition).findFirst());
    }

    public Optional<GroupView> group(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }

    /** Partitions, internal topics included, whose ISR is smaller than their replica set. */
    public long underReplicatedCount() {
        return topics.stream().flatMap(t -> t.partitions().stream()).filter(PartitionView::underReplicated).count();
    }

    public long offlineCount() {
        return topics.stream().flatMap(t -> t.partitions().stream()).filter(PartitionView::offline).count();
    }
}
