package dev.kafkalab.ui.map;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Since when each replica has been in the ISR, or out of it, as the app saw it. Kafka does not
 * say when a replica joined the ISR; the app does see every snapshot (twice a second), so it
 * knows to within one when a replica joined or left since it started watching, and for a
 * replica that has not moved since then, only that it has been so at least since the first look.
 */
final class IsrHistory {

    /**
     * @param at      when the replica was first seen in its present state
     * @param inIsr   in the ISR, or out of it
     * @param firstLook true when it has not changed since the app first saw it: it may have been so for long before {@code at}
     */
    record Since(Instant at, boolean inIsr, boolean firstLook) {
    }

    private Map<String, Since> byReplica = new HashMap<>();

    /** Takes in a snapshot: replicas of deleted topics are forgotten, new ones start at their first look. */
    void see(ClusterSnapshot snapshot) {
        Map<String, Since> next = new HashMap<>(byReplica.size() * 2 + 16);
        for (TopicView topic : snapshot.topics()) {
            for (PartitionView p : topic.partitions()) {
                for (int broker : p.replicas()) {
                    String key = key(topic.name(), p.partition(), broker);
                    boolean in = p.isr().contains(broker);
                    Since was = byReplica.get(key);
                    next.put(key, was == null ? new Since(snapshot.takenAt(), in, true)
                            : was.inIsr() == in ? was : new Since(snapshot.takenAt(), in, false));
                }
            }
        }
        byReplica = next;
    }

    Optional<Since> of(String topic, int partition, int broker) {
        return Optional.ofNullable(byReplica.get(key(topic, partition, broker)));
    }

    private static String key(String topic, int partition, int broker) {
        return topic + "-" + partition + "@" + broker;
    }
}
