package dev.kafkalab.ui.quiz;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.quiz.Question;
import dev.kafkalab.ui.common.PseudoStates;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Class mode, for an instructor at a projector: big text, one question at a time with its answer
 * hidden until revealed (Space or R). Left/Right and PageUp/PageDown, what presentation clickers
 * send, move between questions; Esc leaves. Nothing is recorded.
 */
final class ClassView extends BorderPane implements QuizScreen.Keyed {

    static final PseudoStates TILE = new PseudoStates("hidden", "right", "wrong");

    private final QuizViewModel vm;
    private final Consumer<ContentLink> showMe;
    private final Label quizTitle = new Label();
    private final Label number = new Label();
    private final Label question = new Label();
    private final VBox detail = new VBox();
    private final VBox choices = new VBox(12);
    private final VBox why = new VBox(6);
    private final Button showLive = new Button();
    private final Button reveal = QuizParts.button("Reveal answer", "revealAnswer", "Space or R");
    private final Button previous = QuizParts.button("◀ Previous", "classPrevious", "Left or PageUp");
    private final Button next = QuizParts.button("Next ▶", "classNext", "Right or PageDown");

    ClassView(QuizViewModel vm, Consumer<ContentLink> showMe) {
        this.vm = vm;
        this.showMe = showMe;
        getStyleClass().add("quiz-class");
        quizTitle.getStyleClass().add("quiz-muted");
        quizTitle.setMinWidth(0);
        number.setId("classNumber");
        number.getStyleClass().add("question-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(12, quizTitle, QuizParts.grow(), number);
        head.setAlignment(Pos.BASELINE_LEFT);
        head.setPadding(new Insets(0, 0, 10, 0));

        question.setId("classQuestion");
        question.getStyleClass().add("question-text");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        choices.setId("classChoices");
        why.setId("classWhy");
        why.getStyleClass().add("why-box");
        showLive.getStyleClass().addAll("show-me", "accent");
        VBox body = new VBox(18, question, detail, choices, why, showLive);
        body.setPadding(new Insets(4, 4, 16, 4));

        reveal.getStyleClass().add("accent");
        reveal.setOnAction(e -> vm.reveal());
        previous.setOnAction(e -> vm.move(-1));
        next.setOnAction(e -> vm.move(1));
        Button leave = QuizParts.button("Leave", "leaveClass", "Leave class mode (Esc)");
        leave.setOnAction(e -> vm.leave());
        Label keys = new Label("← → move · Space reveals · Esc leaves");
        keys.getStyleClass().add("quiz-muted");
        keys.setMinWidth(0);
        HBox bottom = new HBox(10, previous, reveal, next, QuizParts.grow(), keys, leave);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10, 0, 0, 0));

        setTop(head);
        setCenter(QuizParts.column(body));
        setBottom(bottom);
        vm.presenting().addListener((o, was, now) -> show(was, now));
        show(null, vm.presenting().get());
    }

    private void show(QuizViewModel.Presenting was, QuizViewModel.Presenting p) {
        if (p == null) {
            return;
        }
        Question q = p.quiz().questions().get(p.index());
        if (was == null || was.quiz() != p.quiz() || was.index() != p.index()) {
            quizTitle.setText(p.quiz().title() + " · class mode");
            number.setText("Question " + (p.index() + 1) + " of " + p.count());
            // The room is told what the question view tells one learner: more than one choice is right.
            question.setText(q.text() + (q.kind() == Question.Kind.MULTIPLE ? " (Pick all that apply.)" : ""));
            detail.getChildren().setAll(QuizParts.markdown(p.quiz(), q.detail(), showMe));
            detail.setVisible(!q.detail().isBlank());
            detail.setManaged(detail.isVisible());
            choices.getChildren().clear();
            for (int i = 0; i < q.choices().size(); i++) {
                choices.getChildren().add(tile(p, q, i));
            }
            Label whyTitle = new Label("Why");
            whyTitle.getStyleClass().add("why-title");
            why.getChildren().setAll(whyTitle, QuizParts.markdown(p.quiz(), q.why(), showMe));
            showLive.setId("showMe-" + q.number());
            showLive.setText("Show me (live): " + q.see().describe());
            showLive.setOnAction(e -> showMe.accept(q.see()));
        }
        for (int i = 0; i < choices.getChildren().size(); i++) {
            Node tile = choices.getChildren().get(i);
            boolean right = q.correct().contains(i);
            TILE.show(tile, !p.revealed() ? "hidden" : right ? "right" : "wrong");
            ((Label) tile.lookup(".answer-mark")).setText(p.revealed() && right ? "✓" : "");
        }
        why.setVisible(p.revealed());
        why.setManaged(p.revealed());
        showLive.setVisible(p.revealed());
        showLive.setManaged(p.revealed());
        reveal.setText(p.revealed() ? "Hide answer" : "Reveal answer");
        previous.setDisable(p.index() == 0);
        next.setDisable(p.index() == p.count() - 1);
    }

    private Node tile(QuizViewModel.Presenting p, Question q, int i) {
        Label mark = new Label();
        mark.getStyleClass().add("answer-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = QuizParts.markdown(p.quiz(), q.choices().get(i), showMe);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox tile = QuizParts.choiceRow(14, QuizParts.badge(i + 1), text, mark);
        tile.setId("classChoice-" + (i + 1));
        tile.getStyleClass().add("class-tile");
        return tile;
    }

    @Override
    public Node focusTarget() {
        return this;
    }

    @Override
    public boolean handle(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT, PAGE_UP -> vm.move(-1);
            case RIGHT, PAGE_DOWN -> vm.move(1);
            case HOME -> vm.move(-Integer.MAX_VALUE / 2);
            case END -> vm.move(Integer.MAX_VALUE / 2);
            case SPACE, R -> vm.reveal();
            case ESCAPE -> vm.leave();
            default -> {
                return false;
            }
        }
        return true;
    }
}
