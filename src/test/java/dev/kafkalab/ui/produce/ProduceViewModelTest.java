package dev.kafkalab.ui.produce;

import static dev.kafkalab.ui.produce.FakeSender.acked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.MetricsHistory;
import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.SendTally.KeyRow;
import dev.kafkalab.testkit.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The produce screen's logic on the test's thread: a direct executor, a scheduler that pumps when
 * the test ticks, and answers handed in through the futures and the stream sink the service would
 * complete. No toolkit, no cluster.
 */
class ProduceViewModelTest {

    private final FakeSender sender = new FakeSender();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> announced = new ArrayList<>();
    private final ProduceViewModel vm = new ProduceViewModel(sender,
            new TransactionViewModel((id, timeout) -> {
                throw new IllegalStateException("no cluster in this test");
            }, Runnable::run), Runnable::run, scheduler, "localhost:9092",
            (cli, message) -> announced.add(cli + " | " + message));

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void oneRecordsAnswerIsListedAndCountedOnTheNextPump() {
        vm.topic().set("orders");
        vm.form().key().set("employee-1");
        assertTrue(vm.sendOne());
        assertEquals("Sending...", vm.status().get());
        assertEquals("orders employee-1 hello", sender.sends.get(0));
        assertTrue(announced.get(0).startsWith("kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders"
                + " --property parse.key=true"), announced.get(0));

        SendResult answer = acked("employee-1", 2, 7);
        sender.answers.get(0).complete(answer);
        assertEquals("Sent to partition 2 at offset 7.", vm.status().get());
        assertEquals(List.of(), vm.records(), "the list waits for the pump");

        scheduler.tick();
        assertEquals(List.of(answer), vm.records());
        assertEquals(List.of(0L, 0L, 1L), vm.partitionCounts(), "one bar per partition, empty ones too");
        assertEquals(List.of(new KeyRow("employee-1", 2, 1)), vm.keys());
        assertEquals("", vm.keysNote().get());
    }

    @Test
    void aRecordALabStepSentIsListedAndCountedTooButTheScreensOwnOnlyOnce() {
        vm.topic().set("orders");
        vm.sendOne();
        SendResult mine = acked("", 0, 1);
        sender.answers.get(0).complete(mine);
        SendResult labs = acked("employee-2", 1, 4);
        sender.sentByOthers("orders", labs);
        scheduler.tick();
        assertEquals(List.of(labs, mine), vm.records(), "newest first, each once");
        assertEquals(List.of(1L, 1L, 0L), vm.partitionCounts());

        sender.sentByOthers("payments", acked("employee-3", 2, 9));
        scheduler.tick();
        assertEquals(List.of(labs, mine), vm.records(), "a send to another topic than the screen's is not listed");

        vm.topic().set("payments");
        scheduler.tick();
        assertEquals(List.of(), vm.records(), "another topic starts the list afresh");
        assertEquals(List.of(), vm.partitionCounts());

        vm.close();
        assertEquals(List.of(), sender.watchers, "a closed screen stops listening to the producer");
    }

    @Test
    void aFailedSendIsListedWithItsReasonButNotCounted() {
        vm.topic().set("orders");
        vm.sendOne();
        SendResult failed = new SendResult(null, "hello", -1, -1, 0, ProducerSettings.DEFAULTS, "NotEnoughReplicas");
        sender.answers.get(0).complete(failed);
        assertEquals("Not sent: NotEnoughReplicas", vm.status().get());
        scheduler.tick();
        assertEquals(List.of(failed), vm.records());
        assertEquals(List.of(), vm.partitionCounts());
        assertEquals(List.of(), vm.keys());
    }

    @Test
    void aStreamMovesTheListEveryPumpAndTheCountsOnceASecond() {
        vm.topic().set("orders");
        RecordStream stream = vm.start(false);
        assertNotNull(stream);
        assertTrue(vm.streaming().get());
        assertEquals(100, sender.request.rate());
        assertEquals(KeyPattern.distinct(5), sender.request.keys());
        assertTrue(announced.get(0).startsWith("kafka-producer-perf-test.sh --topic orders --num-records 1000000 --record-size 100"
                + " --throughput 100 "),
                announced.get(0));
        assertTrue(announced.get(0).contains("    # sends no keys | Streaming to orders..."), announced.get(0));

        List<SendResult> answers = List.of(acked("employee-1", 0, 0), acked("employee-2", 1, 0),
                acked("employee-1", 0, 1));
        answers.forEach(sender.sink);
        scheduler.tick();
        assertEquals(List.of(answers.get(2), answers.get(1), answers.get(0)), vm.records(), "newest first");
        assertEquals(List.of(), vm.partitionCounts(), "counts wait for the second's last pump");
        assertEquals(List.of(), vm.keys());
        assertTrue(vm.status().get().startsWith("0 sent · 0 acknowledged · 0 failed · "), vm.status().get());

        for (int pump = 2; pump <= 1000 / ProduceViewModel.PUMP_MS; pump++) {
            scheduler.tick();
        }
        assertEquals(List.of(2L, 1L, 0L), vm.partitionCounts());
        assertEquals(List.of(new KeyRow("employee-1", 0, 2), new KeyRow("employee-2", 1, 1)), vm.keys());

        vm.stopStream();
        assertTrue(stream.stopping());
        assertEquals("Stopping: waiting for the answers to records already sent...", vm.status().get());
        scheduler.tick();
        assertTrue(vm.status().get().startsWith("Stopping, awaiting answers: "), vm.status().get());

        stream.done().complete(new RecordStream.Summary(3, 3, 0, 1_000_000_000L));
        assertFalse(vm.streaming().get());
        assertEquals("Stream stopped: 3 sent, 3 acknowledged, 0 failed, 3 records/s.", vm.status().get());
    }

