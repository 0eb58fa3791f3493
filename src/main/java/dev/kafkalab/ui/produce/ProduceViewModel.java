package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProduceCli;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.ProducerSettings.Compression;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.StreamRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The produce screen's state. Answers arrive on the producer's I/O thread and only go into a
 * queue; a pump thread folds them every {@value #PUMP_MS} ms into one small batch (the newest
 * records, counts per partition and per key), and the FX thread applies that batch. So a stream
 * of tens of thousands of records a second costs the FX thread a few list changes per pump.
 */
public final class ProduceViewModel implements AutoCloseable {

    static final int PUMP_MS = 200;
    /** The record list keeps this many, newest first. */
    public static final int RECORDS_SHOWN = 500;
    /** The key table lists at most this many keys; random keys would never end. */
    public static final int KEYS_SHOWN = 200;
    static final int METRIC_POINTS = 60;

    /** One key of the key-to-partition table. */
    public record KeyRow(String key, int partition, long records) {
    }

    /** One chart of the producer's metrics. */
    public record MetricChart(String title, String unit, XYChart.Series<Number, Number> series) {
    }

    private final ProduceService service;
    private final Executor ui;
    private final BiConsumer<String, String> announce;
    private final String bootstrap;

    // Inputs: the form.
    private final StringProperty topic = new SimpleStringProperty();
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("hello");
    private final StringProperty headers = new SimpleStringProperty("");
    private final ObjectProperty<KeyPattern.Kind> keyKind = new SimpleObjectProperty<>(KeyPattern.Kind.DISTINCT);
    private final StringProperty fixedKey = new SimpleStringProperty("employee-1");
    private final IntegerProperty distinctKeys = new SimpleIntegerProperty(5);
    private final IntegerProperty burstCount = new SimpleIntegerProperty(100);
    private final IntegerProperty valueBytes = new SimpleIntegerProperty(0);
    private final IntegerProperty rate = new SimpleIntegerProperty(100);
    private final BooleanProperty unlimitedRate = new SimpleBooleanProperty(false);

    private final ObjectProperty<Acks> acks = new SimpleObjectProperty<>(ProducerSettings.DEFAULTS.acks());
    private final BooleanProperty idempotence = new SimpleBooleanProperty(ProducerSettings.DEFAULTS.idempotence());
    private final IntegerProperty lingerMs = new SimpleIntegerProperty(ProducerSettings.DEFAULTS.lingerMs());
    private final IntegerProperty batchSize = new SimpleIntegerProperty(ProducerSettings.DEFAULTS.batchSize());
    private final ObjectProperty<Compression> compression =
            new SimpleObjectProperty<>(ProducerSettings.DEFAULTS.compression());
    private final ObjectProperty<PartitionerChoice> partitioner =
            new SimpleObjectProperty<>(ProducerSettings.DEFAULTS.partitioner());
    private final BooleanProperty ignoreKeys = new SimpleBooleanProperty(ProducerSettings.DEFAULTS.ignoreKeys());
    private final IntegerProperty retries = new SimpleIntegerProperty(ProducerSettings.DEFAULTS.retries());
    private final IntegerProperty deliveryTimeoutMs =
            new SimpleIntegerProperty(ProducerSettings.DEFAULTS.deliveryTimeoutMs());
    private final IntegerProperty maxInFlight = new SimpleIntegerProperty(ProducerSettings.DEFAULTS.maxInFlight());

    // Outputs.
    private final ObjectProperty<ProducerSettings> settings = new SimpleObjectProperty<>(ProducerSettings.DEFAULTS);
    private final StringProperty settingsError = new SimpleStringProperty("");
    private final StringProperty settingsNote = new SimpleStringProperty("");
    private final BooleanProperty streaming = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<SendResult> records = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> partitionCounts = FXCollections.observableArrayList();
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final StringProperty keysNote = new SimpleStringProperty("");
    private final List<MetricChart> metrics = List.of(
            chart("Send rate", "records/s"), chart("Batch size", "bytes"), chart("Request latency", "ms"),
            chart("Records/request", "records"), chart("Compression", "ratio"));

