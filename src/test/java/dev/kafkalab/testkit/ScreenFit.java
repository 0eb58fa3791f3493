package dev.kafkalab.testkit;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * What a user would call cut off, read from a laid-out scene: a visible control whose bounds
 * leave the window or the area its container clips it to (a split pane's side, say), and a label
 * or button whose text is elided ("Partit..."). What lies in a scroll pane, a list or a table
 * can be scrolled to, so only that container itself is measured (but not the frame the shell
 * puts around each screen, which scrolls only when the window is too small for the screen); table cells are left out of the
 * elision rule because a row has room for the start of a long text only, which it shows whole in
 * its tooltip and below the table.
 */
public final class ScreenFit {

    private static final double SLACK = 1.0;

    private ScreenFit() {
    }

    /** Every problem found, one line each, naming the control by its id, class and text. Call on the FX thread. */
    public static List<String> problems(Scene scene) {
        return problems(scene, false);
    }

    /** The same; {@code scrollsDown}: a screen taller than the window may scroll, but it must fit its width. */
    public static List<String> problems(Scene scene, boolean scrollsDown) {
        List<String> out = new ArrayList<>();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        walk(scene.getRoot(), window, true, true, scrollsDown, out);
        return out;
    }

    /** The same within {@code area}: what leaves its bounds (a slide's canvas, say), or is elided. Call on the FX thread. */
    public static List<String> problems(Node area) {
        List<String> out = new ArrayList<>();
        walk(area, area.localToScene(area.getLayoutBounds()), true, true, false, out);
        return out;
    }

    /**
     * {@code across}, {@code down}: whether bounds count here sideways and up-down. Inside a list,
     * a table or a scroll pane they do not, in the directions the user can scroll; a scroll pane
     * that never scrolls sideways (a lab's steps) cuts what is wider than it. Text elided in a
     * list's row still counts: a timeline entry cut to "group readers rebal..." hides what happened.
     */
    private static void walk(Node node, Bounds room, boolean across, boolean down, boolean framesScrollDown,
            List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds here = node.localToScene(node.getLayoutBounds());
        if ((across || down) && node instanceof Control && here.getWidth() > 0 && here.getHeight() > 0
                && !inside(here, room, across, down)) {
            out.add(name(node) + " at " + round(here) + " leaves its room " + round(room));
        }
        if (node instanceof Labeled labeled && !(node instanceof TableCell<?, ?>)) {
            elided(labeled).ifPresent(shown -> out.add(name(node) + " elided to '" + shown + "' in "
                    + Math.round(labeled.getWidth()) + "x" + Math.round(labeled.getHeight()) + " (it asks for "
                    + Math.round(labeled.prefHeight(labeled.getWidth())) + " high)"));
        }
        boolean innerAcross = across;
        boolean innerDown = down;
        if (node instanceof VirtualFlow<?> || node instanceof TableHeaderRow) {
            innerAcross = false;
            innerDown = false;
        } else if (node instanceof ScrollPane pane && isScreenFrame(pane)) {
            innerDown = down && !framesScrollDown;
        } else if (node instanceof ScrollPane pane) {
            innerAcross = across && pane.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER;
            innerDown = down && pane.getVbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER;
        }
        Bounds within = room;
        if (node.getClip() != null) {
            within = intersect(room, node.localToScene(node.getClip().getBoundsInParent()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, within, innerAcross, innerDown, framesScrollDown, out);
            }
        }
    }

    /**
     * The shell puts each screen in a frame that scrolls only when the window is smaller than the
     * screen can be: at the sizes tested the screen has to fit it, so its controls are measured.
     */
    private static boolean isScreenFrame(ScrollPane pane) {
        return pane.getId() != null && pane.getId().endsWith("ScreenFrame");
    }

    private static java.util.Optional<String> elided(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isBlank() || labeled.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getText() != null && !text.getText().equals(full)
                    && text.getText().endsWith(labeled.getEllipsisString())) {
                return java.util.Optional.of(text.getText());
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean inside(Bounds b, Bounds room, boolean across, boolean down) {
        boolean sideways = b.getMinX() >= room.getMinX() - SLACK && b.getMaxX() <= room.getMaxX() + SLACK;
        boolean upDown = b.getMinY() >= room.getMinY() - SLACK && b.getMaxY() <= room.getMaxY() + SLACK;
        return (!across || sideways) && (!down || upDown);
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l && l.getText() != null ? " '" + l.getText() + "'" : "";
        String id = node.getId() == null ? "" : "#" + node.getId() + " ";
        Node parent = node.getParent();
        String within = "";
        for (Node p = parent; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                within = " in #" + p.getId();
                break;
            }
        }
        return id + node.getClass().getSimpleName() + text + within;
    }

    private static String round(Bounds b) {
        return String.format("[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
