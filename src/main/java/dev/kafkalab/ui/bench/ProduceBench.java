package dev.kafkalab.ui.bench;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.common.Scheduler;
import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.ui.common.Theme;
import dev.kafkalab.ui.produce.ProduceScreen;
import dev.kafkalab.ui.produce.ProduceViewModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code kafka-lab bench-produce}: the produce screen's stream against Kafka's own
 * ProducerPerformance on the same cluster and settings (100-byte unkeyed records, acks=all,
 * otherwise Kafka's defaults), alternating which goes first, and then, when there is a display,
 * the longest FX-thread stall while the screen shows a 10,000 records/s stream.
 */
public final class ProduceBench {

    static final String USAGE = "usage: kafka-lab bench-produce [--records N] [--runs R] [--ui-seconds S] [--screen-only]";
    private static final String TOPIC = "bench-produce";
    private static final int RECORD_BYTES = 100;
    private static final Pattern PP_TOTAL = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec");

    private final PrintStream out;
    private final PrintStream err;
    /** One pump thread for every view model the bench makes, as the app has one. */
    private final Scheduler pump = Scheduler.onThread("kafka-lab-produce-pump");
    private long records = 500_000;
    private int runs = 3;
    private int uiSeconds = 20;
    private boolean screenOnly;

    public ProduceBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws Exception {
        // As the app does from its start: its producer's network thread runs at nice 10.
        dev.kafkalab.common.BackgroundNiceness.start();
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (args.get(i)) {
                case "--records" -> records = Long.parseLong(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--ui-seconds" -> uiSeconds = Integer.parseInt(value);
                case "--screen-only" -> {
                    screenOnly = true;
                    i--;
                }
                default -> {
                    err.println("Unknown option '" + args.get(i) + "'.\n" + USAGE);
                    return 2;
                }
            }
            i++;
        }
        Path cli = kafkaCli();
        if (!Files.isDirectory(cli)) {
            err.println("error: Kafka's tools are not at " + cli + ": build with ./mvnw package first.");
            return 1;
        }
        Path dir = Files.createTempDirectory("kafka-lab-bench-produce-");
        try (LocalCluster cluster = new LocalCluster(ClusterSpec.builder().dataDir(dir).firstBrokerPort(0).build())) {
            err.println("starting the cluster...");
            cluster.start().get(180, TimeUnit.SECONDS);
            createTopic(cluster.bootstrapServers());
            try (ClientFactory clients = new ClientFactory(cluster.bootstrapServers());
                    ProduceService service = new ProduceService(clients)) {
                if (screenOnly) {
                    screen(service);
                    return 0;
                }
                err.println("warming up both producers with " + records / 5 + " records each...");
                producerPerformance(cli, cluster.bootstrapServers(), records / 5);
                app(service, records / 5);
                List<Double> pp = new ArrayList<>();
                List<Double> app = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    boolean ppFirst = run % 2 == 1;
                    if (ppFirst) {
                        pp.add(producerPerformance(cli, cluster.bootstrapServers(), records));
                    }
                    app.add(app(service, records));
                    if (!ppFirst) {
                        pp.add(producerPerformance(cli, cluster.bootstrapServers(), records));
                    }
                    err.printf(Locale.ROOT, "run %d: ProducerPerformance %.0f records/s, Kafka Lab %.0f records/s%n",
                            run, pp.get(pp.size() - 1), app.get(app.size() - 1));
                }
                out.printf(Locale.ROOT, "produce_throughput records=%d record_bytes=%d acks=all%n", records,
                        RECORD_BYTES);
                out.printf(Locale.ROOT, "  producer_performance median=%.0f runs=%s records/s%n", median(pp), fmt(pp));
                out.printf(Locale.ROOT, "  kafka_lab_stream     median=%.0f runs=%s records/s%n", median(app),
                        fmt(app));
                out.printf(Locale.ROOT, "  ratio median=%.2f (target >= 0.90)%n", median(app) / median(pp));
                if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
                    err.println("no DISPLAY: the FX-thread part needs one (Xvfb will do); skipped.");
                } else {
                    screen(service);
                }
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** The screen's own path: the view model's burst, its pump folding every answer, no display. */
    private double app(ProduceService service, long count) throws Exception {
        try (ProduceViewModel vm = new ProduceViewModel(service, Runnable::run, pump, "localhost", (cli, message) -> { })) {
            vm.topic().set(TOPIC);
            vm.form().keyKind().set(KeyPattern.Kind.NONE);
            vm.form().valueBytes().set(RECORD_BYTES);
            vm.form().burstCount().set((int) count);
            RecordStream stream = vm.start(true);
            if (stream == null) {
                throw new IllegalStateException("the burst did not start: " + vm.status().get());
            }
            RecordStream.Summary summary = stream.done().get(10, TimeUnit.MINUTES);
            if (summary.failed() > 0) {
                throw new IllegalStateException(summary.failed() + " records failed");
            }
            return summary.recordsPerSecond();
        }
    }

    /** Kafka's ProducerPerformance in its own JVM, from the tools the build puts beside the jar. */
    private double producerPerformance(Path cli, String bootstrap, long count) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(dev.kafkalab.common.AppDirs.javaLauncher().toString(), "-cp", cli.resolve("*").toString(),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC, "--num-records", Long.toString(count),
                "--record-size", Integer.toString(RECORD_BYTES), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        double rate = -1;
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                tail.append(line).append('\n');
                Matcher m = PP_TOTAL.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) == count) {
                    rate = Double.parseDouble(m.group(2));
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || rate < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance gave no total:\n" + tail);
        }
        return rate;
    }

    /** The produce screen in a window, a 10,000 records/s stream into it, and the longest frame gap. */
    private void screen(ProduceService service) throws Exception {
        CompletableFuture<Void> fxReady = new CompletableFuture<>();
        Platform.startup(() -> fxReady.complete(null));
        fxReady.get(30, TimeUnit.SECONDS);
        FrameGapMeter frames = new FrameGapMeter();
        ProduceViewModel vm = new ProduceViewModel(service, Platform::runLater, pump, "localhost", (cli, message) -> { });
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new ProduceScreen(vm, FXCollections.observableArrayList(TOPIC)), 1280, 760);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.setTitle("Kafka Lab produce bench");
            stage.show();
            vm.topic().set(TOPIC);
            vm.form().keyKind().set(KeyPattern.Kind.DISTINCT);
            vm.form().distinctKeys().set(50);
            vm.form().valueBytes().set(RECORD_BYTES);
            vm.form().rate().set(10_000);
            frames.start();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        // No one presses Stream in the frame the screen appears: a second of frames first, in
        // which the screen makes its record rows ahead (CellRehearsal), as it would for a user.
        frames.awaitFrames(60, Duration.ofSeconds(30));
        List<Double> stalls = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= runs; round++) {
            CompletableFuture<RecordStream> started = new CompletableFuture<>();
            frames.measure("stream " + round);
            Platform.runLater(() -> {
                vm.clear();
                started.complete(vm.start(false));
            });
            RecordStream stream = started.get(10, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            long acked0 = stream.acked();
            // The stream runs for the measured window; the frame timer watches meanwhile.
            Thread.sleep(uiSeconds * 1000L);
            double rate = (stream.acked() - acked0) * 1e9 / (System.nanoTime() - t0);
            Platform.runLater(vm::stopStream);
            stream.done().get(60, TimeUnit.SECONDS);
            stalls.add(frames.stop());
            // The screen learns that the stream ended on the FX thread: wait for it before the next one.
            CompletableFuture<Void> idle = new CompletableFuture<>();
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (vm.streaming().get()) {
                    Platform.runLater(check[0]);
                } else {
                    idle.complete(null);
                }
            };
            Platform.runLater(check[0]);
            idle.get(30, TimeUnit.SECONDS);
            rates.add(rate);
            err.printf(Locale.ROOT, "screen run %d: longest FX stall %.1f ms at %.0f records/s%n", round,
                    stalls.get(stalls.size() - 1), rate);
        }
        out.printf(Locale.ROOT, "fx_longest_stall_while_streaming_ms median=%.1f runs=%s (target < 100)%n",
                median(stalls), fmt(stalls));
        out.printf(Locale.ROOT, "  stream_rate median=%.0f runs=%s records/s (asked 10000)%n", median(rates),
                fmt(rates));
        frames.printStalls(err, 5);
        vm.close();
        Platform.runLater(Platform::exit);
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = new ClientFactory(bootstrap).admin(ClientFactory.Profile.BULK, "kafka-lab-bench")) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
                    .all().get(60, TimeUnit.SECONDS);
        }
    }

    /** target/kafka-cli: beside the jar, or beside target/classes under ./mvnw. */
    private static Path kafkaCli() throws URISyntaxException {
        Path code = Path.of(ProduceBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return code.getParent().resolve("kafka-cli");
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString().replace(" ", "");
    }
}
