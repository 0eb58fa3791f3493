package dev.kafkalab.lab;

import dev.kafkalab.code.Programs;
import dev.kafkalab.consume.ConsumerGroups;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.share.ShareGroups;
import dev.kafkalab.testkit.LocalClusterExtension;
import dev.kafkalab.topics.TopicService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lab in {@code labs/}, solved on the real cluster the way a learner clicking its buttons
 * would: for each step, its check is false when the step begins, the step's actions run, and
 * then its check passes. Each lab starts from its reset.
 */
class LabSolverIT {

    /** Longest a step's check may take after its actions: a crashed member's session timeout is 10 s. */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static TopicService topics;
    private static ProduceService produce;
    private static Workbench bench;
    private static ConsumerGroups groups;
    private static Ledger ledger;
    private static Programs programs;
    private static ShareGroups shares;

    /**
     * {@code -Dlab.pace=15} pauses 15 s before each action, as a learner who reads the step
     * first, or between its buttons, does: what a step's Why says must hold for them too.
     */
    private static final Duration PACE = Duration.ofSeconds(Long.getLong("lab.pace", 0));

    @BeforeAll
    static void workbench() {
        topics = new TopicService(kafka.clients());
        produce = new ProduceService(kafka.clients());
        ledger = new Ledger();
        produce.addSendListener(ledger::sent);
        groups = new ConsumerGroups(kafka.clients());
        programs = new Programs();
        shares = new ShareGroups(kafka.clients());
        bench = new Workbench(kafka.cluster(), kafka.clients(), topics, produce, groups, shares, ledger, programs);
    }

    @AfterAll
    static void close() {
        programs.close();
        bench.close();
        shares.close();
        groups.close();
        produce.close();
        topics.close();
    }

    static Stream<Lab> labs() {
        LabCatalog catalog = LabCatalog.load(Path.of("labs"));
        catalog.entries().stream().filter(e -> !e.ok()).findFirst().ifPresent(e -> {
            throw new AssertionError(e.problem().getMessage());
        });
        // -Dlab.only=04 solves the labs whose id starts with it, while writing one.
        String only = System.getProperty("lab.only", "");
        return catalog.labs().stream().filter(l -> l.id().startsWith(only));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void everyStepIsFalseBeforeItsActionsAndTrueAfter(Lab lab, @TempDir Path dir) throws Exception {
        try (LabSession session = new LabSession(lab, bench, new ProgressStore(dir.resolve("progress.properties")),
                ledger)) {
            new StepSolver(kafka.poller(), programs, PACE, STEP_TIMEOUT, LabSolverIT::clusterNow).solve(lab, session);
        }
    }

    /**
     * What the poller last saw, and what Kafka says now to a client of its own: whether a check
     * that timed out waited on the cluster, or on a view of it that stopped moving.
     */
    private static String clusterNow(Step step) {
        ClusterSnapshot s = kafka.poller().latest();
        StringBuilder b = new StringBuilder("\n  poller (snapshot of ").append(s.takenAt()).append("): ")
                .append(dev.kafkalab.monitor.SnapshotPoller.describe(s));
        b.append("\n  node processes: ").append(kafka.cluster().nodes());
        kafka.cluster().nodes().stream().filter(n -> n.role() == dev.kafkalab.cluster.NodeRole.CONTROLLER).findFirst()
                .ifPresent(c -> {
                    try (Stream<String> lines = java.nio.file.Files.lines(c.logFile())) {
                        List<String> said = lines.filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("fenc")).toList();
                        b.append("\n  the controller's last words on fencing: ")
                                .append(said.subList(Math.max(0, said.size() - 8), said.size()));
                    } catch (Exception e) {
                        b.append("\n  the controller's log: unreadable (").append(e).append(')');
                    }
                });
        try {
            b.append("\n  Kafka's brokers now: ").append(kafka.admin().describeCluster(
                    new org.apache.kafka.clients.admin.DescribeClusterOptions().includeFencedBrokers(true)).nodes()
                    .get(10, TimeUnit.SECONDS).stream().map(n -> n.id() + (n.isFenced() ? " fenced" : "")).toList());
        } catch (Exception e) {
            b.append("\n  Kafka's brokers now: unreadable (").append(e).append(')');
        }
        step.check().optional("topic").ifPresent(topic -> {
            try {
                b.append("\n  Kafka's ").append(topic).append(" now: ").append(kafka.admin().describeTopics(List.of(topic))
                        .allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions());
            } catch (Exception e) {
                b.append("\n  Kafka's ").append(topic).append(" now: unreadable (").append(e).append(')');
            }
        });
        return b.toString();
    }
}
