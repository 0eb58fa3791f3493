package dev.kafkalab.share;

import dev.kafkalab.clients.ClientFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The share groups (KIP-932) the app runs, by group id: the Consume screen's and the labs'
 * steps', so that a lab's group shows on the screen and a learner's group counts for a lab.
 */
public final class ShareGroups implements AutoCloseable {

    private final ClientFactory clients;
    private final Map<String, ShareGroup> running = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<ShareGroup>> started = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<ShareGroup>> stopped = new CopyOnWriteArrayList<>();

    public ShareGroups(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * Sets the group's configs (a share group starts at the latest offset unless told, so the
     * app's groups start at the earliest) and starts {@code count} members on {@code topic}; a
     * group of that id the app already runs stops first. Blocks while the configs are set: not on
     * the FX thread.
     */
    public ShareGroup start(String group, String topic, int count, AckPolicy policy) throws Exception {
        return start(group, topic, count, policy, null);
    }

    /**
     * As {@link #start(String, String, int, AckPolicy)}, and with a dead-letter topic (KIP-1191,
     * Kafka 4.4) when {@code deadLetter} is not null: created if missing, with the topic config that
     * lets share groups write to it, and named in the group's config, so the broker copies every
     * record the group rejects, or gives up on, there, with headers that say where it came from.
     */
    public synchronized ShareGroup start(String group, String topic, int count, AckPolicy policy, String deadLetter)
            throws Exception {
        stop(group);
        Map<String, String> configs = new java.util.HashMap<>(Map.of("share.auto.offset.reset", "earliest"));
        if (deadLetter != null) {
            if (!deadLetter.startsWith(DEAD_LETTER_PREFIX)) {
                throw new IllegalArgumentException("A dead-letter topic's name starts with " + DEAD_LETTER_PREFIX
                        + " (the brokers' errors.deadletterqueue.topic.name.prefix): " + DEAD_LETTER_PREFIX + topic
                        + ", say.");
            }
            deadLetterTopic(deadLetter);
            configs.put("errors.deadletterqueue.topic.name", deadLetter);
            // The record itself, not only headers saying where it was.
            configs.put("errors.deadletterqueue.copy.record.enable", "true");
        }
        configure(group, configs);
        if (deadLetter == null) {
            // A group of this id started earlier with a dead-letter topic: not this time.
            clients.actions().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group),
                    List.of(new AlterConfigOp(new ConfigEntry("errors.deadletterqueue.topic.name", ""),
                            AlterConfigOp.OpType.DELETE)))).all().get(30, TimeUnit.SECONDS);
        }
        ShareGroup g = new ShareGroup(group, topic, clients, policy, deadLetter);
        running.put(group, g);
        for (int i = 0; i < count; i++) {
            g.addMember();
        }
        started.forEach(l -> l.accept(g));
        return g;
    }

    /** What the brokers require a dead-letter topic's name to start with, by default (one value with the class's ACLs). */
    public static final String DEAD_LETTER_PREFIX = dev.kafkalab.cluster.Classroom.DEAD_LETTER_PREFIX;

    /** Creates the topic, if missing, as one share groups may write dead letters to. */
    private void deadLetterTopic(String name) throws Exception {
        var admin = clients.actions();
        if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name)) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, name), List.of(
                    new AlterConfigOp(new ConfigEntry("errors.deadletterqueue.group.enable", "true"),
                            AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            return;
        }
        int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
        admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(name, 1, (short) Math.min(3, brokers))
                .configs(Map.of("errors.deadletterqueue.group.enable", "true")))).all().get(30, TimeUnit.SECONDS);
    }

    public Optional<ShareGroup> get(String group) {
        return Optional.ofNullable(running.get(group));
    }

    public List<ShareGroup> running() {
        return new ArrayList<>(running.values());
    }

    /** Its members leave; nothing when the app runs no such group. */
    public synchronized void stop(String group) {
        ShareGroup g = running.remove(group);
        if (g != null) {
            g.close();
            stopped.forEach(l -> l.accept(g));
        }
    }

    /** Hears each group started, on the starting thread. */
    public void addStartListener(java.util.function.Consumer<ShareGroup> listener) {
        started.add(listener);
    }

    public void removeStartListener(java.util.function.Consumer<ShareGroup> listener) {
        started.remove(listener);
    }

    /** Hears each group stopped, on the stopping thread. */
    public void addStopListener(java.util.function.Consumer<ShareGroup> listener) {
        stopped.add(listener);
    }

    public void removeStopListener(java.util.function.Consumer<ShareGroup> listener) {
        stopped.remove(listener);
    }

    /** Sets group configs, as {@code kafka-configs.sh --entity-type groups --alter} does. */
    public void configure(String group, Map<String, String> configs) throws Exception {
        List<AlterConfigOp> ops = new ArrayList<>();
        configs.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        clients.actions().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), ops))
                .all().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }
}
