package dev.kafkalab.ui.quiz;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.quiz.Question;
import dev.kafkalab.ui.common.PseudoStates;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every question of an attempt with the learner's answer and the right one: right choices
 * marked ✓, the learner's wrong picks ✗, a skipped question said so, the explanation, and a
 * "Show me" button that opens the slide or lab step behind the question.
 */
final class ReviewView extends BorderPane implements QuizScreen.Keyed {

    static final PseudoStates ANSWER = new PseudoStates("right-picked", "right-missed", "wrong-picked", "plain");

    private final Consumer<ContentLink> showMe;
    private final Runnable back;
    private final Label heading = new Label();
    private final Label score = new Label();
    private final Label stale = new Label();
    private final VBox list = new VBox(16);
    private final ScrollPane scroll;

    /** @param back what Esc and the Back button do; null when the view sits inside another (history) */
    ReviewView(ObservableValue<Review> review, Consumer<ContentLink> showMe, Runnable back) {
        this.showMe = showMe;
        this.back = back;
        getStyleClass().add("quiz-review-view");
        heading.getStyleClass().add("quiz-heading");
        heading.setMinWidth(0);
        score.setId("reviewScore");
        score.getStyleClass().add("review-score");
        score.setMinWidth(Region.USE_PREF_SIZE);
        stale.getStyleClass().add("quiz-muted");
        stale.setWrapText(true);
        HBox head = new HBox(12, heading, score, QuizParts.grow());
        head.setAlignment(Pos.BASELINE_LEFT);
        if (back != null) {
            getStyleClass().add("quiz-narrow");
            Button backButton = QuizParts.button("◀ Back to the score", "backFromReview", "(Esc)");
            backButton.setOnAction(e -> back.run());
            head.getChildren().add(backButton);
        }
        VBox top = new VBox(4, head, stale);
        top.setPadding(new Insets(0, 0, 10, 0));
        list.setId("reviewList");
        list.setPadding(new Insets(2, 12, 16, 2));
        scroll = QuizParts.column(list);
        scroll.setId("reviewScroll");
        setTop(top);
        setCenter(scroll);
        review.addListener((o, was, now) -> show(now));
        show(review.getValue());
    }

    private void show(Review review) {
        list.getChildren().clear();
        scroll.setVvalue(0);
        if (review == null) {
            heading.setText("");
            score.setText("");
            stale.setText("");
            return;
        }
        heading.setText(review.quiz().title() + ": " + review.heading());
        score.setText(review.scoreText());
        stale.setText(review.stale() ? "The quiz changed since this attempt; its answers are shown against the quiz"
                + " as it is now." : "");
        stale.setVisible(review.stale());
        stale.setManaged(review.stale());
        for (Review.Item item : review.items()) {
            list.getChildren().add(card(review, item));
        }
    }

    private Node card(Review review, Review.Item item) {
        Question q = item.question();
        int n = q.number();
        String state = item.skipped() ? "skipped" : item.right() ? "right" : "wrong";
        Label mark = new Label(item.skipped() ? "–" : item.right() ? "✓" : "✗");
        mark.getStyleClass().add("verdict-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(n + ". " + q.text());
        text.getStyleClass().add("review-question");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Label verdict = new Label(item.skipped() ? "Skipped" : item.right() ? "Right" : "Wrong");
        verdict.setId("verdict-" + n);
        verdict.getStyleClass().add("verdict");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, mark, text, verdict);
        top.setAlignment(Pos.TOP_LEFT);

        VBox card = new VBox(10, top);
        card.setId("review-" + n);
        card.getStyleClass().add("review-card");
        ScoreView.MARK.show(card, state);
        if (!q.detail().isBlank()) {
            card.getChildren().add(QuizParts.markdown(review.quiz(), q.detail(), showMe));
        }
        VBox answers = new VBox(4);
        for (int c = 0; c < q.choices().size(); c++) {
            answers.getChildren().add(answer(review, item, c));
        }
        if (item.skipped()) {
            Label skipped = QuizParts.muted("You skipped this question. The right " + (q.correct().size() > 1
                    ? "answers are" : "answer is") + " marked ✓.");
            skipped.setId("skipped-" + n);
            answers.getChildren().add(skipped);
        }
        card.getChildren().add(answers);

        Label whyTitle = new Label("Why");
        whyTitle.getStyleClass().add("why-title");
        VBox why = new VBox(4, whyTitle, QuizParts.markdown(review.quiz(), q.why(), showMe));
        why.setId("why-" + n);
        why.getStyleClass().add("why-box");
        Button show = new Button("Show me: " + q.see().describe());
        show.setId("showMe-" + n);
        show.getStyleClass().add("show-me");
        show.setTooltip(new Tooltip("Open " + q.see().describe()));
        show.setOnAction(e -> showMe.accept(q.see()));
        card.getChildren().addAll(why, show);
        return card;
    }

    private Node answer(Review review, Review.Item item, int c) {
        Review.Mark m = item.marks().get(c);
        Label mark = new Label(switch (m) {
            case RIGHT_PICKED, RIGHT_MISSED -> "✓";
            case WRONG_PICKED -> "✗";
            case PLAIN -> "";
        });
        mark.getStyleClass().add("answer-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = QuizParts.markdown(review.quiz(), item.question().choices().get(c), showMe);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label note = new Label(switch (m) {
            case RIGHT_PICKED -> "your answer";
            case RIGHT_MISSED -> item.skipped() ? "right answer" : "right answer, not picked";
            case WRONG_PICKED -> "your answer, wrong";
            case PLAIN -> "";
        });
        note.getStyleClass().add("answer-note");
        note.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = QuizParts.choiceRow(10, mark, QuizParts.badge(c + 1), text, note);
        row.setId("review-" + item.question().number() + "-choice-" + (c + 1));
        row.getStyleClass().add("answer-row");
        ANSWER.show(row, m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return row;
    }

    @Override
    public Node focusTarget() {
        return scroll;
    }

    @Override
    public boolean handle(KeyEvent e) {
        if (back != null && e.getCode() == KeyCode.ESCAPE) {
            back.run();
            return true;
        }
        return false;
    }
}
