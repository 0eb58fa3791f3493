package dev.kafkalab.ui.consume;

import dev.kafkalab.common.Failures;
import dev.kafkalab.common.Threads;
import dev.kafkalab.share.AckPolicy;
import dev.kafkalab.share.Delivery;
import dev.kafkalab.share.ShareGroup;
import dev.kafkalab.share.ShareMember;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A share group (KIP-932) on the Consume screen: its members, more than the topic's partitions if
 * wished, each acknowledging by one policy, and every record they got, newest first, with its
 * delivery count and what the member answered.
 */
public final class ShareGroupViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShareGroupViewModel.class);
    /** Deliveries listed; the oldest go first. */
    public static final int SHOWN = 300;

    /** Starts a group: group id, topic, member count, policy, its dead-letter topic or null. */
    public interface Starter {
        ShareGroup start(String group, String topic, int count, AckPolicy policy, String deadLetter) throws Exception;
    }

    private final Starter starter;
    private final java.util.function.Consumer<String> stopper;
    private final Executor ui;
    private final ExecutorService work = Threads.single("kafka-lab-share-groups");
    private final StringProperty groupId = new SimpleStringProperty("workers");
    private final IntegerProperty members = new SimpleIntegerProperty(4);
    private final IntegerProperty workMs = new SimpleIntegerProperty(0);
    private final BooleanProperty deadLetters = new SimpleBooleanProperty(false);
    private final ObjectProperty<AckPolicy> policy = new SimpleObjectProperty<>(AckPolicy.ACCEPT);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("A share group's members share the"
            + " records, not the partitions: there may be more members than partitions.");
    private final StringProperty coordinator = new SimpleStringProperty("");
    private final ObservableList<Delivery> deliveries = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Delivery> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private ShareGroup group;
    private Runnable stopListening = () -> { };

    /** {@code stopper} stops a running group by id; the groups themselves are the app's to close. */
    public ShareGroupViewModel(Starter starter, java.util.function.Consumer<String> stopper, Executor ui) {
        this.starter = starter;
        this.stopper = stopper;
        this.ui = ui;
        // A new policy applies to the running members at once.
        policy.addListener((o, was, now) -> {
            if (group != null && !group.policy().equals(now)) {
                group.policy(now, java.util.Optional.empty());
            }
        });
        workMs.addListener((o, was, now) -> {
            if (group != null && group.work() != now.intValue()) {
                group.work(Math.max(0, now.intValue()), java.util.Optional.empty());
            }
        });
    }

    /** Whether a group started here sends the records it rejects to dlq.&lt;topic&gt; (KIP-1191). */
    public BooleanProperty deadLetters() {
        return deadLetters;
    }

    /** How long each member works on a record before it answers: slow members hold records longer. */
    public IntegerProperty workMs() {
        return workMs;
    }

    /**
     * Shows a group the app started elsewhere (a lab's step), or this screen's own once it runs:
     * its deliveries from now on, its settings in the form. On the FX thread.
     */
    public void show(ShareGroup g) {
        if (g == group) {
            return;
        }
        stopListening.run();
        group = g;
        deliveries.clear();
        arrived.clear();
        stopListening = g.onDelivery(this::arrived);
        groupId.set(g.id());
        members.set(g.members().size());
        policy.set(g.policy());
        workMs.set(g.work());
        running.set(true);
        status.set("Share group " + g.id() + ": " + g.live().size() + " member(s) reading " + g.topic() + ", each "
                + g.policy().describe() + (g.deadLetter() == null ? "" : "; rejected records go to " + g.deadLetter())
                + ". kafka-share-groups.sh --describe --group " + g.id() + " --members shows them.");
    }

    public StringProperty groupId() {
        return groupId;
    }

    public IntegerProperty members() {
        return members;
    }

    public ObjectProperty<AckPolicy> policy() {
        return policy;
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The group as its coordinator and share partitions describe it, from the latest snapshot. */
    public ReadOnlyStringProperty coordinator() {
        return coordinator;
    }

    /** A new snapshot, on any thread: what the cluster says of the group shown (worked out on the FX thread). */
    public void onSnapshot(dev.kafkalab.monitor.ClusterSnapshot snapshot) {
        ui.execute(() -> {
            // The group id is the form's, read on the FX thread.
            String id = groupId.get();
            coordinator.set(describe(snapshot, id == null ? "" : id.trim()));
            // A lab's step may have changed how the members answer or work: the form follows.
            ShareGroup g = group;
            if (g != null) {
                policy.set(g.policy());
                workMs.set(g.work());
            }
        });
    }

    /**
     * "stable · 4 members · epoch 6", then per share partition what {@code kafka-share-groups.sh
     * --describe} shows: its start offset (records before it are done with, as the share state
     * last stored) and lag, and the members it is assigned to.
     */
    static String describe(dev.kafkalab.monitor.ClusterSnapshot snapshot, String id) {
        java.util.Optional<dev.kafkalab.monitor.GroupView> found = snapshot.group(id)
                .filter(g -> g.type() == org.apache.kafka.common.GroupType.SHARE);
        if (found.isEmpty()) {
            return id.isEmpty() ? "" : "no share group " + id + " on the cluster";
        }
        dev.kafkalab.monitor.GroupView g = found.get();
        StringBuilder out = new StringBuilder(g.state().toString().toLowerCase(java.util.Locale.ROOT) + " · "
                + g.members().size() + " member" + (g.members().size() == 1 ? "" : "s")
                + (g.groupEpoch() == null ? "" : " · epoch " + g.groupEpoch()));
        java.util.Set<org.apache.kafka.common.TopicPartition> partitions = new java.util.TreeSet<>(
                java.util.Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
                        .thenComparingInt(org.apache.kafka.common.TopicPartition::partition));
        partitions.addAll(g.committedOffsets().keySet());
        g.members().forEach(m -> partitions.addAll(m.assignment()));
        for (org.apache.kafka.common.TopicPartition tp : partitions) {
            List<String> readers = g.members().stream().filter(m -> m.assignment().contains(tp))
                    .map(m -> m.clientId().startsWith(id + "-") ? m.clientId().substring(id.length() + 1) : m.clientId())
                    .sorted().toList();
            Long start = g.committedOffsets().get(tp);
            Long lag = g.lag().get(tp);
            out.append('\n').append(tp.topic()).append('-').append(tp.partition()).append(": ")
                    .append(start == null ? "no start offset yet" : "start offset " + start)
                    .append(lag == null ? "" : ", lag " + lag)
                    .append(readers.isEmpty() ? "" : " · " + String.join(", ", readers));
        }
        return out.toString();
    }

    /** Newest first. */
    public ObservableList<Delivery> deliveries() {
        return deliveries;
    }

    public void start(String topic) {
        String id = groupId.get() == null ? "" : groupId.get().trim();
        if (id.isEmpty() || topic == null || topic.isBlank()) {
            status.set(id.isEmpty() ? "A share group needs a group id: type one, such as workers."
                    : "Choose a topic above for the share group to read.");
            return;
        }
        int count = Math.max(1, Math.min(10, members.get()));
        AckPolicy chosen = policy.get();
        String deadLetter = deadLetters.get() ? dev.kafkalab.share.ShareGroups.DEAD_LETTER_PREFIX + topic : null;
        running.set(true);
        deliveries.clear();
        work.execute(() -> {
            try {
                ShareGroup started = starter.start(id, topic, count, chosen, deadLetter);
                ui.execute(() -> show(started));
            } catch (Exception e) {
                LOG.warn("Starting share group {} failed", id, e);
                String message = "The share group did not start: " + Failures.message(e) + " (details in the log).";
                ui.execute(() -> {
                    status.set(message);
                    running.set(false);
                });
            }
        });
    }

    /**
     * A person's answer to a record a member holds: accept, release or reject. Too late once its
     * lock ran out: the broker has given the record to another member.
     */
    public void answer(Delivery held, org.apache.kafka.clients.consumer.AcknowledgeType type) {
        ShareGroup g = group;
        if (g == null || held == null || held.acknowledged() != null) {
            status.set("Choose a held record in the list to answer it.");
            return;
        }
        try {
            g.answer(held, type);
            status.set(held.member() + " answers P" + held.partition() + "@" + held.offset() + ": "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + ". Held longer than its lock ("
                    + "group.share.record.lock.duration.ms), it would be another member's already.");
        } catch (IllegalStateException e) {
            status.set(e.getMessage() + ": its records went back to the group.");
        }
    }

    /** A group stopped elsewhere (a lab's step or reset), on the FX thread: the pane stops showing it as running. */
    public void stopped(ShareGroup g) {
        if (g == group) {
            stopListening.run();
            group = null;
            running.set(false);
            status.set("Share group " + g.id() + " stopped: its members left the group.");
        }
    }

    /** Crashes the newest member that got records: what it held goes back to the group. */
    public void crashMember() {
        ShareGroup g = group;
        if (g == null) {
            return;
        }
        java.util.Optional<ShareMember> crashed = g.crash(java.util.Optional.empty());
        status.set(crashed.map(m -> m.name() + " crashed: the records it held unacknowledged go back to the group"
                + " as its connections drop, and other members get them, their delivery count one higher.")
                .orElse("No member of " + g.id() + " is running."));
    }

    /** Its members leave: records they hold unacknowledged are released for others. */
    public void stop() {
        ShareGroup leaving = group;
        group = null;
        stopListening.run();
        if (leaving == null) {
            return;
        }
        work.execute(() -> {
            stopper.accept(leaving.id());
            ui.execute(() -> {
                running.set(false);
                status.set("The members left the group; what they held went back to it.");
            });
        });
    }

    private void arrived(Delivery d) {
        arrived.add(d);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<Delivery> batch = new ArrayList<>();
        for (Delivery d; (d = arrived.poll()) != null; ) {
            batch.add(0, d);
        }
        deliveries.addAll(0, batch);
        if (deliveries.size() > SHOWN) {
            deliveries.remove(SHOWN, deliveries.size());
        }
    }

    @Override
    public void close() {
        if (work.isShutdown()) {
            return;
        }
        stopListening.run();
        group = null;
        work.shutdown();
        try {
            work.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
