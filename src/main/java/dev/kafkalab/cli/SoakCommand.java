package dev.kafkalab.cli;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.common.Failures;
import dev.kafkalab.consume.ConsumerGroups;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.InAppGroup;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.SnapshotPoller;
import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.StreamRequest;
import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.topics.TopicService;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.GroupProtocol;

/**
 * {@code kafka-lab soak --minutes N}: a class-like session with the app's own services, to find
 * what grows. A stream of 1,000 records/s and a consumer group of two run throughout; every
 * 20 s a broker is killed, frozen or stopped and brought back in turn, and a topic is created
 * and the one before it deleted. The app's heap after a GC, its threads, the nodes' PSS and the
 * open file descriptors are printed after a warm-up and at the end.
 */
public final class SoakCommand {

    public static final String USAGE = "usage: kafka-lab soak [--minutes N] [--every SECONDS]   (defaults: 30, 20)";
    static final String TOPIC = "soak";
    static final String GROUP = "soak-group";
    private static final int RATE = 1_000;
    /** What may grow between the warm-up and the end before the soak says so. */
    static final double FLAT = 0.10;

    private final PrintStream out;
    private final PrintStream err;

    public SoakCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the soak; 0 when every figure stayed flat, 3 when one grew, 1 on an error, 2 on bad options. */
    public int run(List<String> args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("kafka-lab-soak-");
        } catch (java.io.IOException e) {
            err.println("error: could not make a data folder for the soak: " + e.getMessage());
            return 1;
        }
        ClusterSpec spec = ClusterSpec.builder().dataDir(dir).firstBrokerPort(0).build();
        err.println("Soak for " + options.minutes() + " min, an action every " + options.every().toSeconds()
                + " s; the cluster's data in " + dir + " (deleted after).");
        try (LocalCluster cluster = new LocalCluster(spec)) {
            cluster.start().get(spec.startTimeout().toSeconds() + 10, TimeUnit.SECONDS);
            return session(cluster, options);
        } catch (Exception e) {
            err.println("error: " + Failures.message(e));
            return 1;
        } finally {
            BenchCommand.deleteQuietly(dir);
        }
    }

    private int session(LocalCluster cluster, Options options) throws Exception {
        try (ClientFactory clients = new ClientFactory(cluster.bootstrapServers());
                TopicService topics = new TopicService(clients);
                ProduceService produce = new ProduceService(clients);
                ConsumerGroups groups = new ConsumerGroups(clients);
                SnapshotPoller poller = new SnapshotPoller(clients, cluster, SnapshotPoller.DEFAULT_INTERVAL)) {
            poller.start();
            topics.create(new TopicRequest(TOPIC, "6", "3", "2", "delete")).get(60, TimeUnit.SECONDS);
            RecordStream stream = produce.stream(new StreamRequest(TOPIC, KeyPattern.distinct(100), RATE, 0, 0,
                    ProducerSettings.DEFAULTS), sent -> { });
            InAppGroup group = groups.start(GroupSettings.demo(GROUP, TOPIC, GroupProtocol.CONSUMER));
            group.addMember();
            group.addMember();
            Soak soak = new Soak(cluster, topics, poller, err);
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(options.minutes());
            // The figures after the first round of every action: what warms up once (the JIT, the
            // clients' buffers, the nodes' caches) is not what grows.
            Figures first = null;
            List<String> failures = new ArrayList<>();
            long nextReport = 0;
            while (System.nanoTime() < end) {
                long due = System.nanoTime() + options.every().toNanos();
                soak.next().ifPresent(failures::add);
                if (first == null && soak.rounds() >= 1) {
                    first = Figures.take(cluster);
                    out.println("after warm-up: " + first);
                    nextReport = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                } else if (first != null && System.nanoTime() >= nextReport) {
                    out.println("at " + minutes(end, options) + " min: " + Figures.take(cluster) + "; records "
                            + stream.acked() + " acked, " + consumed(group) + " consumed");
                    nextReport += TimeUnit.MINUTES.toNanos(5);
                }
                sleepUntil(due);
            }
            stream.stop();
            stream.done().get(60, TimeUnit.SECONDS);
            Figures last = Figures.take(cluster);
            out.println("at the end:    " + last);
            out.printf(Locale.ROOT, "records: %d sent, %d acked, %d failed (while brokers were down), %d consumed;"
                    + " %d actions, %d failed%n", stream.sent(), stream.acked(), stream.failed(), consumed(group),
                    soak.actions(), failures.size());
            failures.stream().limit(10).forEach(f -> out.println("  failed: " + f));
            if (first == null) {
                out.println("too short for a verdict: the first round of actions did not end; run for longer.");
                return 0;
            }
            List<String> grew = first.grew(last, FLAT);
            out.println(grew.isEmpty() ? "flat: every figure within " + Math.round(FLAT * 100) + "% of the warm-up's"
                    : "grew: " + String.join("; ", grew));
            return grew.isEmpty() ? 0 : 3;
        }
    }

    private static long consumed(InAppGroup group) {
        return group.members().stream().mapToLong(MemberSnapshot::consumed).sum();
    }

    private static long minutes(long end, Options options) {
        long started = end - TimeUnit.MINUTES.toNanos(options.minutes());
        return TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - started);
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long left = due - System.nanoTime();
        if (left > 0) {
            // Pacing, not synchronisation: the next action is due at a fixed rhythm.
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** The soak's options. */
    record Options(int minutes, Duration every) {

        static Options parse(List<String> args) {
            int minutes = 30;
            int every = 20;
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (!name.equals("--minutes") && !name.equals("--every")) {
                    throw new IllegalArgumentException("unknown option '" + name + "'");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " takes a whole number");
                }
                int value = whole(name, args.get(++i));
                if (name.equals("--minutes")) {
                    minutes = value;
                } else {
                    every = value;
                }
            }
            if (minutes < 1) {
                throw new IllegalArgumentException("--minutes takes at least 1, was " + minutes);
            }
            if (every < 5) {
                throw new IllegalArgumentException("--every takes at least 5 (seconds): a broker needs that to come back,"
                        + " was " + every);
            }
            return new Options(minutes, Duration.ofSeconds(every));
        }

        private static int whole(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a whole number, was '" + value + "'");
            }
        }
    }

    /** A snapshot is enough to tell that the cluster is whole again. */
    static boolean whole(ClusterSnapshot s, int brokers) {
        return s.topic(TOPIC).map(t -> t.partitions().stream().allMatch(p -> p.leader() >= 0
                && p.isr().size() == brokers)).orElse(false);
    }
}
