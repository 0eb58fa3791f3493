package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Failures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Moves a consumer group's committed offsets for one topic, as {@code kafka-consumer-groups.sh
 * --reset-offsets --execute} does, and only while the group has no members: Kafka refuses to
 * change the offsets of a group whose members would overwrite them with their next commit.
 * Admin calls run on the service's own thread; futures never complete exceptionally.
 */
public final class GroupOffsets implements AutoCloseable {

    private static final long CALL_TIMEOUT_S = 10;

    private final Admin admin;
    private final ExecutorService thread = Threads.single("kafka-lab-group-offsets");

    /** Offsets through the actions' shared Admin client, which {@code clients} closes. */
    public GroupOffsets(ClientFactory clients) {
        this.admin = clients.actions();
    }

    /** Resets the group's offsets in every partition of the topic; completes with what it set, or why not. */
    public CompletableFuture<ResetResult> reset(String groupId, String topic, ResetTarget target) {
        return reset(groupId, topic, target, true);
    }

    /** {@code checkFirst=false} skips the membership check, so that tests meet Kafka's own refusal. */
    CompletableFuture<ResetResult> reset(String groupId, String topic, ResetTarget target, boolean checkFirst) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (checkFirst) {
                    int members = members(groupId);
                    if (members > 0) {
                        return ResetResult.refused(groupId, topic, target, notEmpty(groupId, members));
                    }
                }
                return apply(groupId, topic, target);
            } catch (Exception e) {
                return ResetResult.refused(groupId, topic, target, explain(groupId, topic, e));
            }
        }, thread);
    }

    private ResetResult apply(String groupId, String topic, ResetTarget target) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(CALL_TIMEOUT_S, TimeUnit.SECONDS)
                .get(topic);
        List<TopicPartition> partitions = d.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> atTime = target.kind() == ResetTarget.Kind.TIMESTAMP
                ? offsets(partitions, OffsetSpec.forTimestamp(target.value())) : Map.of();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long low = earliest.get(tp);
            long high = latest.get(tp);
            long offset = switch (target.kind()) {
                case EARLIEST -> low;
                case LATEST -> high;
                case OFFSET -> Math.min(Math.max(target.value(), low), high);
                case TIMESTAMP -> atTime.get(tp) < 0 ? high : atTime.get(tp);
            };
            if (target.kind() == ResetTarget.Kind.OFFSET && offset != target.value()) {
                notes.add("partition " + tp.partition() + " holds offsets " + low + " to " + high + ": set to "
                        + offset);
            }
            if (target.kind() == ResetTarget.Kind.TIMESTAMP && atTime.get(tp) < 0) {
                notes.add("partition " + tp.partition() + " has no record at or after " + Instant.ofEpochMilli(
                        target.value()) + ": set to its end, " + high);
            }
            commit.put(tp, new OffsetAndMetadata(offset));
        }
        admin.alterConsumerGroupOffsets(groupId, commit).all().get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        Map<Integer, Long> set = new TreeMap<>();
        commit.forEach((tp, om) -> set.put(tp.partition(), om.offset()));
        return new ResetResult(groupId, topic, target, set, notes, null);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                .get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private int members(String groupId) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                .get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        return d.members().size();
    }

    private String explain(String groupId, String topic, Exception e) {
        Throwable c = Failures.rootCause(e);
        if (c instanceof UnknownMemberIdException || c instanceof GroupNotEmptyException) {
            int members;
            try {
                members = members(groupId);
            } catch (Exception again) {
                members = -1;
            }
            return notEmpty(groupId, members);
        }
        if (c instanceof UnknownTopicOrPartitionException) {
            return "topic " + topic + " does not exist";
        }
        if (c instanceof java.util.concurrent.TimeoutException
                || c instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "the cluster did not answer in time: are the brokers running?";
        }
        return c.getClass().getSimpleName() + ": " + Failures.message(c);
    }

    static String notEmpty(String groupId, int members) {
        String who = members > 0 ? members + " active member" + (members == 1 ? "" : "s") : "active members";
        return "group " + groupId + " has " + who + ": stop them first; Kafka only resets offsets of an empty group"
                + " (a crashed member counts until its session times out)";
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
