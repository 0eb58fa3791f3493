package dev.kafkalab.ui.produce;

import dev.kafkalab.ui.common.Forms;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Produce form's transaction: a transactional.id, then Begin, Send N, Commit, Abort and
 * Crash, each enabled when it can be done. Folded until opened.
 */
final class TransactionPane extends TitledPane {

    TransactionPane(TransactionViewModel vm, ObservableStringValue topic) {
        setText("Transaction");
        setId("transactionPane");
        setExpanded(false);
        setAnimated(false);
        TextField id = new TextField();
        id.setId("transactionalId");
        id.textProperty().bindBidirectional(vm.transactionalId());
        id.disableProperty().bind(vm.inTransaction().or(vm.busy()));
        TextField count = Forms.intField("transactionCount", vm.count(), 5);
        count.setPrefColumnCount(4);
        Button begin = Forms.button("Begin", "beginTransaction", "Register the transactional.id (fencing an older"
                + " producer of it) and begin a transaction", vm::begin);
        begin.disableProperty().bind(vm.inTransaction().or(vm.busy()));
        Button send = Forms.button("Send", "sendInTransaction", "Send this many records to the topic above, inside the"
                + " transaction", () -> vm.send(topic.get()));
        Button commit = Forms.button("Commit", "commitTransaction", "Commit: the records become readable to"
                + " read_committed consumers", vm::commit);
        Button abort = Forms.button("Abort", "abortTransaction", "Abort: read_committed consumers skip the records"
                + " for good", vm::abort);
        Button crash = Forms.button("Crash", "crashTransaction", "End the producer at once, its transaction open: the"
                + " coordinator aborts it after transaction.timeout.ms", vm::crash);
        for (Button b : new Button[] {send, commit, abort, crash}) {
            b.disableProperty().bind(vm.inTransaction().not().or(vm.busy()));
        }
        HBox sendRow = new HBox(6, count, send);
        sendRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane ends = new FlowPane(6, 6, commit, abort, crash);
        Label status = new Label();
        status.setId("transactionStatus");
        status.getStyleClass().add("message");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.status());
        VBox box = new VBox(6, Forms.labelled("transactional.id", id), begin, Forms.labelled("Records", sendRow), ends,
                status);
        setContent(box);
    }
}
