package dev.kafkalab.lab;

import static dev.kafkalab.lab.Snapshots.cluster;
import static dev.kafkalab.lab.Snapshots.group;
import static dev.kafkalab.lab.Snapshots.led;
import static dev.kafkalab.lab.Snapshots.member;
import static dev.kafkalab.lab.Snapshots.offsets;
import static dev.kafkalab.lab.Snapshots.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import dev.kafkalab.produce.SendResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Named;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of the vocabulary against hand-made snapshots, a hand-fed ledger and hand-made
 * scans: whether it passes, and that its sentence tells the fact a learner needs.
 */
class ChecksTest {

    private static final ProducerSettings BUILT_IN = ProducerSettings.DEFAULTS;
    private static final ProducerSettings ROUND_ROBIN = BUILT_IN.withPartitioner(PartitionerChoice.ROUND_ROBIN);
    private static final ProducerSettings PRIORITY = BUILT_IN.withPartitioner(PartitionerChoice.PRIORITY);
    private static final ProducerMetrics METRICS = new ProducerMetrics(250.0, 1200.5, 3.25, 4.0, 0.42, 0.0);

    // ---- one case that passes and one that does not, for every check

    /** One row of the table: a check line as a lab writes it, the world it sees, and what it says. */
    record Case(String check, Ctx ctx, boolean passes, String fact) {
    }

