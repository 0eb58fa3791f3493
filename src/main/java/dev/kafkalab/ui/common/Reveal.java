package dev.kafkalab.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.FadeTransition;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * Shows the learner where to look: scrolls every scroll pane around a control so that it is in
 * view, and rings it (and any others named with it) on a layer above the screens. The rings take
 * no room and touch no control's style, so nothing moves; they follow their controls as the
 * screens scroll and resize, and hide while their screen is not shown.
 */
public final class Reveal {

    private static final double GAP = 3;

    private final Pane layer;
    private final Map<Node, Rectangle> rings = new LinkedHashMap<>();
    private final Runnable follow = this::place;
    private Scene following;

    /** Rings are drawn on {@code layer}, which lies over the screens and lets the mouse through. */
    public Reveal(Pane layer) {
        this.layer = layer;
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(layer.widthProperty());
        clip.heightProperty().bind(layer.heightProperty());
        layer.setClip(clip);
    }

    /** Rings these nodes (a folded pane opened), after taking away the previous rings, and scrolls the first into view. */
    public void show(List<Node> nodes) {
        clear();
        for (Node n : nodes) {
            if (n instanceof javafx.scene.control.TitledPane folded) {
                // A folded pane shows nothing to look at: open it.
                folded.setExpanded(true);
            }
            Rectangle ring = new Rectangle();
            ring.getStyleClass().add("look-here");
            ring.setManaged(false);
            layer.getChildren().add(ring);
            rings.put(n, ring);
            FadeTransition blink = new FadeTransition(Duration.millis(280), ring);
            blink.setFromValue(0.15);
            blink.setToValue(1);
            blink.setAutoReverse(true);
            blink.setCycleCount(5);
            blink.play();
        }
        if (nodes.isEmpty()) {
            return;
        }
        scrollTo(nodes.get(0));
        following = layer.getScene();
        if (following != null) {
            following.addPostLayoutPulseListener(follow);
        }
        place();
    }

    public void clear() {
        if (following != null) {
            following.removePostLayoutPulseListener(follow);
            following = null;
        }
        layer.getChildren().removeAll(rings.values());
        rings.clear();
    }

    /** The ringed nodes, for tests. */
    public List<Node> ringed() {
        return List.copyOf(rings.keySet());
    }

    private void place() {
        rings.forEach((node, ring) -> {
            Bounds shown = node.getScene() == layer.getScene() && shownInTree(node) ? visiblePart(node) : null;
            ring.setVisible(shown != null);
            if (shown != null) {
                // Around the node, but inside the layer, so a node at the layer's edge keeps its whole ring.
                double half = ring.getStrokeWidth() / 2;
                double minX = Math.max(half, shown.getMinX() - GAP);
                double minY = Math.max(half, shown.getMinY() - GAP);
                double maxX = Math.min(layer.getWidth() - half, shown.getMaxX() + GAP);
                double maxY = Math.min(layer.getHeight() - half, shown.getMaxY() + GAP);
                ring.setX(minX);
                ring.setY(minY);
                ring.setWidth(Math.max(0, maxX - minX));
                ring.setHeight(Math.max(0, maxY - minY));
            }
        });
    }

    /** The node's bounds on the layer, cut to the scroll panes it sits in; null when none of it shows. */
    private Bounds visiblePart(Node node) {
        Bounds b = layer.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        for (Parent p = node.getParent(); p != null && b != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane) {
                b = intersect(b, layer.sceneToLocal(pane.localToScene(pane.getLayoutBounds())));
            }
        }
        return b;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static boolean shownInTree(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Scrolls each scroll pane that holds {@code node}, innermost first, to bring it into view. */
    public static void scrollTo(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane && pane.getContent() != null) {
                scrollWithin(pane, node);
            }
        }
    }

    private static void scrollWithin(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        Bounds target = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        Bounds all = content.getLayoutBounds();
        Bounds view = pane.getViewportBounds();
        if (target == null) {
            return;
        }
        double spareY = all.getHeight() - view.getHeight();
        if (spareY > 0) {
            pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * clamp(start(target.getMinY()) / spareY));
        }
        double spareX = all.getWidth() - view.getWidth();
        if (spareX > 0) {
            pane.setHvalue(pane.getHmin() + (pane.getHmax() - pane.getHmin()) * clamp(start(target.getMinX()) / spareX));
        }
    }

    /** Where the view should start: a little before the target, so its edge and ring show. */
    private static double start(double min) {
        return Math.max(0, min - 12);
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }
}
