package dev.kafkalab.ui.common;

import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The small form pieces the screens share: section titles, labelled fields, choices, numbers. */
public final class Forms {

    private Forms() {
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** A button with its id and tooltip, doing {@code action}; never narrower than its text. */
    public static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A muted label above its control. */
    public static VBox labelled(String text, Node control) {
        Label l = new Label(text);
        l.getStyleClass().add("message");
        return new VBox(2, l, control);
    }

    /** An empty choice box that shows its items by {@code names}; the caller fills and binds it. */
    public static <T> ChoiceBox<T> choice(String id, Function<T, String> names) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : names.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return box;
    }

    /**
     * A field of at most {@code digits} digits bound both ways to {@code target}; an empty field
     * keeps the last number.
     */
    public static TextField intField(String id, IntegerProperty target, int digits) {
        TextField f = new TextField(Integer.toString(target.get()));
        f.setId(id);
        f.setPrefColumnCount(Math.min(digits, 6));
        String allowed = "\\d{0," + digits + "}";
        f.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches(allowed) ? c : null));
        f.textProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                target.set((int) Math.min(Integer.MAX_VALUE, Long.parseLong(now)));
            }
        });
        target.addListener((o, was, now) -> {
            if (!f.getText().equals(now.toString())) {
                f.setText(now.toString());
            }
        });
        return f;
    }
}
