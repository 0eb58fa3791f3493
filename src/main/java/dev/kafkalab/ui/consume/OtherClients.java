package dev.kafkalab.ui.consume;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.kafka.common.TopicPartition;

/**
 * Clients the consume screen did not start, as the cluster shows them: the groups of programs
 * (the Code screen's, a lab step's, one in an IDE, the console consumer), each member with the
 * partitions it owns, and the programs the app runs. The cluster cannot tell which program a
 * member is; both lists are shown side by side. Changed on the UI thread only.
 */
final class OtherClients {

    /** One line: a group or a program, and below it its members or what it is. */
    record Row(String title, String detail) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    ObservableList<Row> rows() {
        return rows;
    }

    void apply(ClusterSnapshot snapshot, Collection<String> appGroups, List<String> programs) {
        List<Row> now = rows(snapshot, appGroups, programs);
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
    }

    /**
     * The programs first, then each group on the cluster the app does not run that has members,
     * by id. Groups with no member (a program that ended, offsets kept) are left out.
     */
    static List<Row> rows(ClusterSnapshot snapshot, Collection<String> appGroups, List<String> programs) {
        List<Row> rows = new ArrayList<>();
        for (String p : programs) {
            rows.add(new Row("program " + p, "runs in a JVM of its own (Code screen)"));
        }
        snapshot.groups().stream().filter(g -> !appGroups.contains(g.groupId()) && !g.members().isEmpty())
                .sorted(java.util.Comparator.comparing(GroupView::groupId))
                .forEach(g -> rows.add(new Row(title(g), g.members().stream()
                        .sorted(java.util.Comparator.comparing(MemberView::clientId))
                        .map(OtherClients::member).collect(Collectors.joining("\n")))));
        return rows;
    }

    private static String title(GroupView g) {
        long lag = g.lag().values().stream().mapToLong(Long::longValue).sum();
        if (g.type() == org.apache.kafka.common.GroupType.SHARE) {
            return "share group " + g.groupId() + " · " + g.state().toString().toLowerCase(Locale.ROOT) + " · "
                    + g.members().size() + " member" + (g.members().size() == 1 ? "" : "s") + " · lag " + lag;
        }
        return "group " + g.groupId() + " · " + g.state().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + " · "
                + g.type().toString().toLowerCase(Locale.ROOT) + " protocol · " + g.members().size() + " member"
                + (g.members().size() == 1 ? "" : "s") + " · lag " + lag;
    }

    /** "consumer-java-pair-1 (/127.0.0.1): my-topic 0, 1" */
    private static String member(MemberView m) {
        Map<String, List<Integer>> byTopic = new TreeMap<>();
        for (TopicPartition tp : m.assignment()) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        String owns = byTopic.isEmpty() ? "no partition" : byTopic.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return m.clientId() + " (" + m.host() + "): " + owns;
    }
}
