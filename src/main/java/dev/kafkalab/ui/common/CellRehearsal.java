package dev.kafkalab.ui.common;

import java.util.function.IntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;

/**
 * Makes a list's or a table's rows before its first real ones, one per frame.
 *
 * <p>A row of the partition list or of the record table is a dozen nodes to create, skin and
 * style. The first time real rows came, a whole screenful was made in one frame: 0.3 to 0.8 s on a
 * two-core machine (bench-ui, bench-produce), just when the class is watching. So, the first
 * time the view is in a window, it shows made-up rows, invisibly, adding one per pulse until the
 * last one added is not shown (the view is full), then gets its real items back; the rows stay in
 * its pile for later. Real items arriving meanwhile end this at once.
 */
public final class CellRehearsal<T> implements Runnable {

    private static final int MAX_ROWS = 48;

    private final Control view;
    private final ObjectProperty<ObservableList<T>> items;
    private final Class<? extends IndexedCell<?>> rowType;
    private final IntFunction<T> madeUp;
    private final ObservableList<T> real;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ListChangeListener<T> realChanged = c -> end();
    private Scene scene;
    private boolean ended;

    private CellRehearsal(Control view, ObjectProperty<ObservableList<T>> items,
            Class<? extends IndexedCell<?>> rowType, IntFunction<T> madeUp) {
        this.view = view;
        this.items = items;
        this.rowType = rowType;
        this.madeUp = madeUp;
        this.real = items.get();
    }

    /**
     * Rehearses once, the first time {@code view} is in a scene in a window ({@link FirstWindow}: an
     * off-screen scene keeps its real items). {@code rowType} is the view's row class
     * ({@code ListCell}, {@code TableRow}); {@code madeUp} makes the n-th made-up item. FX thread.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> void onFirstWindow(Control view, ObjectProperty<ObservableList<T>> items, Class<?> rowType,
            IntFunction<T> madeUp) {
        CellRehearsal<T> rehearsal = new CellRehearsal<>(view, items, (Class) rowType, madeUp);
        FirstWindow.whenShown(view, rehearsal::begin);
    }

    private void begin(Scene in) {
        if (real == null || !real.isEmpty() || items.get() != real) {
            return;
        }
        scene = in;
        real.addListener(realChanged);
        view.setOpacity(0);
        items.set(rows);
        rows.add(madeUp.apply(0));
        scene.addPostLayoutPulseListener(this);
    }

    /** After each layout pass: one more row while every row so far is shown. */
    @Override
    public void run() {
        if (shownRows() < rows.size() || rows.size() >= MAX_ROWS) {
            end();
            return;
        }
        rows.add(madeUp.apply(rows.size()));
    }

    /** Rows on screen with an item, each index once: spare rows and the one used for measuring are hidden. */
    private int shownRows() {
        java.util.Set<Integer> shown = new java.util.HashSet<>();
        for (Node node : view.lookupAll("*")) {
            if (rowType.isInstance(node) && !((IndexedCell<?>) node).isEmpty() && shownUpTo(node, view)) {
                shown.add(((IndexedCell<?>) node).getIndex());
            }
        }
        return shown.size();
    }

    private static boolean shownUpTo(Node node, Node top) {
        for (Node n = node; n != null && n != top; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        scene.removePostLayoutPulseListener(this);
        real.removeListener(realChanged);
        items.set(real);
        view.setOpacity(1);
    }
}
