package dev.kafkalab.ui.quiz;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.ui.common.Markdown;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commonmark.parser.Parser;

/** The pieces the quiz views share: Markdown of a quiz, number badges, buttons, a readable column. */
final class QuizParts {

    private static final Parser INLINE = Parser.builder().build();

    private QuizParts() {
    }

    /** Markdown of a quiz: images next to the quiz file, {@code lab:} and {@code slide:} links open in the course. */
    static VBox markdown(Quiz quiz, String text, Consumer<ContentLink> showMe) {
        Path base = quiz.file().toAbsolutePath().getParent();
        return new Markdown(base == null ? Path.of(".") : base, target -> ContentLink.parse(target).ifPresent(showMe))
                .render(text);
    }

    /** A choice's text without its Markdown marks, for tooltips and screen readers. */
    static String plain(String markdown) {
        return Markdown.plain(INLINE.parse(markdown)).strip();
    }

    /** A round badge with a choice's number. */
    static Label badge(int number) {
        Label badge = new Label(Integer.toString(number));
        badge.getStyleClass().add("choice-number");
        badge.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return badge;
    }

    static Button button(String text, String id, String tooltip) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        // Keys are the screen's (it handles Enter itself): a focused button must not take them.
        b.setFocusTraversable(false);
        if (tooltip != null) {
            b.setTooltip(new Tooltip(tooltip));
        }
        return b;
    }

    /**
     * A row of a choice: its number badge, its text (Markdown) and what else is given. The text
     * takes the room left and is centred on the badge, not stretched to the row's height.
     */
    static HBox choiceRow(double gap, Node... parts) {
        HBox row = new HBox(gap, parts);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setFillHeight(false);
        return row;
    }

    static Region grow() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return gap;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("quiz-muted");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Content that scrolls up and down when it is taller than the screen, never sideways. */
    static ScrollPane column(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("edge-to-edge", "quiz-scroll");
        return scroll;
    }
}
