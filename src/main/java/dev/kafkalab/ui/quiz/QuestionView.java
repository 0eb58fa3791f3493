package dev.kafkalab.ui.quiz;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.quiz.Question;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A quiz being taken: one question, its choices as big numbered toggles. Keys 1-6 pick (or
 * for a multiple-choice question toggle), Enter goes on once something is picked, Esc leaves
 * and drops the attempt.
 */
final class QuestionView extends BorderPane implements QuizScreen.Keyed {

    private final QuizViewModel vm;
    private final Consumer<ContentLink> showMe;
    private final Label quizTitle = new Label();
    private final Label number = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label question = new Label();
    private final VBox detail = new VBox();
    private final Label prompt = new Label();
    private final VBox choices = new VBox(10);
    private final Label picked = new Label();
    private final Button next = QuizParts.button("Next ▶", "nextQuestion", "Keep this answer and go on (Enter)");
    private QuizRun shown;

    QuestionView(QuizViewModel vm, Consumer<ContentLink> showMe) {
        this.vm = vm;
        this.showMe = showMe;
        getStyleClass().addAll("quiz-question-view", "quiz-narrow");
        quizTitle.getStyleClass().add("quiz-muted");
        number.setId("questionNumber");
        number.getStyleClass().add("question-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add("quiz-progress");
        HBox head = new HBox(12, quizTitle, QuizParts.grow(), number);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox top = new VBox(6, head, progress);
        top.setPadding(new Insets(0, 0, 10, 0));

        question.setId("questionText");
        question.getStyleClass().add("question-text");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("question-detail");
        prompt.setId("choosePrompt");
        prompt.getStyleClass().add("choose-prompt");
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        choices.setId("choices");
        VBox body = new VBox(14, question, detail, prompt, choices);
        body.setPadding(new Insets(4, 4, 16, 4));

        Button leave = QuizParts.button("Leave", "leaveQuiz", "Stop this quiz; the attempt is not kept (Esc)");
        leave.setOnAction(e -> vm.leave());
        Button skip = QuizParts.button("Skip", "skipQuestion", "Leave this question unanswered; it counts as wrong");
        skip.setOnAction(e -> vm.skip());
        next.getStyleClass().add("accent");
        next.setOnAction(e -> vm.next());
        picked.getStyleClass().add("quiz-muted");
        picked.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(10, leave, QuizParts.grow(), picked, skip, next);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10, 0, 0, 0));

        setTop(top);
        setCenter(QuizParts.column(body));
        setBottom(bottom);
        vm.run().addListener((o, was, now) -> show(now));
        show(vm.run().get());
    }

    private void show(QuizRun run) {
        if (run == null || run.finished()) {
            return;
        }
        if (shown == null || shown.quiz() != run.quiz() || shown.index() != run.index()) {
            build(run);
        }
        shown = run;
        for (int i = 0; i < choices.getChildren().size(); i++) {
            ((ChoiceButton) choices.getChildren().get(i)).setSelected(run.picked().contains(i));
        }
        next.setDisable(!run.canGoOn());
        int n = run.picked().size();
        picked.setText(run.question().kind() == Question.Kind.MULTIPLE && n > 0 ? n + " picked" : "");
    }

    private void build(QuizRun run) {
        Question q = run.question();
        int count = run.total();
        quizTitle.setText(run.quiz().title());
        number.setText("Question " + (run.index() + 1) + " of " + count);
        progress.setProgress((double) run.index() / count);
        question.setText(q.text());
        detail.getChildren().setAll(q.detail().isBlank() ? new Region() : QuizParts.markdown(run.quiz(), q.detail(), showMe));
        detail.setVisible(!q.detail().isBlank());
        detail.setManaged(detail.isVisible());
        int last = q.choices().size();
        prompt.setText(switch (q.kind()) {
            case MULTIPLE -> "Choose all that apply: press 1-" + last + " to pick or unpick each, then Enter.";
            case TRUE_FALSE -> "True or false? Press 1 or 2 (or T / F), then Enter.";
            case SINGLE -> "Choose one: press 1-" + last + ", then Enter.";
        });
        choices.getChildren().clear();
        for (int i = 0; i < last; i++) {
            int choice = i + 1;
            VBox text = QuizParts.markdown(run.quiz(), q.choices().get(i), showMe);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            HBox content = QuizParts.choiceRow(12, QuizParts.badge(choice), text);
            ChoiceButton b = new ChoiceButton(QuizParts.plain(q.choices().get(i)), content);
            b.setId("choice-" + choice);
            b.setOnAction(e -> vm.pick(choice));
            b.setFocusTraversable(false);
            choices.getChildren().add(b);
        }
        next.setText(run.index() + 1 == count ? "Finish ▶" : "Next ▶");
    }

    @Override
    public Node focusTarget() {
        return this;
    }

    @Override
    public boolean handle(KeyEvent e) {
        QuizRun run = vm.run().get();
        if (run == null || run.finished()) {
            return false;
        }
        int digit = QuizScreen.digit(e.getCode());
        if (digit >= 1 && digit <= 6) {
            vm.pick(digit);
            return true;
        }
        if (run.question().kind() == Question.Kind.TRUE_FALSE && (e.getCode() == KeyCode.T || e.getCode() == KeyCode.F)) {
            vm.pick(e.getCode() == KeyCode.T ? 1 : 2);
            return true;
        }
        switch (e.getCode()) {
            case ENTER -> vm.next();
            case ESCAPE -> vm.leave();
            default -> {
                return false;
            }
        }
        return true;
    }
}
