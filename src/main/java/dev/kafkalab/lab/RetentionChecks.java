package dev.kafkalab.lab;

import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import java.util.Optional;

/** The checks about what retention deleted: where a topic's partitions start now. */
final class RetentionChecks {

    private RetentionChecks() {
    }

    /**
     * The partitions' log start offsets add up to at least {@code at-least}: that many records
     * were deleted from the start of the topic (by retention, or by a delete-records request).
     */
    static Verdict logStartMoved(Directive c, CheckContext ctx) {
        String name = c.text("topic");
        Optional<TopicView> topic = ctx.now().topic(name);
        if (topic.isEmpty()) {
            return Verdict.waiting("there is no topic " + name + " yet");
        }
        long start = topic.get().partitions().stream().mapToLong(PartitionView::logStartOffset)
                .map(o -> Math.max(0, o)).sum();
        int want = c.integer("at-least");
        boolean one = topic.get().partitions().size() == 1;
        return new Verdict(start >= want, name + ": " + start + " record(s) deleted from its start (log start offset"
                + (one ? " " : "s adding up to ") + start + ")" + (start >= want ? "" : "; waiting for " + want));
    }
}
