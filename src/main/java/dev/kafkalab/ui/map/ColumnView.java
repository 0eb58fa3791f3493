package dev.kafkalab.ui.map;

import dev.kafkalab.ui.common.PseudoStates;
import dev.kafkalab.ui.map.MapModel.Column;
import dev.kafkalab.ui.map.MapModel.Look;
import dev.kafkalab.ui.map.MapModel.Tile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A node on the map: its name and state, what it knows (the controller: which brokers are
 * registered and fenced) or leads, its Stop / Kill / Freeze / Resume / Start buttons, and a tile
 * per replica it holds. A node that is down goes dark at once; a frozen one turns icy.
 */
final class ColumnView extends VBox {

    static final PseudoStates LOOKS = new PseudoStates("running", "starting", "stopping", "stopped", "killed",
            "crashed", "frozen", "fenced", "unknown");

    /** Above this many tiles a column draws them lower. */
    static final int COMPACT_ABOVE = 8;

    private final int id;
    private final String ids;
    private final MapViewModel vm;
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label note = new Label();
    private final VBox tiles = new VBox(4);
    private final Map<Integer, TileView> byPartition = new HashMap<>();
    private final Button stop;
    private final Button kill;
    private final Button freeze;
    private final Button resume;
    private final Button start;

    /** {@code ids}: put before each id it gives (a second map in the window, the lab panel's). */
    ColumnView(int id, boolean controller, MapViewModel vm, String ids) {
        super(6);
        this.id = id;
        this.ids = ids;
        this.vm = vm;
        // Made once the id is known: it names them.
        stop = button("Stop", "stop", "Shut it down cleanly (SIGTERM)");
        kill = button("Kill", "kill", "End it at once (SIGKILL): no clean shutdown");
        freeze = button("Freeze", "freeze", "Suspend it (SIGSTOP): alive, answering nothing");
        resume = button("Resume", "resume", "Let it run again (SIGCONT)");
        start = button("Start", "start", "Start it again, with its data");
        setId(ids + "map-node-" + id);
        getStyleClass().addAll("map-column", controller ? "map-controller" : "map-broker",
                controller ? "controller" : "broker-" + id);
        name.getStyleClass().add("map-node-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("map-node-state");
        state.setId(ids + "map-state-" + id);
        state.setMinWidth(Region.USE_PREF_SIZE);
        note.getStyleClass().add("map-node-note");
        note.setId(ids + "map-note-" + id);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        // The state under the name when the column is narrow (the controller's), beside it otherwise.
        FlowPane header = new FlowPane(6, 4, name, state);
        header.setAlignment(Pos.CENTER_LEFT);
        stop.setOnAction(e -> vm.stop(id));
        kill.setOnAction(e -> vm.kill(id));
        freeze.setOnAction(e -> vm.freeze(id));
        resume.setOnAction(e -> vm.resume(id));
        start.setOnAction(e -> vm.start(id));
        List<Button> all = controller ? List.of(stop, kill, start) : List.of(stop, kill, freeze, resume, start);
        FlowPane actions = new FlowPane(4, 4);
        actions.getStyleClass().add("map-node-actions");
        actions.getChildren().addAll(all);
        tiles.getStyleClass().add("map-tiles");
        getChildren().addAll(header, note, actions, tiles);
        VBox.setVgrow(tiles, Priority.ALWAYS);
    }

    private Button button(String text, String action, String tip) {
        Button b = new Button(text);
        b.setId(ids + "map-" + action + "-" + id);
        b.setTooltip(new Tooltip(tip));
        b.managedProperty().bind(b.visibleProperty());
        return b;
    }

    /** {@code card}: the node's card, whose state and what may be done now the buttons follow (null: from the look). */
    void show(Column c, String topic, long scale, dev.kafkalab.ui.cluster.NodeCardState card) {
        name.setText(c.controller() ? "Controller" : "Broker " + c.id());
        LOOKS.show(this, c.look().word());
        state.setText(card != null && card.pending() != null ? card.pending() : switch (c.look()) {
            case FROZEN -> "❄ frozen";
            default -> c.look().word();
        });
        note.setText(c.controller() && c.active() ? "quorum leader · " + c.note() : c.note());
        Look look = c.look();
        if (card != null) {
            // As the node's card allows: nothing twice while an action is under way.
            stop.setVisible(card.canStop());
            kill.setVisible(card.canKill());
            freeze.setVisible(card.canFreeze());
            resume.setVisible(card.canResume());
            start.setVisible(card.canStart());
        } else {
            boolean alive = look == Look.RUNNING || look == Look.FENCED || look == Look.STARTING;
            stop.setVisible(alive);
            kill.setVisible(alive || look == Look.FROZEN || look == Look.STOPPING);
            freeze.setVisible(alive);
            resume.setVisible(look == Look.FROZEN);
            start.setVisible(look.down());
        }
        List<TileView> shown = new java.util.ArrayList<>();
        java.util.Set<Integer> present = new java.util.HashSet<>();
        for (Tile t : c.tiles()) {
            TileView v = byPartition.computeIfAbsent(t.partition(), p -> new TileView(id, p, ids));
            v.show(t, scale, look.down(), vm.isrSince(topic, t.partition(), id));
            shown.add(v);
            present.add(t.partition());
        }
        byPartition.keySet().retainAll(present);
        // Many partitions: lower tiles, so that a broker's twelve still fit a 720-pixel window.
        boolean compact = c.tiles().size() > COMPACT_ABOVE;
        if (compact != tiles.getStyleClass().contains("compact")) {
            if (compact) {
                tiles.getStyleClass().add("compact");
            } else {
                tiles.getStyleClass().remove("compact");
            }
        }
        if (!tiles.getChildren().equals(shown)) {
            tiles.getChildren().setAll(shown);
        }
    }

    /** The tiles' box, to line the producers' card up with. */
    VBox tilesBox() {
        return tiles;
    }

    TileView tile(int partition) {
        return byPartition.get(partition);
    }
}
