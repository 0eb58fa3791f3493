package dev.kafkalab.produce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a producer's answers add up to: the newest records, how many landed in each partition,
 * which partition each key went to, and how fast records are acknowledged. The produce screen
 * folds every answer in here off the FX thread and hands that thread only what changed, so a
 * stream of tens of thousands of records a second costs it a few list changes.
 *
 * <p>Not thread-safe: one thread (the screen's pump) adds and takes.
 */
public final class SendTally {

    /** One key of the key-to-partition table: the partition of its latest record, and how many it sent. */
    public record KeyRow(String key, int partition, long records) {
    }

    /** The key table in {@link #KEY_ORDER}, and how many records had keys beyond those listed. */
    public record Keys(List<KeyRow> rows, long notListed) {
    }

    /** employee-2 before employee-10: numbers in keys compare as numbers. */
    public static final Comparator<KeyRow> KEY_ORDER = Comparator
            .comparing((KeyRow r) -> r.key().replaceAll("\\d+$", ""))
            .thenComparingLong(r -> trailingNumber(r.key()))
            .thenComparing(KeyRow::key);

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d{1,18})$");

    private final int recordsKept;
    private final int keysListed;
    private final ArrayDeque<SendResult> newest;
    /** Key to {partition, records}, in the order keys first came. */
    private final Map<String, long[]> keyCounts = new LinkedHashMap<>();
    private long[] perPartition = new long[0];
    private long keysNotListed;
    private boolean keysChanged;
    private boolean countsChanged;
    private long lastAcked;
    private long lastAckNanos = System.nanoTime();

    /**
     * @param recordsKept how many of the newest records {@link #takeNewest()} hands out at most
     * @param keysListed how many keys the table lists; random keys would never end
     */
    public SendTally(int recordsKept, int keysListed) {
        this.recordsKept = recordsKept;
        this.keysListed = keysListed;
        this.newest = new ArrayDeque<>(recordsKept);
    }

    private static long trailingNumber(String key) {
        Matcher m = TRAILING_NUMBER.matcher(key);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Takes note of one answer; only acknowledged records count towards partitions and keys. */
    public void add(SendResult r) {
        if (newest.size() == recordsKept) {
            newest.removeFirst();
        }
        newest.addLast(r);
        // A failed record still changes the list, so the counts go out with it (unchanged or not).
        countsChanged = true;
        if (!r.ok()) {
            return;
        }
        if (r.partitions() > perPartition.length || r.partition() >= perPartition.length) {
            perPartition = Arrays.copyOf(perPartition, Math.max(r.partitions(), r.partition() + 1));
        }
        perPartition[r.partition()]++;
        if (r.key() == null) {
            return;
        }
        long[] counted = keyCounts.get(r.key());
        if (counted == null && keyCounts.size() < keysListed) {
            counted = new long[] {r.partition(), 0};
            keyCounts.put(r.key(), counted);
        }
        if (counted == null) {
            keysNotListed++;
        } else {
            counted[0] = r.partition();
            counted[1]++;
            keysChanged = true;
        }
    }

    /** Forgets the records, counts and keys; the next takes hand out the empty tally. */
    public void clear() {
        newest.clear();
        perPartition = new long[0];
        keyCounts.clear();
        keysNotListed = 0;
        keysChanged = true;
        countsChanged = true;
    }

    /** The records added since the last take, newest first, at most {@code recordsKept}. */
    public List<SendResult> takeNewest() {
        List<SendResult> list = new ArrayList<>(newest);
        Collections.reverse(list);
        newest.clear();
        return list;
    }

    /** Records per partition (index = partition), or null when nothing came since the last take. */
    public long[] takeCounts() {
        if (!countsChanged) {
            return null;
        }
        countsChanged = false;
        return perPartition.clone();
    }

    /** The key table, or null when no listed key moved since the last take. */
    public Keys takeKeys() {
        if (!keysChanged) {
            return null;
        }
        keysChanged = false;
        List<KeyRow> rows = new ArrayList<>(keyCounts.size());
        keyCounts.forEach((key, counted) -> rows.add(new KeyRow(key, (int) counted[0], counted[1])));
        rows.sort(KEY_ORDER);
        return new Keys(rows, keysNotListed);
    }

    /**
     * Records acknowledged per second since the previous call, from a stream's running total
     * {@code acked} (0 while none runs, so the next stream counts from its start).
     */
    public double ackRate(long acked, long nowNanos) {
        double perSecond = (acked - lastAcked) * 1e9 / Math.max(1, nowNanos - lastAckNanos);
        lastAcked = acked;
        lastAckNanos = nowNanos;
        return perSecond;
    }
}
