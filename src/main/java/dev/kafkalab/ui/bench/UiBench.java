package dev.kafkalab.ui.bench;

import dev.kafkalab.common.Wait;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.monitor.SnapshotPoller;
import dev.kafkalab.topics.TopicService;
import dev.kafkalab.ui.cluster.ClusterScreen;
import dev.kafkalab.ui.map.MapScreen;
import dev.kafkalab.ui.map.MapViewModel;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.cluster.Rehearsal;
import dev.kafkalab.ui.common.Theme;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code kafka-lab bench-ui}: the cluster screen holding 50 topics of 12 partitions on a real
 * cluster. Reports how long the FX thread spends applying one snapshot, and the longest gap
 * between two frames while brokers are killed, frozen, resumed and restarted; then the same with
 * the Map screen shown over it, and how long the map takes to apply a snapshot (its model and its nodes);
 * last, the frames a second the map draws while a producer writes 10,000 records a second to its topic.
 * Needs a display (Xvfb will do).
 */
public final class UiBench {

    private static final int TOPICS = 50;
    private static final int PARTITIONS = 12;
    private static final int STREAM_RATE = 10_000;
    private static final int STREAM_SECONDS = 15;

    private final PrintStream out;
    private final PrintStream err;
    private final List<Double> applyMs = new CopyOnWriteArrayList<>();
    private final List<Double> mapMs = new CopyOnWriteArrayList<>();
    private final List<Double> mapRoundMs = new CopyOnWriteArrayList<>();
    private final List<Double> clusterApplyMs = new CopyOnWriteArrayList<>();
    private volatile javafx.scene.Node mapScreen;
    private final List<Double> roundStalls = new CopyOnWriteArrayList<>();
    private volatile double showTopicStall;
    private volatile List<Double> streamFps = List.of();
    private final FrameGapMeter frames = new FrameGapMeter();

