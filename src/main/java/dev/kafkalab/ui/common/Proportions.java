package dev.kafkalab.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Keeps a split pane's dividers where they were meant to be, or where the user last dragged them.
 * A split pane laid out while narrower than its items' least widths (a screen beside a lab, a
 * window still growing) moves its dividers for good: the consume screen's rebalance list stayed a
 * quarter of its row, cut to "Rebalanc...", though there was room for more than half.
 */
public final class Proportions {

    private Proportions() {
    }

    public static void keep(SplitPane split, double... positions) {
        double[] wanted = positions.clone();
        split.setDividerPositions(wanted);
        // A drag is the user's choice: kept from then on.
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (onDivider(e.getTarget(), split)) {
                double[] now = split.getDividerPositions();
                System.arraycopy(now, 0, wanted, 0, Math.min(now.length, wanted.length));
            }
        });
        // After the layout pass that resized it, which would otherwise move them again.
        ChangeListener<Number> resized = (o, was, now) -> Platform.runLater(() -> split.setDividerPositions(wanted));
        split.widthProperty().addListener(resized);
        split.heightProperty().addListener(resized);
    }

    private static boolean onDivider(Object target, SplitPane split) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }
}
