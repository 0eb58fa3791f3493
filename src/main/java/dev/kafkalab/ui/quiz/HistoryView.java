package dev.kafkalab.ui.quiz;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.quiz.Attempt;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A quiz's attempts, newest first; the selected one's review beside the list (its answers are stored). */
final class HistoryView extends BorderPane implements QuizScreen.Keyed {

    private final QuizViewModel vm;
    private final ListView<Attempt> list;
    private final Label title = new Label();

    HistoryView(QuizViewModel vm, Consumer<ContentLink> showMe) {
        this.vm = vm;
        getStyleClass().add("quiz-history-view");
        title.getStyleClass().add("quiz-heading");
        title.setWrapText(true);
        list = new ListView<>(vm.attempts());
        list.setId("historyList");
        list.getStyleClass().add("history-list");
        list.setPlaceholder(new Label("No attempts yet: take the quiz, and each attempt is kept here."));
        list.setCellFactory(v -> new AttemptCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.openAttempt(now));
        // The newest attempt opens as soon as the list arrives.
        vm.attempts().addListener((ListChangeListener<Attempt>) c -> {
            if (!list.getItems().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().select(0);
                list.getFocusModel().focus(0);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button back = QuizParts.button("◀ Back to quizzes", "backFromHistory", "(Esc)");
        back.setOnAction(e -> vm.leave());
        VBox left = new VBox(8, title, QuizParts.muted("Newest first. Select one to see its answers."), list, back);
        left.getStyleClass().add("history-side");
        left.setPadding(new Insets(0, 14, 0, 0));
        ReviewView review = new ReviewView(vm.review(), showMe, null);
        setLeft(left);
        setCenter(review);
        vm.historyQuiz().addListener((o, was, now) -> title.setText(now == null ? "" : "History: " + now.title()));
    }

    @Override
    public Node focusTarget() {
        return list;
    }

    @Override
    public boolean handle(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            vm.leave();
            return true;
        }
        return false;
    }

    private final class AttemptCell extends ListCell<Attempt> {
        private final Label when = new Label();
        private final Label score = new Label();
        private final Label percent = new Label();
        private final HBox box = new HBox(8, new VBox(2, when, score), QuizParts.grow(), percent);

        AttemptCell() {
            when.getStyleClass().add("attempt-when");
            score.getStyleClass().add("quiz-muted");
            percent.getStyleClass().add("attempt-percent");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Attempt a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            when.setText(vm.when(a));
            score.setText("#" + a.number() + " · " + a.score() + " of " + a.total() + " right");
            percent.setText(a.percent() + " %");
            setGraphic(box);
        }
    }
}
