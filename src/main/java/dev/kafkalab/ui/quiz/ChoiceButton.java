package dev.kafkalab.ui.quiz;

import javafx.geometry.Orientation;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * A big toggle button holding any content (a number badge and the choice as Markdown). A Labeled's
 * graphic is laid out at its unwrapped width, so a long choice would be cut: this skin gives the
 * content the button's width and asks for the height it needs there.
 */
final class ChoiceButton extends ToggleButton {

    private final Region content;

    ChoiceButton(String text, Region content) {
        super(text);
        this.content = content;
        getStyleClass().add("choice");
        setMaxWidth(Double.MAX_VALUE);
        // The toggle is driven by the view model: a click or Space only fires, the view sets the state.
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                fire();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                fire();
                e.consume();
            }
        });
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ContentSkin(this, content);
    }

    private static final class ContentSkin extends SkinBase<ToggleButton> {

        private final Region content;

        ContentSkin(ToggleButton button, Region content) {
            super(button);
            this.content = content;
            getChildren().setAll(content);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            double inner = width < 0 ? -1 : Math.max(0, width - left - right);
            return top + content.prefHeight(inner) + bottom;
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            return left + content.prefWidth(-1) + right;
        }

        @Override
        protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
            return left + content.minWidth(-1) + right;
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            content.resizeRelocate(x, y, w, h);
        }
    }
}
