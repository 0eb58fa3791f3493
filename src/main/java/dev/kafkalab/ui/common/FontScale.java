package dev.kafkalab.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Projector mode: every size in the app's CSS is in em, so one root font size scales all of it.
 * Ctrl+plus / Ctrl+minus step it, Ctrl+0 resets.
 */
public final class FontScale {

    public static final double DEFAULT_PX = 14;
    private static final double MIN_PX = 10;
    private static final double MAX_PX = 40;

    private final DoubleProperty px = new SimpleDoubleProperty(DEFAULT_PX);

    public FontScale(Parent root) {
        px.addListener((o, was, now) -> root.setStyle("-fx-font-size: " + now.doubleValue() + "px;"));
        root.setStyle("-fx-font-size: " + DEFAULT_PX + "px;");
    }

    public DoubleProperty px() {
        return px;
    }

    public void bigger() {
        px.set(Math.min(MAX_PX, Math.round(px.get() * 1.15)));
    }

    public void smaller() {
        px.set(Math.max(MIN_PX, Math.round(px.get() / 1.15)));
    }

    public void reset() {
        px.set(DEFAULT_PX);
    }

    public void install(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), this::bigger);
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), this::bigger);
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), this::bigger);
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), this::smaller);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), this::smaller);
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::reset);
        acc.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), this::reset);
    }
}