    static Stream<Arguments> everyCheck() {
        return cases().stream().map(c -> Arguments.of(Named.of(c.check() + (c.passes() ? " passes" : " waits"), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCheck")
    void everyCheckPassesOrWaitsAndSaysWhatItSees(Case c) {
        assertVerdict(c.passes(), c.fact(), evaluate(c.check(), c.ctx()));
    }

    @Test
    void theTableHasAPassingAndAWaitingCaseForEveryCheckOfTheVocabulary() {
        Map<Boolean, Set<String>> covered = cases().stream().collect(Collectors.partitioningBy(Case::passes,
                Collectors.mapping(c -> c.check().split(" ")[0], Collectors.toCollection(TreeSet::new))));
        assertEquals(new TreeSet<>(Vocabulary.CHECKS.keySet()), covered.get(true), "checks with a passing case");
        assertEquals(new TreeSet<>(Vocabulary.CHECKS.keySet()), covered.get(false), "checks with a waiting case");
    }

    private static List<Case> cases() {
        int alice = Ledger.murmur2Partition("alice", 3);
        return List.of(
                new Case("topic-exists topic=orders partitions=3 replication-factor=3", on(orders()), true,
                        "orders has 3 partitions, replication factor 3"),
                new Case("topic-exists topic=orders partitions=6", on(orders()), false,
                        "orders has 3 partitions, replication factor 3; the step asks for 6 partitions"),
                new Case("topic-exists topic=orders config.min.insync.replicas=2",
                        on(orders()).configs("orders", Map.of("min.insync.replicas", "2", "retention.ms", "604800000")),
                        true, "orders has 3 partitions, replication factor 3, min.insync.replicas=2"),
                new Case("topic-exists topic=orders config.min.insync.replicas=2",
                        on(orders()).configs("orders", Map.of("min.insync.replicas", "1")), false,
                        "orders has 3 partitions, replication factor 3, but min.insync.replicas=1; the step asks for"
                                + " min.insync.replicas=2"),
                new Case("topic-exists topic=orders config.retention.ms=20000", on(orders()), false,
                        "orders has 3 partitions, replication factor 3; reading its configs..."),
                new Case("topics-exist topics=orders:3 replication-factor=3", on(orders()), true,
                        "orders has 3 partitions, replication factor 3"),
                new Case("topics-exist topics=orders:3,payments:6 config.min.insync.replicas=2",
                        on(orders()).configs("orders", Map.of("min.insync.replicas", "2")), false,
                        "orders has 3 partitions, replication factor 3, min.insync.replicas=2; there is no topic payments yet"),

                new Case("log-start-moved topic=orders at-least=2", on(ordersWithOffsets()), true,
                        "orders: 2 record(s) deleted from its start (log start offsets adding up to 2)"),
                new Case("log-start-moved topic=orders at-least=3", on(ordersWithOffsets()), false,
                        "orders: 2 record(s) deleted from its start (log start offsets adding up to 2); waiting for 3"),
                new Case("records-in-topic topic=orders at-least=8", on(ordersWithOffsets()), true,
                        "orders holds 8 readable records"),
                new Case("records-in-topic topic=orders at-least=9", on(ordersWithOffsets()), false,
                        "orders holds 8 readable records; waiting for 9"),

                new Case("key-in-one-partition topic=orders key=alice at-least=3",
                        on(orders()).sent("orders", hashed("alice", 3), hashed("alice", 3), hashed("alice", 3)), true,
                        "3 record(s) with key 'alice', all in partition " + alice + ", as murmur2 predicts"),
                new Case("key-in-one-partition topic=orders key=alice at-least=4",
                        on(orders()).sent("orders", hashed("alice", 3), hashed("alice", 3), hashed("alice", 3)), false,
                        "3 record(s) with key 'alice' sent yet; waiting for 4"),

                new Case("keys-hashed topic=orders at-least=3",
                        on(orders()).sent("orders", hashed("alice", 3), hashed("bob", 3), hashed("carol", 3)), true,
                        "3 distinct key(s) sent, each always in its murmur2 partition"),
                new Case("keys-hashed topic=orders at-least=2",
                        on(orders()).sent("orders", hashed("bob", 3), send("alice", 0, 3, BUILT_IN),
                                send("alice", 1, 3, BUILT_IN)), false,
                        "keys not placed by their hash: alice"),

                new Case("unkeyed-spread topic=orders partitions=3",
                        on(orders()).sent("orders", send(null, 0, 3, BUILT_IN), send(null, 1, 3, BUILT_IN),
                                send(null, 2, 3, BUILT_IN)), true,
                        "3 unkeyed record(s) in 3 partition(s)"),
                new Case("unkeyed-spread topic=orders partitions=2",
                        on(orders()).sent("orders", send(null, 1, 3, BUILT_IN), send(null, 1, 3, BUILT_IN)), false,
                        "2 unkeyed record(s) in 1 partition(s), per partition {1=2}; waiting for 2 partitions"),
                new Case("unkeyed-spread topic=orders partitions=3 partitioner=round-robin even=true",
                        on(orders()).sent("orders", send(null, 0, 3, ROUND_ROBIN), send(null, 1, 3, ROUND_ROBIN),
                                send(null, 2, 3, ROUND_ROBIN), send(null, 0, 3, ROUND_ROBIN),
                                send(null, 2, 3, BUILT_IN), send(null, 2, 3, BUILT_IN)), true,
                        "4 unkeyed record(s) sent with the round-robin partitioner in 3 partition(s), per partition"
                                + " {0=2, 1=1, 2=1}"),
                new Case("unkeyed-spread topic=orders partitions=3 partitioner=round-robin even=true",
                        on(orders()).sent("orders", send(null, 0, 3, ROUND_ROBIN), send(null, 1, 3, ROUND_ROBIN),
                                send(null, 2, 3, ROUND_ROBIN), send(null, 0, 3, ROUND_ROBIN),
                                send(null, 0, 3, ROUND_ROBIN)), false,
                        "5 unkeyed record(s) sent with the round-robin partitioner in 3 partition(s), per partition"
                                + " {0=3, 1=1, 2=1}; waiting for as many in each partition, give or take one"),
                new Case("unkeyed-spread topic=orders partitions=2 partitioner=default",
                        on(orders()).sent("orders", send(null, 0, 3, ROUND_ROBIN), send(null, 1, 3, BUILT_IN)), false,
                        "1 unkeyed record(s) sent with the default partitioner in 1 partition(s), per partition {1=1};"
                                + " waiting for 2 partitions"),

                new Case("acks-levels topic=orders levels=all,1,0 at-least=1",
                        on(orders()).sent("orders", send(null, 0, 3, BUILT_IN),
                                send(null, 1, 3, BUILT_IN.withAcks(ProducerSettings.Acks.LEADER)),
                                new SendResult(null, "v", 2, -1, 3, BUILT_IN.withAcks(ProducerSettings.Acks.NONE), null)),
                        true, "orders, acks=all: 1 sent, 1 with an offset; acks=1: 1 sent, 1 with an offset; acks=0: 1"
                                + " sent, no offsets (-1)"),
                new Case("acks-levels topic=orders levels=all,1,0 at-least=2",
                        on(orders()).sent("orders", send(null, 0, 3, BUILT_IN), send(null, 1, 3, BUILT_IN)), false,
                        "orders, acks=all: 2 sent, 2 with an offset; acks=1: 0 sent, 0 with an offset; acks=0: 0 sent,"
                                + " no offsets (-1); waiting for 2 with acks=1, 2 with acks=0"),
                new Case("priority-routed topic=orders",
                        on(orders()).sent("orders", send("urgent-1", 0, 3, PRIORITY), send("routine", 2, 3, PRIORITY)),
                        true, "2 record(s) sent with the priority partitioner, 1 urgent ones all in partition 0"),
                new Case("priority-routed topic=orders",
                        on(orders()).sent("orders", send("urgent-1", 2, 3, PRIORITY), send("routine", 0, 3, PRIORITY)),
                        false, "1 urgent record(s) outside partition 0, 1 other record(s) in it"),

                new Case("broker-state broker=2 state=killed",
                        on(cluster().broker(2, NodeState.KILLED, true).build()), true, "broker 2 is killed, fenced"),
                new Case("broker-state broker=2 state=killed", on(orders()), false,
                        "broker 2 is running, serving; waiting for killed"),

                new Case("leader-moved topic=orders partition=0", on(orders(2)).baseline(orders(1)), true,
                        "the leader of orders-0 moved from broker 1 to broker 2"),
                new Case("leader-moved topic=orders partition=0", on(orders(1)).baseline(orders(1)), false,
                        "the leader of orders-0 is still broker 1"),
                new Case("leader-moved topic=orders partition=0 old-leader=killed",
                        on(movedFromBroker1(NodeState.KILLED)).baseline(orders(1)), true,
                        "the leader of orders-0 moved from broker 1 to broker 2; broker 1 is killed"),
                new Case("leader-moved topic=orders partition=0 old-leader=killed",
                        on(movedFromBroker1(NodeState.STOPPED)).baseline(orders(1)), false,
                        "the leader of orders-0 moved from broker 1 to broker 2; broker 1 is stopped, not killed"),

                new Case("isr-size topic=orders partition=0 size=2", on(ordersShort()), true,
                        "the ISR of orders-0 is [1, 2]"),
                new Case("isr-size topic=orders partition=0 size=3", on(ordersShort()), false,
                        "the ISR of orders-0 is [1, 2]; waiting for 3 member(s)"),

                new Case("isr-full topic=orders", on(orders()), true, "every replica is in sync"),
                new Case("isr-full topic=orders", on(ordersShort()), false,
                        "not in sync yet: orders-0 ISR [1, 2] of [1, 2, 3]"),

                new Case("under-replicated topic=orders at-least=1", on(ordersShort()), true,
                        "1 partition(s) of orders under-replicated"),
                new Case("under-replicated topic=orders at-least=1", on(orders()), false,
                        "0 partition(s) of orders under-replicated; waiting for 1"),

                new Case("group-members group=readers members=2", on(readers(member("a", 0, 1), member("b", 2))), true,
                        "group readers has 2 member(s)"),
                new Case("group-members group=readers members=3", on(readers(member("a", 0, 1), member("b", 2))), false,
                        "group readers has 2 member(s); waiting for 3"),

                new Case("group-balanced group=readers topic=orders", on(readers(member("a", 0, 1), member("b", 2))),
                        true, "2 member(s) share 3 of 3 partitions (1, 2)"),
                new Case("group-balanced group=readers topic=orders", on(readers(member("a", 0, 1), member("b"))),
                        false, "2 member(s) share 2 of 3 partitions (0, 2); not all assigned"),
                new Case("group-balanced group=readers topic=orders", on(readers(member("a", 0, 1, 2), member("b"))),
                        false, "2 member(s) share 3 of 3 partitions (0, 3); not evenly"),
                new Case("group-balanced group=readers topic=orders members=2",
                        on(readers(member("a", 0, 1), member("b", 2))), true, "2 member(s) share 3 of 3 partitions (1, 2)"),
                new Case("group-balanced group=readers topic=orders members=2", on(readers(member("a", 0, 1, 2))),
                        false, "1 member(s) share 3 of 3 partitions (3); waiting for 2 member(s)"),

                new Case("group-idle-members group=readers", on(readers(member("a", 0, 1, 2), member("b"))), true,
                        "1 of 2 member(s) have no partition"),
                new Case("group-idle-members group=readers", on(readers(member("a", 0, 1), member("b", 2))), false,
                        "0 of 2 member(s) have no partition; waiting for 1"),

                new Case("group-rebalanced group=readers", on(readers(member("a", 0, 1), member("b", 2)))
                        .baseline(readers(member("a", 0, 1, 2))), true,
                        "group readers has a new assignment (2 member(s))"),
                new Case("group-rebalanced group=readers", on(readers(member("a", 0, 1, 2)))
                        .baseline(readers(member("a", 0, 1, 2))), false,
                        "group readers has the assignment it had when the step began"),

                new Case("member-partitions-moved group=readers", on(readers(member("a", 0, 1, 2)))
                        .baseline(readers(member("a", 0, 1), member("b", 2))), true,
                        "the partitions of the member that left (orders-2) belong to other members now"),
                new Case("member-partitions-moved group=readers", on(readers(member("a", 0, 1)))
                        .baseline(readers(member("a", 0, 1), member("b", 2))), false,
                        "a member left; its partitions orders-2 have no owner yet"),

                new Case("records-consumed group=readers topic=orders at-least=12", on(readersWithOffsets()), true,
                        "group readers committed 12 record(s) of orders"),
                new Case("records-consumed group=readers topic=orders at-least=13", on(readersWithOffsets()), false,
                        "group readers committed 12 record(s) of orders; waiting for 13"),

                new Case("consumer-lag group=readers topic=orders at-least=7", on(readersWithOffsets()), true,
                        "group readers is 7 record(s) behind on orders"),
                new Case("consumer-lag group=readers topic=orders at-least=8", on(readersWithOffsets()), false,
                        "group readers is 7 record(s) behind on orders; waiting for 8"),
                new Case("consumer-lag group=readers topic=orders at-least=7 stopped=true",
                        on(readersWithOffsets(GroupState.EMPTY)), true, "group readers is 7 record(s) behind on orders"),
                new Case("consumer-lag group=readers topic=orders at-least=7 stopped=true",
                        on(readersWithOffsets(GroupState.STABLE, member("a", 0, 1, 2))), false,
                        "group readers is 7 record(s) behind on orders; waiting for its 1 member(s) to stop"),

                new Case("acked-records-lost topic=orders", on(ordersLogEnding(7, 7)).acked("orders", 0, 5, 9, 5), true,
                        "3 of 5 acknowledged record(s) are not on the leader any more"),
                new Case("acked-records-lost topic=orders", on(ordersLogEnding(10, 10)).acked("orders", 0, 5, 9, 5),
                        false, "all 5 acknowledged record(s) are on the leader and readable"),
                new Case("acked-records-kept topic=orders", on(ordersLogEnding(10, 10)).demoAcked("orders", 0, 5, 9, 5),
                        true, "all 5 acknowledged record(s) are on the leader and readable"),
                new Case("acked-records-kept topic=orders", on(ordersLogEnding(7, 7)).demoAcked("orders", 0, 5, 9, 5),
                        false, "3 of 5 acknowledged record(s) are not on the leader any more"),
                new Case("acked-records-kept topic=orders", on(ordersLogEnding(10, 10)).acked("orders", 0, 5, 9, 5),
                        false, "the experiment has not run on orders since the app started: run it (again)"),

                new Case("old-leader-rejoined topic=orders new-records=500 new-offsets=reused",
                        afterTheDemo(ordersRejoined(501L, 501)).acked("orders", 0, 1, 500, 500), true,
                        "broker 1 is back in the ISR, its log ending at 501 with the leader's (its log ended at 1001"
                                + " when it was killed); the 500 new records took offsets from 1, where acknowledged"
                                + " records were lost"),
                new Case("old-leader-rejoined topic=orders new-records=500 new-offsets=reused",
                        afterTheDemo(ordersRejoined(null, 1)), false,
                        "broker 1 is down (its log ended at 1001 when it was killed): start it"),

                new Case("records-added topic=orders at-least=10", on(ordersLogEnding(12, 12))
                        .baseline(ordersLogEnding(2, 2)), true, "10 record(s) written to orders since the step began"),
                new Case("records-added topic=orders at-least=11", on(ordersLogEnding(12, 12))
                        .baseline(ordersLogEnding(2, 2)), false,
                        "10 record(s) written to orders since the step began; waiting for 11"),

                new Case("records-through-election topic=orders at-least=50", on(orders()).baseline(ordersLogEnding(2, 2))
                        .scan(elected(30, 60)), true,
                        "partition 0: 28 record(s) this step under leader epoch 0, then 60 under a newer leader (epoch 1)"),
                new Case("records-through-election topic=orders at-least=61", on(orders()).baseline(ordersLogEnding(2, 2))
                        .scan(elected(30, 60)), false, "partition 0: 28 record(s) this step under leader epoch 0, then 60"
                                + " under a newer leader (epoch 1); waiting for 61 after it"),

                new Case("avro-decodes topic=orders schema=avro-prices/stock-price-v1.avsc at-least=2",
                        on(orders()).baseline(ordersLogEnding(1, 1)).scan(prices(avroPrice("AAPL"), avroPrice("IBM"),
                                avroPrice("MSFT"), "IBM,180.5,1764680000000".getBytes(StandardCharsets.UTF_8))), true,
                        "2 value(s) written to orders since the step began decode as StockPrice (stock-price-v1.avsc),"
                                + " 1 do not"),
                new Case("avro-decodes topic=orders schema=avro-prices/stock-price-v1.avsc at-least=3",
                        on(orders()).baseline(ordersLogEnding(1, 1)).scan(prices(avroPrice("AAPL"), avroPrice("IBM"),
                                avroPrice("MSFT"), "IBM,180.5,1764680000000".getBytes(StandardCharsets.UTF_8))), false,
                        "2 value(s) written to orders since the step began decode as StockPrice (stock-price-v1.avsc),"
                                + " 1 do not; waiting for 3"),

                new Case("program-printed program=steady pattern=\"failed: .*Timeout\"", on(orders())
                        .program("steady", null, "sent 50", "send failed: TimeoutException: Expiring 3 record(s)"), true,
                        "steady printed \"send failed: TimeoutException: Expiring 3 record(s)\""),
                new Case("program-printed program=steady pattern=\"failed: .*Timeout\"", on(orders())
                        .program("steady", null, "sent 50", "sent 100"), false,
                        "steady runs; it has not printed a line matching failed: .*Timeout since this step began"),

                new Case("records-stored topic=emp at-least=201", on(orders()).scan(new TopicScan("emp", 201, 201,
                        Map.of(), Set.of("employee-1"))), true, "emp stores 201 record(s) of 201 written"),
                new Case("records-stored topic=emp at-least=201", on(orders()).scan(new TopicScan("emp", 6, 201,
                        Map.of(), Set.of("employee-1"))), false, "emp stores 6 record(s) of 201 written; waiting for 201"),

                new Case("distinct-keys topic=prices at-least=3", on(orders()).scan(new TopicScan("prices", 12, 12,
                        Map.of(), Set.of("a", "b", "c"))), true, "prices stores records with 3 distinct key(s)"),
                new Case("distinct-keys topic=prices at-least=4", on(orders()).scan(new TopicScan("prices", 12, 12,
                        Map.of(), Set.of("a", "b", "c"))), false,
                        "prices stores records with 3 distinct key(s); waiting for 4"),

                new Case("producer-metric metric=batch-size-avg above=1000", on(orders()).metrics(METRICS), true,
                        "batch-size-avg is 1200.50"),
                new Case("producer-metric metric=batch-size-avg below=1000", on(orders()).metrics(METRICS), false,
                        "batch-size-avg is 1200.50; waiting for less than 1000.0"),
                new Case("producer-metric metric=batch-size-avg above=1000 batch-size=16384 linger-ms=5 compression=none",
                        on(orders()).metrics(METRICS).sent("orders", send(null, 0, 3, BUILT_IN)), true,
                        "batch-size-avg is 1200.50"),
                new Case("producer-metric metric=batch-size-avg above=1000 batch-size=200 linger-ms=5",
                        on(orders()).metrics(METRICS).sent("orders", send(null, 0, 3, BUILT_IN)), false,
                        "batch-size-avg is 1200.50, but the newest records were sent with batch.size=16384 (the step:"
                                + " 200): send with the step's settings"),
                new Case("producer-metric metric=batch-size-avg above=1000 compression=gzip", on(orders()).metrics(METRICS),
                        false, "batch-size-avg is 1200.50, but no records were sent since the app started: send some"),

                new Case("counts-add-up topic=counts input=clicks at-least=5", on(orders())
                        .scan(new TopicScan("clicks", 6, 6, Map.of("a", "x", "b", "y"), Set.of("a", "b")))
                        .scan(new TopicScan("counts", 4, 4, Map.of("a", "4", "b", "2"), Set.of("a", "b"))), true,
                        "clicks stores 6 keyed record(s) over 2 key(s); the newest counts in counts add up to 6 over 2"
                                + " key(s)"),
                new Case("counts-add-up topic=counts input=clicks", on(orders())
                        .scan(new TopicScan("clicks", 7, 7, Map.of("a", "x", "b", "y"), Set.of("a", "b")))
                        .scan(new TopicScan("counts", 4, 4, Map.of("a", "4", "b", "2"), Set.of("a", "b"))), false,
                        "clicks stores 7 keyed record(s) over 2 key(s); the newest counts in counts add up to 6 over 2"
                                + " key(s); waiting for the counts to catch up"),
                new Case("compacted topic=prices", on(orders()).scan(new TopicScan("prices", 3, 10,
                        Map.of("AAPL", "101", "MSFT", "402", "IBM", "180"), Set.of("AAPL", "MSFT", "IBM"))), true,
                        "prices stores 3 record(s) of 10 written"),
                new Case("compacted topic=prices", on(orders()).scan(new TopicScan("prices", 10, 10,
                        Map.of("AAPL", "101"), Set.of("AAPL"))), false,
                        "prices stores 10 record(s) of 10 written; waiting for the cleaner"),
                new Case("compacted topic=emp tombstone=employee-3", on(orders()).scan(employees(5, 203, true)), true,
                        "emp stores 5 record(s) of 203 written, the tombstone of 'employee-3' among them"),
                new Case("compacted topic=emp tombstone=employee-3", on(orders()).scan(employees(4, 204, false)), false,
                        "emp stores 4 record(s) of 204 written; no record with key 'employee-3' is stored: its tombstone"
                                + " is gone already"),

                new Case("key-absent topic=prices key=IBM", on(orders()).scan(new TopicScan("prices", 2, 10,
                        Map.of("AAPL", "101", "MSFT", "402"), Set.of("AAPL", "MSFT"))), true,
                        "no record with key 'IBM' is stored any more"),
                new Case("key-absent topic=prices key=IBM", on(orders()).scan(new TopicScan("prices", 3, 10,
                        tombstoneFor("IBM"), Set.of("AAPL", "IBM"))), false,
                        "the tombstone for 'IBM' is still stored"),

                new Case("share-delivered group=workers at-least=2 members=2", on(orders()).clients(shareGot(
                        got("m1", 0, AcknowledgeType.ACCEPT, 1), got("m2", 1, AcknowledgeType.ACCEPT, 1))), true,
                        "2 record(s) accepted since the step began, each once, by 2 member(s)"),
                new Case("share-delivered group=workers at-least=2 members=2", on(orders()).clients(shareGot(
                        got("m1", 0, AcknowledgeType.ACCEPT, 1), got("m1", 1, AcknowledgeType.ACCEPT, 1))), false,
                        "by 1 member(s) [m1]; waiting for 2 by 2 members"),
                new Case("share-rejected group=workers at-least=1", on(orders()).clients(shareGot(
                        got("m1", 0, AcknowledgeType.REJECT, 1), got("m2", 1, AcknowledgeType.ACCEPT, 1))), true,
                        "1 record(s) rejected and never delivered again"),
                new Case("share-rejected group=workers at-least=1", on(orders()).clients(shareGot(
                        got("m1", 0, AcknowledgeType.REJECT, 1), got("m2", 0, AcknowledgeType.ACCEPT, 2))), false,
                        "the rejected record 0@0 was delivered again"),
                new Case("share-redelivered group=workers at-least=1 from=held", on(orders()).clients(shareGot(
                        got("m1", 0, null, 1), got("m2", 0, AcknowledgeType.ACCEPT, 2))), true,
                        "1 record(s) that another member held past their lock delivered again"),
                new Case("share-redelivered group=workers at-least=1 from=held", on(orders()).clients(shareGot(
                        got("m1", 0, null, 1))), false, "0 record(s) that another member held"),
                new Case("transaction-state topic=orders state=open", on(ordersInTransaction(true)), true,
                        "a transaction is open: orders-0 LSO 2 < HW 4"),
                new Case("transaction-state topic=orders state=open", on(ordersInTransaction(false)), false,
                        "orders: no transaction open (LSO = HW)"),
                new Case("stock-sender state=running", on(orders()).stockSender("running"), true,
                        "the stock-price sender is running"),
                new Case("stock-sender state=running", on(orders()), false, "the stock-price sender is not started"));
    }

    // ---- leader-moved

    @ParameterizedTest
    @CsvSource(textBlock = """
            # leader when the step began, leader now, passes, sentence
            1,  2, true,  the leader of orders-0 moved from broker 1 to broker 2
            3,  1, true,  the leader of orders-0 moved from broker 3 to broker 1
            2,  2, false, the leader of orders-0 is still broker 2
            1, -1, false, orders-0 has no leader right now (was broker 1)
            2, -1, false, orders-0 has no leader right now (was broker 2)
            """)
    void leaderMovedComparesWithTheStepsBaselineAndNeedsALeader(int before, int now, boolean passes, String sentence) {
        Verdict v = evaluate("leader-moved topic=orders partition=0", on(orders(now)).baseline(orders(before)));
        assertEquals(new Verdict(passes, sentence), v);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # how the step says the old leader went, broker 1's process now, passes, what it says of broker 1
            killed,  KILLED,   true,  broker 1 is killed
            killed,  FROZEN,   false, 'broker 1 is frozen, not killed'
            stopped, STOPPING, true,  broker 1 is stopping
            stopped, STOPPED,  true,  broker 1 is stopped
            stopped, KILLED,   false, 'broker 1 is killed, not stopped'
            frozen,  FROZEN,   true,  broker 1 is frozen
            frozen,  RUNNING,  false, 'broker 1 is running, not frozen'
            """)
    void leaderMovedWithOldLeaderAsksHowTheLeaderOfTheStepsStartWentAway(String how, NodeState broker1,
            boolean passes, String said) {
        Verdict v = evaluate("leader-moved topic=orders partition=0 old-leader=" + how,
                on(movedFromBroker1(broker1)).baseline(orders(1)));
        assertEquals(new Verdict(passes, "the leader of orders-0 moved from broker 1 to broker 2; " + said), v);
    }

    @Test
    void leaderMovedWithOldLeaderFirstWaitsForTheMove() {
        ClusterSnapshot killedButStillLeading = cluster().broker(1, NodeState.KILLED, false)
                .topic("orders", led("orders", 0, 1)).build();
        assertEquals(Verdict.waiting("the leader of orders-0 is still broker 1"), evaluate(
                "leader-moved topic=orders partition=0 old-leader=killed", on(killedButStillLeading).baseline(orders(1))));
    }

    @Test
    void leaderMovedDoesNotPassForAPartitionTheStepsBaselineDidNotShow() {
        Verdict v = evaluate("leader-moved topic=orders partition=0", on(orders(1)).baseline(cluster().build()));
        assertFalse(v.passed(), v.seen());
        assertFalse(v.seen().contains("broker -1"), v.seen());
    }

    // ---- broker-state

    @ParameterizedTest
    @CsvSource(textBlock = """
            # process, fenced, state asked, passes, what the broker is
            RUNNING,  false, running, true,  'running, serving'
            RUNNING,  false, serving, true,  'running, serving'
            RUNNING,  true,  serving, false, 'running, fenced'
            RUNNING,  true,  fenced,  true,  'running, fenced'
            STARTING, false, running, false, starting
            STOPPED,  true,  stopped, true,  'stopped, fenced'
            STOPPED,  true,  running, false, 'stopped, fenced'
            KILLED,   false, killed,  true,  killed
            KILLED,   false, stopped, false, killed
            FROZEN,   false, frozen,  true,  frozen
            FROZEN,   false, serving, false, frozen
            """)
    void brokerStateReadsTheProcessAndTheControllersView(NodeState process, boolean fenced, String state,
            boolean passes, String is) {
        Verdict v = evaluate("broker-state broker=2 state=" + state, on(cluster().broker(2, process, fenced).build()));
        assertEquals(new Verdict(passes, "broker 2 is " + is + (passes ? "" : "; waiting for " + state)), v);
    }

    @Test
    void brokerStateResolvesLeaderOfAsThePartitionWasWhenTheStepBegan() {
        ClusterSnapshot before = cluster().topic("orders", led("orders", 0, 1)).build();
        ClusterSnapshot after = cluster().broker(1, NodeState.KILLED, true)
                .topic("orders", partition("orders", 0, 2, List.of(2, 3))).build();
        assertVerdict(true, "broker 1 is killed", evaluate("broker-state broker=leader-of:orders/0 state=killed",
                on(after).baseline(before)));
        assertVerdict(true, "broker 2 is running", evaluate("broker-state broker=follower-of:orders/0 state=running",
                on(after).baseline(before)));
    }

    @Test
    void brokerStateResolvesAgainstNowWhenTheBaselineHasNoBrokers() {
        ClusterSnapshot now = cluster().broker(2, NodeState.FROZEN, false).topic("orders", led("orders", 0, 2)).build();
        assertVerdict(true, "broker 2 is frozen", evaluate("broker-state broker=leader-of:orders/0 state=frozen",
                on(now).baseline(ClusterSnapshot.EMPTY)));
    }

    @Test
    void brokerStateResolvesANameAnEarlierActionRemembered() {
        Ctx ctx = on(cluster().broker(3, NodeState.STOPPED, true).build()).remember("victim", 3);
        assertVerdict(true, "broker 3 is stopped", evaluate("broker-state broker=$victim state=stopped", ctx));
        assertVerdict(false, "broker 3 is stopped, fenced; waiting for running",
                evaluate("broker-state broker=$victim state=running", ctx));
    }

    @Test
    void brokerStateWaitsForANameNoActionRememberedYet() {
        assertVerdict(false, "$victim is not known yet", evaluate("broker-state broker=$victim state=killed",
                on(orders()).remember("other", 1)));
    }

    @Test
    void aBrokerTheAppDoesNotRunIsRunningWhenItServes() {
        assertTrue(evaluate("broker-state broker=2 state=running", on(notRunByTheApp(false))).passed());
        assertFalse(evaluate("broker-state broker=2 state=running", on(notRunByTheApp(true))).passed());
        assertFalse(evaluate("broker-state broker=2 state=killed", on(notRunByTheApp(true))).passed(),
                "the app cannot know it was killed");
    }

    @Test
    void theSentenceForABrokerTheAppDoesNotRunHasNoStrayComma() {
        assertEquals("broker 2 is serving", evaluate("broker-state broker=2 state=running",
                on(notRunByTheApp(false))).seen());
    }

    // ---- consumer groups

    @ParameterizedTest
    @CsvSource(textBlock = """
            # check, state of the group now, what it says
            group-balanced group=readers topic=orders, RECONCILING,          'group readers is reconciling, not stable yet'
            group-balanced group=readers topic=orders, EMPTY,                'group readers is empty, not stable yet'
            group-idle-members group=readers,          PREPARING_REBALANCE,  not stable yet
            group-rebalanced group=readers,            COMPLETING_REBALANCE, not stable yet
            group-rebalanced group=readers,            ASSIGNING,            'group readers is assigning, not stable yet'
            member-partitions-moved group=readers,     RECONCILING,          a member left
            """)
    void groupChecksPassOnlyOnceTheGroupIsStable(String check, GroupState state, String sentence) {
        assertTrue(evaluate(check, groupStory(check, GroupState.STABLE)).passed(), "the same story passes when stable");
        assertVerdict(false, sentence, evaluate(check, groupStory(check, state)));
    }

    /** A group whose story passes the check when the group is stable now. */
    private static Ctx groupStory(String check, GroupState now) {
        Function<MemberView[], ClusterSnapshot> readers = members -> cluster().topic("orders", led("orders", 0, 1),
                led("orders", 1, 2), led("orders", 2, 3)).group(group("readers", now, members)).build();
        return switch (check.split(" ")[0]) {
            case "group-balanced" -> on(readers.apply(new MemberView[] {member("a", 0, 1), member("b", 2)}));
            case "group-idle-members" -> on(readers.apply(new MemberView[] {member("a", 0, 1, 2), member("b")}));
            case "group-rebalanced" -> on(readers.apply(new MemberView[] {member("a", 0, 1), member("b", 2)}))
                    .baseline(readers(member("a", 0, 1, 2)));
            case "member-partitions-moved" -> on(readers.apply(new MemberView[] {member("a", 0, 1, 2)}))
                    .baseline(readers(member("a", 0, 1), member("b", 2)));
            default -> throw new IllegalArgumentException(check);
        };
    }

    @Test
    void consumerLagOfAStoppedGroupStillWaitsForTheLag() {
        assertVerdict(false, "group readers is 7 record(s) behind on orders; waiting for 8",
                evaluate("consumer-lag group=readers topic=orders at-least=8 stopped=true",
                        on(readersWithOffsets(GroupState.EMPTY))));
        assertTrue(evaluate("consumer-lag group=readers topic=orders at-least=7 stopped=false",
                on(readersWithOffsets())).passed(), "stopped=false asks nothing of the members");
    }

    @Test
    void memberPartitionsMovedWaitsWhileEveryMemberThatOwnedPartitionsIsThere() {
        Ctx sameMembers = on(readers(member("a", 0), member("b", 1, 2)))
                .baseline(readers(member("a", 0, 1), member("b", 2), member("idle")));
        assertVerdict(false, "every member with partitions when the step began is still in group readers",
                evaluate("member-partitions-moved group=readers", sameMembers));
    }

    @Test
    void memberPartitionsMovedNamesEveryPartitionOfTheMemberThatLeft() {
        Ctx moved = on(readers(member("a", 0, 1, 2), member("c", 3)))
                .baseline(readers(member("a", 0), member("b", 1, 2), member("c", 3)));
        assertVerdict(true, "(orders-1, orders-2) belong to other members now",
                evaluate("member-partitions-moved group=readers", moved));
    }

    @Test
    void groupBalancedCountsEveryMemberEvenWhenTheyShareAClientId() {
        MemberView all = new MemberView("m-1", "consumer-readers-1", "/10.0.0.1", null,
                Set.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1), new TopicPartition("orders", 2)),
                null);
        MemberView none = new MemberView("m-2", "consumer-readers-1", "/10.0.0.2", null, Set.of(), null);
        Verdict v = evaluate("group-balanced group=readers topic=orders", on(readers(all, none)));
        assertVerdict(false, "not evenly", v);
    }

    // ---- acknowledged records

    @ParameterizedTest
    @CsvSource(textBlock = """
            # leader's log end, high watermark, lost passes, kept passes, sentence (offsets 5..9 acknowledged)
            10, 10, false, true,  all 5 acknowledged record(s) are on the leader and readable
            12, 11, false, true,  all 5 acknowledged record(s) are on the leader and readable
            7,   7, true,  false, 3 of 5 acknowledged record(s) are not on the leader any more
            3,   3, true,  false, 5 of 5 acknowledged record(s) are not on the leader any more
            10,  7, false, false, 3 of 5 acknowledged record(s) are on the leader but not readable yet (high watermark)
            10,  5, false, false, 5 of 5 acknowledged record(s) are on the leader but not readable yet (high watermark)
            """)
    void ackedRecordsAreLostWhenTheLeadersLogEndsBeforeThemAndWaitingUnderTheHighWatermark(long leaderEnd,
            long highWatermark, boolean lost, boolean kept, String sentence) {
        Ctx ctx = on(ordersLogEnding(leaderEnd, highWatermark)).demoAcked("orders", 0, 5, 9, 5);
        assertEquals(new Verdict(lost, sentence), evaluate("acked-records-lost topic=orders", ctx));
        assertEquals(new Verdict(kept, sentence), evaluate("acked-records-kept topic=orders", ctx));
    }

    @Test
    void lossIsJudgedOnTheLeadersLogNotTheFollowers() {
        PartitionView led1 = offsets(led("orders", 0, 1), 0, 7, Map.of(1, 7L, 2, 10L, 3, 10L));
        PartitionView led2 = offsets(led("orders", 0, 2), 0, 10, Map.of(1, 7L, 2, 10L, 3, 10L));
        Ctx followersHaveThem = on(cluster().topic("orders", led1).build()).acked("orders", 0, 5, 9, 5);
        Ctx leaderHasThem = on(cluster().topic("orders", led2).build()).demoAcked("orders", 0, 5, 9, 5);
        assertTrue(evaluate("acked-records-lost topic=orders", followersHaveThem).passed());
        assertTrue(evaluate("acked-records-kept topic=orders", leaderHasThem).passed());
    }

    @Test
    void aLossInOnePartitionIsALossOfTheTopic() {
        ClusterSnapshot s = cluster().topic("orders",
                offsets(led("orders", 0, 1), 0, 10, Map.of(1, 10L)),
                offsets(led("orders", 1, 2), 0, 2, Map.of(2, 2L))).build();
        Ctx ctx = on(s).demoAcked("orders", 0, 0, 9, 10).acked("orders", 1, 0, 3, 4);
        assertVerdict(true, "2 of 14 acknowledged record(s) are not on the leader any more",
                evaluate("acked-records-lost topic=orders", ctx));
        assertFalse(evaluate("acked-records-kept topic=orders", ctx).passed());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # leader, leader's log end reported, high watermark, sentence
            -1, true,  10, orders-0 has no leader that reports its log yet
             1, false, 10, orders-0 has no leader that reports its log yet
             1, true,  -1, orders-0 has no leader that reports its log yet
            """)
    void ackedChecksWaitForALeaderThatReportsItsLog(int leader, boolean reported, long highWatermark, String sentence) {
        PartitionView p = offsets(partition("orders", 0, leader, List.of(2, 3)), 0, highWatermark,
                reported ? Map.of(1, 10L, 2, 10L) : Map.of(2, 10L));
        Ctx ctx = on(cluster().topic("orders", p).build()).demoAcked("orders", 0, 5, 9, 5);
        assertEquals(Verdict.waiting(sentence), evaluate("acked-records-lost topic=orders", ctx));
        assertEquals(Verdict.waiting(sentence), evaluate("acked-records-kept topic=orders", ctx));
    }

    @Test
    void recordsKeptBeforeTheExperimentRanProveNothing() {
        Ctx ctx = on(ordersLogEnding(1011, 1011)).acked("orders", 0, 0, 9, 10);
        assertEquals(Verdict.waiting("the experiment has not run on orders since the app started: run it (again)"),
                evaluate("acked-records-kept topic=orders", ctx));
        ctx.demo("orders", new Ledger.Demo(0, 1, 10, 1000, 10, 1009));
        assertEquals(Verdict.pass("all 1010 acknowledged record(s) are on the leader and readable"),
                evaluate("acked-records-kept topic=orders", ctx));
    }

    @Test
    void nothingAcknowledgedIsNeitherLostNorKept() {
        assertEquals(Verdict.waiting("no record of orders acknowledged yet"),
                evaluate("acked-records-kept topic=orders", on(ordersLogEnding(10, 10)).demoAcked("orders", 0, 0, 0, 0)));
        assertEquals(Verdict.waiting("no record of orders acknowledged yet"),
                evaluate("acked-records-lost topic=orders", on(ordersLogEnding(10, 10))));
    }

    @Test
    void neverMoreRecordsAreLostThanWereAcknowledged() {
        Ctx ctx = on(ordersLogEnding(0, 0)).acked("orders", 0, 0, 0, 1).acked("orders", 0, 10, 10, 1);
        assertVerdict(true, "2 of 2 acknowledged record(s) are not on the leader any more",
                evaluate("acked-records-lost topic=orders", ctx));
    }

    // ---- the producer's ledger: keys and partitioners

    @Test
    void aKeyedRecordPlacedByAnotherPartitionerDoesNotCountAsHashed() {
        int predicted = Ledger.murmur2Partition("alice", 3);
        Ctx ctx = on(orders()).sent("orders", hashed("alice", 3), hashed("alice", 3),
                send("alice", predicted, 3, ROUND_ROBIN));
        assertVerdict(false, "1 record(s) with key 'alice' were placed without hashing the key",
                evaluate("key-in-one-partition topic=orders key=alice", ctx));
        assertVerdict(false, "keys not placed by their hash: alice", evaluate("keys-hashed topic=orders at-least=1", ctx));
    }

    @Test
    void aKeyInTwoPartitionsIsNotInOne() {
        assertNotEquals(Ledger.murmur2Partition("alice", 3), Ledger.murmur2Partition("alice", 6),
                "the story needs a key that moves when partitions are added");
        Ctx ctx = on(orders()).sent("orders", hashed("alice", 3), hashed("alice", 6));
        Verdict v = evaluate("key-in-one-partition topic=orders key=alice at-least=2", ctx);
        assertVerdict(false, "records with key 'alice' are in partitions [", v);
        assertVerdict(false, "] (did the partition count change?)", v);
        assertTrue(v.seen().contains("0") && v.seen().contains("3"), v.seen());
    }

    @Test
    void aKeyAllInOnePartitionThatMurmur2DoesNotPredictFails() {
        int predicted = Ledger.murmur2Partition("alice", 3);
        int other = (predicted + 1) % 3;
        Ctx ctx = on(orders()).sent("orders", send("alice", other, 3, BUILT_IN));
        assertVerdict(false, "1 record(s) with key 'alice', all in partition " + other + ", but murmur2 predicts "
                + predicted, evaluate("key-in-one-partition topic=orders key=alice", ctx));
    }

    @Test
    void aKeyNeverSentIsWaitedFor() {
        assertVerdict(false, "no record(s) with key 'alice' sent yet; waiting for 1",
                evaluate("key-in-one-partition topic=orders key=alice", on(orders()).sent("orders", hashed("bob", 3))));
    }

    @Test
    void keysHashedCountsOnlyDistinctKeys() {
        Ctx ctx = on(orders()).sent("orders", hashed("alice", 3), hashed("alice", 3), hashed("bob", 3));
        assertVerdict(false, "2 distinct key(s) sent, each always in its murmur2 partition; waiting for 3",
                evaluate("keys-hashed topic=orders at-least=3", ctx));
        assertTrue(evaluate("keys-hashed topic=orders", ctx).passed(), "two keys by default");
    }

    @Test
    void unkeyedSpreadNeedsAsManyRecordsAsAsked() {
        Ctx ctx = on(orders()).sent("orders", send(null, 0, 3, BUILT_IN), send(null, 1, 3, BUILT_IN));
        assertTrue(evaluate("unkeyed-spread topic=orders partitions=2", ctx).passed());
        assertVerdict(false, "2 unkeyed record(s) in 2 partition(s)",
                evaluate("unkeyed-spread topic=orders partitions=2 at-least=3", ctx));
    }

    @Test
    void unkeyedSpreadSaysWhatItWaitsFor() {
        Ctx ctx = on(orders()).sent("orders", send(null, 0, 3, BUILT_IN), send(null, 1, 3, BUILT_IN));
        Verdict v = evaluate("unkeyed-spread topic=orders partitions=2 at-least=3", ctx);
        assertFalse(v.seen().contains("waiting for 2 partitions"), v.seen());
        assertTrue(v.seen().contains("3"), v.seen());
    }

    @Test
    void partitionsAreListedInOrder() {
        Ctx ctx = on(orders());
        List<Integer> all = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        for (int p : List.of(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)) {
            ctx.sent("orders", send(null, p, 12, BUILT_IN));
        }
        assertVerdict(true, "12 unkeyed record(s) in 12 partition(s), per partition "
                + all.stream().map(p -> p + "=1").collect(Collectors.joining(", ", "{", "}")),
                evaluate("unkeyed-spread topic=orders partitions=12", ctx));
    }

    @Test
    void priorityRoutedWaitsForUrgentRecordsAndIgnoresOtherPartitioners() {
        Ctx ctx = on(orders()).sent("orders", send("urgent-1", 2, 3, BUILT_IN), send("routine", 1, 3, PRIORITY));
        assertVerdict(false, "0 urgent ones all in partition 0 and no other there; waiting for urgent records",
                evaluate("priority-routed topic=orders", ctx));
    }

    // ---- producer metrics

    @ParameterizedTest
    @CsvSource(textBlock = """
            # metric, above, below, passes, sentence (metrics: 250 rec/s, 1200.5 B, 3.25 ms, 4 per request, 0.42)
            batch-size-avg,          1000,   ,     true,  batch-size-avg is 1200.50
            batch-size-avg,          1200.5, ,     false, batch-size-avg is 1200.50; waiting for more than 1200.5
            batch-size-avg,          ,       2000, true,  batch-size-avg is 1200.50
            records-per-request-avg, ,       3,    false, records-per-request-avg is 4.00; waiting for less than 3.0
            records-per-request-avg, 3,      ,     true,  records-per-request-avg is 4.00
            compression-rate-avg,    ,       0.5,  true,  compression-rate-avg is 0.42
            compression-rate-avg,    0.5,    ,     false, compression-rate-avg is 0.42; waiting for more than 0.5
            record-send-rate,        100,    ,     true,  record-send-rate is 250.00
            request-latency-avg,     ,       3,    false, request-latency-avg is 3.25; waiting for less than 3.0
            """)
    void producerMetricIsAboveOrBelowItsValue(String metric, String above, String below, boolean passes,
            String sentence) {
        String check = "producer-metric metric=" + metric + (above == null ? "" : " above=" + above)
                + (below == null ? "" : " below=" + below);
        assertEquals(new Verdict(passes, sentence), evaluate(check, on(orders()).metrics(METRICS)));
    }

    @Test
    void aMetricWithoutAValueYetIsWaitedFor() {
        assertEquals(Verdict.waiting("batch-size-avg has no value yet: send some records"),
                evaluate("producer-metric metric=batch-size-avg below=1000", on(orders())));
    }

    // ---- compaction, from the session's scans

    @Test
    void compactionChecksWaitForTheirScan() {
        assertEquals(Verdict.waiting("reading prices..."), evaluate("compacted topic=prices", on(orders())));
        assertEquals(Verdict.waiting("reading prices..."), evaluate("key-absent topic=prices key=IBM",
                on(orders()).scan(new TopicScan("other", 1, 2, Map.of(), Set.of()))));
    }

    @Test
    void recordsOfOneLeaderAloneAreNoElection() {
        assertEquals(Verdict.waiting("no partition of orders has records from both sides of a leader change since this"
                + " step began"), evaluate("records-through-election topic=orders at-least=1", on(orders())
                        .scan(new TopicScan("orders", 30, 30, Map.of(), Set.of(), Map.of(0, List.of(
                                new TopicScan.EpochRun(3, 0, 29, 30)))))));
    }

    @Test
    void anElectionBeforeTheStepBeganDoesNotCount() {
        // Epoch 0 wrote 0-29 and epoch 1 wrote 30-89, all before the step began at 90.
        assertEquals(Verdict.waiting("no partition of orders has records from both sides of a leader change since this"
                + " step began"), evaluate("records-through-election topic=orders at-least=1",
                        on(orders()).baseline(ordersLogEnding(90, 90)).scan(elected(30, 60))));
    }

    @Test
    void linesPrintedBeforeTheStepBeganDoNotCount() {
        Ctx ctx = on(orders()).program("steady", null, "send failed: TimeoutException");
        ClusterSnapshot later = cluster().at(Snapshots.T0.plusSeconds(60)).topic("orders", led("orders", 0, 1)).build();
        Verdict v = Checks.evaluate(directive("program-printed program=steady pattern=failed"),
                new CheckContext(later, later, new Ledger(), Map.of(), ProducerMetrics.NONE, "none", Map.of(),
                        ctx.build().programs()));
        assertFalse(v.passed(), v.seen());
    }

    @Test
    void aLongPrintedLineIsQuotedByItsStart() {
        String line = "send failed: org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for"
                + " my-steady-topic-2:6001 ms has passed since batch creation.";
        Verdict v = evaluate("program-printed program=steady pattern=Timeout", on(orders()).program("steady", null, line));

        assertEquals("steady printed \"" + line.substring(0, 89) + "…\"", v.seen());
    }

    @Test
    void aProgramThatNeverRanIsAskedFor() {
        assertEquals(Verdict.waiting("steady has not run since this step began: run it on the Code screen"),
                evaluate("program-printed program=steady pattern=closed", on(orders())));
    }

    @Test
    void aLineAtTheEndCountsOnlyOnceTheProgramEnded() {
        String check = "program-printed program=steady pattern=\"unanswered 0$\" ended=true";
        assertEquals(Verdict.waiting("steady printed \"closed: unanswered 0\"; waiting for it to end"),
                evaluate(check, on(orders()).program("steady", null, "closed: unanswered 0")));
        assertTrue(evaluate(check, on(orders()).program("steady", 143, "closed: unanswered 0")).passed());
        assertFalse(evaluate(check, on(orders()).program("steady", 143, "closed: unanswered 3")).passed());
    }

    @Test
    void thenWantsALineAfterTheFirstMatchNotBefore() {
        String check = "program-printed program=demo pattern=\"^100 sends handed\" then=\"-> partition [0-9]+, offset\"";
        assertEquals(Verdict.pass("demo printed \"100 sends handed to the producer\", then \"a-1 -> partition 2,"
                + " offset 7\""), evaluate(check, on(orders()).program("demo", 0, "key-0 -> partition 1, offset 3",
                        "100 sends handed to the producer", "a-1 -> partition 2, offset 7")));
        assertEquals(Verdict.waiting("demo printed \"100 sends handed to the producer\", and no line matching"
                + " -> partition [0-9]+, offset after it"), evaluate(check, on(orders()).program("demo", 0,
                        "a-0 -> partition 1, offset 3", "a-1 -> partition 2, offset 7", "100 sends handed to the producer")),
                "synchronous sends: every answer came before the loop's line");
    }

    @Test
    void compactedWithATombstoneFirstWaitsForTheCleaner() {
        assertEquals(Verdict.waiting("emp stores 201 record(s) of 201 written; waiting for the cleaner"),
                evaluate("compacted topic=emp tombstone=employee-3", on(orders()).scan(employees(201, 201, true))));
    }

    @Test
    void aKeyWhoseNewestRecordHasAValueHasNoTombstone() {
        Map<String, String> latest = Map.of("employee-1", "v41", "employee-3", "back");
        Ctx ctx = on(orders()).scan(new TopicScan("emp", 5, 205, latest, latest.keySet()));
        assertEquals(Verdict.waiting("emp stores 5 record(s) of 205 written; the newest record with key 'employee-3'"
                + " has a value, it is not a tombstone"), evaluate("compacted topic=emp tombstone=employee-3", ctx));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            compacted topic=emp
            compacted topic=emp tombstone=employee-3
            key-absent topic=emp key=employee-5
            """)
    void scanChecksThatCouldPassOnAShortReadWaitForAWholeOne(String check) {
        TopicScan whole = employees(5, 203, true);
        assertTrue(evaluate(check, on(orders()).scan(whole)).passed(), "the whole read passes");
        assertEquals(Verdict.waiting("the last read of emp stopped before its end (it took too long); reading it"
                + " again"), evaluate(check, on(orders()).scan(partial(whole))));
    }

    @Test
    void anEmptyTopicIsNotCompacted() {
        assertVerdict(false, "prices stores 0 record(s) of 0 written",
                evaluate("compacted topic=prices", on(orders()).scan(new TopicScan("prices", 0, 0, Map.of(), Set.of()))));
    }

    @Test
    void aKeyWithAValueIsStored() {
        Ctx ctx = on(orders()).scan(new TopicScan("prices", 2, 10, Map.of("IBM", "180"), Set.of("IBM")));
        assertEquals(Verdict.waiting("records with key 'IBM' are stored"), evaluate("key-absent topic=prices key=IBM", ctx));
    }

    @Test
    void keyAbsentOnATopicWithNothingWrittenDoesNotSayTheKeyIsStored() {
        Verdict v = evaluate("key-absent topic=prices key=IBM",
                on(orders()).scan(new TopicScan("prices", 0, 0, Map.of(), Set.of())));
        assertFalse(v.passed());
        assertFalse(v.seen().contains("are stored"), v.seen());
    }

    @Test
    void onlyTheCompactionChecksReadTheirTopic() {
        assertEquals(List.of("prices"), ScanChecks.scanTopics(directive("compacted topic=prices")));
        assertEquals(List.of("prices"), ScanChecks.scanTopics(directive("key-absent topic=prices key=IBM")));
        assertEquals(List.of("click-counts", "clicks"),
                ScanChecks.scanTopics(directive("counts-add-up topic=click-counts input=clicks")));
        assertEquals(List.of(), ScanChecks.scanTopics(directive("records-in-topic topic=prices at-least=1")));
    }

    // ---- the stock-price sender

    @ParameterizedTest
    @CsvSource(textBlock = """
            # the sender is, the step asks, passes, sentence
            running, running, true,  the stock-price sender is running
            stopped, stopped, true,  the stock-price sender is stopped
            running, stopped, false, the stock-price sender is running
            failed,  stopped, false, the stock-price sender is failed
            none,    running, false, the stock-price sender is not started
            """)
    void stockSenderComparesTheSendersState(String is, String asked, boolean passes, String sentence) {
        assertEquals(new Verdict(passes, sentence), evaluate("stock-sender state=" + asked, on(orders()).stockSender(is)));
    }

    // ---- what is not there

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', textBlock = """
            # check, what it says
            topic-exists topic=ghost,                           there is no topic ghost yet
            records-in-topic topic=ghost at-least=1,            there is no topic ghost yet
            log-start-moved topic=ghost at-least=1,             there is no topic ghost yet
            isr-full topic=ghost,                               there is no topic ghost yet
            isr-full topic=orders partition=9,                  there is no partition orders-9 yet
            isr-size topic=ghost partition=0 size=3,            there is no partition ghost-0 yet
            under-replicated topic=ghost at-least=1,            there is no topic ghost yet
            leader-moved topic=ghost partition=0,               there is no partition ghost-0 yet
            leader-moved topic=orders partition=7,              there is no partition orders-7 yet
            broker-state broker=leader-of:ghost/0 state=killed, there is no partition ghost-0 (yet)
            broker-state broker=7 state=running,                there is no broker 7
            group-balanced group=readers topic=ghost,           there is no topic ghost yet
            group-balanced group=ghosts topic=orders,           there is no group ghosts yet
            group-idle-members group=ghosts,                    there is no group ghosts yet
            group-rebalanced group=ghosts,                      there is no group ghosts yet
            acked-records-lost topic=ghost,                     no record of ghost acknowledged yet
            acked-records-kept topic=vanished,                  there is no partition vanished-0 yet
            key-in-one-partition topic=ghost key=a,             no record(s) with key 'a' sent yet
            keys-hashed topic=ghost,                            0 distinct key(s) sent
            unkeyed-spread topic=ghost partitions=1,            0 unkeyed record(s) in 0 partition(s)
            priority-routed topic=ghost,                        waiting for urgent records
            compacted topic=ghost,                              reading ghost...
            key-absent topic=ghost key=a,                       reading ghost...
            """)
    void aCheckOnSomethingMissingWaitsAndSaysSo(String check, String sentence) {
        Ctx ctx = on(readers(member("a", 0, 1), member("b", 2))).demoAcked("vanished", 0, 0, 4, 5);
        assertVerdict(false, sentence, evaluate(check, ctx));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            group-members group=ghosts members=2
            records-consumed group=ghosts topic=orders at-least=1
            consumer-lag group=ghosts topic=orders at-least=1
            member-partitions-moved group=ghosts
            """)
    void groupCountsOnAMissingGroupWait(String check) {
        assertFalse(evaluate(check, on(orders())).passed());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            group-members group=ghosts members=2
            records-consumed group=ghosts topic=orders at-least=1
            consumer-lag group=ghosts topic=orders at-least=1
            member-partitions-moved group=ghosts
            """)
    void groupCountsOnAMissingGroupSaySo(String check) {
        assertVerdict(false, "there is no group ghosts", evaluate(check, on(orders())));
    }

    @Test
    void aCheckThisAppDoesNotKnowWaitsAndSaysSo() {
        assertEquals(Verdict.waiting("this app does not know the check 'leader-elected'"),
                Checks.evaluate(new Directive("leader-elected", Map.of("topic", "orders"), 4), on(orders()).build()));
    }

    // ---- helpers

    private static Verdict evaluate(String check, Ctx ctx) {
        return Checks.evaluate(directive(check), ctx.build());
    }

    /** A check line as a lab file writes it, refused if the vocabulary would refuse it. */
    static Directive directive(String line) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        try {
            Map<String, String> args = LabParser.arguments(space < 0 ? "" : line.substring(space + 1),
                    Path.of("test.md"), 1);
            assertEquals(List.of(), Vocabulary.problems(Vocabulary.CHECKS, name, args), line);
            return new Directive(name, args, 1);
        } catch (LabFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertVerdict(boolean passed, String fact, Verdict v) {
        assertEquals(passed, v.passed(), () -> (passed ? "should pass: " : "should wait: ") + v.seen());
        assertTrue(v.seen().contains(fact), () -> "'" + v.seen() + "' should say '" + fact + "'");
    }

    /** Workers' deliveries, as a share group's members got them. */
    private static CheckContext.Clients shareGot(dev.kafkalab.share.Delivery... got) {
        return new CheckContext.Clients(Map.of("workers", List.of(got)), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Offset N of orders-0, got by a member a few seconds after the step began, this delivery's answer. */
    private static dev.kafkalab.share.Delivery got(String member, long offset, AcknowledgeType ack, int count) {
        return new dev.kafkalab.share.Delivery(member, 0, offset, null, "v", count, ack,
                Snapshots.T0.plusSeconds(offset + count));
    }

    /** orders-0 with 4 records, 2 of them in a transaction still open (or committed, HW 5). */
    private static ClusterSnapshot ordersInTransaction(boolean open) {
        PartitionView led = led("orders", 0, 1);
        return cluster().topic("orders", new PartitionView("orders", 0, 1, led.replicas(), led.isr(), List.of(), 0,
                open ? 4 : 5, Map.of(), Map.of(), open ? 2 : 5)).build();
    }

    /** orders: three partitions led by brokers 1, 2, 3; partition 0 led by {@code leader0}. */
    private static ClusterSnapshot orders(int leader0) {
        PartitionView p0 = leader0 == PartitionView.NO_LEADER
                ? partition("orders", 0, PartitionView.NO_LEADER, List.of())
                : led("orders", 0, leader0);
        return cluster().topic("orders", p0, led("orders", 1, 2), led("orders", 2, 3)).build();
    }

    private static ClusterSnapshot orders() {
        return orders(1);
    }

    /** orders with partition 0's ISR short of broker 3. */
    private static ClusterSnapshot ordersShort() {
        return cluster().topic("orders", partition("orders", 0, 1, List.of(1, 2)), led("orders", 1, 2),
                led("orders", 2, 3)).build();
    }

    /** 4 + 4 + 0 readable records: partition 1's first two were deleted, partition 2's offsets are unknown. */
    private static ClusterSnapshot ordersWithOffsets() {
        return cluster().topic("orders", offsets(led("orders", 0, 1), 0, 4, Map.of()),
                offsets(led("orders", 1, 2), 2, 6, Map.of()), led("orders", 2, 3)).build();
    }

    /** orders-0, led by broker 1, whose log ends at {@code leaderEnd}; the followers have more. */
    /** The durability demo ran on orders-0: it killed broker 1, whose log ended at 1001; 1000 records acked. */
    private static Ctx afterTheDemo(ClusterSnapshot now) {
        return on(now).demo("orders", new Ledger.Demo(0, 1, 1001, 1000, 1, 1000));
    }

    /** orders-0 led by broker 2; broker 1's log ends at {@code oldLeaderEnd} (null: down, out of the ISR). */
    private static ClusterSnapshot ordersRejoined(Long oldLeaderEnd, long end) {
        Map<Integer, Long> ends = new HashMap<>(Map.of(2, end, 3, end));
        if (oldLeaderEnd != null) {
            ends.put(1, oldLeaderEnd);
        }
        PartitionView p = partition("orders", 0, 2, oldLeaderEnd == null ? List.of(2, 3) : List.of(1, 2, 3));
        return cluster().topic("orders", offsets(p, 0, end, ends), led("orders", 1, 2), led("orders", 2, 3)).build();
    }

    @Test
    void theOldLeaderMustHaveCaughtUpAndTheNewRecordsBeWhereTheTextSays() {
        assertVerdict(false, "broker 1 runs again and catches up with broker 2 (its log ends at 1001); it is not"
                + " back in the ISR yet", evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=reused",
                        afterTheDemo(ordersRejoined(1001L, 501)).acked("orders", 0, 1, 500, 500)));
        assertVerdict(false, "broker 1 is back in the ISR, its log ending at 1 with the leader's (its log ended at 1001"
                + " when it was killed); 0 of 500 new records sent",
                evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=reused",
                        afterTheDemo(ordersRejoined(1L, 1))));
        // acks=all kept the 1,000: the new ones follow them, which a step expecting reused offsets refuses.
        Ctx kept = afterTheDemo(ordersRejoined(1501L, 1501)).acked("orders", 0, 1001, 1500, 500);
        assertTrue(evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=after", kept).passed());
        assertVerdict(false, "broker 1 is back in the ISR, its log ending at 1501 with the leader's (its log ended at"
                + " 1001 when it was killed); the 500 new records follow the acknowledged ones, from offset 1001",
                evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=reused", kept));
        assertVerdict(true, "broker 1 is back in the ISR, its log ending at 1 with the leader's",
                evaluate("old-leader-rejoined topic=orders", afterTheDemo(ordersRejoined(1L, 1))));
        // acks=all: a log end reported before the new records (1001) is not read as offsets reused.
        assertVerdict(false, "broker 1 is back in the ISR, its log ending at 1001 with the leader's (its log ended at"
                + " 1001 when it was killed); the leader's log end offset does not show the 500 new records yet",
                evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=after",
                        afterTheDemo(ordersRejoined(1001L, 1001)).acked("orders", 0, 1001, 1500, 500)));
        // The brokers' log end offsets not yet read again after the new records: it waits for them
        // (it once passed saying the new records 'took offsets from -499').
        assertVerdict(false, "broker 1 is back in the ISR, its log ending at 1 with the leader's (its log ended at 1001"
                + " when it was killed); the leader's log end offset does not show the 500 new records yet",
                evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=reused",
                        afterTheDemo(ordersRejoined(1L, 1)).acked("orders", 0, 1, 500, 500)));
        assertEquals(Verdict.waiting("the experiment has not run on orders since the app started: run it (again)"),
                evaluate("old-leader-rejoined topic=orders new-records=500 new-offsets=reused",
                        on(ordersRejoined(1L, 1))));
    }

    /** orders-0 read back, these values at offsets 0, 1, ...: the step began at offset 1 (see the cases). */
    private static TopicScan prices(Object... values) {
        List<TopicScan.Value> stored = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            stored.add(new TopicScan.Value(0, i, (byte[]) values[i]));
        }
        return new TopicScan("orders", values.length, values.length, Map.of(), Set.of(), Map.of(), stored);
    }

    /** A StockPrice as the lab's schema writes it in Avro binary. */
    private static byte[] avroPrice(String symbol) {
        try {
            org.apache.avro.Schema schema = AvroChecks.schema(java.nio.file.Path.of("labs/code/avro-prices/stock-price-v1.avsc"));
            org.apache.avro.generic.GenericRecord r = new org.apache.avro.generic.GenericData.Record(schema);
            r.put("symbol", symbol);
            r.put("price", 180.5);
            r.put("time", 1_764_680_000_000L);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(bytes, null);
            new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(schema).write(r, encoder);
            encoder.flush();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** orders read back: partition 0 has {@code before} records by leader epoch 0, then {@code after} by epoch 1. */
    private static TopicScan elected(long before, long after) {
        return new TopicScan("orders", before + after, before + after, Map.of(), Set.of(), Map.of(0, List.of(
                new TopicScan.EpochRun(0, 0, before - 1, before), new TopicScan.EpochRun(1, before, before + after - 1, after))));
    }

    private static ClusterSnapshot ordersLogEnding(long leaderEnd, long highWatermark) {
        return cluster().topic("orders", offsets(led("orders", 0, 1), 0, highWatermark,
                Map.of(1, leaderEnd, 2, 20L, 3, 20L)), led("orders", 1, 2), led("orders", 2, 3)).build();
    }

    /** orders, and the group readers, stable, with these members. */
    private static ClusterSnapshot readers(MemberView... members) {
        return cluster().topic("orders", led("orders", 0, 1), led("orders", 1, 2), led("orders", 2, 3))
                .group(group("readers", GroupState.STABLE, members)).build();
    }

    private static ClusterSnapshot readersWithOffsets() {
        return readersWithOffsets(GroupState.STABLE, member("a", 0, 1, 2));
    }

    /** readers in this state with these members, 7 records behind on orders (and 50 on audit). */
    private static ClusterSnapshot readersWithOffsets(GroupState state, MemberView... members) {
        TopicPartition o0 = new TopicPartition("orders", 0);
        TopicPartition o1 = new TopicPartition("orders", 1);
        TopicPartition o2 = new TopicPartition("orders", 2);
        TopicPartition audit = new TopicPartition("audit", 0);
        GroupView g = new GroupView("readers", GroupType.CLASSIC, state, "range", null,
                List.of(members), Map.of(o0, 5L, o1, 7L, audit, 100L), Map.of(o0, 3L, o2, 4L, audit, 50L));
        return cluster().topic("orders", led("orders", 0, 1), led("orders", 1, 2), led("orders", 2, 3)).group(g).build();
    }

    private static ClusterSnapshot notRunByTheApp(boolean fenced) {
        ClusterSnapshot s = orders();
        List<NodeView> nodes = s.nodes().stream().map(n -> n.id() == 2
                ? new NodeView(2, NodeRole.BROKER, null, 9092, true, fenced, false) : n).toList();
        return new ClusterSnapshot(s.takenAt(), nodes, s.topics(), s.groups(), s.unreadable());
    }

    /** orders-0 led by broker 2 now; broker 1, its leader when the step began, is in this state. */
    private static ClusterSnapshot movedFromBroker1(NodeState broker1) {
        return cluster().broker(1, broker1, broker1 != NodeState.RUNNING).topic("orders",
                partition("orders", 0, 2, List.of(2, 3)), led("orders", 1, 2), led("orders", 2, 3)).build();
    }

    /** emp read back whole: employee-1, -2 and -4 with values, and employee-3's tombstone if {@code tombstone}. */
    private static TopicScan employees(long stored, long written, boolean tombstone) {
        Map<String, String> latest = new HashMap<>(Map.of("employee-1", "v41", "employee-2", "v41", "employee-4", "v40"));
        if (tombstone) {
            latest.put("employee-3", null);
        }
        return new TopicScan("emp", stored, written, latest, latest.keySet());
    }

    /** The same scan, cut short by the reader's time limit. */
    private static TopicScan partial(TopicScan s) {
        return new TopicScan(s.topic(), s.stored(), s.written(), s.latest(), s.keys(), s.epochs(), s.values(), false);
    }

    private static Map<String, String> tombstoneFor(String key) {
        Map<String, String> latest = new HashMap<>();
        latest.put("AAPL", "101");
        latest.put(key, null);
        return latest;
    }

    private static SendResult hashed(String key, int partitions) {
        return send(key, Ledger.murmur2Partition(key, partitions), partitions, BUILT_IN);
    }

    private static SendResult send(String key, int partition, int partitions, ProducerSettings settings) {
        return new SendResult(key, "v", partition, 0, partitions, settings, null);
    }

    private static Ctx on(ClusterSnapshot now) {
        return new Ctx(now);
    }

    /** A check context being described: the baseline is {@code now} unless given, as a session does. */
    static final class Ctx {
        private final ClusterSnapshot now;
        private ClusterSnapshot baseline;
        private final Ledger ledger = new Ledger();
        private final Map<String, Integer> remembered = new HashMap<>();
        private ProducerMetrics metrics = ProducerMetrics.NONE;
        private String stockSender = "none";
        private final Map<String, TopicScan> scans = new HashMap<>();
        private final Map<String, CheckContext.ProgramSeen> programs = new HashMap<>();
        private final Map<String, Map<String, String>> configs = new HashMap<>();
        private CheckContext.Clients clients = CheckContext.Clients.NONE;

        Ctx(ClusterSnapshot now) {
            this.now = now;
        }

        /** The last run of {@code name}, which printed {@code lines} a second after the step began. */
        Ctx program(String name, Integer exitCode, String... lines) {
            java.time.Instant at = now.takenAt().plusSeconds(1);
            programs.put(name, new CheckContext.ProgramSeen(exitCode, java.util.Arrays.stream(lines)
                    .map(l -> new dev.kafkalab.code.Programs.Line(at, l)).toList()));
            return this;
        }

        Ctx baseline(ClusterSnapshot value) {
            baseline = value;
            return this;
        }

        Ctx sent(String topic, SendResult... results) {
            for (SendResult r : results) {
                ledger.sent(topic, r);
            }
            return this;
        }

        Ctx acked(String topic, int partition, long first, long last, int count) {
            ledger.acked(topic, partition, first, last, count);
            return this;
        }

        Ctx demo(String topic, Ledger.Demo demo) {
            ledger.demo(topic, demo);
            return this;
        }

        /** The durability demo ran on the partition, and these are the records its producer saw acknowledged. */
        Ctx demoAcked(String topic, int partition, long first, long last, int count) {
            return demo(topic, new Ledger.Demo(partition, 1, -1, count, first, last));
        }

        Ctx remember(String name, int broker) {
            remembered.put(name, broker);
            return this;
        }

        Ctx metrics(ProducerMetrics value) {
            metrics = value;
            return this;
        }

        Ctx stockSender(String value) {
            stockSender = value;
            return this;
        }

        Ctx scan(TopicScan scan) {
            scans.put(scan.topic(), scan);
            return this;
        }

        /** What the app's own clients saw. */
        Ctx clients(CheckContext.Clients value) {
            clients = value;
            return this;
        }

        /** The topic's configs as the lab session last read them. */
        Ctx configs(String topic, Map<String, String> values) {
            configs.put(topic, values);
            return this;
        }

        CheckContext build() {
            return new CheckContext(now, baseline == null ? now : baseline, ledger, remembered, metrics, stockSender,
                    scans, programs, configs, clients);
        }
    }
}
