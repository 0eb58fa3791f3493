package dev.kafkalab.ui.map;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.ui.map.MapModel.Column;
import dev.kafkalab.ui.map.MapModel.Look;
import dev.kafkalab.ui.map.MapModel.Reader;
import dev.kafkalab.ui.map.MapModel.Role;
import dev.kafkalab.ui.map.MapModel.Tile;
import dev.kafkalab.ui.map.MapModel.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Makes the map's model from snapshots: a pure function, so tests give it snapshots made by hand. */
public final class MapModels {

    private MapModels() {
    }

    /**
     * The map of {@code topic} as {@code now} shows it; {@code before} (the snapshot before, or
     * null) gives the rates at which records arrive.
     */
    public static MapModel of(ClusterSnapshot now, ClusterSnapshot before, String topic, List<String> writers) {
        return of(now, before, topic, writers, Map.of());
    }

    /**
     * The same, with the processes' states as the app knows them now ({@code processes}, by node
     * id), which may be newer than the snapshot's: a killed broker goes dark at once, not at the
     * next snapshot.
     */
    public static MapModel of(ClusterSnapshot now, ClusterSnapshot before, String topic, List<String> writers,
            Map<Integer, NodeState> processes) {
        Optional<TopicView> shown = topic == null ? Optional.empty() : now.topic(topic);
        List<PartitionView> partitions = shown.map(TopicView::partitions).orElse(List.of());
        List<Column> columns = new ArrayList<>();
        List<NodeView> nodes = now.nodes().stream()
                .sorted(Comparator.comparing((NodeView n) -> n.role() != NodeRole.CONTROLLER).thenComparing(NodeView::id))
                .toList();
        for (NodeView seen : nodes) {
            NodeState process = processes.get(seen.id());
            NodeView node = process == null ? seen : new NodeView(seen.id(), seen.role(), process, seen.port(),
                    seen.registered(), seen.fenced(), seen.activeController());
            if (node.role() == NodeRole.CONTROLLER) {
                columns.add(new Column(node.id(), node.label(), true, look(node), node.activeController(), List.of(),
                        brokersKnown(now)));
                continue;
            }
            Look look = look(node);
            List<Tile> tiles = new ArrayList<>();
            int leads = 0;
            for (PartitionView p : partitions) {
                if (p.replicas().contains(node.id())) {
                    Tile tile = tile(p, node.id(), look);
                    tiles.add(tile);
                    leads += tile.role() == Role.LEADER ? 1 : 0;
                }
            }
            String note = shown.isEmpty() ? "" : "leads " + leads + " of " + partitions.size();
            columns.add(new Column(node.id(), node.label(), false, look, false, tiles, note));
        }
        long scale = partitions.stream().mapToLong(p -> p.logEndOffsets().values().stream().mapToLong(Long::longValue)
                .max().orElse(Math.max(0, p.highWatermark()))).max().orElse(0);
        scale = Math.max(scale, partitions.stream().flatMap(p -> p.lastSeenEnds().values().stream())
                .mapToLong(Long::longValue).max().orElse(0));
        return new MapModel(shown.map(TopicView::name).orElse(null), columns, writes(now, before, partitions),
                readers(now, topic), writers, scale);
    }

    static Look look(NodeView node) {
        NodeState process = node.process();
        if (process == null) {
            return !node.registered() ? Look.UNKNOWN : node.fenced() ? Look.FENCED : Look.RUNNING;
        }
        return switch (process) {
            case RUNNING -> node.role() == NodeRole.BROKER && node.registered() && node.fenced() ? Look.FENCED : Look.RUNNING;
            case STARTING -> Look.STARTING;
            case STOPPING -> Look.STOPPING;
            case STOPPED, NOT_STARTED -> Look.STOPPED;
            case KILLED -> Look.KILLED;
            case CRASHED -> Look.CRASHED;
            case FROZEN -> Look.FROZEN;
        };
    }

