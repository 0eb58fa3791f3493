package dev.kafkalab.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeShareGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the share groups (KIP-932) for a snapshot, as {@link GroupView}s of type {@link
 * GroupType#SHARE}: their state and members, each member's partitions (several members share a
 * partition), and per share partition its start offset (the SPSO: every record before it is done
 * with) as the group's "committed" offset, and the records after it not yet done as its lag.
 */
final class ShareGroupReader {

    private final Admin admin;
    private final int timeoutMs;

    ShareGroupReader(Admin admin, int timeoutMs) {
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    /** Asks for the share groups now; {@link #read} waits for the answer. */
    KafkaFuture<Collection<GroupListing>> list() {
        return admin.listGroups(ListGroupsOptions.forShareGroups().timeoutMs(timeoutMs)).all();
    }

    /**
     * The listed groups described, by the deadline; a group that cannot be described in time is
     * named in {@code unreadable} and kept as {@code previous} saw it (all of them, when the listing fails).
     */
    List<GroupView> read(KafkaFuture<Collection<GroupListing>> listing, long deadline, List<String> unreadable,
            ClusterSnapshot previous) {
        Optional<Collection<GroupListing>> listed = get(listing, deadline);
        if (listed.isEmpty()) {
            unreadable.add("share groups");
            return previous.groups().stream().filter(g -> g.type() == GroupType.SHARE).toList();
        }
        List<String> ids = listed.get().stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, KafkaFuture<ShareGroupDescription>> described = admin.describeShareGroups(ids,
                new DescribeShareGroupsOptions().timeoutMs(timeoutMs)).describedGroups();
        Map<String, ListShareGroupOffsetsSpec> specs = new LinkedHashMap<>();
        ids.forEach(id -> specs.put(id, new ListShareGroupOffsetsSpec()));
        var offsets = admin.listShareGroupOffsets(specs, new ListShareGroupOffsetsOptions().timeoutMs(timeoutMs));
        List<GroupView> groups = new ArrayList<>();
        for (String id : ids) {
            Optional<ShareGroupDescription> d = get(described.get(id), deadline);
            if (d.isEmpty()) {
                unreadable.add("share group " + id);
                previous.group(id).ifPresent(groups::add);
                continue;
            }
            Map<TopicPartition, Long> start = new HashMap<>();
            Map<TopicPartition, Long> lag = new HashMap<>();
            get(offsets.partitionsToOffsetInfo(id), deadline).ifPresent(all -> all.forEach((tp, info) -> {
                if (info != null) {
                    add(tp, info, start, lag);
                }
            }));
            List<MemberView> members = new ArrayList<>();
            for (ShareMemberDescription m : d.get().members()) {
                members.add(new MemberView(m.consumerId(), m.clientId(), m.host(), null,
                        m.assignment().topicPartitions(), m.memberEpoch()));
            }
            members.sort(Comparator.comparing(MemberView::clientId).thenComparing(MemberView::memberId));
            groups.add(new GroupView(id, GroupType.SHARE, d.get().groupState(), "simple", d.get().groupEpoch(),
                    members, start, lag));
        }
        return groups;
    }

    private static void add(TopicPartition tp, SharePartitionOffsetInfo info, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> lag) {
        start.put(tp, info.startOffset());
        info.lag().ifPresent(l -> lag.put(tp, l));
    }

    /** A future's value by the deadline; empty when it failed or is late (a null future too). */
    private static <T> Optional<T> get(KafkaFuture<T> future, long deadlineNanos) {
        return future == null ? Optional.empty() : SnapshotPoller.get(future, deadlineNanos);
    }
}
