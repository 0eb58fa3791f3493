package dev.kafkalab.lab;

import static dev.kafkalab.lab.ChecksTest.directive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.share.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.junit.jupiter.api.Test;

/** The share-group and transaction checks, on hand-made deliveries, group reads and snapshots. */
class QueueChecksTest {

    private static final Instant START = Snapshots.T0;

    // --- share groups

    @Test
    void recordsAcceptedOnceEachByEnoughMembersPass() {
        Directive check = directive("share-delivered group=workers at-least=4 members=3");
        List<Delivery> got = List.of(accepted("m1", 0, 0, 1), accepted("m2", 0, 1, 2), accepted("m3", 1, 0, 3),
                accepted("m1", 1, 1, 4));

        assertVerdict(true, "4 record(s) accepted since the step began, each once, by 3 member(s)",
                QueueChecks.shareDelivered(check, shares(got, Set.of())));
        assertVerdict(false, "by 2 member(s)", QueueChecks.shareDelivered(directive(
                "share-delivered group=workers at-least=3 members=3"), shares(got.subList(0, 2).stream()
                        .map(d -> d).toList(), Set.of())));
    }

    @Test
    void aRecordAcceptedByTwoMembersIsNeverAPass() {
        List<Delivery> got = List.of(accepted("m1", 0, 0, 1), accepted("m2", 0, 0, 2), accepted("m3", 0, 1, 3));

        assertVerdict(false, "records accepted twice: 0@0 by [m1, m2]", QueueChecks.shareDelivered(
                directive("share-delivered group=workers at-least=2"), shares(got, Set.of())));
    }

    @Test
    void deliveriesFromBeforeTheStepDoNotCount() {
        List<Delivery> got = List.of(accepted("m1", 0, 0, -5), accepted("m2", 0, 1, 1));

        assertVerdict(false, "1 record(s) accepted", QueueChecks.shareDelivered(
                directive("share-delivered group=workers at-least=2"), shares(got, Set.of())));
    }

    @Test
    void aRejectionCountsOnceNewerRecordsOfItsPartitionWereDeliveredAfterIt() {
        Directive check = directive("share-rejected group=workers at-least=1");
        List<Delivery> got = new ArrayList<>(List.of(delivery("m1", 0, 4, 1, AcknowledgeType.REJECT, 1)));

        assertVerdict(false, "1 more rejected, with nothing newer delivered yet", QueueChecks.shareRejected(check,
                shares(got, Set.of())));
        got.add(accepted("m2", 0, 5, 2));
        assertVerdict(true, "1 record(s) rejected and never delivered again", QueueChecks.shareRejected(check,
                shares(got, Set.of())));
        got.add(delivery("m2", 0, 4, 2, AcknowledgeType.ACCEPT, 3));
        assertVerdict(false, "the rejected record 0@4 was delivered again", QueueChecks.shareRejected(check,
                shares(got, Set.of())));
    }

    @Test
    void aRecordHeldPastItsLockCountsWhenAnotherMemberAnswersItsSecondDelivery() {
        Directive check = directive("share-redelivered group=workers at-least=1 from=held");
        Delivery held = delivery("m1", 0, 7, 1, null, 1);

        assertVerdict(false, "0 record(s) that another member held", QueueChecks.shareRedelivered(check,
                shares(List.of(held, delivery("m1", 0, 7, 2, AcknowledgeType.ACCEPT, 12)), Set.of())));
        assertVerdict(true, "1 record(s) that another member held past their lock delivered again",
                QueueChecks.shareRedelivered(check, shares(List.of(held,
                        delivery("m2", 0, 7, 2, AcknowledgeType.ACCEPT, 12)), Set.of())));
        assertVerdict(false, "0 record(s)", QueueChecks.shareRedelivered(check, shares(List.of(
                accepted("m1", 0, 7, 1), delivery("m2", 0, 7, 2, AcknowledgeType.ACCEPT, 12)), Set.of())));
    }

    @Test
    void aRecordReleasedByHandIsNoRecordHeldPastItsLock() {
        Directive check = directive("share-redelivered group=workers at-least=1 from=held");
        Delivery held = delivery("m1", 0, 7, 1, null, 1);
        Delivery released = new Delivery("m1", 0, 7, null, "v", 1, AcknowledgeType.RELEASE, START.plusSeconds(2), true);

        assertVerdict(false, "0 record(s) that another member held", QueueChecks.shareRedelivered(check,
                shares(List.of(held, released, delivery("m2", 0, 7, 2, AcknowledgeType.ACCEPT, 3)), Set.of())));
    }

    @Test
    void aCrashedMembersRecordsCountOnlyWhenItCrashed() {
        Directive check = directive("share-redelivered group=workers at-least=1 from=crashed");
        List<Delivery> got = List.of(delivery("m1", 0, 3, 1, null, 1), delivery("m2", 0, 3, 2, AcknowledgeType.ACCEPT, 2));

        assertVerdict(false, "(none yet)", QueueChecks.shareRedelivered(check, shares(got, Set.of())));
        assertVerdict(true, "a crashed member [m1] had delivered again", QueueChecks.shareRedelivered(check,
                shares(got, Set.of("m1"))));
    }

    @Test
    void aShareGroupNotRunningIsWaitedFor() {
        CheckContext ctx = context(snapshot(0, 0), snapshot(0, 0), CheckContext.Clients.NONE);

        assertVerdict(false, "share group workers is not running", Checks.evaluate(
                directive("share-delivered group=workers at-least=1"), ctx));
    }

