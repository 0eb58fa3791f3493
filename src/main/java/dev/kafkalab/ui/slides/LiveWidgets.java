package dev.kafkalab.ui.slides;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.cluster.NodeCardView;
import dev.kafkalab.ui.cluster.PartitionsView;
import dev.kafkalab.ui.cluster.TimelineView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.apache.kafka.common.TopicPartition;

/**
 * The live views a slide can embed, made from the same view model and views as the cluster
 * screen, so a broker killed from a slide is killed, and the slide shows what really happens.
 */
public final class LiveWidgets {

    private final ObservableValue<ClusterViewModel> cluster;
    /** The topic the slide shown asked for while the cluster was starting: chosen once it runs. */
    private String pendingTopic;

    /** @param cluster the cluster screen's view model, null until the cluster runs */
    public LiveWidgets(ObservableValue<ClusterViewModel> cluster) {
        this.cluster = cluster;
        cluster.addListener((o, was, now) -> {
            if (now != null && pendingTopic != null) {
                now.selectedTopic().set(pendingTopic);
                pendingTopic = null;
            }
        });
    }

    /**
     * A new widget; its node ids are prefixed {@code slide-} so they never shadow the screens' own.
     * While the cluster starts it is a note saying so, and becomes the widget when the cluster runs.
     */
    public Node create(Slide.Live live) {
        ClusterViewModel vm = cluster.getValue();
        if (vm != null) {
            return create(vm, live);
        }
        Label waiting = new Label("Waiting for the cluster to start: this live view appears when it runs.");
        waiting.getStyleClass().add("live-missing");
        waiting.setWrapText(true);
        StackPane holder = new StackPane(waiting);
        holder.getStyleClass().add("live-waiting");
        ChangeListener<ClusterViewModel> arrived = (o, was, now) -> {
            if (now != null && holder.getChildren().get(0) == waiting) {
                holder.getChildren().setAll(create(now, live));
            }
        };
        // Held by the widget, weakly by the property: a slide that is gone lets go.
        holder.getProperties().put(ChangeListener.class, arrived);
        cluster.addListener(new WeakChangeListener<>(arrived));
        return holder;
    }

    private Node create(ClusterViewModel vm, Slide.Live live) {
        Node node = switch (live.widget()) {
            case BROKERS -> brokers(vm);
            case PARTITIONS -> partitions(vm, live.args().get("topic"));
            case GROUP -> new GroupWidget(vm, live.args().get("group"));
            case TIMELINE -> new TimelineView(vm);
            case MAP -> map(vm, live.args().get("topic"));
        };
        prefixIds(node);
        node.getStyleClass().addAll("live-widget", "live-" + live.widget().word());
        return node;
    }

    /** What showing a slide changes: a partitions widget selects its topic, as a click on the topic list would. */
    public void shown(Slide slide) {
        pendingTopic = null;
        for (Slide.Part part : slide.parts()) {
            if (part instanceof Slide.Live live && live.widget() == Slide.Widget.PARTITIONS) {
                ClusterViewModel vm = cluster.getValue();
                if (vm == null) {
                    pendingTopic = live.args().get("topic");
                } else {
                    vm.selectedTopic().set(live.args().get("topic"));
                }
            }
        }
    }

    private static Node brokers(ClusterViewModel vm) {
        HBox cards = new HBox(10);
        for (int id : vm.nodeIds()) {
            cards.getChildren().add(new NodeCardView(vm, id));
        }
        return cards;
    }

    private static Node partitions(ClusterViewModel vm, String topic) {
        Label missing = new Label("No topic " + topic + " on the cluster yet: create it (the button on this slide, or"
                + " the Cluster screen) and its partitions appear here.");
        missing.getStyleClass().add("live-missing");
        missing.setWrapText(true);
        missing.setMinHeight(Region.USE_PREF_SIZE);
        missing.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.topicNames().contains(topic), vm.topicNames()));
        missing.managedProperty().bind(missing.visibleProperty());
        PartitionsView view = new PartitionsView(vm);
        VBox box = new VBox(6, missing, view);
        VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** The map of one topic; a broker killed from it is killed, as from the Map screen. */
    private static Node map(ClusterViewModel vm, String topic) {
        dev.kafkalab.ui.map.MapViewModel map = new dev.kafkalab.ui.map.MapViewModel(vm, List::of);
        map.topic().set(topic);
        dev.kafkalab.ui.map.MapView view = new dev.kafkalab.ui.map.MapView(map);
        // Drawn while its slide is on screen only.
        map.active().bind(view.sceneProperty().isNotNull());
        return view;
    }

    private static void prefixIds(Node node) {
        if (node.getId() != null && !node.getId().startsWith("slide-")) {
            node.setId("slide-" + node.getId());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(LiveWidgets::prefixIds);
        }
    }

    /** A consumer group as the cluster reports it: its state, each member's partitions, the lag. */
    static final class GroupWidget extends VBox {
        private final String groupId;
        private final Label header = new Label();
        private final VBox members = new VBox(4);
        private final Label lag = new Label();
        // Held by the widget: the view model holds it only weakly, so a slide that is gone lets go.
        private final ChangeListener<ClusterSnapshot> listener = (o, was, now) -> show(now);

        GroupWidget(ClusterViewModel vm, String groupId) {
            super(8);
            this.groupId = groupId;
            header.getStyleClass().add("section-title");
            header.setWrapText(true);
            lag.setWrapText(true);
            lag.getStyleClass().add("live-lag");
            getChildren().addAll(header, members, lag);
            setId("liveGroup");
            vm.snapshot().addListener(new WeakChangeListener<>(listener));
            show(vm.snapshot().get());
        }

        private void show(ClusterSnapshot snapshot) {
            GroupView g = snapshot == null ? null : snapshot.group(groupId).orElse(null);
            if (g == null) {
                header.setText("Group " + groupId + ": not on the cluster yet");
                members.getChildren().clear();
                lag.setText("Start it (the button on this slide, or the Consume screen) and its members appear here.");
                return;
            }
            header.setText("Group " + groupId + " · " + g.state().toString().toLowerCase(java.util.Locale.ROOT)
                    + " · " + g.type().toString().toLowerCase(java.util.Locale.ROOT) + " protocol"
                    + (g.assignor() == null || g.assignor().isEmpty() ? "" : " · " + g.assignor()));
            List<Node> rows = g.members().stream()
                    .sorted(java.util.Comparator.comparing(MemberView::clientId))
                    .map(m -> (Node) memberRow(m)).toList();
            members.getChildren().setAll(rows.isEmpty() ? List.of(new Label("no members")) : rows);
            Map<String, Long> byPartition = new TreeMap<>();
            g.lag().forEach((tp, l) -> byPartition.put(tp.topic() + "/" + tp.partition(), l));
            lag.setText("lag " + g.totalLag() + (byPartition.isEmpty() ? "" : ": " + byPartition.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "))));
        }

        private Node memberRow(MemberView m) {
            Label who = new Label(m.clientId());
            who.getStyleClass().add("live-member");
            who.setMinWidth(Region.USE_PREF_SIZE);
            String parts = m.assignment().stream().sorted(java.util.Comparator.comparing(TopicPartition::topic)
                    .thenComparing(TopicPartition::partition)).map(tp -> "p" + tp.partition())
                    .collect(Collectors.joining(", "));
            Label owns = new Label(parts.isEmpty() ? "no partitions (idle)" : parts);
            owns.setWrapText(true);
            return new HBox(12, who, owns);
        }
    }
}
