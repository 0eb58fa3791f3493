package dev.kafkalab.lab;

import dev.kafkalab.code.ProgramArguments;
import dev.kafkalab.code.ProgramRun;
import dev.kafkalab.code.Programs;
import dev.kafkalab.consume.ConsumerGroups;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.cluster.KafkaCluster;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.InAppGroup;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.ProducerSettings.Compression;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.stock.StockPriceSender;
import dev.kafkalab.share.ShareGroups;
import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.topics.TopicService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Does the labs' actions with the services the screens use: the cluster's brokers, the topic
 * service, the app's producer, in-app consumer groups, the durability demo and the stock-price
 * sender. Every action returns at once with a future; none blocks its caller.
 */
public final class Workbench implements ActionRunner, AutoCloseable {

    private final KafkaCluster cluster;
    private final ClientFactory clients;
    private final TopicService topics;
    private final ProduceService produce;
    private final Ledger ledger;
    private final Admin admin;
    private final ConsumerGroups groups;
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newCachedThreadPool(
            Threads.daemon("kafka-lab-workbench"));
    private volatile StockPriceSender stock;
    private final Solutions solutions;
    private final ProgramArguments arguments;
    private final Programs programs;
    private final ShareGroups shares;
    private final LabTransactions transactions;
    private final LabCleanup cleanup;

    /** Actions on {@code cluster} through the screens' services; every client comes from {@code clients}. */
    public Workbench(KafkaCluster cluster, ClientFactory clients, TopicService topics, ProduceService produce,
            ConsumerGroups groups, ShareGroups shares, Ledger ledger, Programs programs) {
        this.cluster = cluster;
        this.groups = groups;
        this.shares = shares;
        this.transactions = new LabTransactions(produce);
        this.cleanup = new LabCleanup(clients.actions());
        this.clients = clients;
        this.topics = topics;
        this.produce = produce;
        this.ledger = ledger;
        this.admin = clients.actions();
        this.arguments = new ProgramArguments(clients, ProgramArguments.defaultFile());
        this.solutions = new Solutions(LabCatalog.defaultFolder().resolve("code"), arguments, programs);
        this.programs = programs;
    }

    /** What the cluster's programs get as arguments: its address, and the file of its security settings if it has any. */
    public List<String> programArguments() {
        return arguments.get();
    }

    /** The ledger every send of the app's producer goes into. */
    public Ledger ledger() {
        return ledger;
    }

    ShareGroups shares() {
        return shares;
    }

    LabTransactions transactions() {
        return transactions;
    }

    /** Does {@code work} on the workbench's threads; its sentence is the outcome. */
    CompletableFuture<Outcome> async(java.util.concurrent.Callable<String> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return said(work.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, worker);
    }

    @Override
    public CheckContext.Clients clients(Directive check) {
        return QueueChecks.clientsFor(check, shares, groups, transactions.states(), transactions.lastOffsets());
    }

    /** A consumer group the labs started, for the screens that show it. */
    public Optional<InAppGroup> group(String id) {
        return groups.get(id);
    }

    @Override
    public CompletableFuture<Outcome> run(Directive a, ClusterSnapshot snapshot, Map<String, Integer> remembered) {
        return run(a, snapshot, remembered, line -> { });
    }

    @Override
    public CompletableFuture<Outcome> run(Directive a, ClusterSnapshot snapshot, Map<String, Integer> remembered,
            java.util.function.Consumer<String> progress) {
        return Vocabulary.run(this, a, snapshot, remembered, progress);
    }

    // Handlers the vocabulary's entries name, with createTopic, produce, broker and the others below.
    CompletableFuture<Outcome> deleteTopic(Directive a) {
        return topics.delete(a.text("topic")).thenApply(v -> said("Deleted topic " + a.text("topic") + "."));
    }

    CompletableFuture<Outcome> restoreAll(Directive a) {
        return restoreBrokers().thenApply(Workbench::said);
    }

    CompletableFuture<Outcome> addMember(Directive a) {
        return onGroup(a, g -> CompletableFuture.completedFuture(
                said(g.addMember().name() + " joins group " + g.settings().groupId() + ".")));
    }

