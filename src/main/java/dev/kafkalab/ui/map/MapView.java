package dev.kafkalab.ui.map;

import dev.kafkalab.ui.map.MapModel.Column;
import dev.kafkalab.ui.map.MapModel.Reader;
import dev.kafkalab.ui.map.MapModel.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.FadeTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import javafx.util.Duration;

/**
 * The live cluster as a picture: producers on the left with a curve to each leader records arrive
 * at (thicker for more records a second), the nodes as columns of replica tiles in the middle, and
 * the group members on the right, joined to the leaders of the partitions they own. Changes move:
 * a star travels from the old leader to the new one, a follower dropping out of the ISR shakes, a
 * member's new links fade in. Every motion lasts at most 600 ms and starts after the new state is
 * drawn.
 */
public final class MapView extends StackPane {

    /** The longest any motion on the map lasts. */
    static final Duration LONGEST = Duration.millis(600);
    private static final String REST_OPACITY = "map.restOpacity";

    private final MapViewModel vm;
    private final String ids;
    private final HBox columns = new HBox(12);
    private final Map<Integer, ColumnView> byNode = new LinkedHashMap<>();
    private final VBox writers = new VBox(6);
    private final Label writersList = new Label();
    private final Label writeRate = new Label();
    private final VBox writerCard = new VBox(2);
    private final VBox readers = new VBox(6);
    private final Map<String, ReaderCard> byReader = new HashMap<>();
    private final Label empty = new Label();
    private final Label noReaders = new Label("No group reads this topic.");
    private final Pane links = new Pane();
    private final Pane motion = new Pane();
    private final List<MapChange> pending = new ArrayList<>();
    private boolean linksDirty = true;
    private final Runnable afterLayout = this::afterLayout;
    // Held by the view, weakly by the cluster's list: a slide's map that is gone lets go.
    private final javafx.collections.ListChangeListener<String> onTopics = c -> emptyText();

    public MapView(MapViewModel vm) {
        this(vm, "", false);
    }

    /**
     * A small map for beside a lab's steps: the brokers and their tiles only, in narrower
     * columns (the clients are on the Map screen), its ids starting with {@code ids} so that
     * they name nothing of the Map screen's.
     */
    public static MapView compact(MapViewModel vm, String ids) {
        return new MapView(vm, ids, true);
    }

