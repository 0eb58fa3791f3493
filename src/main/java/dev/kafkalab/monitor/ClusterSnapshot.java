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

    /**
     * The same fields, the cheapest first: snapshots taken at different times differ at once. A
     * record's generated equals promises no order (the JDK's source compares the last field
     * first), and a JavaFX change listener on a property holding snapshots compares every new one
     * with the old: it could walk all the partitions of both to find that the times differ.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ClusterSnapshot s && takenAt.equals(s.takenAt) && nodes.equals(s.nodes)
                && unreadable.equals(s.unreadable) && groups.equals(s.groups) && topics.equals(s.topics);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(takenAt, nodes, topics, groups, unreadable);
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

    /** How many partitions each broker leads and follows, counted in one pass over every partition. */
    public java.util.Map<Integer, Replicas> replicasByBroker() {
        java.util.Map<Integer, int[]> counts = new java.util.HashMap<>();
        for (TopicView t : topics) {
            for (PartitionView p : t.partitions()) {
                for (int broker : p.replicas()) {
                    int kind = broker == p.leader() ? 0 : p.isr().contains(broker) ? 1 : 2;
                    counts.computeIfAbsent(broker, b -> new int[3])[kind]++;
                }
            }
        }
        java.util.Map<Integer, Replicas> result = new java.util.HashMap<>();
        counts.forEach((broker, c) -> result.put(broker, new Replicas(c[0], c[1], c[2])));
        return result;
    }

    /**
     * A broker's share of the partitions: it leads some, follows others in sync, and holds the
     * rest out of sync (a stopped broker holds all of its replicas so, and follows none).
     */
    public record Replicas(int leads, int follows, int outOfSync) {
        public static final Replicas NONE = new Replicas(0, 0, 0);
    }

    public long offlineCount() {
        return topics.stream().flatMap(t -> t.partitions().stream()).filter(PartitionView::offline).count();
    }
}
