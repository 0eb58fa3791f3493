package dev.kafkalab.ui.common;

import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Window;

/**
 * Makes a list's or a table's rows before its first real ones, one per frame.
 *
 * <p>A row of the partition list or of the record table is a dozen nodes to create, skin and
 * style. The first time real rows came, a whole screenful was made in one frame: 0.3 to 0.8 s on a
 * two-core machine (bench-ui, bench-produce), just when the class is watching. So, the first
 * time the view is in a window, it shows made-up rows, invisibly, adding one per pulse until a new
 * row no longer makes a cell (the view is full), then gets its real items back; the rows stay in
 * its pile for later. Real items arriving meanwhile end this at once.
 */
public final class CellRehearsal<T> implements Runnable {

    private static final int MAX_ROWS = 48;

    private final Control view;
    private final ObjectProperty<ObservableList<T>> items;
    private final IntSupplier cellsMade;
    private final IntFunction<T> madeUp;
    private final ObservableList<T> real;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ListChangeListener<T> realChanged = c -> end();
    private Scene scene;
    private int cellsBefore;
    private boolean ended;

    private CellRehearsal(Control view, ObjectProperty<ObservableList<T>> items, IntSupplier cellsMade,
            IntFunction<T> madeUp) {
        this.view = view;
        this.items = items;
        this.cellsMade = cellsMade;
        this.madeUp = madeUp;
        this.real = items.get();
    }

    /**
     * Rehearses once, the first time {@code view} is in a scene in a window (pulses only come to
     * those: an off-screen scene keeps its real items). {@code cellsMade} counts the rows or cells
     * the view's factory made; {@code madeUp} makes the n-th made-up item. FX thread.
     */
    public static <T> void onFirstWindow(Control view, ObjectProperty<ObservableList<T>> items, IntSupplier cellsMade,
            IntFunction<T> madeUp) {
        CellRehearsal<T> rehearsal = new CellRehearsal<>(view, items, cellsMade, madeUp);
        view.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                view.sceneProperty().removeListener(this);
                if (scene.getWindow() != null) {
                    rehearsal.begin(scene);
                    return;
                }
                scene.windowProperty().addListener(new ChangeListener<Window>() {
                    @Override
                    public void changed(ObservableValue<? extends Window> w, Window before, Window window) {
                        if (window != null) {
                            scene.windowProperty().removeListener(this);
                            rehearsal.begin(scene);
                        }
                    }
                });
            }
        });
    }

    private void begin(Scene in) {
        if (real == null || !real.isEmpty() || items.get() != real) {
            return;
        }
        scene = in;
        real.addListener(realChanged);
        view.setOpacity(0);
        items.set(rows);
        cellsBefore = cellsMade.getAsInt();
        rows.add(madeUp.apply(0));
        scene.addPostLayoutPulseListener(this);
    }

    /** After each layout pass: one more row while the last one still made a cell. */
    @Override
    public void run() {
        int made = cellsMade.getAsInt();
        if (made == cellsBefore || rows.size() >= MAX_ROWS) {
            end();
            return;
        }
        cellsBefore = made;
        rows.add(madeUp.apply(rows.size()));
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
