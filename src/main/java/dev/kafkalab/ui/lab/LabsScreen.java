package dev.kafkalab.ui.lab;

import dev.kafkalab.ui.common.Forms;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The list of labs with each one's progress; a lab file with a mistake is listed with its
 * file, line and reason, so an instructor editing one sees what to fix.
 */
public final class LabsScreen extends BorderPane {

    public LabsScreen(LabViewModel vm, java.util.function.Consumer<String> open) {
        setId("labsScreen");
        getStylesheets().add(LabsScreen.class.getResource("/dev/kafkalab/ui/lab/lab.css").toExternalForm());
        ListView<LabViewModel.Row> list = new ListView<>(vm.rows());
        list.setId("labList");
        list.setPlaceholder(new Label("No labs found in the labs/ folder."));
        list.setCellFactory(v -> new RowCell());
        Button openButton = new Button("Open lab");
        openButton.setId("openLab");
        openButton.getStyleClass().add("accent");
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Runnable openSelected = () -> {
            LabViewModel.Row row = list.getSelectionModel().getSelectedItem();
            if (row != null && row.ok()) {
                open.accept(row.id());
            }
        };
        openButton.setOnAction(e -> openSelected.run());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        Button reload = new Button("Reload labs");
        reload.setId("reloadLabs");
        reload.setOnAction(e -> vm.reload());
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.textProperty().bind(vm.message());
        Label help = new Label("Each lab tells you what to do and checks it on the live cluster. Open one; its steps"
                + " stay beside the screens while you work.");
        help.setWrapText(true);
        help.getStyleClass().add("message");
        VBox top = new VBox(4, Forms.title("Labs"), help, message);
        HBox bottom = new HBox(8, openButton, reload);
        bottom.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        setTop(top);
        setCenter(list);
        setBottom(bottom);
        setPadding(new javafx.geometry.Insets(10));
    }

    private static final class RowCell extends ListCell<LabViewModel.Row> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label done = new Label();
        private final VBox text = new VBox(2, title, detail);
        private final HBox box = new HBox(12, text, bar, done);

        RowCell() {
            title.getStyleClass().add("lab-row-title");
            // Rows as wide as the list, titles wrapped to it: the longest title made every row
            // wider than the list beside a lab, its progress off the edge.
            title.setWrapText(true);
            setPrefWidth(0);
            detail.getStyleClass().add("message");
            detail.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            bar.setPrefWidth(120);
            bar.setMinWidth(Region.USE_PREF_SIZE);
            done.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(LabViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            setText(null);
            title.setText(row.title());
            if (row.ok()) {
                detail.setText("Module " + row.module() + " · about " + row.minutes() + " min · " + row.steps() + " steps");
                detail.getStyleClass().setAll("message");
                bar.setVisible(true);
                bar.setProgress((double) row.done() / row.steps());
                done.setText(row.done() == row.steps() ? "done ✔" : row.done() + "/" + row.steps());
            } else {
                detail.setText("Cannot be used: " + row.problem());
                detail.getStyleClass().setAll("field-error");
                bar.setVisible(false);
                done.setText("");
            }
            setGraphic(box);
        }

        /** As high as the row at this width: the cell's own measure took a wrapped title for one line, and cut it. */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || width <= 0) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + box.prefHeight(width - snappedLeftInset() - snappedRightInset())
                    + snappedBottomInset();
        }
    }
}
