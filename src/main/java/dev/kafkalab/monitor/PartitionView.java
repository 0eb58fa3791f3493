package dev.kafkalab.monitor;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition as one snapshot saw it.
 *
 * @param leader         the leader's broker id, or {@link #NO_LEADER} when the partition is offline
 * @param elr            eligible leader replicas (KIP-966): out of the ISR, but safe to elect
 * @param logStartOffset the first offset still stored, or {@link #UNKNOWN}
 * @param highWatermark  the offset up to which consumers can read: every in-sync replica has it
 * @param logEndOffsets  each replica's log end offset, as its broker reported it (absent for a
 *                       replica whose broker is down or that the app does not run)
 * @param lastSeenEnds   for a replica whose broker is down: its log end offset as the broker last
 *                       reported it before it went down (records only it had show here until it
 *                       comes back and truncates them)
 * @param lastStableOffset the offset up to which read_committed consumers can read: below the
 *                       high watermark while a transaction is open (its first offset), equal otherwise
 */
public record PartitionView(String topic, int partition, int leader, List<Integer> replicas, List<Integer> isr,
        List<Integer> elr, long logStartOffset, long highWatermark, Map<Integer, Long> logEndOffsets,
        Map<Integer, Long> lastSeenEnds, long lastStableOffset) {

    public static final int NO_LEADER = -1;
    public static final long UNKNOWN = -1;

    public PartitionView {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        elr = List.copyOf(elr);
        logEndOffsets = Map.copyOf(logEndOffsets);
        lastSeenEnds = Map.copyOf(lastSeenEnds);
    }

    /** A partition with no open transaction known: its last stable offset is its high watermark. */
    public PartitionView(String topic, int partition, int leader, List<Integer> replicas, List<Integer> isr,
            List<Integer> elr, long logStartOffset, long highWatermark, Map<Integer, Long> logEndOffsets,
            Map<Integer, Long> lastSeenEnds) {
        this(topic, partition, leader, replicas, isr, elr, logStartOffset, highWatermark, logEndOffsets, lastSeenEnds,
                highWatermark);
    }

    /** Whether a transaction is open on it: read_committed consumers stop before the high watermark. */
    public boolean transactionOpen() {
        return lastStableOffset >= 0 && highWatermark >= 0 && lastStableOffset < highWatermark;
    }

    /** A partition with no down broker's last report to show. */
    public PartitionView(String topic, int partition, int leader, List<Integer> replicas, List<Integer> isr,
            List<Integer> elr, long logStartOffset, long highWatermark, Map<Integer, Long> logEndOffsets) {
        this(topic, partition, leader, replicas, isr, elr, logStartOffset, highWatermark, logEndOffsets, Map.of());
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    public String name() {
        return topic + "-" + partition;
    }

    public boolean offline() {
        return leader == NO_LEADER;
    }

    public boolean underReplicated() {
        return isr.size() < replicas.size();
    }
}
