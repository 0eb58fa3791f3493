package dev.kafkalab.ui.cluster;

import dev.kafkalab.monitor.PartitionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * A partition's log drawn to scale: the track up to the furthest offset, the readable part from
 * log start to high watermark, a tick for each replica's log end offset in its broker's colour
 * (dashed for a broker that is down: where its log ended when it was last seen, with a pale band
 * over what it held past the high watermark, the records only it had), a triangle for each
 * group's committed offset, and, while a transaction is open, an amber band from the last stable
 * offset to the high watermark: what read_committed readers cannot read yet; once the log was read
 * for them, its transactions' markers (dark strokes) and aborted records (red). A producer at 12
 * and a group at 9 read as exactly that.
 */
public final class OffsetsBar extends Region {

    static final Color[] BROKER_COLOURS = {Color.web("#2f6fde"), Color.web("#d9730d"), Color.web("#1a9c6b")};
    private static final Color OTHER = Color.web("#7c5cd6");

    private final Rectangle track = new Rectangle();
    private final Rectangle readable = new Rectangle();
    private final Rectangle uncommitted = new Rectangle();
    private final List<Line> tickPool = new ArrayList<>();
    private final List<Polygon> markPool = new ArrayList<>();
    private final List<Rectangle> bandPool = new ArrayList<>();
    private final List<Rectangle> abortedPool = new ArrayList<>();
    private final List<Line> markerPool = new ArrayList<>();
    private PartitionRow row;
    private dev.kafkalab.topics.LogMarks logMarks;

    public OffsetsBar() {
        getStyleClass().add("offsets-bar");
        track.getStyleClass().add("track");
        readable.getStyleClass().add("readable");
        uncommitted.getStyleClass().add("uncommitted");
        setMinWidth(120);
        setPrefWidth(320);
        getChildren().addAll(track, readable, uncommitted);
    }

    public void show(PartitionRow row) {
        this.row = row;
        requestLayout();
    }

