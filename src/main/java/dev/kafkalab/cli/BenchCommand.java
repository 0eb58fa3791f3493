package dev.kafkalab.cli;

import dev.kafkalab.common.Wait;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Failures;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code kafka-lab bench}: how fast the local cluster starts, fails over and recovers, and how
 * much memory its JVMs take, over several fresh clusters. Prints one line per figure:
 * {@code NAME median=X min=Y max=Z UNIT}.
 */
public final class BenchCommand {

    private static final String TOPIC = "bench";
    private static final int RATE_PER_SECOND = 20_000;
    private static final int RECORD_BYTES = 100;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, List<Double>> figures = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    private final Map<String, String> settings = new LinkedHashMap<>();

    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        int runs = 5;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--runs") && i + 1 < args.size()) {
                try {
                    runs = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    runs = 0;
                }
                if (runs < 1) {
                    err.println("error: --runs takes a whole number of at least 1, was '" + args.get(i) + "'");
                    return 2;
                }
            } else if (args.get(i).equals("--set") && i + 1 < args.size()) {
                // A broker setting to try: its figures against the same bench without it.
                String kv = args.get(++i);
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    err.println("error: --set takes key=value, e.g. --set replica.fetch.backoff.ms=100");
                    return 2;
                }
                settings.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else {
                err.println("error: unknown option '" + args.get(i) + "'; usage: kafka-lab bench [--runs N]"
                        + " [--set broker.config=value]...");
                return 2;
            }
        }
        err.println("JVM flags per node: " + String.join(" ", ClusterSpec.DEFAULT_JVM_FLAGS) + " (+ AppCDS archive)");
        try {
            err.println("warm-up run (builds the class-data sharing archives the first time)...");
            oneRun(false);
            for (int i = 1; i <= runs; i++) {
                err.println("run " + i + " of " + runs + "...");
                oneRun(true);
            }
        } catch (Exception e) {
            err.println("error: " + Failures.message(e));
            return 1;
        }
        for (Map.Entry<String, List<Double>> f : figures.entrySet()) {
            printFigure(out, f.getKey(), f.getValue(), units.get(f.getKey()));
        }
        return 0;
    }

    /** One measure over several runs, as the bench commands print it: {@code NAME median=X min=Y max=Z UNIT}. */
    static void printFigure(PrintStream out, String name, List<Double> values, String unit) {
        List<Double> v = values.stream().sorted().toList();
        double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        out.printf(Locale.ROOT, "%s median=%.0f min=%.0f max=%.0f %s%n", name, median, v.get(0), v.get(v.size() - 1),
                unit);
    }

    private void oneRun(boolean record) throws Exception {
        Path dir = Files.createTempDirectory("kafka-lab-bench-");
        ClusterSpec.Builder b = ClusterSpec.builder().dataDir(dir).firstBrokerPort(0);
        settings.forEach(b::brokerProperty);
        ClusterSpec spec = b.build();
        try {
            measureFreshCluster(spec, record);
            measureWarmStart(spec, record);
        } finally {
            deleteQuietly(dir);
        }
    }

    private void measureFreshCluster(ClusterSpec spec, boolean record) throws Exception {
        try (LocalCluster cluster = new LocalCluster(spec)) {
            long t0 = System.nanoTime();
            cluster.start().get(spec.startTimeout().toSeconds() + 10, TimeUnit.SECONDS);
            put(record, "cold_start_nodes_ready_ms", ms(t0), "ms");
            try (Admin admin = admin(cluster)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
                awaitPartition(admin, p -> p.leader() != null && p.isr().size() == 3, "every leader of " + TOPIC);
                put(record, "cold_start_ms", ms(t0), "ms");

                int leader = partition0(admin).leader().id();
                t0 = System.nanoTime();
                cluster.kill(leader).get(10, TimeUnit.SECONDS);
                awaitPartition(admin, p -> p.leader() != null && p.leader().id() != leader, "a new leader after kill");
                put(record, "kill_failover_ms", ms(t0), "ms");
                repair(cluster, admin, leader);

                int leader2 = partition0(admin).leader().id();
                t0 = System.nanoTime();
                var stopping = cluster.stop(leader2);
                awaitPartition(admin, p -> p.leader() != null && p.leader().id() != leader2, "a new leader after stop");
                put(record, "stop_failover_ms", ms(t0), "ms");
                stopping.get(30, TimeUnit.SECONDS);
                repair(cluster, admin, leader2);

                TopicPartitionInfo p0 = partition0(admin);
                int follower = p0.replicas().stream().map(Node::id).filter(id -> id != p0.leader().id()).findFirst()
                        .orElseThrow();
                t0 = System.nanoTime();
                cluster.pause(follower).get(10, TimeUnit.SECONDS);
                awaitPartition(admin, p -> p.isr().stream().noneMatch(n -> n.id() == follower),
                        "frozen broker " + follower + " out of the ISR");
                put(record, "pause_isr_out_ms", ms(t0), "ms");
                t0 = System.nanoTime();
                cluster.resume(follower).get(10, TimeUnit.SECONDS);
                awaitPartition(admin, p -> p.isr().stream().anyMatch(n -> n.id() == follower),
                        "resumed broker " + follower + " back in the ISR");
                put(record, "resume_isr_back_ms", ms(t0), "ms");

                double[] memory = memoryUnderLoad(cluster);
                put(record, "cluster_rss_mib", memory[0], "MiB");
                put(record, "cluster_pss_mib", memory[1], "MiB");
            }
        }
    }

    /** The usual case after the first launch: the app starts again on the data it kept. */
    private void measureWarmStart(ClusterSpec spec, boolean record) throws Exception {
        try (LocalCluster again = new LocalCluster(spec)) {
            long t0 = System.nanoTime();
            again.start().get(spec.startTimeout().toSeconds() + 10, TimeUnit.SECONDS);
            // Where the time goes: the nodes ready, the topic led, then its followers back in sync.
            put(record, "warm_start_nodes_ready_ms", ms(t0), "ms");
            try (Admin admin = admin(again)) {
                awaitPartition(admin, p -> p.leader() != null, "a leader for " + TOPIC);
                put(record, "warm_start_led_ms", ms(t0), "ms");
                awaitPartition(admin, p -> p.leader() != null && p.isr().size() == 3, "every leader of " + TOPIC);
            }
            put(record, "warm_start_ms", ms(t0), "ms");
        }
    }

    /** Writes 20k records/s of 100 bytes with acks=all for 5 s; the highest total RSS and PSS seen. */
    private double[] memoryUnderLoad(LocalCluster cluster) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[RECORD_BYTES];
        double highest = 0;
        double highestPss = 0;
        try (KafkaProducer<byte[], byte[]> producer = new ClientFactory(cluster.bootstrapServers()).producer(props)) {
            long start = System.nanoTime();
            long sent = 0;
            long nextSample = start;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
                long due = (System.nanoTime() - start) * RATE_PER_SECOND / 1_000_000_000L;
                while (sent < due) {
                    producer.send(new ProducerRecord<>(TOPIC, value));
                    sent++;
                }
                if (System.nanoTime() >= nextSample) {
                    highest = Math.max(highest, totalMib(cluster, "/status", "VmRSS:"));
                    highestPss = Math.max(highestPss, totalMib(cluster, "/smaps_rollup", "Pss:"));
                    nextSample += TimeUnit.MILLISECONDS.toNanos(250);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            producer.flush();
        }
        return new double[] {highest, highestPss};
    }

    /**
     * Sum over every node JVM of one /proc field (Linux). RSS counts pages shared between the
     * JVMs (the class-data sharing archive, the JDK's libraries) once per JVM; PSS splits each
     * shared page between its users, so the PSS sum is what the four JVMs really take together.
     */
    static double totalMib(LocalCluster cluster, String file, String field) {
        double kib = 0;
        for (NodeStatus node : cluster.nodes()) {
            Path status = Path.of("/proc/" + node.pid() + file);
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith(field)) {
                        kib += Double.parseDouble(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux, or the node is gone: count what can be read.
            }
        }
        return kib / 1024;
    }

    private void repair(LocalCluster cluster, Admin admin, int broker) throws Exception {
        cluster.start(broker).get(120, TimeUnit.SECONDS);
        awaitPartition(admin, p -> p.isr().size() == 3, "broker " + broker + " back in the ISR");
    }

    private static TopicPartitionInfo partition0(Admin admin) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC);
        return d.partitions().stream().filter(p -> p.partition() == 0).findFirst().orElseThrow();
    }

    /** Asks the cluster as fast as it answers until partition 0 satisfies the condition (60 s at most). */
    private static void awaitPartition(Admin admin, Predicate<TopicPartitionInfo> condition, String what)
            throws Exception {
        // A broker that just went away fails the question: Wait asks again.
        Wait.upTo(Duration.ofSeconds(60), what).every(Duration.ofMillis(10)).until(() -> condition.test(partition0(admin)));
    }

    private static Admin admin(LocalCluster cluster) {
        return new ClientFactory(cluster.bootstrapServers()).admin(ClientFactory.Profile.MEASURE, "kafka-lab-bench");
    }

    private void put(boolean record, String name, double value, String unit) {
        if (record) {
            figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            units.put(name, unit);
            err.printf(Locale.ROOT, "  %s = %.0f %s%n", name, value, unit);
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp dir: the OS cleans it eventually.
        }
    }

}
