package dev.kafkalab.monitor;

import java.util.List;

/** A topic and its partitions, in partition order. */
public record TopicView(String name, boolean internal, List<PartitionView> partitions) {

    public TopicView {
        partitions = List.copyOf(partitions);
    }

    public int replicationFactor() {
        return partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
    }
}
