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

    /** A partition as last seen: its replicas, its ISR, and since when each replica is in or out. */
    private record Seen(java.util.List<Integer> replicas, java.util.List<Integer> isr, Map<Integer, Since> since) {

        static Seen first(PartitionView p, Instant at) {
            Map<Integer, Since> since = new HashMap<>(8);
            for (int broker : p.replicas()) {
                since.put(broker, new Since(at, p.isr().contains(broker), true));
            }
            return new Seen(p.replicas(), p.isr(), since);
        }

        Seen next(PartitionView p, Instant at) {
            Map<Integer, Since> next = new HashMap<>(8);
            for (int broker : p.replicas()) {
                boolean in = p.isr().contains(broker);
                Since was = since.get(broker);
                next.put(broker, was == null ? new Since(at, in, true) : was.inIsr() == in ? was : new Since(at, in, false));
            }
            return new Seen(p.replicas(), p.isr(), next);
        }
    }

    private static final Map<dev.kafkalab.ui.cluster.ClusterViewModel, IsrHistory> BY_CLUSTER = new java.util.WeakHashMap<>();
    private static final java.util.concurrent.ExecutorService WORKER = dev.kafkalab.common.Threads.single("kafka-lab-isr-history");

    /**
     * The one history of a cluster's view model, fed by every snapshot it applies: the Map
     * screen's map, the lab panel's and a slide's share it. The FX thread only hands the
     * snapshot over; the history is worked out on a thread of its own (it read 600 partitions
     * in 0.6 ms of each FX turn, as bench-ui measured), so it may lag the map by one snapshot.
     * Call on the FX thread.
     */
    static IsrHistory of(dev.kafkalab.ui.cluster.ClusterViewModel cluster) {
        return BY_CLUSTER.computeIfAbsent(cluster, c -> {
            IsrHistory history = new IsrHistory();
            history.offer(c.snapshot().get());
            // Not capturing the view model: the map's value must not hold its weak key.
            c.snapshot().addListener(o -> history.offer(((javafx.beans.value.ObservableValue<ClusterSnapshot>) o)
                    .getValue()));
            return history;
        });
    }

    private final java.util.concurrent.atomic.AtomicReference<ClusterSnapshot> pending =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Hands a snapshot to the worker; of several waiting, only the newest is read. */
    private void offer(ClusterSnapshot snapshot) {
        if (snapshot != null && pending.getAndSet(snapshot) == null) {
            WORKER.execute(() -> see(pending.getAndSet(null)));
        }
    }

    // Written by the worker (or a test), read by the FX thread: replaced whole, never changed.
    // A partition whose ISR did not move keeps what was seen of it: a lookup and two short lists compared.
    private volatile Map<String, Seen[]> byTopic = new HashMap<>();

    /** Takes in a snapshot: replicas of deleted topics are forgotten, new ones start at their first look. */
    synchronized void see(ClusterSnapshot snapshot) {
        Map<String, Seen[]> next = new HashMap<>(byTopic.size() * 2 + 16);
        for (TopicView topic : snapshot.topics()) {
            java.util.List<PartitionView> partitions = topic.partitions();
            int size = 0;
            for (PartitionView p : partitions) {
                size = Math.max(size, p.partition() + 1);
            }
            Seen[] was = byTopic.get(topic.name());
            Seen[] now = new Seen[size];
            for (PartitionView p : partitions) {
                Seen seen = was != null && p.partition() < was.length ? was[p.partition()] : null;
                now[p.partition()] = seen == null ? Seen.first(p, snapshot.takenAt())
                        : seen.isr().equals(p.isr()) && seen.replicas().equals(p.replicas()) ? seen
                        : seen.next(p, snapshot.takenAt());
            }
            next.put(topic.name(), now);
        }
        byTopic = next;
    }

    Optional<Since> of(String topic, int partition, int broker) {
        Seen[] partitions = byTopic.get(topic);
        if (partitions == null || partition < 0 || partition >= partitions.length || partitions[partition] == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(partitions[partition].since().get(broker));
    }
}