    /** The partition's transaction markers and aborted records, as last read; null: not read. */
    public void marks(dev.kafkalab.topics.LogMarks value) {
        this.logMarks = value;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double barY = h * 0.25;
        double barH = h * 0.5;
        track.setX(0);
        track.setY(barY);
        track.setWidth(w);
        track.setHeight(barH);
        int ticks = 0;
        int marks = 0;
        int bands = 0;
        int aborted = 0;
        int markers = 0;
        if (row != null) {
            PartitionView p = row.partition();
            long end = Math.max(1, row.scaleEnd());
            double start = x(Math.max(p.logStartOffset(), 0), end, w);
            double high = x(Math.max(p.highWatermark(), 0), end, w);
            readable.setX(start);
            readable.setY(barY);
            readable.setWidth(Math.max(0, high - start));
            readable.setHeight(barH);
            // An open transaction: read_committed readers stop at the LSO, whatever the HW says.
            uncommitted.setVisible(p.transactionOpen());
            if (p.transactionOpen()) {
                double stable = x(p.lastStableOffset(), end, w);
                uncommitted.setX(stable);
                uncommitted.setY(barY);
                uncommitted.setWidth(Math.max(2, high - stable));
                uncommitted.setHeight(barH);
            }
            // One lane per replica, so replicas at the same offset stay visible side by side.
            List<Integer> replicas = p.replicas();
            double lane = h / Math.max(1, replicas.size());
            for (Map.Entry<Integer, Long> leo : p.logEndOffsets().entrySet()) {
                place(tick(ticks++), replicas.indexOf(leo.getKey()), lane, x(leo.getValue(), end, w), w,
                        colour(leo.getKey()), false);
            }
            for (Map.Entry<Integer, Long> leo : p.lastSeenEnds().entrySet()) {
                int i = Math.max(0, replicas.indexOf(leo.getKey()));
                double lx = x(leo.getValue(), end, w);
                place(tick(ticks++), i, lane, lx, w, colour(leo.getKey()), true);
                if (leo.getValue() > p.highWatermark() && p.highWatermark() >= 0) {
                    Rectangle band = band(bands++);
                    double from = x(p.highWatermark(), end, w);
                    band.setX(from);
                    band.setY(i * lane + 1);
                    band.setWidth(Math.max(1, lx - from));
                    band.setHeight(Math.max(1, lane - 2));
                    band.setFill(colour(leo.getKey()).deriveColor(0, 1, 1, 0.3));
                }
            }
            if (logMarks != null) {
                // Aborted records: a red band over the bar; markers: a dark stroke across it.
                for (long[] range : logMarks.aborted()) {
                    Rectangle band = pooled(abortedPool, aborted++, Rectangle::new, "aborted-band");
                    double from = x(range[0], end, w);
                    band.setX(from);
                    band.setY(barY);
                    band.setWidth(Math.max(2, x(range[1] + 1, end, w) - from));
                    band.setHeight(barH);
                }
                for (long offset : logMarks.markers()) {
                    Line marker = pooled(markerPool, markers++, Line::new, "marker-mark");
                    double mx = Math.min(w - 1, Math.max(1, x(offset, end, w) + 0.5 * (x(1, end, w))));
                    marker.setStartX(mx);
                    marker.setEndX(mx);
                    marker.setStartY(barY - 2);
                    marker.setEndY(barY + barH + 2);
                }
            }
            for (long committed : row.committedByGroup().values()) {
                double cx = x(committed, end, w);
                mark(marks++).getPoints().setAll(cx - 5, h, cx + 5, h, cx, h - 8);
            }
        } else {
            readable.setWidth(0);
            uncommitted.setVisible(false);
        }
        // Shapes are kept and reused: a new node in the scene costs a stylesheet match, and a
        // broker kill relays out every visible row at once.
        showFirst(tickPool, ticks);
        showFirst(markPool, marks);
        showFirst(bandPool, bands);
        showFirst(abortedPool, aborted);
        showFirst(markerPool, markers);
    }

    /** A replica's tick in its own lane; a down broker's last-seen end is dashed. */
    private static void place(Line tick, int lane, double laneHeight, double x, double width, Color colour,
            boolean lastSeen) {
        int i = Math.max(0, lane);
        double lx = Math.min(width - 1.5, Math.max(1.5, x));
        tick.setStartX(lx);
        tick.setStartY(i * laneHeight + 1);
        tick.setEndX(lx);
        tick.setEndY((i + 1) * laneHeight - 1);
        tick.setStroke(colour);
        if (lastSeen) {
            tick.getStrokeDashArray().setAll(2.0, 2.0);
        } else {
            tick.getStrokeDashArray().clear();
        }
    }

    private Line tick(int index) {
        return pooled(tickPool, index, Line::new, "leo-mark");
    }

    private Rectangle band(int index) {
        return pooled(bandPool, index, Rectangle::new, "last-seen-band");
    }

    private Polygon mark(int index) {
        return pooled(markPool, index, Polygon::new, "group-mark");
    }

    /** The pool's shape at {@code index}, made and added to the bar the first time it is needed. */
    private <T extends Shape> T pooled(List<T> pool, int index, Supplier<T> make, String styleClass) {
        if (index == pool.size()) {
            T shape = make.get();
            shape.getStyleClass().add(styleClass);
            pool.add(shape);
            getChildren().add(shape);
        }
        return pool.get(index);
    }

    private static void showFirst(List<? extends Shape> pool, int count) {
        for (int i = 0; i < pool.size(); i++) {
            pool.get(i).setVisible(i < count);
        }
    }

    private static double x(long offset, long end, double width) {
        return width * offset / end;
    }

    static Color colour(int brokerId) {
        return brokerId >= 1 && brokerId <= BROKER_COLOURS.length ? BROKER_COLOURS[brokerId - 1] : OTHER;
    }
}
