package dev.kafkalab.topics;

import dev.kafkalab.clients.ClientFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a partition's log holds that no Admin call tells: its transactions' control records (the
 * commit and abort markers, which take offsets no consumer is handed) and its aborted records. Found
 * by reading the partition twice: read_uncommitted gets every record but the markers, read_committed
 * every record but the markers and the aborted ones. Offsets from the last stable offset on belong to
 * a transaction still open, and are left out.
 *
 * @param from    the first offset read (the log start, or the last {@link #MOST} offsets before the end)
 * @param to      where the reading stopped: the last stable offset when it was read
 * @param markers offsets with no record for either reader: control records (or, on a compacted
 *                topic, records the cleaner removed)
 * @param aborted ranges of offsets, each {@code {first, last}}, whose records only read_uncommitted got
 */
public record LogMarks(int partition, long from, long to, List<Long> markers, List<long[]> aborted, Instant readAt) {

    /** The most offsets read per partition: the newest ones. */
    public static final int MOST = 10_000;
    private static final Duration READ_FOR = Duration.ofSeconds(15);

    public LogMarks {
        markers = List.copyOf(markers);
        aborted = List.copyOf(aborted);
    }

    /**
     * Reads every partition of {@code topic} both ways, up to its last stable offset. Blocks for up
     * to about 30 s: not on the FX thread. Fails with a sentence when the topic cannot be read.
     */
    public static Map<Integer, LogMarks> read(ClientFactory clients, String topic) {
        Map<TopicPartition, BitSet> all;
        Map<TopicPartition, BitSet> committed;
        Map<TopicPartition, long[]> range;
        try (KafkaConsumer<byte[], byte[]> any = consumer(clients, "read_uncommitted");
                KafkaConsumer<byte[], byte[]> only = consumer(clients, "read_committed")) {
            List<TopicPartition> parts = any.partitionsFor(topic, READ_FOR).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (parts.isEmpty()) {
                throw new IllegalStateException("there is no topic " + topic);
            }
            Map<TopicPartition, Long> starts = any.beginningOffsets(parts, READ_FOR);
            // A read_committed consumer's end offsets are the last stable offsets.
            Map<TopicPartition, Long> stable = only.endOffsets(parts, READ_FOR);
            range = new HashMap<>();
            for (TopicPartition tp : parts) {
                long end = stable.get(tp);
                range.put(tp, new long[] {Math.max(starts.get(tp), end - MOST), end});
            }
            all = offsets(any, range);
            committed = offsets(only, range);
        }
        Map<Integer, LogMarks> out = new TreeMap<>();
        Instant at = Instant.now();
        range.forEach((tp, r) -> out.put(tp.partition(), marks(tp.partition(), r[0], r[1], all.get(tp),
                committed.get(tp), at)));
        return out;
    }

    /** From the offsets each reader got, relative to {@code from}: the markers and the aborted ranges. */
    static LogMarks marks(int partition, long from, long to, BitSet all, BitSet committed, Instant at) {
        List<Long> markers = new ArrayList<>();
        List<long[]> aborted = new ArrayList<>();
        long[] open = null;
        for (long o = from; o < to; o++) {
            int i = (int) (o - from);
            if (!all.get(i)) {
                markers.add(o);
            }
            boolean isAborted = all.get(i) && !committed.get(i);
            if (isAborted && open == null) {
                open = new long[] {o, o};
                aborted.add(open);
            } else if (isAborted) {
                open[1] = o;
            } else {
                // A committed record or a marker ends the range: the next abort is another transaction's.
                open = null;
            }
        }
        return new LogMarks(partition, from, to, markers, aborted, at);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(ClientFactory clients, String isolation) {
        Properties p = new Properties();
        p.put("isolation.level", isolation);
        p.put("enable.auto.commit", "false");
        p.put("client.id", "kafka-lab-log-marks-" + isolation);
        return clients.consumer(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads each partition from its range's start until the consumer's position reaches its end. */
    private static Map<TopicPartition, BitSet> offsets(KafkaConsumer<byte[], byte[]> c,
            Map<TopicPartition, long[]> range) {
        Map<TopicPartition, BitSet> seen = new HashMap<>();
        List<TopicPartition> parts = new ArrayList<>(range.keySet());
        c.assign(parts);
        parts.forEach(tp -> {
            seen.put(tp, new BitSet());
            c.seek(tp, range.get(tp)[0]);
        });
        long deadline = System.nanoTime() + READ_FOR.toNanos();
        while (parts.stream().anyMatch(tp -> c.position(tp, READ_FOR) < range.get(tp)[1])) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topic could not be read to its end within "
                        + READ_FOR.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                long[] span = range.get(tp);
                if (r.offset() >= span[0] && r.offset() < span[1]) {
                    seen.get(tp).set((int) (r.offset() - span[0]));
                }
            }
        }
        return seen;
    }

    /** "markers at 5, 11 · aborted 6–10", or counts when there are many; empty when there is neither. */
    public String describe() {
        if (markers.isEmpty() && aborted.isEmpty()) {
            return "";
        }
        String m = markers.isEmpty() ? "" : markers.size() > 4 ? markers.size() + " markers"
                : (markers.size() == 1 ? "marker at " : "markers at ") + String.join(", ",
                        markers.stream().map(String::valueOf).toList());
        String a = aborted.isEmpty() ? "" : aborted.size() > 3 ? aborted.size() + " aborted ranges"
                : "aborted " + String.join(", ", aborted.stream().map(r -> r[0] == r[1] ? Long.toString(r[0])
                        : r[0] + "–" + r[1]).toList());
        return m.isEmpty() ? a : a.isEmpty() ? m : m + " · " + a;
    }
}