    // --- transactions

    @Test
    void anOpenTransactionIsAnLsoBelowTheHighWatermarkAndNothingReadCommitted() {
        Directive check = directive("transaction-state topic=payments state=open group=committed read=0"
                + " other-group=all other-read=5");

        assertVerdict(true, "payments-0 LSO 0 < HW 5; committed (read_committed) read 0; all (read_uncommitted) read 5",
                QueueChecks.transactionState(check, context(snapshot(0, 5), snapshot(0, 0), reads(0, 5, "open"))));
        assertVerdict(false, "committed (read_committed) read 5, not 0", QueueChecks.transactionState(check,
                context(snapshot(0, 5), snapshot(0, 0), reads(5, 5, "open"))));
        assertVerdict(false, "no transaction open", QueueChecks.transactionState(check,
                context(snapshot(5, 5), snapshot(0, 0), reads(0, 5, "open"))));
    }

    @Test
    void anEndedTransactionNeedsItsMarkerInTheLog() {
        Directive check = directive("transaction-state topic=payments state=timeout transactional-id=tx");
        // The transaction wrote offsets 12 to 16: its abort marker takes 17, so the HW must reach 18.
        CheckContext stale = context(snapshot(12, 12), snapshot(12, 12), transaction("crashed", 16));
        CheckContext aborted = context(snapshot(18, 18), snapshot(12, 17), transaction("crashed", 16));

        assertVerdict(false, "no marker after the transaction's records in payments-0", QueueChecks.transactionState(
                check, stale));
        assertVerdict(true, "the producer of tx: crashed", QueueChecks.transactionState(check, aborted));
        assertVerdict(false, "the producer of tx: aborted", QueueChecks.transactionState(check,
                context(snapshot(18, 18), snapshot(12, 17), transaction("aborted", 16))));
    }

    @Test
    void withoutTheProducersWordAnEndedTransactionIsOneOpenWhenTheStepBegan() {
        Directive check = directive("transaction-state topic=payments state=committed");

        assertVerdict(true, "no transaction open", QueueChecks.transactionState(check,
                context(snapshot(6, 6), snapshot(0, 5), CheckContext.Clients.NONE)));
        assertVerdict(false, "no transaction was open when the step began", QueueChecks.transactionState(check,
                context(snapshot(6, 6), snapshot(6, 6), CheckContext.Clients.NONE)));
    }

    @Test
    void aReaderGroupWithNoMemberRunningIsWaitedFor() {
        CheckContext.Clients stopped = new CheckContext.Clients(Map.of(), Map.of(), Map.of("committed",
                new CheckContext.GroupRead("read_committed", 0, 0)), Map.of(), Map.of());

        assertVerdict(false, "group committed has no member running", QueueChecks.transactionState(
                directive("transaction-state topic=payments state=open group=committed read=0"),
                context(snapshot(0, 5), snapshot(0, 0), stopped)));
    }

    // --- helpers

    private static Delivery accepted(String member, int partition, long offset, int secondsAfterStart) {
        return delivery(member, partition, offset, 1, AcknowledgeType.ACCEPT, secondsAfterStart);
    }

    private static Delivery delivery(String member, int partition, long offset, int count, AcknowledgeType ack,
            int secondsAfterStart) {
        return new Delivery(member, partition, offset, null, "v", count, ack, START.plusSeconds(secondsAfterStart));
    }

    private static CheckContext shares(List<Delivery> got, Set<String> crashed) {
        ClusterSnapshot s = snapshot(0, 0);
        return context(s, s, new CheckContext.Clients(Map.of("workers", got), Map.of("workers", crashed), Map.of(),
                Map.of(), Map.of()));
    }

    private static CheckContext.Clients reads(long committed, long all, String producer) {
        return new CheckContext.Clients(Map.of(), Map.of(), Map.of(
                "committed", new CheckContext.GroupRead("read_committed", committed, 1),
                "all", new CheckContext.GroupRead("read_uncommitted", all, 1)), Map.of("tx", producer), Map.of());
    }

    private static CheckContext.Clients transaction(String state, long lastOffset) {
        return new CheckContext.Clients(Map.of(), Map.of(), Map.of(), Map.of("tx", state),
                Map.of("tx", Map.of("payments-0", lastOffset)));
    }

    /** payments-0 with this last stable offset and high watermark, taken when the step began. */
    private static ClusterSnapshot snapshot(long lastStable, long highWatermark) {
        PartitionView led = Snapshots.led("payments", 0, 1);
        PartitionView p = new PartitionView("payments", 0, 1, led.replicas(), led.isr(), List.of(), 0, highWatermark,
                Map.of(), Map.of(), lastStable);
        return Snapshots.cluster().at(START).topic("payments", p).build();
    }

    private static CheckContext context(ClusterSnapshot now, ClusterSnapshot baseline, CheckContext.Clients clients) {
        return new CheckContext(now, baseline, new Ledger(), Map.of(), ProducerMetrics.NONE, "none", Map.of(), Map.of(),
                Map.of(), clients);
    }

    private static void assertVerdict(boolean passed, String fact, Verdict v) {
        assertEquals(passed, v.passed(), () -> (passed ? "should pass: " : "should wait: ") + v.seen());
        assertTrue(v.seen().contains(fact), () -> "'" + v.seen() + "' should say '" + fact + "'");
    }
}