    /** leave-member or crash-member: the named member, or the last one reading partitions, goes. */
    CompletableFuture<Outcome> memberGoes(Directive a, boolean crash) {
        return onGroup(a, g -> member(a, g).map(m -> (crash ? g.crash(m) : g.leave(m)).thenApply(Workbench::said))
                .orElseGet(() -> refused("group " + g.settings().groupId() + " has no live member to "
                        + (crash ? "crash" : "leave"))));
    }

    private static Outcome said(String message) {
        return new Outcome(message, null);
    }

    private static Outcome said(dev.kafkalab.consume.Outcome o) {
        if (!o.ok()) {
            throw new IllegalStateException(o.message());
        }
        return new Outcome(o.message(), null);
    }

    private static CompletableFuture<Outcome> refused(String why) {
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }

    CompletableFuture<Outcome> createTopic(Directive a) {
        Map<String, String> configs = a.configs();
        TopicRequest r = new TopicRequest(a.text("topic"), a.text("partitions"), a.text("replication-factor"),
                a.optional("min-insync-replicas").orElse(""), a.optional("cleanup-policy").orElse("delete"));
        return createWithConfigs(r, configs).thenRunAsync(() -> awaitLeaders(r.name()), worker).thenApply(v -> said("Created topic " + r.name() + ": " + r.partitions()
                + " partition(s), replication factor " + r.replicationFactor()
                + a.optional("min-insync-replicas").map(m -> ", min.insync.replicas " + m).orElse("") + "."));
    }

