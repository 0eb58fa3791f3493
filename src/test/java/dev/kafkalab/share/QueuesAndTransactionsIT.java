package dev.kafkalab.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.produce.TransactionalSender;
import dev.kafkalab.testkit.Await;
import dev.kafkalab.testkit.ChildJvm;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kafka 4.x beyond the classic course, on the real local cluster: share groups (KIP-932, queues
 * for Kafka) and transactions with their last stable offset. Each test has a topic and a group
 * of its own; the cluster is shared.
 */
class QueuesAndTransactionsIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theClusterIsFormattedWithShareGroupsOn() throws Exception {
        var features = kafka.admin().describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS).finalizedFeatures();
        assertEquals(2, features.get("share.version").maxVersionLevel(), "share.version as Kafka 4.4 formats it: "
                + features);
    }

    @Test
    void shareGroupMembersOutnumberingPartitionsGetDisjointRecords() throws Exception {
        kafka.createTopic("queue-disjoint", 2, 3, Map.of());
        startAtTheEarliest("workers-disjoint", Map.of());
        List<ShareMember> members = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                members.add(member("m" + i, "workers-disjoint", "queue-disjoint", AckPolicy.ACCEPT));
            }
            produce("queue-disjoint", 60);
            Await.until(() -> received(members).size() == 60, WAIT, "60 records received by 3 members of 2 partitions");
            List<String> all = members.stream().flatMap(m -> m.deliveries().stream()).map(QueuesAndTransactionsIT::id)
                    .toList();
            assertEquals(60, new HashSet<>(all).size(), "every record once");
            assertEquals(60, all.size(), "no record to two members: " + duplicates(all));
            members.forEach(m -> assertEquals(null, m.failure(), m.name() + " failed"));
        } finally {
            members.forEach(ShareMember::close);
        }
    }

    @Test
    void aRejectedRecordIsNeverDeliveredAgain() throws Exception {
        kafka.createTopic("queue-poison", 1, 3, Map.of());
        startAtTheEarliest("workers-poison", Map.of());
        ShareMember picky = member("picky", "workers-poison", "queue-poison", AckPolicy.rejectEvery(5));
        ShareMember other = member("other", "workers-poison", "queue-poison", AckPolicy.ACCEPT);
        try {
            produce("queue-poison", 20);
            List<ShareMember> both = List.of(picky, other);
            Await.until(() -> received(both).size() == 20, WAIT, "all 20 records received");
            Set<String> rejected = picky.deliveries().stream().filter(d -> d.acknowledged() == AcknowledgeType.REJECT)
                    .map(QueuesAndTransactionsIT::id).collect(Collectors.toSet());
            assertFalse(rejected.isEmpty(), "the picky member rejected some: " + picky.deliveries());
            // A marker after them: once it is in, anything rejected would have come back before it.
            produce("queue-poison", 1, "marker");
            Await.until(() -> received(both).contains("0@20"), WAIT, "the marker record received");
            picky.policy(AckPolicy.ACCEPT);
            produce("queue-poison", 1, "second-marker");
            Await.until(() -> received(both).contains("0@21"), WAIT, "the second marker received");
            for (ShareMember m : both) {
                for (Delivery d : m.deliveries()) {
                    if (rejected.contains(id(d))) {
                        assertEquals(AcknowledgeType.REJECT, d.acknowledged(), "a rejected record came back: " + d);
                    }
                }
            }
        } finally {
            picky.close();
            other.close();
        }
    }

    @Test
    void aRecordHeldPastItsLockGoesToAnotherMemberWithDeliveryCountTwo() throws Exception {
        kafka.createTopic("queue-held", 1, 3, Map.of());
        // The lock as short as the demo cluster allows.
        startAtTheEarliest("workers-held", Map.of("share.record.lock.duration.ms", "2000"));
        produce("queue-held", 5);
        ShareMember holder = member("holder", "workers-held", "queue-held", AckPolicy.HOLD);
        ShareMember helper = null;
        try {
            Await.until(() -> holder.deliveries().size() == 5, WAIT, "the holder got all 5 records");
            holder.deliveries().forEach(d -> assertEquals(1, d.deliveryCount(), "first delivery: " + d));
            helper = member("helper", "workers-held", "queue-held", AckPolicy.ACCEPT);
            ShareMember h = helper;
            Await.until(() -> h.deliveries().size() >= 5, WAIT, "the held records redelivered to the helper");
            for (Delivery d : helper.deliveries()) {
                assertEquals(2, d.deliveryCount(), "delivered a second time after the lock ran out: " + d);
            }
        } finally {
            holder.close();
            if (helper != null) {
                helper.close();
            }
        }
    }

    @Test
    void readCommittedNeverSeesAnAbortedRecord() throws Exception {
        kafka.createTopic("tx-orders", 1, 3, Map.of());
        try (TransactionalSender tx = new TransactionalSender(kafka.clients(), "lab-tx-abort", Duration.ofSeconds(30))) {
            tx.begin();
            tx.send("tx-orders", "aborted", 5);
            tx.abort();
            tx.begin();
            tx.send("tx-orders", "committed", 5);
            tx.commit();
        }
        List<String> committed = readAll("tx-orders", IsolationLevel.READ_COMMITTED, 5);
        assertEquals(List.of("committed-1", "committed-2", "committed-3", "committed-4", "committed-5"), committed);
        List<String> uncommitted = readAll("tx-orders", IsolationLevel.READ_UNCOMMITTED, 10);
        assertEquals(10, uncommitted.size(), "read_uncommitted sees the aborted records too: " + uncommitted);
        assertTrue(uncommitted.contains("aborted-3"), uncommitted.toString());
        // The log, read both ways: 5 aborted records, the abort marker at 5, 5 committed, the commit marker at 11.
        var marks = dev.kafkalab.topics.LogMarks.read(kafka.clients(), "tx-orders").get(0);
        assertEquals(List.of(5L, 11L), marks.markers());
        assertEquals("0-4", marks.aborted().stream().map(r -> r[0] + "-" + r[1]).collect(Collectors.joining(",")));
    }

    @Test
    void theLastStableOffsetStopsAtAnOpenTransactionAndCatchesUpAtTheCommit() throws Exception {
        kafka.createTopic("tx-lso", 1, 3, Map.of());
        TopicPartition p0 = new TopicPartition("tx-lso", 0);
        try (TransactionalSender tx = new TransactionalSender(kafka.clients(), "lab-tx-lso", Duration.ofSeconds(60))) {
            tx.begin();
            tx.send("tx-lso", "open", 3);
            Await.until(() -> offsets(p0)[0] == 3, WAIT, "the high watermark past the open transaction's 3 records");
            assertEquals(0, lastStable(p0), "the LSO stays at the open transaction's first record");
            // The app's snapshot shows it too (the cluster screen's offsets line, "LSO 0").
            kafka.await(s -> s.partition("tx-lso", 0).map(p -> p.transactionOpen() && p.lastStableOffset() == 0
                    && p.highWatermark() == 3).orElse(false), WAIT, "the snapshot's LSO at the open transaction");
            tx.commit();
            // The commit marker takes an offset: the HW moves to 4, and the LSO with it.
            Await.until(() -> offsets(p0)[0] == offsets(p0)[1], WAIT, "the LSO caught up with the HW after the commit");
            assertEquals(4, highWatermark(p0), "3 records and the commit marker");
            kafka.await(s -> s.partition("tx-lso", 0).map(p -> !p.transactionOpen() && p.lastStableOffset() == 4)
                    .orElse(false), WAIT, "the snapshot's LSO caught up after the commit");
        }
    }

    @Test
    void aCrashedTransactionHoldsTheLastStableOffsetUntilItsCoordinatorAbortsIt() throws Exception {
        kafka.createTopic("tx-hung", 1, 3, Map.of());
        TopicPartition p0 = new TopicPartition("tx-hung", 0);
        Duration timeout = Duration.ofSeconds(10);
        TransactionalSender tx = new TransactionalSender(kafka.clients(), "lab-tx-hung", timeout);
        long began = System.nanoTime();
        tx.begin();
        tx.send("tx-hung", "hung", 3);
        tx.crash();
        Await.until(() -> offsets(p0)[0] >= 3 && offsets(p0)[0] == offsets(p0)[1], WAIT,
                "the coordinator aborting the crashed transaction: LSO = HW");
        Duration held = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(held.compareTo(timeout.minusSeconds(2)) >= 0, "the LSO was held for the transaction's timeout ("
                + timeout.toSeconds() + " s), not released at the crash: released after " + held.toMillis() + " ms");
    }

    @Test
    void kafka4RunsTheStrongerTransactionProtocol() throws Exception {
        var features = kafka.admin().describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS).finalizedFeatures();
        assertEquals(2, features.get("transaction.version").maxVersionLevel(), "transaction.version 2 (KIP-890): "
                + features);
    }

    @Test
    void aCrashedShareMembersRecordsGoToAnotherMemberDeliveredAgain() throws Exception {
        kafka.createTopic("queue-crash", 1, 3, Map.of());
        startAtTheEarliest("workers-crash", Map.of());
        produce("queue-crash", 20);
        ShareMember victim = member("victim", "workers-crash", "queue-crash", AckPolicy.ACCEPT);
        victim.work(2_000);
        ShareMember other = null;
        try {
            // Mid-batch: it got a first record (2 s of work each) and holds the rest of its fetch.
            Await.until(() -> !victim.deliveries().isEmpty(), WAIT, "the victim working on its first record");
            victim.crash();
            Await.until(() -> victim.crashed(), WAIT, "the victim crashed");
            Set<String> had = victim.deliveries().stream().map(QueuesAndTransactionsIT::id).collect(Collectors.toSet());
            other = member("other", "workers-crash", "queue-crash", AckPolicy.ACCEPT);
            ShareMember o = other;
            Await.until(() -> o.deliveries().stream().anyMatch(d -> had.contains(id(d)) && d.deliveryCount() >= 2),
                    WAIT, "a record the victim held delivered again to the other member: " + had);
            Await.until(() -> received(List.of(o)).containsAll(List.of("0@19")), WAIT, "the rest of the records");
        } finally {
            victim.close();
            if (other != null) {
                other.close();
            }
        }
    }

    @Test
    void aRejectedRecordGoesToTheGroupsDeadLetterTopic() throws Exception {
        kafka.createTopic("queue-dlq", 1, 3, Map.of());
        produce("queue-dlq", 6);
        // As the app starts such a group (KIP-1191): the topic created allowing dead letters, its name
        // with the brokers' dlq. prefix, and named in the group's config.
        ShareGroups groups = new ShareGroups(kafka.clients());
        assertThrows(IllegalArgumentException.class, () -> groups.start("workers-dlq", "queue-dlq", 1,
                AckPolicy.ACCEPT, "dead-queue-dlq"), "a dead-letter topic without the dlq. prefix");
        ShareMember picky = groups.start("workers-dlq", "queue-dlq", 1, AckPolicy.rejectEvery(3), "dlq.queue-dlq")
                .members().get(0);
        try {
            Await.until(() -> picky.deliveries().size() >= 6, WAIT, "all 6 records received");
            List<String> dead = new ArrayList<>();
            Properties settings = new Properties();
            settings.put("group.id", "dlq-reader");
            settings.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> c = kafka.clients().consumer(settings, new StringDeserializer(),
                    new StringDeserializer())) {
                c.subscribe(List.of("dlq.queue-dlq"));
                Await.until(() -> {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        var from = r.headers().lastHeader("__dlq.errors.topic");
                        var group = r.headers().lastHeader("__dlq.errors.group");
                        assertEquals("queue-dlq", from == null ? null : new String(from.value(),
                                java.nio.charset.StandardCharsets.UTF_8), "the header naming where it came from");
                        assertEquals("workers-dlq", group == null ? null : new String(group.value(),
                                java.nio.charset.StandardCharsets.UTF_8), "the header naming the group");
                        dead.add(r.value());
                    }
                    return dead.size() >= 2;
                }, WAIT, "the 2 rejected records on the dead-letter topic");
            }
            assertEquals(List.of("record-3", "record-6"), dead, "the rejected records, copied");
        } finally {
            groups.close();
        }
    }

    @Test
    void recordsAnsweredByHandAreAnsweredAsToldAndTheMemberFetchesOn() throws Exception {
        kafka.createTopic("queue-by-hand", 1, 3, Map.of());
        startAtTheEarliest("workers-by-hand", Map.of());
        produce("queue-by-hand", 3);
        ShareMember person = member("person", "workers-by-hand", "queue-by-hand", AckPolicy.BY_HAND);
        try {
            Await.until(() -> person.deliveries().size() >= 3, WAIT, "the 3 records held for a person's answer");
            person.deliveries().forEach(d -> assertEquals(null, d.acknowledged(), "held, not answered: " + d));
            person.answer(0, 0, AcknowledgeType.ACCEPT);
            person.answer(0, 1, AcknowledgeType.REJECT);
            person.answer(0, 2, AcknowledgeType.ACCEPT);
            Await.until(() -> person.deliveries().stream().filter(Delivery::byHand).count() == 3, WAIT,
                    "the 3 answers given");
            assertEquals(AcknowledgeType.REJECT, person.deliveries().stream().filter(d -> d.byHand() && d.offset() == 1)
                    .findFirst().orElseThrow().acknowledged());
            // Everything fetched is answered: it fetches again, and nothing answered comes back.
            produce("queue-by-hand", 1, "after");
            Await.until(() -> received(List.of(person)).contains("0@3"), WAIT, "the next record fetched");
            assertEquals(4, person.deliveries().stream().filter(d -> !d.byHand()).count(),
                    "no answered record delivered again: " + person.deliveries());
        } finally {
            person.close();
        }
    }

    @Test
    void kafkasOwnShareToolsWorkAgainstTheCluster() throws Exception {
        kafka.createTopic("queue-tools", 1, 3, Map.of());
        startAtTheEarliest("console-share", Map.of());
        produce("queue-tools", 3);
        String bootstrap = kafka.cluster().bootstrapServers();
        try (ChildJvm consumer = ChildJvm.kafkaTool("org.apache.kafka.tools.consumer.ConsoleShareConsumer", List.of(
                "--bootstrap-server", bootstrap, "--topic", "queue-tools", "--group", "console-share",
                "--max-messages", "3"))) {
            assertTrue(consumer.process().waitFor(60, TimeUnit.SECONDS), "the console share consumer ended: "
                    + consumer.err());
            assertEquals(List.of("record-1", "record-2", "record-3"), consumer.out(), String.join("\n", consumer.err()));
        }
        try (ChildJvm groups = ChildJvm.kafkaTool("org.apache.kafka.tools.consumer.group.ShareGroupCommand", List.of(
                "--bootstrap-server", bootstrap, "--list"))) {
            assertTrue(groups.process().waitFor(60, TimeUnit.SECONDS), "kafka-share-groups --list ended");
            assertTrue(groups.out().contains("console-share"), "the group listed: " + groups.out() + groups.err());
        }
    }

    // --- helpers

    private static ShareMember member(String name, String group, String topic, AckPolicy policy) {
        return new ShareMember(name, group, topic, kafka.clients(), policy, d -> { }).start();
    }

    /** A new share group starts at the latest offset by default: these start at the earliest, with {@code more} set too. */
    private static void startAtTheEarliest(String group, Map<String, String> more) throws Exception {
        List<AlterConfigOp> ops = new ArrayList<>();
        ops.add(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET));
        more.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        kafka.admin().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), ops)).all()
                .get(30, TimeUnit.SECONDS);
    }

    private static void produce(String topic, int count) throws Exception {
        produce(topic, count, "record");
    }

    private static void produce(String topic, int count, String prefix) throws Exception {
        try (KafkaProducer<String, String> p = kafka.clients().producer(new Properties(), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 1; i <= count; i++) {
                String value = count == 1 ? prefix : prefix + "-" + i;
                p.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String id(Delivery d) {
        return d.partition() + "@" + d.offset();
    }

    private static Set<String> received(Collection<ShareMember> members) {
        return members.stream().flatMap(m -> m.deliveries().stream()).map(QueuesAndTransactionsIT::id)
                .collect(Collectors.toSet());
    }

    private static List<String> duplicates(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(i -> !seen.add(i)).toList();
    }

    private static List<String> readAll(String topic, IsolationLevel isolation, int expected) throws Exception {
        Properties settings = new Properties();
        settings.put("group.id", "tx-reader-" + isolation.toString().toLowerCase(java.util.Locale.ROOT));
        settings.put("auto.offset.reset", "earliest");
        settings.put("isolation.level", isolation.toString().toLowerCase(java.util.Locale.ROOT));
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = kafka.clients().consumer(settings, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            Await.until(() -> {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return values.size() >= expected;
            }, WAIT, expected + " records read " + isolation);
            // And nothing more behind them.
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(1))) {
                values.add(r.value());
            }
        }
        return values;
    }

    /** The high watermark and the last stable offset, for a wait (which takes no checked exception). */
    private static long[] offsets(TopicPartition p) {
        try {
            return new long[] {highWatermark(p), lastStable(p)};
        } catch (Exception e) {
            throw new IllegalStateException("listing the offsets of " + p + " failed", e);
        }
    }

    private static long highWatermark(TopicPartition p) throws Exception {
        return kafka.admin().listOffsets(Map.of(p, OffsetSpec.latest())).partitionResult(p).get(30, TimeUnit.SECONDS)
                .offset();
    }

    /** The last stable offset: the latest offset a read_committed consumer may read up to. */
    private static long lastStable(TopicPartition p) throws Exception {
        return kafka.admin().listOffsets(Map.of(p, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(p).get(30, TimeUnit.SECONDS).offset();
    }
}
