package dev.kafkalab.ui.quiz;

import dev.kafkalab.ui.common.PseudoStates;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The score of a finished quiz, a mark per question, and where the save of the attempt is. A
 * failed save says so and keeps everything on screen, with a way to try again.
 */
final class ScoreView extends VBox implements QuizScreen.Keyed {

    static final PseudoStates MARK = new PseudoStates("right", "wrong", "skipped");
    static final PseudoStates SAVE = new PseudoStates("saving", "saved", "failed");

    private final QuizViewModel vm;
    private final Label quizTitle = new Label();
    private final Label score = new Label();
    private final Label verdict = new Label();
    private final FlowPane marks = new FlowPane(6, 6);
    private final Label saveStatus = new Label();
    private final Button retry = QuizParts.button("Try saving again", "retrySave", null);

    ScoreView(QuizViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("quiz-score-view", "quiz-narrow");
        quizTitle.getStyleClass().add("quiz-muted");
        score.setId("quizScore");
        score.getStyleClass().add("quiz-score");
        verdict.getStyleClass().add("quiz-verdict");
        verdict.setWrapText(true);
        marks.setId("scoreMarks");
        marks.setAlignment(Pos.CENTER);
        saveStatus.setId("saveStatus");
        saveStatus.getStyleClass().add("save-status");
        saveStatus.setWrapText(true);
        saveStatus.setMinHeight(Region.USE_PREF_SIZE);
        retry.setOnAction(e -> vm.retrySave());

        Button review = QuizParts.button("Review answers", "reviewAnswers", "Every question with your answer, the right"
                + " one and why (R)");
        review.getStyleClass().add("accent");
        review.setOnAction(e -> vm.reviewRun());
        Button back = QuizParts.button("Back to quizzes", "backToQuizzes", "(Esc)");
        back.setOnAction(e -> vm.leave());
        Label keys = QuizParts.muted("R review · Esc back to the quizzes");
        HBox buttons = new HBox(10, review, back);
        buttons.setAlignment(Pos.CENTER);

        setAlignment(Pos.TOP_CENTER);
        setSpacing(14);
        getChildren().addAll(quizTitle, score, verdict, marks, saveStatus, retry, buttons, keys);
        vm.run().addListener((o, was, now) -> show());
        vm.save().addListener((o, was, now) -> show());
        show();
    }

    private void show() {
        QuizRun run = vm.run().get();
        if (run == null || !run.finished()) {
            return;
        }
        quizTitle.setText(run.quiz().title());
        score.setText(run.scoreText());
        int percent = run.total() == 0 ? 0 : Math.round(100f * run.score() / run.total());
        verdict.setText(percent == 100 ? "All right. Well done!" : percent >= 70 ? "Well done. The review shows what"
                + " the others were about." : "The review shows why each answer is right, and opens the slide or lab"
                + " step that shows it.");
        marks.getChildren().clear();
        for (int i = 0; i < run.answers().size(); i++) {
            boolean skipped = run.answers().get(i).isEmpty();
            boolean right = run.quiz().questions().get(i).isRight(run.answers().get(i));
            Label mark = new Label((i + 1) + (skipped ? " –" : right ? " ✓" : " ✗"));
            mark.setId("scoreMark-" + (i + 1));
            mark.getStyleClass().add("score-mark");
            MARK.show(mark, skipped ? "skipped" : right ? "right" : "wrong");
            marks.getChildren().add(mark);
        }
        QuizViewModel.Save s = vm.save().get();
        saveStatus.setText(s == null ? "" : s.message());
        SAVE.show(saveStatus, s == null ? null : s.state().name().toLowerCase(java.util.Locale.ROOT));
        boolean failed = s != null && s.state() == QuizViewModel.Save.State.FAILED;
        retry.setVisible(failed);
        retry.setManaged(failed);
    }

    @Override
    public Node focusTarget() {
        return this;
    }

    @Override
    public boolean handle(KeyEvent e) {
        if (e.getCode() == KeyCode.R) {
            vm.reviewRun();
            return true;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.leave();
            return true;
        }
        return false;
    }
}