    /** What the controller knows of the brokers: which are registered, which of those fenced. */
    private static String brokersKnown(ClusterSnapshot now) {
        List<NodeView> brokers = now.nodes().stream().filter(n -> n.role() == NodeRole.BROKER).toList();
        String registered = brokers.stream().filter(NodeView::registered).map(n -> Integer.toString(n.id()))
                .collect(Collectors.joining(", "));
        String fenced = brokers.stream().filter(n -> n.registered() && n.fenced()).map(n -> Integer.toString(n.id()))
                .collect(Collectors.joining(", "));
        return "registered " + (registered.isEmpty() ? "none" : registered) + (fenced.isEmpty() ? "" : " · fenced " + fenced);
    }

    private static Tile tile(PartitionView p, int broker, Look look) {
        Role role;
        if (!p.offline() && p.leader() == broker) {
            role = Role.LEADER;
        } else if (p.elr().contains(broker)) {
            role = Role.ELIGIBLE;
        } else if (p.offline() || look.down()) {
            role = Role.OFFLINE;
        } else if (p.isr().contains(broker)) {
            role = Role.IN_SYNC;
        } else {
            role = Role.OUT_OF_SYNC;
        }
        Long reported = p.logEndOffsets().get(broker);
        Long lastSeen = reported == null ? p.lastSeenEnds().get(broker) : null;
        long end = reported != null ? reported : lastSeen != null ? lastSeen : -1;
        Long leaderEnd = p.offline() ? null : p.logEndOffsets().get(p.leader());
        long behind = role == Role.LEADER ? 0 : end >= 0 && leaderEnd != null ? Math.max(0, leaderEnd - end) : -1;
        return new Tile(p.partition(), broker, role, end, p.highWatermark(), p.logStartOffset(), behind,
                lastSeen != null, p.lastStableOffset());
    }

    /** Records that arrived at each leader since the snapshot before: its log end (or high watermark) grew. */
    private static List<Write> writes(ClusterSnapshot now, ClusterSnapshot before, List<PartitionView> partitions) {
        if (before == null || partitions.isEmpty()) {
            return List.of();
        }
        double seconds = Duration.between(before.takenAt(), now.takenAt()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return List.of();
        }
        List<Write> writes = new ArrayList<>();
        for (PartitionView p : partitions) {
            Optional<PartitionView> was = before.partition(p.topic(), p.partition());
            // Across a leader change the two log ends are two brokers': no rate from them.
            if (p.offline() || was.isEmpty() || was.get().leader() != p.leader()) {
                continue;
            }
            long grew = end(p) - end(was.get());
            if (grew > 0) {
                writes.add(new Write(p.partition(), p.leader(), grew / seconds));
            }
        }
        return writes;
    }

    private static long end(PartitionView p) {
        Long leaderEnd = p.offline() ? null : p.logEndOffsets().get(p.leader());
        return leaderEnd != null ? leaderEnd : Math.max(0, p.highWatermark());
    }

    /** Every member of the groups that read the topic (own a partition of it, or committed on it). */
    private static List<Reader> readers(ClusterSnapshot now, String topic) {
        if (topic == null) {
            return List.of();
        }
        List<Reader> readers = new ArrayList<>();
        for (GroupView g : now.groups().stream().sorted(Comparator.comparing(GroupView::groupId)).toList()) {
            boolean reads = g.committedOffsets().keySet().stream().anyMatch(tp -> tp.topic().equals(topic))
                    || g.members().stream().anyMatch(m -> m.assignment().stream().anyMatch(tp -> tp.topic().equals(topic)));
            if (!reads) {
                continue;
            }
            Map<TopicPartition, Long> lag = g.lag();
            for (MemberView m : g.members().stream().sorted(Comparator.comparing(MemberView::clientId)
                    .thenComparing(MemberView::memberId)).toList()) {
                List<Integer> owned = m.assignment().stream().filter(tp -> tp.topic().equals(topic))
                        .map(TopicPartition::partition).sorted().toList();
                // A partition the group never committed on has no lag to tell (it may be the whole log).
                List<Long> known = owned.stream().map(p -> lag.get(new TopicPartition(topic, p)))
                        .filter(java.util.Objects::nonNull).toList();
                long behind = known.isEmpty() && !owned.isEmpty() ? -1 : known.stream().mapToLong(Long::longValue).sum();
                readers.add(new Reader(g.groupId(), m.memberId(), m.clientId(), owned, behind));
            }
        }
        return readers;
    }
}
