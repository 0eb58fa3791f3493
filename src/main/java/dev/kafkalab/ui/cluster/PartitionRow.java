package dev.kafkalab.ui.cluster;

import dev.kafkalab.monitor.PartitionView;
import java.util.Map;

/**
 * One partition row: the partition as the snapshot saw it, the committed offset of every group
 * reading it, and whether its leader just moved (the row flashes).
 */
public record PartitionRow(PartitionView partition, Map<String, Long> committedByGroup, boolean leaderMoved) {

    public PartitionRow {
        committedByGroup = Map.copyOf(committedByGroup);
    }

    /** The highest offset on the bar: every marker fits between 0 and this. */
    public long scaleEnd() {
        long end = Math.max(partition.highWatermark(), 0);
        for (long leo : partition.logEndOffsets().values()) {
            end = Math.max(end, leo);
        }
        for (long leo : partition.lastSeenEnds().values()) {
            end = Math.max(end, leo);
        }
        for (long committed : committedByGroup.values()) {
            end = Math.max(end, committed);
        }
        return end;
    }
}