    public UiBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run() throws Exception {
        Path dir = Files.createTempDirectory("kafka-lab-bench-ui-");
        try (LocalCluster cluster = new LocalCluster(ClusterSpec.builder().dataDir(dir).firstBrokerPort(0).build())) {
            err.println("starting the cluster...");
            cluster.start().get(180, TimeUnit.SECONDS);
            err.println("creating " + TOPICS + " topics of " + PARTITIONS + " partitions...");
            createTopics(cluster);
            CompletableFuture<Void> fxReady = new CompletableFuture<>();
            Platform.startup(() -> fxReady.complete(null));
            fxReady.get(30, TimeUnit.SECONDS);
            // As the app does from its start, and while its cluster starts.
            dev.kafkalab.common.BackgroundNiceness.start();
            Rehearsal.start().get(60, TimeUnit.SECONDS);
            Executor fx = Platform::runLater;
            try (ClientFactory clients = new ClientFactory(cluster.bootstrapServers());
                    TopicService topics = new TopicService(clients);
                    SnapshotPoller poller = new SnapshotPoller(clients, cluster, SnapshotPoller.DEFAULT_INTERVAL)) {
                ClusterViewModel vm = new ClusterViewModel(cluster.nodes(), cluster, topics, cluster.bootstrapServers(),
                        fx);
                vm.setApplyTimer(nanos -> applyMs.add(nanos / 1e6));
                CompletableFuture<Void> shown = new CompletableFuture<>();
                Platform.runLater(() -> {
                    Stage stage = new Stage();
                    MapViewModel map = new MapViewModel(vm, List::of);
                    map.setApplyTimer(nanos -> mapMs.add(nanos / 1e6));
                    map.topic().set("bench-00");
                    mapScreen = new MapScreen(map);
                    mapScreen.setVisible(false);
                    map.active().bind(mapScreen.visibleProperty());
                    // The map over the cluster screen, shown for the last round, as the app stacks its screens.
                    Scene scene = new Scene(new javafx.scene.layout.StackPane(new ClusterScreen(vm), mapScreen), 1280, 760);
                    Theme.apply(scene);
                    stage.setScene(scene);
                    stage.setTitle("Kafka Lab bench");
                    stage.show();
                    vm.selectedTopic().set("bench-00");
                    frames.start();
                    shown.complete(null);
                });
                shown.get(30, TimeUnit.SECONDS);
                poller.addSnapshotListener(vm::onSnapshot);
                poller.addEventListener(vm::onEvent);
                cluster.addListener(vm::onNodeStatus);
                poller.start();
                // The first snapshot fills the partition list: cells are made, skinned and styled
                // for the first time. That is showing a topic, not breaking a broker: it is
                // measured on its own, and the rounds start once the rows are on screen.
                frames.measure("showing bench-00");
                poller.when(s -> s.topics().size() >= TOPICS, Duration.ofSeconds(60), "all bench topics").get();
                awaitOnFx(() -> vm.partitions().size() == PARTITIONS, "the rows of bench-00 on screen");
                frames.awaitFrames(30, Duration.ofSeconds(30));
                showTopicStall = frames.stop();
                applyMs.clear();
                for (int round = 1; round <= 3; round++) {
                    if (round == 3) {
                        // The cluster screen's figure is its own: the map draws inside its snapshot's turn.
                        clusterApplyMs.addAll(applyMs);
                        Platform.runLater(() -> mapScreen.setVisible(true));
                        frames.awaitFrames(30, Duration.ofSeconds(30));
                        mapMs.clear();
                    }
                    err.println("round " + round + ": breaking brokers while the " + (round == 3 ? "map" : "screen")
                            + " follows...");
                    frames.measure("round " + round);
                    breakAndRepair(cluster, poller, round);
                    roundStalls.add(frames.stop());
                }
                err.println("the map under a stream of " + STREAM_RATE + " records/s for " + STREAM_SECONDS + " s...");
                // The kill round's figure is its own: under a stream every tile's fill moves.
                mapRoundMs.addAll(mapMs);
                mapMs.clear();
                streamFps = framesPerSecondUnderAStream(clients);
            }
            Platform.runLater(Platform::exit);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<Double> sorted = new ArrayList<>(clusterApplyMs);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            err.println("error: no snapshot was applied");
            return 1;
        }
        out.printf(Locale.ROOT, "fx_apply_snapshot_ms median=%.2f min=%.2f max=%.2f p95=%.2f n=%d ms%n",
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
                sorted.get((int) (sorted.size() * 0.95)), sorted.size());
        out.printf(Locale.ROOT, "fx_longest_stall_ms first_round=%.1f second_round=%.1f map_round=%.1f ms%n",
                roundStalls.get(0), roundStalls.get(1), roundStalls.get(2));
        printMedian("fx_map_apply_ms", mapRoundMs);
        printMedian("fx_map_apply_under_stream_ms", mapMs);
        out.printf(Locale.ROOT, "fx_show_topic_stall_ms %.1f ms%n", showTopicStall);
        if (!streamFps.isEmpty()) {
            List<Double> fps = new ArrayList<>(streamFps);
            Collections.sort(fps);
            out.printf(Locale.ROOT, "fx_map_fps_under_stream median=%.0f min=%.0f max=%.0f seconds=%d records_per_s=%d%n",
                    fps.get(fps.size() / 2), fps.get(0), fps.get(fps.size() - 1), fps.size(), STREAM_RATE);
        }
        frames.printStalls(err, 8);
        return 0;
    }

