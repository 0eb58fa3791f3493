package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.ConsumedRecord;
import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import dev.kafkalab.consume.ResetTarget;
import dev.kafkalab.ui.common.Forms;
import dev.kafkalab.ui.common.HoverTooltip;
import dev.kafkalab.ui.common.PseudoStates;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.apache.kafka.clients.consumer.GroupProtocol;

/**
 * The consume screen: a group of in-app members on the left; who reads which partition, a card
 * per member (its partitions, positions, commits, last records, and Leave / Crash / Stall), the
 * rebalances as the members saw them, and the lag per partition over time.
 */
public final class ConsumeScreen extends SplitPane {

    /** A member's colour: member-0 .. member-7, one pseudo-class each. */
    static final PseudoStates COLOURS = new PseudoStates("member-0", "member-1", "member-2", "member-3", "member-4",
            "member-5", "member-6", "member-7", "nobody");
    static final PseudoStates MEMBER_STATES = new PseudoStates("joining", "active", "stalled", "left", "crashed",
            "failed");

    private final ConsumeViewModel vm;
    private final VBox formBox = new VBox(6);
    private final FlowPane cards = new FlowPane(8, 8);
    private final Map<String, MemberCard> cardsByName = new HashMap<>();

    public ConsumeScreen(ConsumeViewModel vm, ObservableList<String> topics) {
        this.vm = vm;
        setId("consumeScreen");
        getStyleClass().add("consume-screen");
        ScrollPane left = new ScrollPane(form(topics));
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(300);

        cards.setId("memberCards");
        cards.setPadding(new Insets(4));
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setFitToWidth(true);
        cardScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        vm.members().addListener((ListChangeListener<MemberSnapshot>) c -> syncCards());
        vm.now().addListener((o, was, now) -> cardsByName.values().forEach(MemberCard::tick));
        Label empty = new Label("Start a group: each member appears here with its partitions and last records.");
        empty.getStyleClass().add("message");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.members()));
        empty.managedProperty().bind(empty.visibleProperty());

        VBox top = new VBox(6, ownersRow(), empty, cardScroll, otherClients());
        top.setId("membersPane");
        VBox.setVgrow(cardScroll, Priority.ALWAYS);
        top.setPadding(new Insets(0, 6, 6, 6));
        SplitPane bottom = new SplitPane(timeline(), new LagChart(vm.lagSeries()));
        dev.kafkalab.ui.common.Proportions.keep(bottom, 0.6);
        SplitPane middle = new SplitPane(top, bottom);
        middle.setOrientation(Orientation.VERTICAL);
        dev.kafkalab.ui.common.Proportions.keep(middle, 0.6);
        getItems().setAll(left, middle);
        dev.kafkalab.ui.common.Proportions.keep(this, 0.25);
    }

    /**
     * Groups on the cluster the app does not run (a program's, the console consumer's) and the
     * programs it runs: shown only when there are some.
     */
    private VBox otherClients() {
        VBox rows = new VBox(6);
        rows.setId("otherClients");
        rows.setPadding(new Insets(4));
        Runnable fill = () -> rows.getChildren().setAll(vm.otherClients().stream().map(r -> {
            Label title = new Label(r.title());
            title.getStyleClass().add("other-client-title");
            Label detail = new Label(r.detail());
            detail.getStyleClass().add("message");
            for (Label l : List.of(title, detail)) {
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            return (Node) new VBox(1, title, detail);
        }).toList());
        vm.otherClients().addListener((ListChangeListener<OtherClients.Row>) c -> fill.run());
        fill.run();
        ScrollPane list = new ScrollPane(rows);
        list.setFitToWidth(true);
        list.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        list.setPrefHeight(130);
        list.setMinHeight(70);
        Label title = Forms.title("Outside this screen: programs and other clients");
        Label note = new Label("Groups the cluster knows that the app did not start, with what each member owns."
                + " Type a group's id in Group id to follow its state and lag.");
        note.getStyleClass().add("message");
        note.setWrapText(true);
        VBox box = new VBox(4, title, note, list);
        box.setId("otherClientsPane");
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.otherClients()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // --- The group form

    /** Adds the share-group pane under the consumer group's form. */
    public void shareGroups(ShareGroupViewModel share) {
        formBox.getChildren().add(new ShareGroupPane(share, vm.form().topic()));
    }

    private VBox form(ObservableList<String> topics) {
        GroupForm form = vm.form();
        TextField group = new TextField();
        group.setId("groupId");
        group.textProperty().bindBidirectional(form.groupId());
        ComboBox<String> topic = new ComboBox<>(topics);
        topic.setId("consumeTopic");
        topic.setPromptText("choose a topic");
        topic.setMaxWidth(Double.MAX_VALUE);
        topic.valueProperty().bindBidirectional(form.topic());
        ChoiceBox<GroupProtocol> protocol = Forms.choice("groupProtocol", p -> p == GroupProtocol.CLASSIC
                ? "classic" : "consumer (KIP-848)");
        protocol.getItems().setAll(GroupProtocol.values());
        protocol.valueProperty().bindBidirectional(form.protocol());
        ChoiceBox<Assignor> assignor = Forms.choice("assignor", a -> assignorName(a, form.protocol().get()));
        assignor.setMaxWidth(Double.MAX_VALUE);
        protocol.setMaxWidth(Double.MAX_VALUE);
        assignor.setItems(form.assignors());
        assignor.valueProperty().bindBidirectional(form.assignor());
        CheckBox autoCommit = new CheckBox("auto commit (every 5 s)");
        autoCommit.setId("autoCommit");
        autoCommit.selectedProperty().bindBidirectional(form.autoCommit());
        CheckBox committed = new CheckBox("read committed only");
        committed.setId("readCommitted");
        committed.setTooltip(new Tooltip("isolation.level=read_committed: the members stop at the last stable offset"
                + " and skip aborted transactions; unticked, Kafka's default read_uncommitted"));
        committed.selectedProperty().bindBidirectional(form.readCommitted());
        TextField count = Forms.intField("memberCount", form.memberCount(), 2);
        count.setPrefColumnCount(3);
        Node[] settings = {group, topic, protocol, assignor, autoCommit, committed, count};
        for (Node n : settings) {
            n.disableProperty().bind(vm.running());
        }
        Button start = new Button("Start group");
        start.setId("startGroup");
        start.setDefaultButton(false);
        start.setOnAction(e -> vm.startGroup());
        start.disableProperty().bind(vm.running());
        Button stop = new Button("Stop group");
        stop.setId("stopGroup");
        stop.setOnAction(e -> vm.stopGroup());
        stop.disableProperty().bind(vm.running().not());
        Button add = new Button("Add member");
        add.setId("addMember");
        add.setOnAction(e -> vm.addMember());
        add.disableProperty().bind(vm.running().not());
        Label status = new Label();
        status.setId("consumeStatus");
        status.setWrapText(true);
        status.getStyleClass().add("message");
        status.textProperty().bind(vm.status());
        Label state = new Label();
        state.setId("groupState");
        state.setWrapText(true);
        state.textProperty().bind(vm.groupState());

        ChoiceBox<ResetTarget.Kind> resetKind = Forms.choice("resetKind", k -> k.name().toLowerCase(Locale.ROOT));
        resetKind.getItems().setAll(ResetTarget.Kind.values());
        resetKind.valueProperty().bindBidirectional(form.resetKind());
        TextField resetValue = new TextField();
        resetValue.setId("resetValue");
        resetValue.setPrefColumnCount(6);
        resetValue.textProperty().bindBidirectional(form.resetValue());
        resetValue.promptTextProperty().bind(Bindings.createStringBinding(() -> switch (form.resetKind().get()) {
            case OFFSET -> "offset";
            case TIMESTAMP -> "HH:mm:ss";
            default -> "";
        }, form.resetKind()));
        resetValue.disableProperty().bind(form.resetKind().isEqualTo(ResetTarget.Kind.EARLIEST)
                .or(form.resetKind().isEqualTo(ResetTarget.Kind.LATEST)));
        Button reset = new Button("Reset offsets");
        reset.setId("resetOffsets");
        reset.setTooltip(new Tooltip("Kafka resets the offsets of an empty group only: stop the group first"));
        reset.setOnAction(e -> vm.resetOffsets());

        // Every group the app runs, a lab step's too: pick one to see its members; New shows the form.
        ComboBox<String> shown = new ComboBox<>(vm.runningGroups());
        shown.setId("shownGroup");
        shown.setPromptText("no group running");
        shown.setMaxWidth(Double.MAX_VALUE);
        shown.setValue(vm.shownGroup().get());
        vm.shownGroup().addListener((o, was, now) -> shown.setValue(now));
        shown.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(vm.shownGroup().get())) {
                vm.show(now);
            }
        });
        shown.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.runningGroups()));
        Button fresh = new Button("New");
        fresh.setId("newGroup");
        fresh.setTooltip(new Tooltip("Start another group beside the ones running: they go on, out of view"));
        fresh.setOnAction(e -> vm.newGroup());
        fresh.disableProperty().bind(vm.running().not());
        HBox.setHgrow(shown, javafx.scene.layout.Priority.ALWAYS);
        HBox showing = new HBox(6, shown, fresh);

        HBox buttons = new HBox(6, start, stop);
        VBox box = formBox;
        box.getChildren().addAll(Forms.title("Consumer group"), Forms.labelled("Showing", showing),
                Forms.labelled("Group id", group),
                Forms.labelled("Topic", topic),
                Forms.labelled("Protocol", protocol), Forms.labelled("Assignor", assignor), autoCommit, committed,
                Forms.labelled("Members", count), buttons, add, status,
                Forms.title("As the coordinator sees it"), state,
                Forms.title("Reset offsets"), new HBox(6, resetKind, resetValue), reset);
        box.setPadding(new Insets(0, 10, 10, 0));
        box.setId("groupForm");
        return box;
    }

    static String assignorName(Assignor a, GroupProtocol protocol) {
        return switch (a) {
            case RANGE -> protocol == GroupProtocol.CONSUMER ? "range (server)" : "range";
            case ROUND_ROBIN -> "round-robin";
            case STICKY -> "sticky";
            case COOPERATIVE_STICKY -> "cooperative-sticky";
            case UNIFORM -> "uniform (server)";
        };
    }

    // --- Who reads which partition

    private Node ownersRow() {
        FlowPane row = new FlowPane(6, 6);
        row.setId("partitionOwners");
        Runnable fill = () -> {
            row.getChildren().clear();
            for (PartitionOwner o : vm.owners()) {
                Label chip = new Label("p" + o.partition() + "  " + (o.member() == null ? "nobody" : o.member())
                        + (o.crashed() ? " (crashed: unread)" : "") + (o.lag() == null ? "" : "  lag " + o.lag()));
                chip.setId("owner-" + o.partition());
                chip.getStyleClass().add("owner-chip");
                COLOURS.show(chip, o.colour() < 0 ? "nobody" : "member-" + (o.colour() % 8));
                row.getChildren().add(chip);
            }
        };
        vm.owners().addListener((ListChangeListener<PartitionOwner>) c -> fill.run());
        Label title = Forms.title("Partitions");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, title, row);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(row, Priority.ALWAYS);
        return box;
    }

    private void syncCards() {
        List<MemberSnapshot> now = vm.members();
        for (MemberSnapshot m : now) {
            MemberCard card = cardsByName.get(m.name());
            if (card == null) {
                card = new MemberCard();
                cardsByName.put(m.name(), card);
                cards.getChildren().add(card);
            }
            card.show(m);
        }
        cardsByName.keySet().removeIf(name -> {
            boolean gone = now.stream().noneMatch(m -> m.name().equals(name));
            if (gone) {
                cards.getChildren().remove(cardsByName.get(name));
            }
            return gone;
        });
    }

    /** One member: colour bar, state, partitions, offsets, last records, and its buttons. */
    private final class MemberCard extends VBox {

        private final Label name = new Label();
        private final Label state = new Label();
        private final Label partitions = new Label();
        private final Label offsets = new Label();
        private final Label countdown = new Label();
        private final ListView<ConsumedRecord> recent = new ListView<>();
        private final Button leave = new Button("Leave");
        private final Button crash = new Button("Crash");
        private final Button stall = new Button("Stall");
        private final Button commit = new Button("Commit");
        private MemberSnapshot member;

        MemberCard() {
            getStyleClass().add("member-card");
            setSpacing(4);
            name.getStyleClass().add("name");
            state.getStyleClass().add("state");
            partitions.setWrapText(true);
            offsets.setWrapText(true);
            offsets.getStyleClass().add("detail");
            countdown.getStyleClass().add("countdown");
            countdown.managedProperty().bind(countdown.visibleProperty());
            recent.setPrefHeight(100);
            Label nothing = new Label("nothing read yet");
            recent.setPlaceholder(nothing);
            dev.kafkalab.ui.common.Ems.follow(nothing, 1.6, recent::setFixedCellSize);
            dev.kafkalab.ui.common.Ems.follow(nothing, 19.5, this::setPrefWidth);
            recent.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(ConsumedRecord r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(empty || r == null ? null : "p" + r.partition() + "@" + r.offset() + "  "
                            + (r.key() == null ? "" : r.key() + ": ") + r.value());
                }
            });
            leave.setTooltip(new Tooltip("Close and tell the coordinator: its partitions move at once"));
            crash.setTooltip(new Tooltip("Vanish without a word: its partitions move after the session timeout"));
            stall.setTooltip(new Tooltip("Stop calling poll: after max.poll.interval.ms the client leaves the group"));
            commit.setTooltip(new Tooltip("Commit the current positions (commitSync)"));
            // The pressed button may be disabled next (a crashed member has no buttons): focus stays
            // on the card, or the scroll pane would jump to whatever takes the focus.
            leave.setOnAction(e -> {
                requestFocus();
                vm.leave(member.name());
            });
            crash.setOnAction(e -> {
                requestFocus();
                vm.crash(member.name());
            });
            stall.setOnAction(e -> {
                requestFocus();
                if (member.state() == MemberState.STALLED) {
                    vm.resume(member.name());
                } else {
                    vm.stall(member.name());
                }
            });
            commit.setOnAction(e -> vm.commit(member.name()));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(6, name, gap, state);
            head.setAlignment(Pos.CENTER_LEFT);
            HBox actions = new HBox(4, leave, crash, stall, commit);
            actions.getStyleClass().add("actions");
            getChildren().addAll(head, partitions, offsets, countdown, recent, actions);
        }

        void show(MemberSnapshot m) {
            member = m;
            String id = m.name();
            setId("member-" + id);
            name.setText(id);
            state.setText(m.state().name().toLowerCase(Locale.ROOT));
            state.setId("state-" + id);
            partitions.setId("assigned-" + id);
            offsets.setId("offsets-" + id);
            partitions.setText(m.assigned().isEmpty() ? (m.state().alive() ? "no partitions: idle" : "no partitions")
                    : "partitions " + String.join(", ", m.assigned().stream().map(p -> "p" + p).toList())
                            + (m.generation() < 0 ? "" : " · generation " + m.generation()));
            offsets.setText(String.format(Locale.ROOT, "read %,d · position %s · committed %s", m.consumed(),
                    compact(m.positions()), compact(m.committed())));
            COLOURS.show(this, "member-" + (m.colour() % 8));
            MEMBER_STATES.show(this, m.state().name().toLowerCase(Locale.ROOT));
            List<ConsumedRecord> newestFirst = new java.util.ArrayList<>(m.recent());
            java.util.Collections.reverse(newestFirst);
            if (!newestFirst.equals(recent.getItems())) {
                recent.getItems().setAll(newestFirst);
            }
            boolean alive = m.state().alive();
            leave.setDisable(!alive);
            crash.setDisable(!alive);
            stall.setDisable(!alive);
            stall.setText(m.state() == MemberState.STALLED ? "Resume" : "Stall");
            commit.setDisable(!alive || vm.form().autoCommit().get());
            leave.setId("leave-" + id);
            crash.setId("crash-" + id);
            stall.setId("stall-" + id);
            commit.setId("commit-" + id);
            countdown.setId("countdown-" + id);
            tick();
        }

        void tick() {
            if (member == null) {
                return;
            }
            var left = vm.secondsToExpiry(member);
            countdown.setVisible(left.isPresent() || member.expiredAt() != null);
            if (left.isPresent()) {
                countdown.setText(String.format(Locale.ROOT, "session times out in %.1f s: until then its partitions"
                        + " have no reader", left.get()));
            } else if (member.expiredAt() != null) {
                countdown.setText("session timed out: its partitions moved");
            }
        }
    }

    private static String compact(Map<Integer, Long> offsets) {
        if (offsets.isEmpty()) {
            return "–";
        }
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(offsets).forEach((p, o) -> b.append(b.isEmpty() ? "" : " ").append("p").append(p)
                .append("@").append(o));
        return b.toString();
    }

    // --- Rebalances and lag

    private VBox timeline() {
        ListView<RebalanceTimeline.Line> list = new ListView<>(vm.events());
        list.setId("rebalanceTimeline");
        Label none = new Label("Joins, assignments, revocations and departures appear here.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        dev.kafkalab.ui.common.Ems.follow(none, 1.7, list::setFixedCellSize);
        list.setCellFactory(l -> {
            ListCell<RebalanceTimeline.Line> cell = new ListCell<>() {
                @Override
                protected void updateItem(RebalanceTimeline.Line line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty || line == null ? null : line.text());
                    COLOURS.show(this, empty || line == null ? null
                            : line.colour() < 0 ? "nobody" : "member-" + (line.colour() % 8));
                }
            };
            HoverTooltip.install(cell, cell::getText);
            return cell;
        });
        list.getStyleClass().add("rebalance-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(4, Forms.title("Rebalances, as the members saw them"), list);
        box.setPadding(new Insets(6, 6, 0, 6));
        return box;
    }

}
