package dev.kafkalab.ui.cluster;

import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.topics.TopicRules;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Topics: the list (selecting one shows its partitions), delete, and a create form. */
public final class TopicsView extends VBox {

    private final ClusterViewModel vm;
    private final Map<String, Label> errors = new LinkedHashMap<>();

    public TopicsView(ClusterViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(0, 8, 0, 0));
        Label title = new Label("Topics");
        title.getStyleClass().add("section-title");

        ListView<String> list = new ListView<>(vm.topicNames());
        list.setId("topicList");
        list.setPlaceholder(new Label("No topics yet: create one below."));
        list.setPrefHeight(140);
        list.setMinHeight(110);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedTopic().set(now);
            }
        });
        // The list highlights the topic the partitions header names, and nothing else: also when the
        // topic was chosen (by a lab step, by Create) before the list holds it, and when the list
        // refills, which would otherwise keep the highlighted row's index, not its topic.
        Runnable follow = () -> {
            String chosen = vm.selectedTopic().get();
            if (chosen == null || !list.getItems().contains(chosen)) {
                list.getSelectionModel().clearSelection();
            } else if (!chosen.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(chosen);
            }
        };
        vm.selectedTopic().addListener((o, was, now) -> follow.run());
        vm.topicNames().addListener((javafx.collections.ListChangeListener<String>) c -> follow.run());
        Button delete = new Button("Delete topic");
        delete.setId("deleteTopic");
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> confirmDelete(list.getSelectionModel().getSelectedItem()));

        getChildren().addAll(title, list, delete, form());
    }

    private VBox form() {
        TextField name = field("topicName", "e.g. my-failsafe-topic", "");
        TextField partitions = field("topicPartitions", "", "3");
        TextField rf = field("topicReplicationFactor", "", "3");
        TextField minIsr = field("topicMinIsr", "broker default (1)", "2");
        ComboBox<String> cleanup = new ComboBox<>();
        cleanup.getItems().addAll(TopicRules.CLEANUP_POLICIES);
        cleanup.setValue("delete");
        cleanup.setId("topicCleanupPolicy");

        // Label above field: the column is narrow, and wider still at projector font sizes.
        VBox grid = new VBox(2);
        addRow(grid, "Name", name, TopicRules.NAME);
        addRow(grid, "Partitions", partitions, TopicRules.PARTITIONS);
        addRow(grid, "Replication factor", rf, TopicRules.REPLICATION_FACTOR);
        addRow(grid, "min.insync.replicas", minIsr, TopicRules.MIN_ISR);
        addRow(grid, "cleanup.policy", cleanup, TopicRules.CLEANUP_POLICY);
        Label formError = error("topicFormError", "form");
        // "New topic  [Create]": short enough to read whole in the narrow column beside a lab.
        Button create = new Button("Create");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setId("createTopic");
        create.setDefaultButton(false);
        Runnable submit = () -> vm.createTopic(new TopicRequest(name.getText(), partitions.getText(), rf.getText(),
                minIsr.getText(), cleanup.getValue())).thenAccept(ok -> {
                    if (ok) {
                        name.clear();
                    }
                });
        create.setOnAction(e -> submit.run());
        Runnable revise = () -> vm.reviseTopicForm(new TopicRequest(name.getText(), partitions.getText(), rf.getText(),
                minIsr.getText(), cleanup.getValue()));
        for (TextField f : java.util.List.of(name, partitions, rf, minIsr)) {
            f.textProperty().addListener((o, was, now) -> revise.run());
        }
        name.setOnAction(e -> submit.run());
        vm.topicFormErrors().addListener((MapChangeListener<String, String>) c -> showErrors());
        Label title = new Label("New topic");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // The button sits by the title, always in view; Enter in the name field submits too.
        HBox header = new HBox(8, title, gap, create);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox form = new VBox(4, header, formError, grid);
        form.setId("newTopicForm");
        return form;
    }

    private void addRow(VBox form, String label, javafx.scene.control.Control input, String field) {
        Label name = new Label(label);
        input.setMaxWidth(Double.MAX_VALUE);
        input.setMinWidth(0);
        Label error = error(input.getId() + "Error", field);
        VBox.setMargin(name, new javafx.geometry.Insets(4, 0, 0, 0));
        form.getChildren().addAll(name, input, error);
    }

    private Label error(String id, String field) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setVisible(false);
        l.setManaged(false);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        errors.put(field, l);
        return l;
    }

    private void showErrors() {
        errors.forEach((field, label) -> {
            String text = vm.topicFormErrors().get(field);
            label.setText(text == null ? "" : text);
            label.setVisible(text != null);
            label.setManaged(text != null);
        });
    }

    private void confirmDelete(String topic) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete topic " + topic + " and all its records?",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText(null);
        alert.initOwner(getScene().getWindow());
        dev.kafkalab.ui.common.Theme.follow(alert, getScene().getWindow());
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deleteTopic(topic));
    }

    private static TextField field(String id, String prompt, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(9);
        return f;
    }
}
