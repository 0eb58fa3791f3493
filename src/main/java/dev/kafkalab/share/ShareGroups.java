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
        stop(group);
        configure(group, Map.of("share.auto.offset.reset", "earliest"));
        ShareGroup g = new ShareGroup(group, topic, clients, policy);
        running.put(group, g);
        for (int i = 0; i < count; i++) {
            g.addMember();
        }
        started.forEach(l -> l.accept(g));
        return g;
    }

    public Optional<ShareGroup> get(String group) {
        return Optional.ofNullable(running.get(group));
    }

    public List<ShareGroup> running() {
        return new ArrayList<>(running.values());
    }

    /** Its members leave; nothing when the app runs no such group. */
    public void stop(String group) {
        ShareGroup g = running.remove(group);
        if (g != null) {
            g.close();
        }
    }

    /** Hears each group started, on the starting thread. */
    public void addStartListener(java.util.function.Consumer<ShareGroup> listener) {
        started.add(listener);
    }

    public void removeStartListener(java.util.function.Consumer<ShareGroup> listener) {
        started.remove(listener);
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
