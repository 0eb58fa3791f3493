package dev.kafkalab.lab;

import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;

/** The checks about what retention deleted: where a topic's partitions start now. */
final class RetentionChecks {

    private RetentionChecks() {
    }

    /**
     * The partitions' log start offsets add up to at least {@code at-least}: that many records
     * were deleted from the start of the topic (by retention, or by a delete-records request).
     */
    static Verdict logStartMoved(Directive c, CheckContext ctx) {
        TopicView topic = Checks.topic(c, ctx.now());
        long start = topic.partitions().stream().mapToLong(PartitionView::logStartOffset).map(o -> Math.max(0, o)).sum();
        int want = c.integer("at-least");
        boolean one = topic.partitions().size() == 1;
        return new Verdict(start >= want, topic.name() + ": " + start + " record(s) deleted from its start (log start offset"
                + (one ? " " : "s adding up to ") + start + ")" + (start >= want ? "" : "; waiting for " + want));
    }
}