    // Pump state: written by the I/O thread (queue) and the pump thread only.
    private final ConcurrentLinkedQueue<SendResult> answers = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-lab-produce-pump");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, long[]> keyCounts = new LinkedHashMap<>();
    private long[] perPartition = new long[0];
    private long keysNotListed;
    private boolean keysPending;
    private boolean countsPending;
    private volatile boolean clearRequested;
    private volatile RecordStream stream;
    private long lastAcked;
    private long lastPumpNanos = System.nanoTime();
    private long metricTick;
    private final long startNanos = System.nanoTime();

    public ProduceViewModel(ProduceService service, Executor ui, String courseBootstrap,
            BiConsumer<String, String> announce) {
        this.service = service;
        this.ui = ui;
        this.bootstrap = courseBootstrap;
        this.announce = announce;
        List<ObservableValue<?>> form = List.of(acks, idempotence, lingerMs, batchSize, compression, partitioner,
                ignoreKeys, retries, deliveryTimeoutMs, maxInFlight);
        form.forEach(p -> p.addListener((o, was, now) -> rebuildSettings()));
        // Idempotence needs acks=all: choosing 0 or 1 turns it off, as the course's durability lab needs.
        acks.addListener((o, was, now) -> {
            if (now != Acks.ALL && idempotence.get()) {
                idempotence.set(false);
                settingsNote.set("enable.idempotence turned off: it needs acks=all.");
            } else {
                settingsNote.set("");
            }
        });
        pump.scheduleWithFixedDelay(this::pumpOnce, PUMP_MS, PUMP_MS, TimeUnit.MILLISECONDS);
    }

