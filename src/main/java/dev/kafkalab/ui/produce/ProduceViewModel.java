package dev.kafkalab.ui.produce;

import dev.kafkalab.common.Scheduler;
import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.MetricsHistory;
import dev.kafkalab.produce.ProduceCli;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.SendListener;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.SendTally;
import dev.kafkalab.produce.StreamRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The produce screen's state. Answers arrive on the producer's I/O thread and only go into a
 * queue; every {@value #PUMP_MS} ms, on the scheduler handed in, the {@link ProducePump} folds
 * them into one small batch (the newest records, counts per partition and per key) that the UI
 * executor applies. So a stream of tens of thousands of records a second costs the FX thread a
 * few list changes per pump.
 */
public final class ProduceViewModel implements AutoCloseable {

    static final int PUMP_MS = 200;
    /** The record list keeps this many, newest first. */
    public static final int RECORDS_SHOWN = 500;
    /** The key table lists at most this many keys; random keys would never end. */
    public static final int KEYS_SHOWN = 200;
    static final int METRIC_POINTS = 60;

    private final Sender sender;
    private final TransactionViewModel transaction;
    private final Executor ui;
    private final BiConsumer<String, String> announce;
    private final String bootstrap;
    private final ProduceForm form = new ProduceForm();
    private final ProducerSettingsForm settingsForm = new ProducerSettingsForm();

    // Properties
    private final BooleanProperty streaming = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<SendResult> records = FXCollections.observableArrayList();
    private final ObservableList<Long> partitionCounts = FXCollections.observableArrayList();
    private final ObservableList<SendTally.KeyRow> keys = FXCollections.observableArrayList();
    private final StringProperty keysNote = new SimpleStringProperty("");
    private final MetricsHistory<ObservableList<MetricsHistory.Point>> metrics =
            new MetricsHistory<>(METRIC_POINTS, FXCollections::observableArrayList);

    // The pump folds answers on the scheduler's thread; the stream is read there too.
    private final ProducePump pump;
    /** Where this screen's own answers go; also the origin of its sends, so the listener below skips them. */
    private final java.util.function.Consumer<SendResult> own;
    /** Sends of the app's producer that this screen did not ask for (a lab step's): shown too. */
    private final SendListener others;
    private volatile RecordStream stream;
    /** The form's topic, for the producer's I/O thread: others' sends count only when they go there. */
    private volatile String topicShown;
    private final Scheduler.Repeating pumping;

    /**
     * @param ui runs on the FX thread ({@code Platform::runLater}); every property changes there
     * @param scheduler runs the pump ({@code Scheduler.onThread("kafka-lab-produce-pump")} in the app)
     * @param announce told of the command line that does what the screen does, and what happened
     */
    public ProduceViewModel(ProduceService service, Executor ui, Scheduler scheduler, String courseBootstrap,
            BiConsumer<String, String> announce) {
        this(Sender.of(service), new TransactionViewModel(service::transactional, ui), ui, scheduler, courseBootstrap,
                announce);
    }

    ProduceViewModel(Sender sender, TransactionViewModel transaction, Executor ui, Scheduler scheduler,
            String courseBootstrap, BiConsumer<String, String> announce) {
        this.sender = sender;
        this.transaction = transaction;
        this.ui = ui;
        this.bootstrap = courseBootstrap;
        this.announce = announce;
        this.pump = new ProducePump(PUMP_MS, RECORDS_SHOWN, KEYS_SHOWN, metrics.charts().size(), sender::metrics);
        this.own = pump::add;
        this.others = new SendListener() {
            @Override
            public void sent(String topic, SendResult result) {
                // Only the form below is used: it says who asked.
            }

            @Override
            public void sent(String topic, SendResult result, Object origin) {
                if (origin != own && topic.equals(topicShown)) {
                    pump.add(result);
                }
            }
        };
        sender.watch(others);
        // The list and the bars are of one topic (a record's row has no topic column): another
        // topic starts them afresh.
        form.topic().addListener((o, was, now) -> {
            topicShown = now;
            if (was != null && !was.equals(now)) {
                clear();
            }
        });
        topicShown = form.topic().get();
        this.pumping = scheduler.every(Duration.ofMillis(PUMP_MS), this::pumpOnce);
    }

    /** The transaction panel's: begin, send, commit, abort, crash. */
    public TransactionViewModel transaction() {
        return transaction;
    }

    /** What to send. */
    public ProduceForm form() {
        return form;
    }

    /** The topic to send to; the shell sets it to the one chosen on the cluster screen. */
    public StringProperty topic() {
        return form.topic();
    }

    /** How to send: the producer's settings. */
    public ProducerSettingsForm settingsForm() {
        return settingsForm;
    }

    public ReadOnlyBooleanProperty streaming() {
        return streaming;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The newest records first, at most {@link #RECORDS_SHOWN}. */
    public ObservableList<SendResult> records() {
        return records;
    }

    /** Records acknowledged in each partition (index = partition) since the last clear. */
    public ObservableList<Long> partitionCounts() {
        return partitionCounts;
    }

    /** Each key, the partition of its latest record, and its records, at most {@link #KEYS_SHOWN}. */
    public ObservableList<SendTally.KeyRow> keys() {
        return keys;
    }

    /** How many records had keys the table does not list; empty when none. */
    public ReadOnlyStringProperty keysNote() {
        return keysNote;
    }

    /** The producer's metrics over the last minute, one chart each. */
    public List<MetricsHistory.Chart<ObservableList<MetricsHistory.Point>>> metrics() {
        return metrics.charts();
    }

    // Commands (FX thread)

    /** Sends the one record of the form; false, with the reason in the status, when it cannot. */
    public boolean sendOne() {
        String refusal = refusal();
        Map<String, String> headers = null;
        if (refusal == null) {
            try {
                headers = form.recordHeaders();
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) {
            status.set(refusal);
            return false;
        }
        String topic = form.topic().get();
        String key = form.recordKey();
        ProducerSettings settings = settingsForm.settings().get();
        String cli = ProduceCli.consoleProducer(bootstrap, topic, key != null, settings);
        announce.accept(cli, "Sending one record to " + topic + "...");
        status.set("Sending...");
        sender.send(topic, key, form.value().get(), headers, settings, own).thenAccept(r -> {
            own.accept(r);
            String outcome = r.ok() ? "Sent to partition " + r.partition() + " at offset " + r.offset() + "."
                    : "Not sent: " + r.error();
            ui.execute(() -> {
                status.set(outcome);
                announce.accept(cli, outcome);
            });
        });
        return true;
    }

    public boolean sendBurst() {
        return startStream(true);
    }

    /** Starts a steady stream at the chosen rate, or a burst of {@link ProduceForm#burstCount()} records. */
    public boolean startStream(boolean burst) {
        return start(burst) != null;
    }

    /** Starts a burst or stream; null, with the reason in the status, when it cannot. */
    public RecordStream start(boolean burst) {
        String refusal = refusal();
        StreamRequest request = null;
        if (refusal == null) {
            try {
                request = form.streamRequest(burst, settingsForm.settings().get());
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) {
            status.set(refusal);
            return null;
        }
        String cli = perfTest(request);
        announce.accept(cli + (request.keys().kind() == KeyPattern.Kind.NONE ? "" : "    # sends no keys"),
                burst ? "Sending " + request.limit() + " records to " + request.topic() + "..."
                        : "Streaming to " + request.topic() + "...");
        RecordStream started = sender.stream(request, own);
        stream = started;
        streaming.set(true);
        started.done().thenAccept(summary -> ui.execute(() -> {
            if (stream == started) {
                stream = null;
                streaming.set(false);
            }
            String outcome = String.format(Locale.ROOT, "%s: %,d sent, %,d acknowledged, %,d failed, %,.0f records/s.",
                    burst ? "Burst done" : "Stream stopped", summary.sent(), summary.acked(), summary.failed(),
                    summary.recordsPerSecond());
            status.set(outcome);
            announce.accept(cli, outcome);
        }));
        return started;
    }

    private String perfTest(StreamRequest r) {
        return ProduceCli.perfTest(bootstrap, r.topic(), r.limit(), Math.max(r.valueBytes(), 100), r.rate(),
                r.settings());
    }

    public void stopStream() {
        RecordStream s = stream;
        if (s != null) {
            s.stop();
            status.set("Stopping: waiting for the answers to records already sent...");
        }
    }

    /** Forgets the records, counts and keys shown (not the metrics: they are the producer's). */
    public void clear() {
        pump.clear();
        records.clear();
        partitionCounts.clear();
        keys.clear();
        keysNote.set("");
    }

    private String refusal() {
        String topic = form.topic().get();
        if (topic == null || topic.isBlank()) {
            return "Choose a topic first (create one on the Cluster screen).";
        }
        if (settingsForm.settings().get() == null) {
            return "Fix the producer settings first: " + settingsForm.settingsError().get();
        }
        if (stream != null) {
            return "A stream is running: stop it first.";
        }
        return null;
    }

    // The pump (the scheduler's thread), then the FX thread

    private void pumpOnce() {
        try {
            ProducePump.Batch batch = pump.next(stream);
            if (batch != null) {
                ui.execute(() -> apply(batch));
            }
        } catch (RuntimeException e) {
            // A pump that dies silently would freeze the screen: say so and go on.
            ui.execute(() -> status.set("Could not update the record list: " + e));
        }
    }

    private void apply(ProducePump.Batch b) {
        if (!b.newest().isEmpty()) {
            int keep = Math.max(0, RECORDS_SHOWN - b.newest().size());
            if (records.size() > keep) {
                records.remove(keep, records.size());
            }
            records.addAll(0, b.newest());
        }
        long[] counts = b.perPartition() == null ? new long[0] : b.perPartition();
        for (int p = 0; p < counts.length; p++) {
            // A count that did not change stays as it is: its bar need not be laid out again.
            if (p >= partitionCounts.size()) {
                partitionCounts.add(counts[p]);
            } else if (partitionCounts.get(p) != counts[p]) {
                partitionCounts.set(p, counts[p]);
            }
        }
        if (b.keys() != null) {
            keys.setAll(b.keys().rows());
            long notListed = b.keys().notListed();
            keysNote.set(notListed == 0 ? ""
                    : String.format(Locale.ROOT, "%,d records with keys beyond the first %d not listed.",
                            notListed, KEYS_SHOWN));
        }
        if (b.status() != null && stream != null) {
            status.set(b.status());
        }
        if (b.metrics() != null) {
            metrics.add(b.metricChart(), b.metrics(), b.atSeconds());
        }
    }

    /** Stops the stream and the pump; the service is closed by its owner. */
    @Override
    public void close() {
        RecordStream s = stream;
        if (s != null) {
            s.stop();
        }
        sender.unwatch(others);
        pumping.close();
        transaction.close();
    }
}
