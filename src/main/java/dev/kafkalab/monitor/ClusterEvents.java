package dev.kafkalab.monitor;

import dev.kafkalab.monitor.ClusterEvent.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Derives events from two consecutive snapshots: pure, so it is tested with hand-made ones. */
public final class ClusterEvents {

    private ClusterEvents() {
    }

    /** What changed from {@code before} to {@code after}, stamped with the later snapshot's time. */
    public static List<ClusterEvent> between(ClusterSnapshot before, ClusterSnapshot after) {
        List<ClusterEvent> events = new ArrayList<>();
        Instant at = after.takenAt();
        nodes(before, after, at, events);
        topics(before, after, at, events);
        groups(before, after, at, events);
        return events;
    }

    private static void nodes(ClusterSnapshot before, ClusterSnapshot after, Instant at, List<ClusterEvent> out) {
        Map<Integer, NodeView> old = index(before.nodes(), NodeView::id);
        for (NodeView now : after.nodes()) {
            NodeView was = old.get(now.id());
            if (was == null) {
                continue;
            }
            if (now.process() != null && was.process() != null && now.process() != was.process()) {
                out.add(new ClusterEvent(at, Kind.NODE_STATE, now.label(),
                        now.label() + ": " + was.process().word() + " -> " + now.process().word()));
            }
            if (now.registered() && was.registered() && now.fenced() != was.fenced()) {
                out.add(now.fenced()
                        ? new ClusterEvent(at, Kind.BROKER_FENCED, now.label(),
                                now.label() + " fenced: the controller stopped hearing from it")
                        : new ClusterEvent(at, Kind.BROKER_UNFENCED, now.label(),
                                now.label() + " unfenced: back in service"));
            }
        }
    }

    private static void topics(ClusterSnapshot before, ClusterSnapshot after, Instant at, List<ClusterEvent> out) {
        if (before == ClusterSnapshot.EMPTY) {
            return;
        }
        Map<String, TopicView> old = index(before.topics(), TopicView::name);
        Set<String> nowNames = new HashSet<>();
        for (TopicView topic : after.topics()) {
            nowNames.add(topic.name());
            TopicView was = old.get(topic.name());
            if (was == null) {
                if (!topic.internal()) {
                    out.add(new ClusterEvent(at, Kind.TOPIC_CREATED, topic.name(), "topic " + topic.name()
                            + " created: " + topic.partitions().size() + " partitions, RF " + topic.replicationFactor()));
                }
                continue;
            }
            Map<Integer, PartitionView> oldParts = index(was.partitions(), PartitionView::partition);
            for (PartitionView p : topic.partitions()) {
                PartitionView q = oldParts.get(p.partition());
                if (q != null) {
                    partition(q, p, at, out);
                }
            }
        }
        for (TopicView was : before.topics()) {
            if (!nowNames.contains(was.name()) && !was.internal()) {
                out.add(new ClusterEvent(at, Kind.TOPIC_DELETED, was.name(), "topic " + was.name() + " deleted"));
            }
        }
    }

    private static void partition(PartitionView was, PartitionView now, Instant at, List<ClusterEvent> out) {
        String name = now.name();
        if (was.leader() != now.leader()) {
            if (now.offline()) {
                out.add(new ClusterEvent(at, Kind.PARTITION_OFFLINE, name,
                        name + " offline: leader " + was.leader() + " gone, no in-sync replica to take over"));
            } else {
                out.add(new ClusterEvent(at, Kind.LEADER_MOVED, name, name + ": leader "
                        + (was.offline() ? "none" : was.leader()) + " -> " + now.leader()));
            }
        }
        Set<Integer> oldIsr = new TreeSet<>(was.isr());
        Set<Integer> newIsr = new TreeSet<>(now.isr());
        if (!oldIsr.equals(newIsr)) {
            Set<Integer> left = new TreeSet<>(oldIsr);
            left.removeAll(newIsr);
            Set<Integer> joined = new TreeSet<>(newIsr);
            joined.removeAll(oldIsr);
            if (!left.isEmpty()) {
                out.add(new ClusterEvent(at, Kind.ISR_SHRANK, name, name + ": ISR shrank " + oldIsr + " -> " + newIsr
                        + " (" + left.stream().map(id -> "broker " + id).collect(Collectors.joining(", ")) + " out)"));
            }
            if (!joined.isEmpty()) {
                out.add(new ClusterEvent(at, Kind.ISR_EXPANDED, name, name + ": ISR expanded " + oldIsr + " -> "
                        + newIsr + " (" + joined.stream().map(id -> "broker " + id).collect(Collectors.joining(", "))
                        + " back)"));
            }
        }
    }

    private static void groups(ClusterSnapshot before, ClusterSnapshot after, Instant at, List<ClusterEvent> out) {
        Map<String, GroupView> old = index(before.groups(), GroupView::groupId);
        for (GroupView now : after.groups()) {
            GroupView was = old.get(now.groupId());
            if (was == null) {
                continue;
            }
            String g = (now.type() == org.apache.kafka.common.GroupType.SHARE ? "share group " : "group ") + now.groupId();
            if (now.state() != was.state()) {
                out.add(new ClusterEvent(at, Kind.GROUP_STATE, now.groupId(),
                        g + ": " + was.state() + " -> " + now.state()));
            }
            Map<String, MemberView> oldMembers = index(was.members(), MemberView::memberId);
            Map<String, MemberView> newMembers = index(now.members(), MemberView::memberId);
            for (MemberView m : now.members()) {
                if (!oldMembers.containsKey(m.memberId())) {
                    out.add(new ClusterEvent(at, Kind.MEMBER_JOINED, now.groupId(),
                            g + ": member " + m.clientId() + " joined"));
                }
            }
            for (MemberView m : was.members()) {
                if (!newMembers.containsKey(m.memberId())) {
                    out.add(new ClusterEvent(at, Kind.MEMBER_LEFT, now.groupId(),
                            g + ": member " + m.clientId() + " left"));
                }
            }
            boolean epochMoved = now.groupEpoch() != null && was.groupEpoch() != null
                    && !Objects.equals(now.groupEpoch(), was.groupEpoch());
            Map<String, Set<TopicPartition>> oldAssign = assignment(was);
            Map<String, Set<TopicPartition>> newAssign = assignment(now);
            if (epochMoved || (!oldAssign.equals(newAssign) && !newAssign.isEmpty())) {
                out.add(new ClusterEvent(at, Kind.GROUP_REBALANCED, now.groupId(), g + " rebalanced"
                        + (epochMoved ? ": epoch " + was.groupEpoch() + " -> " + now.groupEpoch() : "") + ", "
                        + now.members().size() + " member(s) share " + newAssign.values().stream()
                                .flatMap(Set::stream).distinct().count() + " partition(s)"));
            }
        }
    }

    private static Map<String, Set<TopicPartition>> assignment(GroupView group) {
        Map<String, Set<TopicPartition>> map = new HashMap<>();
        for (MemberView m : group.members()) {
            map.put(m.memberId(), m.assignment());
        }
        return map;
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        Map<K, V> map = new HashMap<>();
        for (V v : values) {
            map.put(key.apply(v), v);
        }
        return map;
    }
}