    private static MetricChart chart(String title, String unit) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(title);
        return new MetricChart(title, unit, series);
    }

    /** employee-2 before employee-10: numbers in keys compare as numbers. */
    static final java.util.Comparator<KeyRow> KEY_ORDER = java.util.Comparator
            .comparing((KeyRow r) -> r.key().replaceAll("\\d+$", ""))
            .thenComparingLong(r -> trailingNumber(r.key()))
            .thenComparing(KeyRow::key);

    private static long trailingNumber(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,18})$").matcher(key);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The slider moves on a log scale, 1 to 50,000 records a second, in round steps. */
    static int niceRate(double log) {
        double raw = Math.pow(10, log);
        double step = Math.pow(10, Math.max(0, Math.floor(Math.log10(raw)) - 1));
        return (int) Math.max(1, Math.round(raw / step) * step);
    }

    // --- Properties the screen binds to

    public StringProperty topic() {
        return topic;
    }

    public StringProperty key() {
        return key;
    }

    public StringProperty value() {
        return value;
    }

    public StringProperty headers() {
        return headers;
    }

    public ObjectProperty<KeyPattern.Kind> keyKind() {
        return keyKind;
    }

    public StringProperty fixedKey() {
        return fixedKey;
    }

    public IntegerProperty distinctKeys() {
        return distinctKeys;
    }

    public IntegerProperty burstCount() {
        return burstCount;
    }

    /** The size of each value in bursts and streams; 0 for numbered values (record-17). */
    public IntegerProperty valueBytes() {
        return valueBytes;
    }

    public IntegerProperty rate() {
        return rate;
    }

    public BooleanProperty unlimitedRate() {
        return unlimitedRate;
    }

    public ObjectProperty<Acks> acks() {
        return acks;
    }

    public BooleanProperty idempotence() {
        return idempotence;
    }

    public IntegerProperty lingerMs() {
        return lingerMs;
    }

    public IntegerProperty batchSize() {
        return batchSize;
    }

    public ObjectProperty<Compression> compression() {
        return compression;
    }

    public ObjectProperty<PartitionerChoice> partitioner() {
        return partitioner;
    }

    public BooleanProperty ignoreKeys() {
        return ignoreKeys;
    }

    public IntegerProperty retries() {
        return retries;
    }

    public IntegerProperty deliveryTimeoutMs() {
        return deliveryTimeoutMs;
    }

    public IntegerProperty maxInFlight() {
        return maxInFlight;
    }

    /** The settings the form describes, or null while it describes something Kafka refuses. */
    public ReadOnlyObjectProperty<ProducerSettings> settings() {
        return settings;
    }

    public ReadOnlyStringProperty settingsError() {
        return settingsError;
    }

    public ReadOnlyStringProperty settingsNote() {
        return settingsNote;
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

    /** One bar per partition ("p0", "p1", ...): records acknowledged there since the last clear. */
    public ObservableList<XYChart.Data<String, Number>> partitionCounts() {
        return partitionCounts;
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public ReadOnlyStringProperty keysNote() {
        return keysNote;
    }

    public List<MetricChart> metrics() {
        return metrics;
    }

    public void resetSettings() {
        ProducerSettings d = ProducerSettings.DEFAULTS;
        acks.set(d.acks());
        idempotence.set(d.idempotence());
        lingerMs.set(d.lingerMs());
        batchSize.set(d.batchSize());
        compression.set(d.compression());
        partitioner.set(d.partitioner());
        ignoreKeys.set(d.ignoreKeys());
        retries.set(d.retries());
        deliveryTimeoutMs.set(d.deliveryTimeoutMs());
        maxInFlight.set(d.maxInFlight());
        settingsNote.set("");
    }

    private void rebuildSettings() {
        try {
            settings.set(new ProducerSettings(acks.get(), idempotence.get(), lingerMs.get(), batchSize.get(),
                    compression.get(), partitioner.get(), ignoreKeys.get(), retries.get(), deliveryTimeoutMs.get(),
                    ProducerSettings.DEFAULTS.requestTimeoutMs(), maxInFlight.get()));
            settingsError.set("");
        } catch (IllegalArgumentException e) {
            settings.set(null);
            settingsError.set(e.getMessage());
        }
    }

    // --- Actions (FX thread)

    /** Sends the one record of the form; false, with the reason in the status, when it cannot. */
    public boolean sendOne() {
        String refusal = refusal();
        if (refusal != null) {
            status.set(refusal);
            return false;
        }
        String k = key.get() == null || key.get().isEmpty() ? null : key.get();
        Map<String, String> parsed;
        try {
            parsed = parseHeaders(headers.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
        String t = topic.get();
        ProducerSettings s = settings.get();
        announce.accept(ProduceCli.consoleProducer(bootstrap, t, k != null, s), "Sending one record to " + t + "...");
        status.set("Sending...");
        service.send(t, k, value.get(), parsed, s).thenAccept(r -> {
            answers.add(r);
            String outcome = r.ok() ? "Sent to partition " + r.partition() + " at offset " + r.offset() + "."
                    : "Not sent: " + r.error();
            ui.execute(() -> {
                status.set(outcome);
                announce.accept(ProduceCli.consoleProducer(bootstrap, t, k != null, s), outcome);
            });
        });
        return true;
    }

    public boolean sendBurst() {
        return startStream(true);
    }

    /** Starts a steady stream at the chosen rate, or a burst of {@link #burstCount()} records. */
    public boolean startStream(boolean burst) {
        return start(burst) != null;
    }

    /** Starts a burst or stream; null, with the reason in the status, when it cannot. */
    public RecordStream start(boolean burst) {
        String refusal = refusal();
        KeyPattern pattern = null;
        StreamRequest request = null;
        if (refusal == null) {
            try {
                pattern = pattern();
                request = new StreamRequest(topic.get(), pattern, burst || unlimitedRate.get() ? 0 : rate.get(),
                        burst ? burstCount.get() : 0, valueBytes.get(), settings.get());
                if (burst && burstCount.get() < 1) {
                    throw new IllegalArgumentException("Burst: at least 1 record.");
                }
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) {
            status.set(refusal);
            return null;
        }
        announce.accept(ProduceCli.perfTest(bootstrap, request.topic(), request.limit(),
                Math.max(request.valueBytes(), 100), request.rate(),
                request.settings()) + (pattern.kind() == KeyPattern.Kind.NONE ? "" : "    # sends no keys"),
                burst ? "Sending " + request.limit() + " records to " + request.topic() + "..."
                        : "Streaming to " + request.topic() + "...");
        RecordStream started = service.stream(request, answers::add);
        stream = started;
        streaming.set(true);
        StreamRequest sent = request;
        started.done().thenAccept(summary -> ui.execute(() -> {
            if (stream == started) {
                stream = null;
                streaming.set(false);
            }
            String outcome = String.format(Locale.ROOT, "%s: %,d sent, %,d acknowledged, %,d failed, %,.0f records/s.",
                    burst ? "Burst done" : "Stream stopped", summary.sent(), summary.acked(), summary.failed(),
                    summary.recordsPerSecond());
            status.set(outcome);
            announce.accept(ProduceCli.perfTest(bootstrap, sent.topic(), sent.limit(),
                    Math.max(sent.valueBytes(), 100), sent.rate(),
                    sent.settings()), outcome);
        }));
        return started;
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
        clearRequested = true;
        records.clear();
        partitionCounts.clear();
        keys.clear();
        keysNote.set("");
    }

    private String refusal() {
        if (topic.get() == null || topic.get().isBlank()) {
            return "Choose a topic first (create one on the Cluster screen).";
        }
        if (settings.get() == null) {
            return "Fix the producer settings first: " + settingsError.get();
        }
        if (stream != null) {
            return "A stream is running: stop it first.";
        }
        return null;
    }

    private KeyPattern pattern() {
        return switch (keyKind.get()) {
            case NONE -> KeyPattern.NO_KEY;
            case FIXED -> KeyPattern.fixed(fixedKey.get());
            case DISTINCT -> KeyPattern.distinct(distinctKeys.get());
            case RANDOM -> KeyPattern.random();
        };
    }

    /** "a=1, b=2" to a map; a part without '=' is refused with what was expected. */
    static Map<String, String> parseHeaders(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Headers: write name=value pairs separated by commas, not \""
                        + part.trim() + "\".");
            }
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    // --- The pump (its own thread), then the FX thread

    /** What one pump hands the FX thread. */
    private record Batch(List<SendResult> newest, long[] perPartition, List<KeyRow> keys, long keysNotListed,
            String status, ProducerMetrics metrics, int metricChart, double atSeconds) {
    }

    private void pumpOnce() {
        try {
            boolean cleared = clearRequested;
            if (cleared) {
                clearRequested = false;
                perPartition = new long[0];
                keyCounts.clear();
                keysNotListed = 0;
            }
            ArrayDeque<SendResult> newest = new ArrayDeque<>(RECORDS_SHOWN);
            boolean keysChanged = false;
            SendResult r;
            while ((r = answers.poll()) != null) {
                if (newest.size() == RECORDS_SHOWN) {
                    newest.removeFirst();
                }
                newest.addLast(r);
                if (!r.ok()) {
                    continue;
                }
                if (r.partitions() > perPartition.length || r.partition() >= perPartition.length) {
                    perPartition = java.util.Arrays.copyOf(perPartition, Math.max(r.partitions(), r.partition() + 1));
                }
                perPartition[r.partition()]++;
                if (r.key() != null) {
                    long[] kc = keyCounts.get(r.key());
                    if (kc == null && keyCounts.size() < KEYS_SHOWN) {
                        kc = new long[] {r.partition(), 0};
                        keyCounts.put(r.key(), kc);
                    }
                    if (kc != null) {
                        kc[0] = r.partition();
                        kc[1]++;
                        keysChanged = true;
                    } else {
                        keysNotListed++;
                    }
                }
            }
            List<SendResult> list = new ArrayList<>(newest);
            Collections.reverse(list);
            // The list moves five times a second; charts and the key table once a second while a
            // stream runs: each of their updates lays out axes and repaints a large area.
            boolean slowTick = ++metricTick % (1000 / PUMP_MS) == 0;
            boolean chartsDue = slowTick || stream == null || cleared;
            keysPending |= keysChanged;
            countsPending |= !list.isEmpty();
            List<KeyRow> keyRows = null;
            if (chartsDue && (keysPending || cleared)) {
                keysPending = false;
                keyRows = new ArrayList<>(keyCounts.size());
                for (Map.Entry<String, long[]> e : keyCounts.entrySet()) {
                    keyRows.add(new KeyRow(e.getKey(), (int) e.getValue()[0], e.getValue()[1]));
                }
                keyRows.sort(KEY_ORDER);
            }
            long now = System.nanoTime();
            String streamStatus = null;
            RecordStream s = stream;
            if (s != null) {
                long acked = s.acked();
                double perSecond = (acked - lastAcked) * 1e9 / Math.max(1, now - lastPumpNanos);
                lastAcked = acked;
                streamStatus = String.format(Locale.ROOT, "%s%,d sent · %,d acknowledged · %,d failed · %,.0f records/s",
                        s.stopping() ? "Stopping, awaiting answers: " : "", s.sent(), acked, s.failed(), perSecond);
            } else {
                lastAcked = 0;
            }
            lastPumpNanos = now;
            // One metric chart per pump: each still gets a point a second, and no pulse lays out all five.
            int chart = (int) (metricTick % (1000 / PUMP_MS));
            ProducerMetrics m = chart < metrics.size() ? service.metrics() : null;
            if (m == ProducerMetrics.NONE) {
                m = null;
            }
            long[] counts = null;
            if (chartsDue && (countsPending || cleared)) {
                countsPending = false;
                counts = perPartition.clone();
            }
            if (list.isEmpty() && keyRows == null && counts == null && streamStatus == null && m == null && !cleared) {
                return;
            }
            Batch batch = new Batch(list, counts, keyRows, keysNotListed, streamStatus, m, chart,
                    (now - startNanos) / 1e9);
            ui.execute(() -> apply(batch));
        } catch (RuntimeException e) {
            // A pump that dies silently would freeze the screen: say so and go on.
            ui.execute(() -> status.set("Could not update the record list: " + e));
        }
    }

    private void apply(Batch b) {
        if (!b.newest().isEmpty()) {
            int keep = Math.max(0, RECORDS_SHOWN - b.newest().size());
            if (records.size() > keep) {
                records.remove(keep, records.size());
            }
            records.addAll(0, b.newest());
        }
        long[] counts = b.perPartition() == null ? new long[0] : b.perPartition();
        for (int p = 0; p < counts.length; p++) {
            if (p < partitionCounts.size()) {
                XYChart.Data<String, Number> bar = partitionCounts.get(p);
                if (bar.getYValue().longValue() != counts[p]) {
                    bar.setYValue(counts[p]);
                }
            } else {
                partitionCounts.add(new XYChart.Data<>("p" + p, counts[p]));
            }
        }
        if (b.keys() != null) {
            keys.setAll(b.keys());
            keysNote.set(b.keysNotListed() == 0 ? ""
                    : String.format(Locale.ROOT, "%,d records with keys beyond the first %d not listed.",
                            b.keysNotListed(), KEYS_SHOWN));
        }
        if (b.status() != null && stream != null) {
            status.set(b.status());
        }
        if (b.metrics() != null) {
            ProducerMetrics m = b.metrics();
            double[] values = {m.sendRate(), m.batchSizeAvg(), m.requestLatencyAvg(), m.recordsPerRequestAvg(),
                    m.compressionRateAvg()};
            double value = values[b.metricChart()];
            if (Double.isFinite(value)) {
                ObservableList<XYChart.Data<Number, Number>> points = metrics.get(b.metricChart()).series().getData();
                if (points.size() >= METRIC_POINTS) {
                    points.remove(0);
                }
                points.add(new XYChart.Data<>(Math.round(b.atSeconds()), value));
            }
        }
    }

    /** Stops the stream and the pump; the service is closed by its owner. */
    @Override
    public void close() {
        RecordStream s = stream;
        if (s != null) {
            s.stop();
        }
        pump.shutdownNow();
    }
}
