package dev.kafkalab.ui.consume;

import dev.kafkalab.share.AckPolicy;
import dev.kafkalab.share.Delivery;
import dev.kafkalab.ui.common.Ems;
import dev.kafkalab.ui.common.Forms;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Consume form's share group (KIP-932, queues for Kafka): a group id, how many members, how
 * they acknowledge, Start and Stop, and each record as a member got it, with its delivery count.
 * Folded until opened.
 */
final class ShareGroupPane extends TitledPane {

    private static final List<AckPolicy> POLICIES = List.of(AckPolicy.ACCEPT, AckPolicy.rejectEvery(3),
            AckPolicy.releaseEvery(3), AckPolicy.HOLD, AckPolicy.BY_HAND);

    ShareGroupPane(ShareGroupViewModel vm, ObservableStringValue topic) {
        setText("Share group (a queue)");
        setId("shareGroupPane");
        setExpanded(false);
        setAnimated(false);
        TextField group = new TextField();
        group.setId("shareGroupId");
        group.textProperty().bindBidirectional(vm.groupId());
        group.disableProperty().bind(vm.running());
        TextField count = Forms.intField("shareMembers", vm.members(), 2);
        count.setPrefColumnCount(3);
        count.disableProperty().bind(vm.running());
        ChoiceBox<AckPolicy> policy = Forms.choice("sharePolicy", AckPolicy::describe);
        policy.getItems().setAll(POLICIES);
        policy.valueProperty().bindBidirectional(vm.policy());
        Button start = Forms.button("Start", "startShareGroup", "Start the members on the topic above (the group"
                + " reads from the earliest record)", () -> vm.start(topic.get()));
        start.disableProperty().bind(vm.running());
        Button stop = Forms.button("Stop", "stopShareGroup", "The members leave: what they hold unacknowledged goes"
                + " back to the group", vm::stop);
        stop.disableProperty().bind(vm.running().not());
        TextField work = Forms.intField("shareWork", vm.workMs(), 4);
        work.setPrefColumnCount(4);
        work.setTooltip(new javafx.scene.control.Tooltip("How long each member works on a record before it answers:"
                + " slow members keep records locked longer, and the others take the rest"));
        javafx.scene.control.CheckBox dead = new javafx.scene.control.CheckBox("rejected records to dlq.<topic>");
        dead.setId("shareDeadLetters");
        dead.setWrapText(true);
        dead.setTooltip(new javafx.scene.control.Tooltip("A dead-letter topic (KIP-1191, Kafka 4.4): the broker copies"
                + " each record the group rejects, or stops delivering, there, with headers saying where it came from"));
        dead.selectedProperty().bindBidirectional(vm.deadLetters());
        dead.disableProperty().bind(vm.running());
        Button crash = Forms.button("Crash a member", "crashShareMember", "The newest member that got records dies"
                + " mid-batch: what it held goes back to the group", vm::crashMember);
        crash.disableProperty().bind(vm.running().not());
        Label status = new Label();
        status.setId("shareStatus");
        status.getStyleClass().add("message");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.status());
        Label coordinator = new Label();
        coordinator.setId("shareCoordinator");
        coordinator.setWrapText(true);
        coordinator.setMinHeight(Region.USE_PREF_SIZE);
        coordinator.textProperty().bind(vm.coordinator());
        ListView<Delivery> list = new ListView<>(vm.deliveries());
        list.setId("shareDeliveries");
        Label none = new Label("Each record a member gets shows here: which member, where, the how-many-th delivery,"
                + " and its answer.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Delivery d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : line(d));
            }
        });
        // Answering by hand: a held record chosen in the list, then its answer.
        HBox answers = new HBox(6);
        for (var type : List.of(org.apache.kafka.clients.consumer.AcknowledgeType.ACCEPT,
                org.apache.kafka.clients.consumer.AcknowledgeType.RELEASE,
                org.apache.kafka.clients.consumer.AcknowledgeType.REJECT)) {
            String word = type.name().charAt(0) + type.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            Button b = Forms.button(word, "share" + word, word + " the held record chosen in the list", () ->
                    vm.answer(list.getSelectionModel().getSelectedItem(), type));
            b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                Delivery d = list.getSelectionModel().getSelectedItem();
                return d == null || d.acknowledged() != null;
            }, list.getSelectionModel().selectedItemProperty()).or(vm.running().not()));
            answers.getChildren().add(b);
        }
        Ems.follow(none, 3.0, list::setFixedCellSize);
        Ems.follow(none, 16, list::setPrefHeight);
        // A group started, here or by a lab's step: its deliveries are what to look at.
        vm.running().addListener((o, was, now) -> {
            if (now) {
                setExpanded(true);
            }
        });
        setContent(new VBox(6, Forms.labelled("Group id", group), Forms.labelled("Members", count),
                Forms.labelled("Each member", policy), Forms.labelled("Work (ms/record)", work), dead,
                new HBox(6, start, stop), crash, status, Forms.title("As the coordinator sees it"), coordinator, list, answers));
    }

    static String line(Delivery d) {
        String answer = d.acknowledged() == null ? "held" : (d.byHand() ? "by hand: " : "") + switch (d.acknowledged()) {
            case ACCEPT -> "accepted";
            case RELEASE -> "released";
            case REJECT -> "rejected";
            case RENEW -> "lock renewed";
        };
        // Two lines: the form is narrow, and one line was cut at "· delivery".
        return d.member() + " · P" + d.partition() + "@" + d.offset() + "\ndelivery " + d.deliveryCount() + " · "
                + answer;
    }
}
