package dev.kafkalab.produce;

import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * The course's custom partitioner: records whose key starts with {@value #URGENT_PREFIX} go to
 * partition 0, reserved for them; every other record is placed by its key's murmur2 hash over
 * partitions 1..n-1 (or, without a key, by a counter over them). With one partition everything
 * goes to partition 0.
 *
 * <p>It shows that the partitioner is plain producer code, chosen with {@code partitioner.class},
 * and what it costs: partition 0 only holds urgent records, however few they are.
 */
public final class PriorityPartitioner implements Partitioner {

    public static final String URGENT_PREFIX = "urgent";

    private int next;

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionCountForTopic(topic);
        return place(key == null ? null : key.toString(), keyBytes, partitions, () -> next++);
    }

    /** The rule itself, for the screen's explanation and for tests. */
    static int place(String key, byte[] keyBytes, int partitions, java.util.function.IntSupplier counter) {
        if (partitions <= 1 || (key != null && key.startsWith(URGENT_PREFIX))) {
            return 0;
        }
        int others = partitions - 1;
        int slot = keyBytes == null ? Utils.toPositive(counter.getAsInt()) % others
                : Utils.toPositive(Utils.murmur2(keyBytes)) % others;
        return 1 + slot;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // No settings.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
