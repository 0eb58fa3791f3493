package dev.kafkalab.produce;

import dev.kafkalab.common.Safely;
import dev.kafkalab.common.Wait;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Failures;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Loses acknowledged records on purpose, or shows that acks=all does not: the deterministic
 * sequence of DESIGN.md on one partition with three replicas and min.insync.replicas=2.
 *
 * <p>Freeze both followers, wait for their pending fetches to expire, write, kill the leader,
 * resume the followers at once. They were frozen for less than the session timeout, so they are
 * still in the ISR and one of them becomes leader without the records only the dead leader had.
 * With acks=1 the producer was told those records were stored; with acks=all it was told
 * nothing until the new leader and a second replica had them.
 *
 * <p>The killed leader stays down: starting it, and seeing it truncate what only it had, is the
 * learner's next step. Its log end offset as it last reported it, records included, stays on the
 * offsets bar until then. Only when the demo fails half-way does it start the broker itself.
 */
public final class DurabilityDemo {

    /** More would not fit the few requests in flight when acks=all holds every answer back. */
    public static final int MAX_RECORDS = 10_000;
    /** Longer than replica.fetch.wait.max.ms (50 ms under the demo timing, 500 by Kafka's default), so no follower has a fetch pending at the leader. */
    private static final Duration FETCH_EXPIRY = Duration.ofSeconds(1);
    /** Short: the followers stay frozen meanwhile, and must not reach the 3 s session timeout. */
    private static final Duration LEADER_HOLDS_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SENDS_TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTITION = 0;

    /**
     * What happened.
     *
     * @param sent             records the demo wrote after freezing the followers (the warm-up record not counted)
     * @param acked            how many of them the producer was told were stored
     * @param firstAckedOffset the lowest offset acknowledged, -1 when none was
     * @param lastAckedOffset  the highest offset acknowledged, -1 when none was
     * @param oldLeaderEnd     the killed leader's log end offset as it last reported it, or -1
     * @param summary          what it means, in one paragraph
     */
    public record Result(String topic, int partition, ProducerSettings.Acks acks, int sent, int acked,
            long firstAckedOffset, long lastAckedOffset, int oldLeader, int newLeader, long oldLeaderEnd,
            String summary) {
    }

    /** Why the demo could not start or did not finish, in words for whoever pressed the button. */
    public static final class DemoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DemoException(String message) {
            super(message);
        }

        public DemoException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final LocalCluster cluster;
    private final ClientFactory clients;
    private final String topic;
    private final TopicPartition tp;
    private final ProducerSettings.Acks acks;
    private final int records;
    private final Consumer<String> progress;
    private final List<Integer> frozen = new ArrayList<>();
    private int killed = -1;

    private DurabilityDemo(LocalCluster cluster, ClientFactory clients, String topic, ProducerSettings.Acks acks,
            int records, Consumer<String> progress) {
        this.cluster = cluster;
        this.clients = clients;
        this.topic = topic;
        this.tp = new TopicPartition(topic, PARTITION);
        this.acks = acks;
        this.records = records;
        this.progress = progress;
    }