    private void printMedian(String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            out.printf(Locale.ROOT, "%s median=%.2f max=%.2f n=%d ms%n", name, sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), sorted.size());
        }
    }

    /**
     * The map shown while a producer writes {@value #STREAM_RATE} records/s to its topic: the
     * frames drawn in each second (an animation timer runs, so JavaFX draws as often as it can,
     * up to 60 a second).
     */
    private List<Double> framesPerSecondUnderAStream(ClientFactory clients) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.Properties settings = new java.util.Properties();
        settings.put("linger.ms", "5");
        settings.put("client.id", "kafka-lab-bench-stream");
        Thread writer = new Thread(() -> {
            try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer = clients.producer(settings,
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer())) {
                long start = System.nanoTime();
                long sent = 0;
                while (go.get()) {
                    // Ten records each millisecond: 10,000 a second, evenly.
                    long due = (System.nanoTime() - start) * STREAM_RATE / 1_000_000_000L;
                    for (; sent < due; sent++) {
                        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("bench-00",
                                "key-" + (sent % 100), "record-" + sent));
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
                }
            }
        }, "kafka-lab-bench-stream");
        writer.setDaemon(true);
        writer.start();
        List<Double> perSecond = new ArrayList<>();
        try {
            // The first two seconds are the producer warming up and the map's rates appearing.
            Thread.sleep(2_000);
            for (int s = 0; s < STREAM_SECONDS; s++) {
                long before = frames.frames();
                long at = System.nanoTime();
                Thread.sleep(1_000);
                perSecond.add((frames.frames() - before) * 1e9 / (System.nanoTime() - at));
            }
        } finally {
            go.set(false);
            writer.join(30_000);
        }
        return perSecond;
    }

    private void breakAndRepair(LocalCluster cluster, SnapshotPoller poller, int round) throws Exception {
        Duration wait = Duration.ofSeconds(60);
        frames.phase("round " + round + ", " + "kill 1");
        cluster.kill(1).get(10, TimeUnit.SECONDS);
        poller.when(s -> s.node(1).map(n -> n.fenced()).orElse(false), wait, "broker 1 fenced").get();
        frames.phase("round " + round + ", " + "start 1");
        cluster.start(1).get(120, TimeUnit.SECONDS);
        frames.phase("round " + round + ", " + "ISRs refill after start 1");
        poller.when(s -> s.underReplicatedCount() == 0, wait, "every ISR full after restart").get();
        frames.phase("round " + round + ", " + "freeze 2");
        cluster.pause(2).get(10, TimeUnit.SECONDS);
        poller.when(s -> s.node(2).map(n -> n.fenced()).orElse(false), wait, "frozen broker 2 fenced").get();
        frames.phase("round " + round + ", " + "resume 2");
        cluster.resume(2).get(10, TimeUnit.SECONDS);
        poller.when(s -> s.underReplicatedCount() == 0, wait, "every ISR full after resume").get();
        frames.phase("round " + round + ", " + "stop 3");
        cluster.stop(3).get(30, TimeUnit.SECONDS);
        frames.phase("round " + round + ", " + "start 3");
        cluster.start(3).get(120, TimeUnit.SECONDS);
        frames.phase("round " + round + ", " + "ISRs refill after start 3");
        poller.when(s -> s.underReplicatedCount() == 0, wait, "every ISR full after stop and start").get();
    }

    private static void awaitOnFx(java.util.function.BooleanSupplier condition, String what) throws Exception {
        // The condition is read on the FX thread, so it never sees a list halfway through a refill.
        Wait.upTo(java.time.Duration.ofSeconds(60), what).every(java.time.Duration.ofMillis(50)).until(() -> {
            CompletableFuture<Boolean> seen = new CompletableFuture<>();
            Platform.runLater(() -> seen.complete(condition.getAsBoolean()));
            return seen.get(10, TimeUnit.SECONDS);
        });
    }

    private static void createTopics(LocalCluster cluster) throws Exception {
        try (Admin admin = new ClientFactory(cluster.bootstrapServers()).admin(ClientFactory.Profile.BULK, "kafka-lab-bench")) {
            List<NewTopic> topics = new ArrayList<>();
            for (int i = 0; i < TOPICS; i++) {
                topics.add(new NewTopic(String.format(Locale.ROOT, "bench-%02d", i), PARTITIONS, (short) 3));
            }
            admin.createTopics(topics).all().get(120, TimeUnit.SECONDS);
        }
    }
}
