package dev.kafkalab.lab;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import java.util.Map;

/**
 * Resolves a lab's way of naming a broker: an id ({@code 2}), a role in a partition
 * ({@code leader-of:orders/0}, {@code follower-of:orders/0}) or a remembered name ({@code $victim}).
 */
final class BrokerRef {

    private BrokerRef() {
    }

    /** The broker id, or an exception whose message says why there is none. */
    static int resolve(String ref, ClusterSnapshot snapshot, Map<String, Integer> remembered) {
        if (ref.startsWith("$")) {
            Integer id = remembered.get(ref.substring(1));
            if (id == null) {
                throw new IllegalStateException(ref + " is not known yet: an earlier step's action remembers it");
            }
            return id;
        }
        if (ref.matches("\\d+")) {
            return Integer.parseInt(ref);
        }
        String role = ref.substring(0, ref.indexOf(':'));
        String where = ref.substring(ref.indexOf(':') + 1);
        String topic = where.substring(0, where.lastIndexOf('/'));
        int partition = Integer.parseInt(where.substring(where.lastIndexOf('/') + 1));
        PartitionView p = snapshot.partition(topic, partition).orElseThrow(() -> new IllegalStateException(
                "there is no partition " + topic + "-" + partition + " (yet)"));
        if (role.equals("leader-of")) {
            if (p.offline()) {
                throw new IllegalStateException(p.name() + " has no leader right now");
            }
            return p.leader();
        }
        // A follower that is in sync when it can be: the one the lesson is about.
        return p.isr().stream().filter(b -> b != p.leader()).findFirst()
                .or(() -> p.replicas().stream().filter(b -> b != p.leader()).findFirst())
                .orElseThrow(() -> new IllegalStateException(p.name() + " has no follower"));
    }
}
