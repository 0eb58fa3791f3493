package dev.kafkalab.share;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Failures;
import dev.kafkalab.common.Threads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a share group (KIP-932): a {@link KafkaShareConsumer} on a thread of its own,
 * acknowledging each record explicitly as its {@link AckPolicy} says. Unlike a consumer group's
 * members, share-group members may outnumber the partitions: the broker hands out records, not
 * partitions, each locked to one member until it is acknowledged or its lock runs out.
 */
public final class ShareMember implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShareMember.class);
    /** The most deliveries a member keeps for its card and for tests; the oldest go first. */
    static final int KEPT = 5_000;

    private final String name;
    private final String group;
    private final String topic;
    private final ClientFactory clients;
    private final Consumer<Delivery> listener;
    // Bounded: a copy-on-write list copied itself twice for every record once full.
    private final java.util.ArrayDeque<Delivery> deliveries = new java.util.ArrayDeque<>();
    private final AtomicLong received = new AtomicLong();
    private final Thread thread;
    private volatile AckPolicy policy;
    private volatile boolean running = true;
    private volatile KafkaShareConsumer<String, String> consumer;
    private volatile String failure;
    private volatile int workMs;
    private volatile boolean crashRequested;
    private volatile boolean crashed;
    private volatile boolean working;
    /** A person's answers to held records, for the member's thread to give (the consumer is not thread-safe). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Answer> answers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record Answer(int partition, long offset, AcknowledgeType type) {
    }

    public ShareMember(String name, String group, String topic, ClientFactory clients, AckPolicy policy,
            Consumer<Delivery> listener) {
        this.name = name;
        this.group = group;
        this.topic = topic;
        this.clients = clients;
        this.policy = policy;
        this.listener = listener;
        this.thread = Threads.daemon("kafka-lab-share-" + group + "-" + name, this::run);
    }

    public ShareMember start() {
        thread.start();
        return this;
    }

    public String name() {
        return name;
    }

    /** From the next record on; leaving {@link AckPolicy.Kind#HOLD} lets go of what it held. */
    public void policy(AckPolicy next) {
        policy = next;
    }

    public AckPolicy policy() {
        return policy;
    }

    /**
     * How long it works on each record before it answers: a slow consumer keeps records acquired
     * (locked to it) for longer, and the others take what is left.
     */
    public void work(int millis) {
        workMs = Math.max(0, millis);
    }

    public int work() {
        return workMs;
    }

    /**
     * Dies in the middle of what it is doing, as a process killed would: it stops at the next
     * record, answers nothing more and closes its client without waiting, so its connections drop.
     * The broker then releases the records it held (a share session ends with its connection), and
     * they go to other members, their delivery count one higher.
     */
    public void crash() {
        crashRequested = true;
    }

    /**
     * A person's answer to a record it holds: given by its own thread at once if the record is
     * still held; one whose lock ran out is another member's by then, and the broker refuses it.
     */
    public void answer(int partition, long offset, AcknowledgeType type) {
        answers.add(new Answer(partition, offset, type));
    }

    /** Whether it is in the middle of a batch: records acquired and not all answered yet. */
    public boolean working() {
        return working;
    }

    /** Asks it to leave without waiting for it: {@link #close()} then waits. */
    void stopSoon() {
        running = false;
        KafkaShareConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Whether it crashed (see {@link #crash()}). */
    public boolean crashed() {
        return crashed;
    }

    /** Whether its thread still runs: not crashed, failed or stopped. */
    public boolean alive() {
        return thread.isAlive() && !crashed;
    }

    /** What it got, oldest first (the last {@value #KEPT}). */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Why it stopped, if it failed; null while it runs or after a clean stop. */
    public String failure() {
        return failure;
    }

    private void run() {
        Properties settings = new Properties();
        settings.put("group.id", group);
        settings.put("client.id", group + "-" + name);
        // Each record answered on its own (accept, release, reject), not all at the next poll.
        settings.put("share.acknowledgement.mode", "explicit");
        // At most ten records a fetch, strictly: a slow member does not lock up a whole batch
        // while the others wait.
        settings.put("share.acquire.mode", "record_limit");
        settings.put("max.poll.records", "10");
        List<ConsumerRecord<String, String>> held = new ArrayList<>();
        KafkaShareConsumer<String, String> c = null;
        try {
            c = clients.shareConsumer(settings, new StringDeserializer(), new StringDeserializer());
            consumer = c;
            c.subscribe(List.of(topic));
            while (running && !crashRequested) {
                if (!held.isEmpty()) {
                    answerByHand(c, held);
                    if (!held.isEmpty() && policy.holds()) {
                        // Holding: no acknowledgement, and no fetch (explicit mode fetches only
                        // once everything fetched is answered). The locks run out on the broker.
                        Thread.sleep(100);
                        continue;
                    }
                    // Let go: records whose lock ran out are another member's by now, and the
                    // broker says so to the callback; the rest become available again.
                    for (ConsumerRecord<String, String> r : held) {
                        c.acknowledge(r, AcknowledgeType.RELEASE);
                    }
                    held.clear();
                }
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                AckPolicy now = policy;
                working = !records.isEmpty();
                for (ConsumerRecord<String, String> r : records) {
                    if (!running) {
                        // Leaving: what is not answered yet is released by the close.
                        break;
                    }
                    if (crashRequested) {
                        // Dies holding the rest of the batch: listed as held, never answered.
                        keep(delivery(r, null, false));
                        continue;
                    }
                    if (workMs > 0) {
                        Thread.sleep(workMs);
                    }
                    AcknowledgeType ack = now.decide(received.incrementAndGet());
                    if (ack == null) {
                        held.add(r);
                    } else {
                        c.acknowledge(r, ack);
                    }
                    keep(delivery(r, ack, false));
                }
                working = !held.isEmpty();
                if (!records.isEmpty() && held.isEmpty() && !crashRequested && running) {
                    // Sent now rather than with the next fetch: a rejection shows at once.
                    c.commitAsync();
                }
            }
        } catch (WakeupException e) {
            // stop() woke it: a clean end.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = Failures.message(e);
            LOG.warn("Share-group member {} of {} stopped", name, group, e);
        } finally {
            consumer = null;
            crashed = crashRequested;
            if (c != null) {
                // A crash waits for nothing: no acknowledgement goes out, the connections drop.
                c.close(crashed ? Duration.ZERO : Duration.ofSeconds(10));
            }
        }
    }

    /** Gives the answers a person gave to held records; what is answered is held no more. */
    private void answerByHand(KafkaShareConsumer<String, String> c, List<ConsumerRecord<String, String>> held) {
        boolean any = false;
        for (Answer a; (a = answers.poll()) != null; ) {
            for (java.util.Iterator<ConsumerRecord<String, String>> i = held.iterator(); i.hasNext(); ) {
                ConsumerRecord<String, String> r = i.next();
                if (r.partition() == a.partition() && r.offset() == a.offset()) {
                    c.acknowledge(r, a.type());
                    i.remove();
                    any = true;
                    keep(delivery(r, a.type(), true));
                }
            }
        }
        if (any) {
            // Sent at once, the rest still held: explicit mode commits what is answered.
            c.commitAsync();
        }
    }

    /** The record as this member got it now, with its answer (null: held) and whose answer it was. */
    private Delivery delivery(ConsumerRecord<String, String> r, AcknowledgeType answer, boolean byHand) {
        return new Delivery(name, r.partition(), r.offset(), r.key(), r.value(),
                r.deliveryCount().map(Short::intValue).orElse(1), answer, Instant.now(), byHand);
    }

    private void keep(Delivery d) {
        synchronized (deliveries) {
            deliveries.addLast(d);
            if (deliveries.size() > KEPT) {
                deliveries.removeFirst();
            }
        }
        listener.accept(d);
    }

    /** Leaves the group: records it holds unacknowledged are released by the close. */
    @Override
    public void close() {
        running = false;
        KafkaShareConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Share-group member {} of {} did not stop within 15 s", name, group);
        }
    }
}
