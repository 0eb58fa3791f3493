package dev.kafkalab.ui.map;

import dev.kafkalab.ui.common.PseudoStates;
import dev.kafkalab.ui.map.MapModel.Role;
import dev.kafkalab.ui.map.MapModel.Tile;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * One replica on the map: filled to its log end offset against the topic's longest log, with the
 * partition's high watermark drawn across, so a follower falling behind shows as a shorter fill;
 * while a transaction is open, an amber band from the last stable offset to the high watermark.
 * The leader is marked with a star and a heavy border; a follower says whether it is in sync.
 */
final class TileView extends Region {

    static final PseudoStates ROLES = new PseudoStates("leader", "in-sync", "out-of-sync", "eligible", "offline");

    private final Region fill = new Region();
    private final Region highWatermark = new Region();
    private final Region lastStable = new Region();
    private final Label name = new Label();
    private final Label badge = new Label();
    /** Made when the pointer first comes over the tile: a tooltip is a window of its own, costly to make. */
    private Tooltip tip;
    // What the tooltip says, worked out when it shows: not for each of 600 tiles twice a second.
    private Tile shownTile;
    private IsrHistory.Since shownSince;
    private double fillShare;
    private double markShare = -1;
    private double stableShare = -1;

    TileView(int broker, int partition, String ids) {
        setId(ids + "tile-" + broker + "-" + partition);
        getStyleClass().add("map-tile");
        fill.getStyleClass().add("map-tile-fill");
        highWatermark.getStyleClass().add("map-tile-hw");
        lastStable.getStyleClass().add("map-tile-lso");
        name.getStyleClass().add("map-tile-name");
        badge.getStyleClass().add("map-tile-badge");
        badge.setId(ids + "badge-" + broker + "-" + partition);
        getChildren().addAll(fill, highWatermark, lastStable, name, badge);
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (tip == null) {
                tip = new Tooltip(numbers());
                tip.setShowDelay(Duration.millis(200));
                tip.setShowDuration(Duration.seconds(30));
                tip.setOnShowing(shown -> tip.setText(numbers()));
                Tooltip.install(this, tip);
            }
        });
        setPadding(new Insets(0, 6, 0, 6));
    }

    /**
     * {@code down}: its broker is down (a leader there is not replaced yet: the controller has not
     * fenced it); {@code since}: since when it has been in the ISR or out of it, as the app saw it
     * (null: not known).
     */
    void show(Tile t, long scale, boolean down, IsrHistory.Since since) {
        ROLES.show(this, switch (t.role()) {
            case LEADER -> "leader";
            case IN_SYNC -> "in-sync";
            case OUT_OF_SYNC -> "out-of-sync";
            case ELIGIBLE -> "eligible";
            case OFFLINE -> "offline";
        });
        name.setText(t.name());
        badge.setText(switch (t.role()) {
            case LEADER -> down ? "★ leader, down" : "★ leader";
            case IN_SYNC -> "in sync";
            case OUT_OF_SYNC -> t.behind() > 0 ? t.behind() + " behind" : "out of sync";
            case ELIGIBLE -> "ELR";
            case OFFLINE -> "offline";
        });
        double fill = scale <= 0 || t.logEnd() <= 0 ? 0 : Math.min(1, (double) t.logEnd() / scale);
        double mark = scale <= 0 || t.highWatermark() < 0 ? -1 : Math.min(1, (double) t.highWatermark() / scale);
        double stable = scale <= 0 || !t.transactionOpen() ? -1 : Math.min(1, (double) t.lastStable() / scale);
        // Laid out again only when the fill or a mark moved: twice a second, most tiles have not.
        if (fill != fillShare || mark != markShare || stable != stableShare) {
            fillShare = fill;
            markShare = mark;
            stableShare = stable;
            requestLayout();
        }
        shownTile = t;
        shownSince = since;
        if (tip != null && tip.isShowing()) {
            tip.setText(numbers());
        }
    }

    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** The line about the ISR: since when, as the app saw it; Kafka itself does not say. */
    static String since(IsrHistory.Since since) {
        if (since == null) {
            return "";
        }
        String state = since.inIsr() ? "in the ISR" : "out of the ISR";
        return since.firstLook() ? "\n" + state + " since at least " + CLOCK.format(since.at()) + " (the app's first look)"
                : "\n" + state + " since " + CLOCK.format(since.at());
    }

    private String numbers() {
        return shownTile == null ? "" : describe(shownTile) + since(shownSince);
    }

    /** The tile's numbers, for its tooltip (and tests). */
    static String describe(Tile t) {
        StringBuilder s = new StringBuilder(t.name() + " on broker " + t.broker() + ": " + t.role().word());
        s.append("\nlog start ").append(t.logStart() < 0 ? "?" : Long.toString(t.logStart()));
        s.append(" · high watermark ").append(t.highWatermark() < 0 ? "?" : Long.toString(t.highWatermark()));
        s.append(" · log end ").append(t.logEnd() < 0 ? "? (not reported: only the app's own running brokers report it)"
                : Long.toString(t.logEnd()));
        if (t.transactionOpen()) {
            s.append("\nlast stable offset ").append(t.lastStable())
                    .append(": a transaction is open, read_committed readers stop there");
        }
        if (t.lastSeen()) {
            s.append(" (as last seen before its broker went down)");
        }
        if (t.role() != Role.LEADER) {
            s.append("\n").append(t.behind() < 0 ? "how far behind the leader: unknown"
                    : t.behind() + " record(s) behind the leader");
        }
        return s.toString();
    }

    /** Its height depends on its width: the badge goes under the name when the tile is narrow. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double line = Math.max(name.prefHeight(-1), badge.prefHeight(-1));
        boolean twoLines = width >= 0 && width < oneLineWidth();
        double lines = (twoLines ? name.prefHeight(-1) + badge.prefHeight(-1) : line) + snappedTopInset()
                + snappedBottomInset() + 8;
        // Not lower than 2.4 ems, 1.7 when its broker holds many: in code, not CSS, since a CSS
        // least height would let a column squeezed to the window cut a tile's second line.
        boolean compact = getParent() != null && getParent().getStyleClass().contains("compact");
        return Math.max(lines, badge.getFont().getSize() / 0.95 * (compact ? 1.7 : 2.4));
    }

    @Override
    protected double computePrefWidth(double height) {
        return oneLineWidth();
    }

    /**
     * Never lower than its lines: a column squeezed to the window's height scrolls instead. Asked
     * without a width (a box adding up its children), it counts two lines, the most it needs.
     */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width < 0 ? 0 : width);
    }

    /** As narrow as its name or its badge, whichever is wider (then on two lines); never cut. */
    @Override
    protected double computeMinWidth(double height) {
        return Math.max(name.prefWidth(-1), badge.prefWidth(-1)) + 12 + snappedLeftInset() + snappedRightInset();
    }

    private double oneLineWidth() {
        return name.prefWidth(-1) + badge.prefWidth(-1) + 24 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        // The fill and the mark span the whole tile, inside its border.
        double inner = Math.max(0, w - 2);
        fill.resizeRelocate(1, 1, inner * fillShare, Math.max(0, h - 2));
        highWatermark.setVisible(markShare >= 0);
        highWatermark.resizeRelocate(1 + Math.max(0, inner * markShare - 1.5), 1, 3, Math.max(0, h - 2));
        // An open transaction: a band from the last stable offset to the high watermark.
        lastStable.setVisible(stableShare >= 0);
        double from = 1 + inner * Math.max(0, stableShare);
        lastStable.resizeRelocate(from, 1, Math.max(3, 1 + inner * Math.max(0, markShare) - from), Math.max(0, h - 2));
        double left = snappedLeftInset();
        double right = w - snappedRightInset();
        double nameWidth = name.prefWidth(-1);
        double badgeWidth = badge.prefWidth(-1);
        if (w >= oneLineWidth() - 0.5) {
            layoutInArea(name, left, 0, nameWidth, h, 0, Insets.EMPTY, javafx.geometry.HPos.LEFT, VPos.CENTER);
            layoutInArea(badge, right - badgeWidth, 0, badgeWidth, h, 0, Insets.EMPTY, javafx.geometry.HPos.RIGHT,
                    VPos.CENTER);
        } else {
            double top = 4;
            double nameHeight = name.prefHeight(-1);
            layoutInArea(name, left, top, nameWidth, nameHeight, 0, Insets.EMPTY, javafx.geometry.HPos.LEFT, VPos.TOP);
            layoutInArea(badge, right - badgeWidth, top + nameHeight, badgeWidth, badge.prefHeight(-1), 0,
                    Insets.EMPTY, javafx.geometry.HPos.RIGHT, VPos.TOP);
        }
    }
}