    /**
     * Runs the sequence on its own thread. {@code progress} hears one sentence per stage on that
     * thread. Completes exceptionally with a {@link DemoException} when a precondition does not
     * hold or a stage times out; then no broker is left frozen or killed. When it completes, the
     * killed leader is still down, for the learner to start.
     */
    public static CompletableFuture<Result> run(LocalCluster cluster, ClientFactory clients, String topic,
            ProducerSettings.Acks acks, int records, Consumer<String> progress) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(clients, "clients");
        if (topic == null || topic.isBlank()) {
            return CompletableFuture.failedFuture(new DemoException("Choose a topic for the demo."));
        }
        if (acks == null) {
            return CompletableFuture.failedFuture(new DemoException("Choose acks=1 or acks=all for the demo."));
        }
        if (acks != ProducerSettings.Acks.LEADER && acks != ProducerSettings.Acks.ALL) {
            return CompletableFuture.failedFuture(new DemoException("The demo compares acks=1 and acks=all; with acks="
                    + acks.value() + " the producer is never told a record was stored, so there is no acknowledged"
                    + " record to lose."));
        }
        if (records < 1 || records > MAX_RECORDS) {
            return CompletableFuture.failedFuture(new DemoException("The demo sends between 1 and " + MAX_RECORDS
                    + " records, not " + records + "."));
        }
        CompletableFuture<Result> result = new CompletableFuture<>();
        DurabilityDemo demo = new DurabilityDemo(cluster, clients, topic.trim(), acks, records,
                progress == null ? s -> { } : progress);
        Thread thread = Threads.daemon("kafka-lab-durability-demo", () -> {
            try {
                result.complete(demo.runHere());
            } catch (Throwable t) {
                Throwable cause = Failures.rootCause(t);
                String why = cause instanceof java.util.concurrent.TimeoutException
                        ? "the cluster did not answer in time" : Failures.message(cause);
                result.completeExceptionally(cause instanceof DemoException ? cause
                        : new DemoException("The demo stopped: " + why + ".", cause));
            }
        });
        thread.start();
        return result;
    }

    private Result runHere() throws Exception {
        try (DemoPartition partition = new DemoPartition(clients, tp)) {
            TopicPartitionInfo before = partition.checkReady(cluster);
            int leader = before.leader().id();
            List<Integer> followers = before.replicas().stream().map(Node::id).filter(id -> id != leader).sorted()
                    .toList();
            KafkaProducer<String, String> producer = clients.producer(producerProperties());
            Result result = null;
            try {
                result = runSequence(partition, producer, leader, followers);
                return result;
            } finally {
                if (result != null) {
                    killed = -1; // down on purpose, for the learner to start
                }
                List<String> problems = restore();
                // Only undelivered records could keep it: their answers no longer matter.
                producer.close(Duration.ofSeconds(5));
                if (result != null && !problems.isEmpty()) {
                    throw new DemoException("The demo ran, but the cluster could not be repaired after it: "
                            + String.join("; ", problems) + ".");
                }
            }
        }
    }

    private Result runSequence(DemoPartition partition, KafkaProducer<String, String> producer, int leader,
            List<Integer> followers) throws Exception {
        // Sent before any freeze: the producer learns the leader and opens its connection now, and
        // every replica holds this record, so what is lost later is exactly what follows.
        RecordMetadata first = producer.send(new ProducerRecord<>(topic, PARTITION, null, "before the freeze"))
                .get(30, TimeUnit.SECONDS);
        long base = first.offset() + 1;
        partition.await(p -> p.highWatermark() >= base, Duration.ofSeconds(15),
                "every replica of " + tp + " to copy the first record");
        say("Sent one record with acks=" + acks.value() + " to broker " + leader + ", the leader, and waited until"
                + " all three replicas had it (offset " + first.offset() + ").");

        for (int follower : followers) {
            cluster.pause(follower).get(10, TimeUnit.SECONDS);
            frozen.add(follower);
        }
        long frozenAt = System.nanoTime();
        say("Froze " + brokers(followers) + " (the followers).");
        // Part of the demo, not a synchronisation: a follower's fetch waits at the leader for up to
        // replica.fetch.wait.max.ms; one still pending would carry the new records into the frozen
        // follower's socket buffer, and it would have them after all.
        Thread.sleep(FETCH_EXPIRY.toMillis());
        say("Waited " + FETCH_EXPIRY.toSeconds() + " s, so the followers' pending fetch requests expired: nothing"
                + " written now can reach them.");

        ConcurrentLinkedQueue<Long> ackedOffsets = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> answers = new ArrayList<>(records);
        long sendStart = System.nanoTime();
        for (int i = 0; i < records; i++) {
            CompletableFuture<Void> answered = new CompletableFuture<>();
            answers.add(answered);
            producer.send(new ProducerRecord<>(topic, PARTITION, null, "record " + i), (metadata, error) -> {
                if (error == null) {
                    ackedOffsets.add(metadata.offset());
                } else {
                    failed.incrementAndGet();
                }
                answered.complete(null);
            });
        }
        if (acks == ProducerSettings.Acks.LEADER) {
            producer.flush();
        }
        // The leader reports its log end offset every 200 ms: the one it reports last before the
        // kill is what the offsets bar keeps showing for it while it is down, so wait for it (for
        // acks=all also the only sign the leader has the records: it acknowledges none).
        boolean holds = awaitQuietly(() -> leaderLogEnd(leader) >= base + records, LEADER_HOLDS_TIMEOUT);
        long leaderEnd = leaderLogEnd(leader);
        if (acks == ProducerSettings.Acks.LEADER) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sendStart);
            say("Sent " + records + " records with acks=1 and flushed: the leader acknowledged " + ackedOffsets.size()
                    + " of them in " + ms + " ms" + range(ackedOffsets) + ". Its log ends at " + leaderEnd
                    + "; the followers' at " + base + ".");
        } else {
            say("Sent " + records + " records with acks=all: the leader " + (holds ? "has all of them"
                    : "has " + Math.max(0, leaderEnd - base) + " of them") + " and acknowledged "
                    + (ackedOffsets.isEmpty() ? "none" : ackedOffsets.size())
                    + ": it waits for a second in-sync replica, and both followers are frozen.");
        }
        int ackedBeforeKill = ackedOffsets.size();

        killed = leader;
        cluster.kill(leader).get(10, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        say("Killed broker " + leader + ", the leader (SIGKILL): the records it alone held are in no other log.");
        for (int follower : followers) {
            cluster.resume(follower).get(10, TimeUnit.SECONDS);
            frozen.remove(Integer.valueOf(follower));
        }
        long frozenMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
        say("Resumed " + brokers(followers) + " at once: frozen " + frozenMs + " ms, under the "
                + cluster.spec().timing().sessionTimeoutMs() / 1000.0 + " s session timeout and the "
                + cluster.spec().timing().replicaLagTimeMaxMs() / 1000.0 + " s replica lag limit, so both are"
                + " still in the ISR.");

        Duration leaderTimeout = Duration.ofMillis(cluster.spec().timing().sessionTimeoutMs() + 20_000L);
        int newLeader = partition.await(p -> {
            TopicPartitionInfo now = p.describe();
            return now.leader() != null && followers.contains(now.leader().id()) ? now.leader().id() : null;
        }, leaderTimeout, "a follower of " + tp + " to take over from broker " + leader);
        long electedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        say("Broker " + newLeader + " leads partition " + PARTITION + " now, " + electedMs / 1000.0 + " s after the"
                + " kill: the controller waited for broker " + leader + "'s session to expire.");

        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(SENDS_TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            long open = answers.stream().filter(f -> !f.isDone()).count();
            throw new DemoException(open + " of " + records + " sends still had no answer "
                    + SENDS_TIMEOUT.toSeconds() + " s after the failover.");
        }
        long highWatermark = partition.highWatermark();
        return result(leader, newLeader, List.copyOf(ackedOffsets), ackedBeforeKill, failed.get(), highWatermark,
                leaderEnd);
    }

    private Result result(int oldLeader, int newLeader, List<Long> acked, int ackedBeforeKill, int failed,
            long highWatermark, long oldLeaderEnd) {
        long firstAcked = acked.stream().mapToLong(Long::longValue).min().orElse(-1);
        long lastAcked = acked.stream().mapToLong(Long::longValue).max().orElse(-1);
        long lost = acked.stream().filter(o -> o >= highWatermark).count();
        StringBuilder s = new StringBuilder("acks=" + acks.value() + ": ");
        if (acks == ProducerSettings.Acks.LEADER) {
            s.append("broker ").append(oldLeader).append(" acknowledged ").append(ackedBeforeKill).append(" of ")
                    .append(records).append(" records alone and died before a follower copied them. ");
        } else {
            s.append(ackedBeforeKill == 0 ? "no record was acknowledged while only the leader had it; "
                    : ackedBeforeKill + " records were acknowledged before the kill; ")
                    .append(acked.size() - ackedBeforeKill).append(" were acknowledged after broker ")
                    .append(newLeader).append(" took over and a second replica had them. ");
        }
        s.append("Broker ").append(newLeader).append(" leads; the partition ends at ").append(highWatermark).append(": ");
        if (acked.isEmpty()) {
            s.append("nothing was acknowledged, so nothing acknowledged was lost.");
        } else if (lost == 0) {
            s.append("every acknowledged record (offsets ").append(firstAcked).append("-").append(lastAcked)
                    .append(") is there.");
        } else {
            s.append(lost == acked.size() ? "all " : lost + " of the ").append(acked.size())
                    .append(" acknowledged records (offsets ").append(firstAcked).append("-").append(lastAcked)
                    .append(") are gone.");
        }
        if (failed > 0) {
            s.append(' ').append(failed).append(" sends failed and were never acknowledged.");
        }
        s.append(" Broker ").append(oldLeader).append(" is down");
        if (oldLeaderEnd >= 0) {
            s.append(", its log ending at ").append(oldLeaderEnd);
        }
        s.append('.');
        return new Result(topic, PARTITION, acks, records, acked.size(), firstAcked, lastAcked, oldLeader, newLeader,
                oldLeaderEnd, s.toString());
    }

    /** Never leaves a broker frozen or killed, whatever stage failed; says what could not be repaired. */
    private List<String> restore() {
        List<String> problems = new ArrayList<>();
        for (int id : List.copyOf(frozen)) {
            try {
                if (cluster.node(id).state() == NodeState.FROZEN) {
                    cluster.resume(id).get(10, TimeUnit.SECONDS);
                }
                frozen.remove(Integer.valueOf(id));
            } catch (Exception e) {
                problems.add("resume broker " + id + ": " + Failures.message(e));
            }
        }
        if (killed > 0) {
            NodeStatus status = cluster.node(killed);
            try {
                if (!status.state().isAlive()) {
                    cluster.start(killed).get(cluster.spec().startTimeout().toSeconds(), TimeUnit.SECONDS);
                }
                killed = -1;
            } catch (Exception e) {
                problems.add("start broker " + status.id() + ": " + Failures.message(e));
            }
        }
        if (!problems.isEmpty()) {
            say("Could not repair the cluster after the demo (" + String.join("; ", problems) + ").");
        }
        return problems;
    }

    private Properties producerProperties() {
        // acks=1 needs idempotence off; acks=all keeps Kafka's default, so its retries after the
        // failover never write a record twice. A long linger and a large batch put every record in
        // one request: with acks=all the leader then holds all of them before it is killed, where
        // 5 ms made a first request of ~100 records and held the rest back (measured). acks=1
        // flushes, which sends at once.
        ProducerSettings settings = ProducerSettings.DEFAULTS.withAcks(acks).withBatching(100, 512 * 1024);
        Properties p = settings.toProperties(clients.bootstrapServers(), "kafka-lab-durability-demo");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1024 * 1024));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "500");
        return p;
    }

    private long leaderLogEnd(int leader) {
        return cluster.logEndOffsets().getOrDefault(leader, Map.of()).getOrDefault(tp, -1L);
    }

    private static boolean awaitQuietly(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        return Wait.upTo(timeout, "the leader's log end offset").every(Duration.ofMillis(20))
                .holds(condition::getAsBoolean);
    }

    private void say(String sentence) {
        // Whoever listens must not break the demo half-way, with brokers frozen.
        Safely.run("The durability demo's progress listener", () -> progress.accept(sentence));
    }

    private static String range(java.util.Collection<Long> offsets) {
        if (offsets.isEmpty()) {
            return "";
        }
        long min = offsets.stream().mapToLong(Long::longValue).min().getAsLong();
        long max = offsets.stream().mapToLong(Long::longValue).max().getAsLong();
        return " (offsets " + min + "-" + max + ")";
    }

    private static String brokers(List<Integer> ids) {
        List<String> names = ids.stream().map(String::valueOf).toList();
        return (ids.size() == 1 ? "broker " : "brokers ")
                + (names.size() <= 1 ? String.join("", names)
                        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1));
    }
}
