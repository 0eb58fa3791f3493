package dev.kafkalab.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's tooltip made when the pointer first comes over the cell, with the text the cell
 * holds when it shows.
 *
 * <p>Why not {@code setTooltip(new Tooltip(text))} in {@code updateItem}: a tooltip is a popup
 * window with a scene of its own, styled from scratch when it is made. A list that fills with
 * rows, or a record table refreshed by a 10,000 records/s stream, made dozens of them in one
 * frame, which JFR showed as most of the first long frames of those screens.
 */
public final class HoverTooltip {

    private HoverTooltip() {
    }

    /** {@code text} gives what the tooltip says now, or null for no tooltip. FX thread. */
    public static void install(Control cell, Supplier<String> text) {
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String now = text.get();
            Tooltip tooltip = cell.getTooltip();
            if (now == null) {
                if (tooltip != null) {
                    cell.setTooltip(null);
                }
                return;
            }
            if (tooltip == null) {
                Tooltip made = new Tooltip(now);
                made.setWrapText(true);
                made.setMaxWidth(480);
                // The row may have been refilled since the pointer came in.
                made.setOnShowing(shown -> {
                    String latest = text.get();
                    made.setText(latest == null ? "" : latest);
                });
                cell.setTooltip(made);
            }
        });
    }
}
