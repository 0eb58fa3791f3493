package dev.kafkalab.ui.quiz;

import dev.kafkalab.quiz.Attempt;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.ui.common.Forms;
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
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The course's quizzes with each one's best score; files that did not load are listed in red with why. */
final class QuizListView extends BorderPane implements QuizScreen.Keyed {

    private final QuizViewModel vm;
    private final ListView<QuizViewModel.Row> list;
    /** The file of the row last selected: refilling the list clears the selection before we hear of it. */
    private String chosen;

    QuizListView(QuizViewModel vm) {
        this.vm = vm;
        list = new ListView<>(vm.rows());
        list.setId("quizList");
        list.setPlaceholder(new Label("No quizzes found in the slides/ folder."));
        list.setCellFactory(v -> new RowCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                selected(vm::take);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chosen = now.file();
            }
        });
        // After a reload keep the quiz that was selected, or select the first one, so Enter works at once.
        vm.rows().addListener((ListChangeListener<QuizViewModel.Row>) c -> reselect());

        Button take = QuizParts.button("Take quiz", "takeQuiz", "One question at a time, keys 1-6 to answer (Enter)");
        take.getStyleClass().add("accent");
        take.setOnAction(e -> selected(vm::take));
        Button present = QuizParts.button("Class mode", "classMode",
                "For a projector: big text, the answer hidden until you reveal it; nothing is recorded");
        present.setOnAction(e -> selected(vm::present));
        Button history = QuizParts.button("History", "quizHistory", "Your earlier attempts at this quiz, and their answers");
        history.setOnAction(e -> selected(vm::history));
        for (Button b : new Button[] {take, present, history}) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                QuizViewModel.Row row = list.getSelectionModel().getSelectedItem();
                return row == null || !row.ok();
            }, list.getSelectionModel().selectedItemProperty()));
        }

        Label help = QuizParts.muted("A short quiz per module. Answer with the keys 1-6 and Enter; the review shows"
                + " why each answer is right and opens the slide or lab step that shows it.");
        VBox top = new VBox(4, Forms.title("Quizzes"), help);
        top.setPadding(new Insets(0, 0, 8, 0));
        HBox bottom = new HBox(8, take, present, history);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setTop(top);
        setCenter(list);
        setBottom(bottom);
    }

    private void selected(Consumer<Quiz> action) {
        QuizViewModel.Row row = list.getSelectionModel().getSelectedItem();
        if (row != null && row.ok()) {
            action.accept(row.quiz());
        }
    }

    private void reselect() {
        int index = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).file().equals(chosen)) {
                index = i;
            }
        }
        if (index < 0 && !list.getItems().isEmpty()) {
            index = 0;
        }
        if (index >= 0) {
            list.getSelectionModel().select(index);
            list.getFocusModel().focus(index);
        }
    }

    @Override
    public Node focusTarget() {
        return list;
    }

    @Override
    public boolean handle(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            selected(vm::take);
            return true;
        }
        return false;
    }

    private static final class RowCell extends ListCell<QuizViewModel.Row> {
        private static final javafx.css.PseudoClass BROKEN = javafx.css.PseudoClass.getPseudoClass("broken");
        private final Label module = new Label();
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label best = new Label();
        private final VBox text = new VBox(2, title, detail);
        private final HBox box = new HBox(12, module, text, best);

        RowCell() {
            module.getStyleClass().add("quiz-row-module");
            module.setMinWidth(Region.USE_PREF_SIZE);
            title.getStyleClass().add("quiz-row-title");
            detail.setWrapText(true);
            best.getStyleClass().add("quiz-row-best");
            best.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("quiz-row");
        }

        @Override
        protected void updateItem(QuizViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            box.pseudoClassStateChanged(BROKEN, !row.ok());
            if (row.ok()) {
                Quiz q = row.quiz();
                module.setText(Integer.toString(q.module()));
                title.setText(q.title());
                int n = q.questions().size();
                detail.setText("Module " + q.module() + " · " + n + (n == 1 ? " question" : " questions") + " · "
                        + (row.attempts() == 0 ? "not taken yet" : row.attempts() == 1 ? "1 attempt"
                        : row.attempts() + " attempts"));
                detail.getStyleClass().setAll("label", "quiz-muted");
                Attempt b = row.best();
                best.setText(b == null ? "" : "best " + b.score() + " of " + b.total() + " (" + b.percent() + " %)");
            } else {
                module.setText("!");
                title.setText(row.file());
                detail.setText("Cannot be used: " + row.problem());
                detail.getStyleClass().setAll("label", "quiz-row-problem");
                best.setText("");
            }
            setGraphic(box);
        }
    }
}
