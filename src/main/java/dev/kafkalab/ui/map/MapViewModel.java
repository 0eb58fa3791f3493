package dev.kafkalab.ui.map;

import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.cluster.NodeCardState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ObservableList;

/**
 * The cluster map's state, on the FX thread: the topic shown, the model of the newest snapshot,
 * and what changed since the one before (for the view to animate). The node buttons act through
 * the cluster screen's view model, so a broker killed from the map is killed everywhere.
 */
public final class MapViewModel {

    private final ClusterViewModel cluster;
    private final Supplier<List<String>> writers;
    private final StringProperty topic = new SimpleStringProperty();
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private boolean stale;
    private final ReadOnlyObjectWrapper<MapModel> model = new ReadOnlyObjectWrapper<>(MapModel.EMPTY);
    private final List<Consumer<List<MapChange>>> changeListeners = new CopyOnWriteArrayList<>();
    // Held here, weakly by the cluster's properties: a slide's map that is gone lets go.
    // An invalidation listener, not a change listener: a change listener makes the property
    // compare each new snapshot with the old one, a walk through every partition (bench-ui
    // measured 0.45 ms a snapshot on the cluster screen's turn).
    private final InvalidationListener onSnapshot = o -> apply((ClusterSnapshot) ((ObservableValue<?>) o).getValue());
    private final ChangeListener<NodeCardState> onCard = (o, was, now) -> {
        if (was == null || was.state() != now.state() || !Objects.equals(was.pending(), now.pending())) {
            redraw();
        }
    };
    private final InvalidationListener onSelected = o -> {
        if (topic.get() == null) {
            redraw();
        }
    };
    private ClusterSnapshot shown;
    // Fed by every snapshot, shown or not: a replica that left the ISR while the map was hidden
    // has been out since then, not since the map was opened.
    private final IsrHistory isr;
    private ClusterSnapshot before;
    private LongConsumer applyTimer = ms -> { };

    /** @param writers the clients the app knows write to the cluster now (its programs that run) */
    public MapViewModel(ClusterViewModel cluster, Supplier<List<String>> writers) {
        this.cluster = cluster;
        this.writers = writers;
        // Before the map's own listener: a snapshot is in the history when the map draws it.
        this.isr = IsrHistory.of(cluster);
        cluster.snapshot().addListener(new WeakInvalidationListener(onSnapshot));
        // Until a topic is chosen here, the cluster screen's choice, at once.
        cluster.selectedTopic().addListener(new WeakInvalidationListener(onSelected));
        // A node's process as the app runs it, before any snapshot says so: a kill shows at once.
        for (int id : cluster.nodeIds()) {
            cluster.card(id).addListener(new WeakChangeListener<>(onCard));
        }
        // Another topic: drawn at once, without rates (they need two snapshots of it).
        topic.addListener((o, was, now) -> {
            before = null;
            redraw();
        });
        // Hidden, the map only keeps the snapshots; shown again, it draws the newest without
        // replaying what happened meanwhile.
        active.addListener((o, was, now) -> {
            if (now && stale) {
                draw(false);
            }
        });
        shown = cluster.snapshot().get();
        redraw();
    }

    /**
     * Whether the map is on screen. While it is not, snapshots are kept but not drawn: a hidden
     * map costs the FX thread nothing (the app's screens all stay in the scene).
     */
    public BooleanProperty active() {
        return active;
    }

    /** The topic shown; when none is chosen, the cluster screen's selected topic. */
    public StringProperty topic() {
        return topic;
    }

    public ObservableList<String> topics() {
        return cluster.topicNames();
    }

    public ReadOnlyObjectProperty<MapModel> model() {
        return model.getReadOnlyProperty();
    }

    /** Told what changed with each snapshot applied, after the model is set. */
    public void onChanges(Consumer<List<MapChange>> listener) {
        changeListeners.add(listener);
    }

    /** For the benchmark: told how many nanoseconds each snapshot took to apply: the model, and the view it sets. */
    public void setApplyTimer(LongConsumer timer) {
        this.applyTimer = timer;
    }

    // The node buttons: the cluster screen's own actions, which show the command and what
    // happened (or why not) in the command line bar under every screen.

    public CompletableFuture<Void> kill(int id) {
        return cluster.kill(id);
    }

    public CompletableFuture<Void> stop(int id) {
        return cluster.stop(id);
    }

    public CompletableFuture<Void> freeze(int id) {
        return cluster.freeze(id);
    }

    public CompletableFuture<Void> resume(int id) {
        return cluster.resume(id);
    }

    public CompletableFuture<Void> start(int id) {
        return cluster.start(id);
    }

    private void apply(ClusterSnapshot now) {
        if (now == shown) {
            return;
        }
        before = shown;
        shown = now;
        redraw();
    }

    /** Since when a replica has been in the ISR, or out of it, as the app saw it. */
    IsrHistory.Since isrSince(String topic, int partition, int broker) {
        return isr.of(topic, partition, broker).orElse(null);
    }

    /** The node's card as the cluster screen shows it: its state, what may be done, what is pending. */
    public NodeCardState card(int id) {
        return cluster.nodeIds().contains(id) ? cluster.card(id).get() : null;
    }

    private void redraw() {
        if (!active.get()) {
            stale = true;
            return;
        }
        draw(true);
    }

    /** The model of the newest snapshot; {@code animate}: and what changed, for the view to show. */
    private void draw(boolean animate) {
        stale = false;
        long started = System.nanoTime();
        String chosen = topic.get() != null ? topic.get() : cluster.selectedTopic().get();
        Map<Integer, NodeState> processes = new HashMap<>();
        for (int id : cluster.nodeIds()) {
            NodeCardState card = card(id);
            if (card != null && card.state() != null) {
                processes.put(id, card.state());
            }
        }
        MapModel next = MapModels.of(shown, before, chosen, writers.get(), processes);
        List<MapChange> changes = animate ? MapChange.between(model.get(), next) : List.of();
        model.set(next);
        applyTimer.accept(System.nanoTime() - started);
        changeListeners.forEach(l -> l.accept(changes));
    }

}
