package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.kafka.common.TopicPartition;

/**
 * The consume screen's group as the cluster's snapshots show it: its state in the coordinator's
 * words, who reads each partition (the members' own assignments, with the snapshot's lag), and its
 * lag per partition over time. Changed on the UI thread only.
 */
final class GroupOnCluster {

    private final LagHistory lag = new LagHistory();
    private final StringProperty state = new SimpleStringProperty("");
    private final ObservableList<PartitionOwner> owners = FXCollections.observableArrayList();
    private final ObjectProperty<List<LagHistory.Series>> lagSeries = new SimpleObjectProperty<>(List.of());
    // The last snapshot's partitions and lag, for the owners when only the members changed.
    private int partitionsKnown;
    private Map<TopicPartition, Long> lastLag = Map.of();

    ReadOnlyStringProperty state() {
        return state;
    }

    ObservableList<PartitionOwner> owners() {
        return owners;
    }

    ReadOnlyObjectProperty<List<LagHistory.Series>> lagSeries() {
        return lagSeries;
    }

    /**
     * @param at      seconds on the view model's clock, for the lag chart
     * @param groupId the form's group id, untrimmed
     * @param running whether the screen started a group, which the coordinator may not know yet
     */
    void apply(ClusterSnapshot snapshot, double at, String groupId, String topic, boolean running,
            List<MemberSnapshot> members) {
        Optional<GroupView> view = groupId == null ? Optional.empty() : snapshot.group(groupId.trim());
        int partitions = topic == null ? 0 : snapshot.topic(topic).map(x -> x.partitions().size()).orElse(0);
        state.set(view.map(GroupOnCluster::describe)
                .orElse(running ? "not known to the coordinator yet" : "no such group on the cluster"));
        if (view.isEmpty() || topic == null) {
            return;
        }
        Map<TopicPartition, Long> byPartition = view.get().lag();
        lag.add(at, partitions, p -> byPartition.get(new TopicPartition(topic, p)));
        lagSeries.set(lag.series());
        partitionsKnown = partitions;
        lastLag = byPartition;
        membersChanged(members, topic);
    }

    /** The owners again, with the last snapshot's partitions and lag. */
    void membersChanged(List<MemberSnapshot> members, String topic) {
        List<PartitionOwner> rows = PartitionOwner.rows(members, partitionsKnown, lastLag, topic);
        if (!rows.equals(owners)) {
            owners.setAll(rows);
        }
    }

    /** A new group starts: its lag chart starts empty. */
    void clearLag() {
        lag.clear();
        lagSeries.set(List.of());
    }

    private static String describe(GroupView g) {
        return g.state() + " · " + g.type().toString().toLowerCase(Locale.ROOT) + " protocol"
                + (g.groupEpoch() == null ? "" : " · group epoch " + g.groupEpoch()) + " · " + g.members().size()
                + " member" + (g.members().size() == 1 ? "" : "s") + " · lag " + g.totalLag();
    }
}