    /**
     * Waits until every partition of a new topic has a leader: the producer's built-in
     * partitioner only spreads over partitions whose leader it knows.
     */
    private void awaitLeaders(String topic) {
        LabCleanup.awaitQuietly(Duration.ofSeconds(30), () -> admin.describeTopics(List.of(topic)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    }

    /**
     * Asks {@code done} every 200 ms until it holds or {@code timeout} passes; an answer that
     * throws (a broker still starting, a topic not yet known everywhere) counts as not yet.
     * Returns whether it held.
     */

    CompletableFuture<Outcome> produce(Directive a) {
        ProducerSettings s = settings(a);
        String topic = a.text("topic");
        int count = a.optionalInteger("count").orElse(1);
        int urgentEvery = a.optionalInteger("urgent-every").orElse(0);
        boolean tombstone = a.optional("tombstone").map(Boolean::parseBoolean).orElse(false);
        KeyPattern pattern = keyPattern(a);
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = pattern.keyFor(i);
            if (urgentEvery > 0 && (i + 1) % urgentEvery == 0) {
                key = "urgent-" + (i + 1);
            }
            String value = tombstone ? null : a.optional("value").map(v -> count == 1 ? v : v + "-" + sends.size())
                    .orElse("record-" + sends.size());
            sends.add(produce.send(topic, key, value, Map.of(), s));
        }
        a.optional("then-tombstone").ifPresent(key -> sends.add(produce.send(topic, key, null, Map.of(), s)));
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<SendResult> results = sends.stream().map(CompletableFuture::join).toList();
            List<SendResult> failed = results.stream().filter(r -> !r.ok()).toList();
            if (!failed.isEmpty() && failed.size() == results.size()) {
                throw new IllegalStateException(failed.get(0).error());
            }
            Map<Integer, Long> perPartition = results.stream().filter(SendResult::ok)
                    .collect(Collectors.groupingBy(SendResult::partition, java.util.TreeMap::new, Collectors.counting()));
            return said("Sent " + (results.size() - failed.size()) + " record(s) to " + topic + " (acks="
                    + s.acks().value() + "): per partition " + perPartition
                    + (failed.isEmpty() ? "" : "; " + failed.size() + " failed: " + failed.get(0).error()));
        });
    }

    /** {@code key=K} is one fixed key; {@code keys=} none, random, or distinct:N (employee-1..N), as on the produce screen. */
    private static KeyPattern keyPattern(Directive a) {
        if (a.optional("key").isPresent()) {
            return KeyPattern.fixed(a.text("key"));
        }
        String keys = a.optional("keys").orElse("none");
        if (keys.startsWith("distinct:")) {
            return KeyPattern.distinct(Integer.parseInt(keys.substring("distinct:".length())));
        }
        return keys.equals("random") ? KeyPattern.random() : KeyPattern.NO_KEY;
    }

    private static ProducerSettings settings(Directive a) {
        ProducerSettings d = ProducerSettings.DEFAULTS;
        Acks acks = a.optional("acks").map(ProducerWords::acks).orElse(d.acks());
        PartitionerChoice partitioner = a.optional("partitioner").map(ProducerWords::partitioner).orElse(d.partitioner());
        Compression compression = a.optional("compression")
                .map(v -> Compression.valueOf(v.toUpperCase(java.util.Locale.ROOT))).orElse(d.compression());
        // Idempotence needs acks=all: asking for acks 0 or 1 turns it off, as Kafka requires.
        boolean idempotence = acks == Acks.ALL && d.idempotence();
        return new ProducerSettings(acks, idempotence, a.optionalInteger("linger-ms").orElse(d.lingerMs()),
                a.optionalInteger("batch-size").orElse(d.batchSize()), compression, partitioner,
                a.optional("ignore-keys").map(Boolean::parseBoolean).orElse(d.ignoreKeys()), d.retries(),
                d.deliveryTimeoutMs(), d.requestTimeoutMs(), d.maxInFlight());
    }

    @Override
    public Optional<String> cannotRun(Lab lab) {
        return LabLimits.cannotRun(lab, cluster);
    }

    /** Does {@code op} to broker {@code id}; {@code verb} says so when it is done ("Killed broker 2."). */
    CompletableFuture<Outcome> broker(int id, String verb, BiFunction<KafkaCluster, Integer, CompletableFuture<Void>> op) {
        return op.apply(cluster, id).thenApply(v -> new Outcome(verb + " broker " + id + ".", id));
    }

    /** Starts what is stopped or killed, resumes what is frozen; completes when each answered. */
    private CompletableFuture<String> restoreBrokers() {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int id : cluster.brokerIds()) {
            NodeState s = cluster.node(id).state();
            if (s == NodeState.FROZEN) {
                work.add(cluster.resume(id));
                done.add("resumed broker " + id);
            } else if (s == NodeState.STOPPED || s == NodeState.KILLED || s == NodeState.CRASHED) {
                work.add(cluster.start(id));
                done.add("started broker " + id);
            }
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                .thenApply(v -> done.isEmpty() ? "Every broker was running." : "Brokers back: " + String.join(", ", done) + ".");
    }

    CompletableFuture<Outcome> startGroup(Directive a) {
        String id = a.text("group");
        org.apache.kafka.clients.consumer.GroupProtocol protocol = a.optional("protocol")
                .map(p -> p.equals("consumer") ? org.apache.kafka.clients.consumer.GroupProtocol.CONSUMER
                        : org.apache.kafka.clients.consumer.GroupProtocol.CLASSIC)
                .orElse(org.apache.kafka.clients.consumer.GroupProtocol.CLASSIC);
        GroupSettings s = GroupSettings.demo(id, a.text("topic"), protocol);
        if (a.optional("assignor").isPresent()) {
            GroupSettings.Assignor assignor = GroupSettings.Assignor.valueOf(
                    a.text("assignor").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            if (!assignor.supports(protocol)) {
                return refused("the " + a.text("assignor") + " assignor does not work with protocol " + protocol);
            }
            s = s.withAssignor(assignor);
        }
        // Auto-commit every second, not Kafka's 5 s: a learner watching lag should not wait.
        s = a.optional("commit").map("manual"::equals).orElse(false) ? s.withAutoCommit(false, s.autoCommitIntervalMs())
                : s.withAutoCommit(true, 1_000);
        if (a.optional("isolation").map("read_committed"::equals).orElse(false)) {
            s = s.withIsolation(GroupSettings.Isolation.READ_COMMITTED);
        }
        GroupSettings settings = s;
        int members = a.integer("members");
        return CompletableFuture.supplyAsync(() -> {
            InAppGroup g = groups.start(settings);
            for (int i = 0; i < members; i++) {
                g.addMember();
            }
            return said("Started group " + id + ": " + members + " member(s) reading " + settings.topic()
                    + " with the " + (protocol == org.apache.kafka.clients.consumer.GroupProtocol.CONSUMER
                            ? "new consumer protocol (KIP-848)" : "classic protocol") + ", isolation.level="
                    + settings.isolation().value() + ".");
        }, worker);
    }

    private CompletableFuture<Outcome> onGroup(Directive a, java.util.function.Function<InAppGroup, CompletableFuture<Outcome>> work) {
        InAppGroup g = groups.get(a.text("group")).orElse(null);
        if (g == null) {
            return refused("there is no group " + a.text("group") + " started by this lab: start it first");
        }
        return CompletableFuture.supplyAsync(() -> work.apply(g), worker).thenCompose(f -> f);
    }

    /** The named member, or the last one still in the group. */
    private static Optional<String> member(Directive a, InAppGroup g) {
        if (a.optional("member").isPresent()) {
            return a.optional("member");
        }
        List<MemberSnapshot> live = g.members().stream()
                .filter(m -> m.state() == MemberState.ACTIVE || m.state() == MemberState.JOINING).toList();
        // The last one that reads partitions: a member between assignments (one that was fenced and
        // rejoined, on a busy machine) leaving or crashing would move nothing for the step to see.
        List<MemberSnapshot> reading = live.stream().filter(m -> !m.assigned().isEmpty()).toList();
        List<MemberSnapshot> pick = reading.isEmpty() ? live : reading;
        return pick.isEmpty() ? Optional.empty() : Optional.of(pick.get(pick.size() - 1).name());
    }

    CompletableFuture<Outcome> stopGroup(String id) {
        if (groups.get(id).isEmpty()) {
            return refused("there is no group " + id + " started by this lab");
        }
        return CompletableFuture.supplyAsync(() -> {
            groups.stop(id);
            return said("Every member of group " + id + " left.");
        }, worker);
    }

    @Override
    public CompletableFuture<String> reset(Lab lab) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> said = new ArrayList<>();
            stopStockQuietly();
            // Before the topics go: a producer still running would create them again with the broker's defaults.
            List<String> stopped = lab.programs().stream().filter(p -> programs.last(p).map(Programs.Run::alive)
                    .orElse(false)).toList();
            for (String p : stopped) {
                if (!programs.stopAndWait(p)) {
                    throw new IllegalStateException(p + " did not end when stopped: stop it on the Code screen, then"
                            + " reset the lab again");
                }
            }
            if (!stopped.isEmpty()) {
                said.add("Stopped " + String.join(", ", stopped) + ".");
            }
            lab.groups().forEach(groups::stop);
            lab.shareGroups().forEach(shares::stop);
            transactions.close();
            said.add(restoreBrokers().join());
            cleanup.awaitBrokersServing(cluster.brokerIds().size());
            // A new producer for a new lab: its metrics start at zero, its connections are new.
            produce.fresh().exceptionally(e -> null).join();
            List<String> existing = cleanup.existingTopics(lab.topics());
            for (String topic : existing) {
                topics.delete(topic).join();
            }
            cleanup.awaitGone(existing);
            cleanup.deleteGroups(lab.groups());
            cleanup.deleteShareGroups(lab.shareGroups());
            said.add(existing.isEmpty() ? "No topics to delete." : "Deleted " + String.join(", ", existing) + ".");
            return "The lab is back at its start. " + String.join(" ", said);
        }, worker);
    }

    @Override
    public ProducerMetrics producerMetrics() {
        return produce.metrics();
    }

    @Override
    public Optional<CheckContext.ProgramSeen> program(String name) {
        return programs.last(name).map(r -> new CheckContext.ProgramSeen(r.exitCode().orElse(null), r.output()));
    }

    @Override
    public CompletableFuture<TopicScan> scan(String topic) {
        return CompletableFuture.supplyAsync(() -> TopicReader.readAll(clients, topic), worker);
    }

    @Override
    public CompletableFuture<Map<String, Map<String, String>>> topicConfigs(List<String> topics) {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        return admin.describeConfigs(resources).all().toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).thenApply(all -> all.entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().name(), e -> e.getValue().entries().stream().filter(c -> c.value() != null)
                                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value)))));
    }

    private CompletableFuture<Void> createWithConfigs(TopicRequest r, Map<String, String> configs) {
        return topics.create(r, configs);
    }

    CompletableFuture<Outcome> durability(Directive a, java.util.function.Consumer<String> progress) {
        String topic = a.text("topic");
        Acks acks = ProducerWords.acks(a.text("acks"));
        int records = a.optionalInteger("records").orElse(1000);
        if (!(cluster instanceof dev.kafkalab.cluster.LocalCluster local)) {
            return CompletableFuture.failedFuture(new IllegalStateException("The durability demo freezes and kills"
                    + " brokers and reads their log end offsets: it runs on the app's own cluster only."));
        }
        return dev.kafkalab.produce.DurabilityDemo.run(local, clients, topic, acks, records, progress)
                .thenApply(r -> {
                    ledger.demo(r.topic(), new Ledger.Demo(r.partition(), r.oldLeader(), r.oldLeaderEnd(), r.acked(),
                            r.firstAckedOffset(), r.lastAckedOffset()));
                    return new Outcome(r.summary(), r.oldLeader());
                });
    }

    /** A code lab's program run as the Code screen runs the learner's (see {@link Solutions}). */
    CompletableFuture<Outcome> runSolution(Directive a) {
        Set<String> names = a.optional(Solutions.RENAME).map(v -> Set.of(v.split(","))).orElse(Set.of());
        return CompletableFuture.supplyAsync(() -> said(solutions.run(a.text("program"), a.text("folder"),
                a.optional("background").map(Boolean::parseBoolean).orElse(false), LabNamespace.of(cluster), names)), worker);
    }

    /** Stops a program the Code screen or a step runs, as its Stop button does, and waits for its end. */
    CompletableFuture<Outcome> stopProgram(Directive a) {
        String name = a.text("program");
        Optional<Programs.Run> run = programs.last(name).filter(Programs.Run::alive);
        if (run.isEmpty()) {
            return refused(name + " is not running");
        }
        return CompletableFuture.supplyAsync(() -> {
            if (!programs.stopAndWait(name)) {
                throw new IllegalStateException(name + " did not end within " + ProgramRun.GRACE.toSeconds() + " s and more");
            }
            List<Programs.Line> out = run.get().output();
            return said("Stopped " + name + " (exit code " + run.get().exitCode().orElse(-1) + ")"
                    + (out.isEmpty() ? "." : "; it printed last: \"" + out.get(out.size() - 1).text() + "\""));
        }, worker);
    }

    CompletableFuture<Outcome> startStock(Directive a) {
        String topic = a.text("topic");
        int rate = a.optionalInteger("rate").orElse(10);
        return CompletableFuture.supplyAsync(() -> {
            stopStockQuietly();
            // All three brokers: the sender still finds the cluster when the first one is down.
            stock = StockPriceSender.start(clients, topic, rate);
            return said("The stock-price sender sends " + rate + " prices a second to " + topic + " for "
                    + String.join(", ", StockPriceSender.SYMBOLS) + " (key = symbol, value = its own serializer).");
        }, worker);
    }

    CompletableFuture<Outcome> stopStock() {
        StockPriceSender s = stock;
        if (s == null || s.state() != StockPriceSender.State.RUNNING) {
            return refused("the stock-price sender is not running");
        }
        return s.stop().thenApply(v -> said("The sender stopped: it flushed its buffer and closed the producer; "
                + s.acked() + " of " + s.sent() + " prices acknowledged."));
    }

    private void stopStockQuietly() {
        StockPriceSender s = stock;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String stockSenderState() {
        StockPriceSender s = stock;
        return s == null ? "none" : s.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        // The groups are the app's (ConsumerGroups), closed with it.
        stopStockQuietly();
        transactions.close();
        worker.shutdownNow();
        arguments.close();
    }
}
