package dev.kafkalab.ui.consume;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A group's lag per partition over time, as the cluster's snapshots reported it: one series per
 * partition ("p0", "p1", ...), the last {@link #POINTS} readings of each.
 *
 * <p>Plain Java, not thread-safe: the view model feeds it on the UI thread.
 */
public final class LagHistory {

    /** Readings kept per partition: a minute at the poller's half-second interval. */
    public static final int POINTS = 120;

    /** One reading: seconds since the history's clock started (to a tenth), and the lag then. */
    public record Point(double seconds, long lag) {
    }

    /** One partition's readings, oldest first. */
    public record Series(String name, List<Point> points) {

        public Series {
            points = List.copyOf(points);
        }
    }

    private final List<ArrayDeque<Point>> partitions = new ArrayList<>();

    /**
     * Adds one snapshot's readings.
     *
     * @param seconds    when, on the history's own clock
     * @param partitions how many partitions the topic has: each gets a series, even one without lag yet
     * @param lag        a partition's lag, or null where the group has no committed offset for it
     */
    public void add(double seconds, int partitions, IntFunction<Long> lag) {
        while (this.partitions.size() < partitions) {
            this.partitions.add(new ArrayDeque<>());
        }
        double x = Math.round(seconds * 10) / 10.0;
        for (int p = 0; p < partitions; p++) {
            Long l = lag.apply(p);
            if (l == null) {
                continue;
            }
            ArrayDeque<Point> points = this.partitions.get(p);
            if (points.size() >= POINTS) {
                points.removeFirst();
            }
            points.addLast(new Point(x, l));
        }
    }

    /** Every series, immutable: one per partition of the largest topic seen since the last {@link #clear()}. */
    public List<Series> series() {
        List<Series> all = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            all.add(new Series("p" + p, List.copyOf(partitions.get(p))));
        }
        return List.copyOf(all);
    }

    /** Forgets every reading: a new group starts. */
    public void clear() {
        partitions.clear();
    }
}
