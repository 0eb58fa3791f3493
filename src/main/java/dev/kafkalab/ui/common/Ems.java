package dev.kafkalab.ui.common;

import java.util.function.DoubleConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;

/**
 * Sizes that follow the font. The CSS sizes everything in em, but a table column's width and a
 * list's fixed row height are set in code, in pixels: with the font at 150% (projector mode) they
 * cut headings to "Par..." and rows in half. These keep them a number of ems of a label that
 * inherits the screen's font.
 */
public final class Ems {

    private Ems() {
    }

    /** Calls {@code set} with {@code ems} times {@code source}'s font size, now and whenever that changes. */
    public static void follow(Labeled source, double ems, DoubleConsumer set) {
        set.accept(source.getFont().getSize() * ems);
        source.fontProperty().addListener((o, was, now) -> set.accept(now.getSize() * ems));
    }

    /** A column {@code ems} wide: its heading becomes a label of the header's font, which it follows. */
    public static void width(TableColumn<?, ?> column, double ems) {
        Label heading = new Label(column.getText());
        column.setText(null);
        column.setGraphic(heading);
        follow(heading, ems, column::setPrefWidth);
    }
}