    private MapView(MapViewModel vm, String ids, boolean compact) {
        this.vm = vm;
        this.ids = ids;
        setId(ids + "clusterMap");
        // Anything taller than the room it gets runs off the bottom, where the screen scrolls,
        // never up over the topic picker (a stack pane centres what does not fit).
        setAlignment(javafx.geometry.Pos.TOP_LEFT);
        getStyleClass().add("cluster-map");
        getStylesheets().add(MapView.class.getResource("/dev/kafkalab/ui/map/map.css").toExternalForm());

        Label writersTitle = new Label("Producers");
        writersTitle.getStyleClass().add("map-side-title");
        writersList.getStyleClass().add("map-side-note");
        writersList.setWrapText(true);
        writersList.setId(ids + "mapWriters");
        writers.getStyleClass().add("map-side");
        writers.setId(ids + "mapWritersBox");
        // Where the writes start: the cluster does not name its producers, so one card stands for them.
        Label anyClient = new Label("any client");
        anyClient.getStyleClass().add("map-reader-name");
        writeRate.setId(ids + "mapWriteRate");
        writeRate.setWrapText(true);
        writeRate.setMinHeight(Region.USE_PREF_SIZE);
        writerCard.getStyleClass().add("map-reader");
        writerCard.setId(ids + "mapWriterCard");
        writerCard.getChildren().addAll(anyClient, writeRate);
        writers.getChildren().addAll(writersTitle, writersList, writerCard);
        Label readersTitle = new Label("Consumers");
        readersTitle.getStyleClass().add("map-side-title");
        noReaders.getStyleClass().add("map-side-note");
        noReaders.setWrapText(true);
        readers.getStyleClass().add("map-side");
        readers.setId(ids + "mapReaders");
        readers.getChildren().add(readersTitle);
        empty.getStyleClass().add("map-empty");
        empty.setWrapText(true);
        empty.setId(ids + "mapEmpty");
        empty.managedProperty().bind(empty.visibleProperty());
        columns.getStyleClass().add("map-columns");
        VBox middle = new VBox(8, empty, columns);
        HBox.setHgrow(middle, Priority.ALWAYS);
        HBox row = new HBox(20, writers, middle, readers);
        row.getStyleClass().add("map-row");
        links.setMouseTransparent(true);
        links.setManaged(false);
        motion.setMouseTransparent(true);
        motion.setManaged(false);
        getChildren().addAll(row, links, motion);
        if (compact) {
            getStyleClass().add("map-compact");
            for (VBox side : List.of(writers, readers)) {
                side.setVisible(false);
                side.setManaged(false);
            }
        }

        vm.model().addListener((o, was, now) -> show(now));
        // The model is a value: an equal one (nothing moved) is no change, so the list of topics is watched too.
        vm.topics().addListener(new javafx.collections.WeakListChangeListener<>(onTopics));
        vm.onChanges(changes -> {
            pending.addAll(changes);
            linksDirty = true;
            requestLayout();
        });
        layoutBoundsProperty().addListener((o, was, now) -> linksDirty = true);
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            } else {
                // Off the scene nothing moves: what changed meanwhile is not played later.
                pending.clear();
            }
        });
        show(vm.model().get());
    }

    private void show(MapModel m) {
        empty.setVisible(m.topic() == null);
        emptyText();
        List<ColumnView> shown = new ArrayList<>();
        for (Column c : m.columns()) {
            ColumnView v = byNode.computeIfAbsent(c.id(), id -> {
                ColumnView made = new ColumnView(id, c.controller(), vm, ids);
                HBox.setHgrow(made, c.controller() ? Priority.NEVER : Priority.ALWAYS);
                return made;
            });
            v.show(c, m.topic(), m.scale(), vm.card(c.id()));
            shown.add(v);
        }
        if (!columns.getChildren().equals(shown)) {
            columns.getChildren().setAll(shown);
        }
        double perSecond = m.writes().stream().mapToDouble(Write::perSecond).sum();
        writeRate.setText(m.writes().isEmpty() ? "no records arriving" : String.format(java.util.Locale.ROOT,
                "%.0f records/s to %d leader%s", perSecond, m.writes().size(), m.writes().size() == 1 ? "" : "s"));
        writersList.setText(m.writers().isEmpty() ? "" : "Running here: " + String.join(", ", m.writers()) + ".");
        writersList.setVisible(!m.writers().isEmpty());
        writersList.setManaged(writersList.isVisible());
        List<Node> cards = new ArrayList<>(List.of(readers.getChildren().get(0)));
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Reader r : m.readers()) {
            ReaderCard card = byReader.computeIfAbsent(r.key(), k -> new ReaderCard(ids));
            card.show(r);
            cards.add(card);
            present.add(r.key());
        }
        byReader.keySet().retainAll(present);
        if (m.readers().isEmpty()) {
            cards.add(noReaders);
        }
        // Only when they change: a node taken out of the scene and put back is styled again from scratch.
        if (!readers.getChildren().equals(cards)) {
            readers.getChildren().setAll(cards);
        }
        linksDirty = true;
    }

    private void emptyText() {
        empty.setText(vm.topics().isEmpty() ? "No topic yet: create one on the Cluster screen, and its partitions"
                + " appear here, a tile per replica on each broker." : "Choose a topic above to see its partitions.");
    }

    /** After each layout: the links follow the tiles, and waiting motions start from where things are now. */
    private void afterLayout() {
        if (!isVisible() || getScene() == null) {
            return;
        }
        if (linksDirty) {
            linksDirty = false;
            drawLinks(vm.model().get());
        }
        if (!pending.isEmpty()) {
            List<MapChange> now = List.copyOf(pending);
            pending.clear();
            now.forEach(this::animate);
        }
    }

    private void drawLinks(MapModel m) {
        if (!writers.isVisible()) {
            return;
        }
        alignWriterCard();
        List<Node> lines = new ArrayList<>();
        Bounds from = bounds(writerCard);
        for (Write w : m.writes()) {
            TileView leader = tile(w.leader(), w.partition());
            if (leader == null || from == null) {
                continue;
            }
            Bounds to = bounds(leader);
            CubicCurve c = curve(from.getMaxX(), from.getMinY() + from.getHeight() / 2, to.getMinX(),
                    to.getMinY() + to.getHeight() / 2);
            c.getStyleClass().add("map-write");
            c.setStrokeWidth(1.5 + Math.log10(1 + w.perSecond()) * 1.5);
            c.setId(ids + "write-" + w.partition());
            lines.add(c);
        }
        for (Reader r : m.readers()) {
            ReaderCard card = byReader.get(r.key());
            Bounds to = card == null ? null : bounds(card);
            for (int p : r.partitions()) {
                TileView leader = m.leader(p).map(b -> tile(b, p)).orElse(null);
                if (leader == null || to == null) {
                    continue;
                }
                Bounds at = bounds(leader);
                CubicCurve c = curve(at.getMaxX(), at.getMinY() + at.getHeight() / 2, to.getMinX(),
                        to.getMinY() + to.getHeight() / 2);
                c.getStyleClass().add("map-read");
                c.setId(ids + "read-" + r.clientId() + "-" + p);
                c.getProperties().put("reader", r.key());
                lines.add(c);
            }
        }
        links.getChildren().setAll(lines);
        // After this pulse's CSS pass: styled now, or they would show a frame without their stroke.
        links.applyCss();
    }

    /**
     * The producers' card level with the middle of the tiles, so that the writes run along the rows
     * of tiles rather than across the columns' names and buttons. Moved, not laid out again.
     */
    private void alignWriterCard() {
        Bounds tiles = byNode.values().stream().filter(c -> c.tilesBox().getLayoutBounds().getHeight() > 0)
                .map(c -> bounds(c.tilesBox())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Bounds card = bounds(writerCard);
        if (tiles == null || card == null) {
            return;
        }
        double untranslated = card.getMinY() + card.getHeight() / 2 - writerCard.getTranslateY();
        writerCard.setTranslateY(Math.max(0, tiles.getMinY() + tiles.getHeight() / 2 - untranslated));
    }

    private void animate(MapChange change) {
        if (change instanceof MapChange.LeaderMoved moved && moved.to().isPresent()) {
            travel(tile(moved.from(), moved.partition()), tile(moved.to().get(), moved.partition()));
        } else if (change instanceof MapChange.LeftIsr left) {
            shake(tile(left.broker(), left.partition()));
        } else if (change instanceof MapChange.JoinedIsr joined) {
            flash(tile(joined.broker(), joined.partition()));
        } else if (change instanceof MapChange.NodeChanged node) {
            flash(byNode.get(node.id()));
        } else if (change instanceof MapChange.Reassigned moved) {
            links.getChildren().stream()
                    .filter(n -> (moved.group() + "/" + moved.member()).equals(n.getProperties().get("reader")))
                    .forEach(this::flash);
        }
    }

    /** A star travels from the old leader's tile to the new one's, which already wears it. */
    private void travel(TileView from, TileView to) {
        Bounds a = from == null ? null : bounds(from);
        Bounds b = to == null ? null : bounds(to);
        if (a == null || b == null) {
            return;
        }
        Label star = new Label("★");
        star.getStyleClass().add("map-moving-star");
        star.setId(ids + "movingStar");
        motion.getChildren().add(star);
        star.relocate(a.getMinX() + a.getWidth() / 2 - 8, a.getMinY());
        TranslateTransition t = new TranslateTransition(Duration.millis(500), star);
        t.setByX(b.getMinX() - a.getMinX());
        t.setByY(b.getMinY() - a.getMinY());
        t.setOnFinished(e -> motion.getChildren().remove(star));
        t.play();
    }

    /** A follower that dropped out of the ISR shakes, in the style it has now. */
    private void shake(TileView tile) {
        if (tile == null) {
            return;
        }
        TranslateTransition shake = new TranslateTransition(Duration.millis(70), tile);
        shake.setFromX(0);
        shake.setToX(7);
        shake.setAutoReverse(true);
        shake.setCycleCount(6);
        shake.setOnFinished(e -> tile.setTranslateX(0));
        shake.play();
    }

    private void flash(Node node) {
        if (node == null) {
            return;
        }
        // Back to its resting opacity (a read link is drawn at 0.85), taken before its first
        // flash: a flash started during another would otherwise end at that one's half-way value.
        double rest = (double) node.getProperties().computeIfAbsent(REST_OPACITY, k -> node.getOpacity());
        FadeTransition f = new FadeTransition(Duration.millis(450), node);
        f.setFromValue(0.25);
        f.setToValue(rest);
        f.play();
    }

    private TileView tile(int broker, int partition) {
        ColumnView c = byNode.get(broker);
        return c == null ? null : c.tile(partition);
    }

    /** A node's bounds in this view's coordinates, or null before it is shown. */
    private Bounds bounds(Node node) {
        Scene scene = node.getScene();
        if (scene == null || node.getLayoutBounds().getWidth() <= 0) {
            return null;
        }
        return sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }

    private static CubicCurve curve(double x1, double y1, double x2, double y2) {
        double bend = Math.max(30, Math.abs(x2 - x1) / 2);
        CubicCurve c = new CubicCurve(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2);
        c.setFill(null);
        return c;
    }

    /** A group member's card: who it is, its group, its partitions of the topic and their lag. */
    static final class ReaderCard extends VBox {
        private final Label who = new Label();
        private final Label group = new Label();
        private final Label owns = new Label();

        private final String ids;

        ReaderCard(String ids) {
            super(2);
            this.ids = ids;
            getStyleClass().add("map-reader");
            who.getStyleClass().add("map-reader-name");
            who.setWrapText(true);
            who.setMinHeight(Region.USE_PREF_SIZE);
            group.getStyleClass().add("map-side-note");
            group.setWrapText(true);
            group.setMinHeight(Region.USE_PREF_SIZE);
            owns.getStyleClass().add("map-reader-owns");
            owns.setWrapText(true);
            owns.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().addAll(who, group, owns);
        }

        void show(Reader r) {
            setId(ids + "reader-" + r.clientId());
            // The group is on the line below: "member-1", not "readers-member-1", which a narrow
            // column (150% on 1280 pixels) could only break inside a word.
            String who = r.clientId().isEmpty() ? r.member() : r.clientId();
            this.who.setText(who.startsWith(r.group() + "-") && who.length() > r.group().length() + 1
                    ? who.substring(r.group().length() + 1) : who);
            group.setText("group " + r.group());
            owns.setText(r.partitions().isEmpty() ? "no partitions: idle"
                    : r.partitions().stream().map(p -> "P" + p).reduce((a, b) -> a + ", " + b).orElse("")
                            + (r.lag() < 0 ? " · lag ? (nothing committed yet)" : " · lag " + r.lag()));
        }
    }
}