    @Test
    void theListKeepsOnlyTheNewestRecordsAndTheKeyTableItsFirstKeys() {
        vm.topic().set("orders");
        vm.start(false);
        int sent = ProduceViewModel.RECORDS_SHOWN + ProduceViewModel.KEYS_SHOWN;
        for (int i = 0; i < sent; i++) {
            sender.sink.accept(acked("key-" + i, 0, i));
        }
        for (int pump = 0; pump < 5; pump++) {
            scheduler.tick();
        }
        assertEquals(ProduceViewModel.RECORDS_SHOWN, vm.records().size());
        assertEquals(sent - 1, vm.records().get(0).offset());
        assertEquals(ProduceViewModel.KEYS_SHOWN, vm.keys().size());
        assertEquals("500 records with keys beyond the first 200 not listed.", vm.keysNote().get());
    }

    @Test
    void clearForgetsWhatIsShownAndTheNextPumpCountsAfresh() {
        vm.topic().set("orders");
        vm.sendOne();
        sender.answers.get(0).complete(acked("", 2, 0));
        scheduler.tick();
        assertEquals(1, vm.records().size());

        vm.clear();
        assertEquals(List.of(), vm.records());
        assertEquals(List.of(), vm.partitionCounts());
        assertEquals(List.of(), vm.keys());
        vm.sendOne();
        sender.answers.get(1).complete(acked("b", 1, 0));
        scheduler.tick();
        assertEquals(1, vm.records().size());
        assertEquals(List.of(0L, 1L, 0L), vm.partitionCounts(), "the record before the clear no longer counts");
        assertEquals(List.of(new KeyRow("b", 1, 1)), vm.keys());
    }

    @Test
    void eachPumpGivesOneMetricChartAPoint() {
        scheduler.tick();
        assertTrue(vm.metrics().stream().allMatch(c -> c.points().isEmpty()), "no producer yet, no points");

        sender.metrics = new ProducerMetrics(1_000, 16_384, 3, 20, Double.NaN, 0);
        for (int pump = 0; pump < 5; pump++) {
            scheduler.tick();
        }
        assertEquals(List.of(1, 1, 1, 1, 0), vm.metrics().stream().map(c -> c.points().size()).toList(),
                "one point a second each; the compression ratio the producer does not know yet adds none");
        assertEquals(List.of(1000.0, 16384.0, 3.0, 20.0), vm.metrics().stream().limit(4)
                .map(c -> c.points().get(0)).map(MetricsHistory.Point::value).toList());
    }

    @Test
    void aPumpThatFailsSaysSoAndGoesOn() {
        sender.metrics = null;
        scheduler.tick();
        assertTrue(vm.status().get().startsWith("Could not update the record list: "), vm.status().get());
        assertEquals(1, scheduler.scheduled());
    }

    @Test
    void acksBelowAllTurnIdempotenceOffAndSettingsKafkaRefusesAreRefusedHere() {
        ProducerSettingsForm settings = vm.settingsForm();
        settings.acks().set(Acks.LEADER);
        assertFalse(settings.idempotence().get());
        assertEquals("enable.idempotence turned off: it needs acks=all.", settings.settingsNote().get());
        assertEquals(ProducerSettings.DEFAULTS.withAcks(Acks.LEADER), settings.settings().get());
        assertEquals("", settings.settingsError().get());

        settings.idempotence().set(true);
        assertNull(settings.settings().get());
        assertTrue(settings.settingsError().get().startsWith("enable.idempotence=true needs acks=all"),
                settings.settingsError().get());
        vm.topic().set("orders");
        assertFalse(vm.sendOne());
        assertEquals("Fix the producer settings first: " + settings.settingsError().get(), vm.status().get());
        assertNull(vm.start(true));
        assertEquals(List.of(), sender.sends);
        assertNull(sender.request);

        settings.reset();
        assertEquals(ProducerSettings.DEFAULTS, settings.settings().get());
        assertEquals("", settings.settingsNote().get());
        assertEquals("", settings.settingsError().get());
    }

    @Test
    void whatCannotBeSentIsRefusedWithTheReason() {
        assertFalse(vm.sendOne());
        assertEquals("Choose a topic first (create one on the Cluster screen).", vm.status().get());
        vm.topic().set("orders");
        vm.form().headers().set("source=web, oops");
        assertFalse(vm.sendOne());
        assertEquals("Headers: write name=value pairs separated by commas, not \"oops\".", vm.status().get());
        vm.form().burstCount().set(0);
        assertFalse(vm.sendBurst());
        assertEquals("Burst: at least 1 record.", vm.status().get());
        vm.form().keyKind().set(KeyPattern.Kind.DISTINCT);
        vm.form().distinctKeys().set(0);
        assertFalse(vm.startStream(false));
        assertEquals("distinct keys: at least 1, was 0", vm.status().get());

        vm.form().distinctKeys().set(5);
        assertTrue(vm.startStream(false));
        assertFalse(vm.sendOne());
        assertEquals("A stream is running: stop it first.", vm.status().get());
        assertEquals(List.of(), sender.sends);
    }

    @Test
    void closingStopsTheStreamAndCancelsThePump() {
        assertEquals(1, scheduler.scheduled());
        vm.topic().set("orders");
        RecordStream stream = vm.start(true);
        assertEquals(100, sender.request.limit());
        vm.close();
        assertTrue(stream.stopping());
        assertEquals(0, scheduler.scheduled());
    }
}
