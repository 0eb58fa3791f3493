package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Safely;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every consumer group of in-app members the app runs, whoever started it: the consume screen or
 * a lab step. One place that starts, finds and stops them, with clients from the one factory, so
 * a lab's group and the screen's are the same kind of thing in the same place.
 */
public final class ConsumerGroups implements AutoCloseable {

    private final ClientFactory clients;
    private final Map<String, InAppGroup> groups = new ConcurrentHashMap<>();

    public ConsumerGroups(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * A new group with {@code settings}, no members yet. A running group with the same id is
     * closed first (its members leave): one group id, one set of members. Blocks while they do.
     */
    public InAppGroup start(GroupSettings settings) {
        stop(settings.groupId());
        InAppGroup g = new InAppGroup(clients, settings);
        groups.put(settings.groupId(), g);
        return g;
    }

    /** The running group with this id. */
    public Optional<InAppGroup> get(String groupId) {
        InAppGroup g = groups.get(groupId);
        return g == null || g.closed() ? Optional.empty() : Optional.of(g);
    }

    /** Every running group, in no particular order. */
    public List<InAppGroup> running() {
        return groups.values().stream().filter(g -> !g.closed()).toList();
    }

    /** Closes the group (every member leaves, blocking until they have); false when none ran. */
    public boolean stop(String groupId) {
        InAppGroup g = groups.remove(groupId);
        if (g == null) {
            return false;
        }
        boolean wasRunning = !g.closed();
        g.close();
        return wasRunning;
    }

    /** Every group's members leave. */
    @Override
    public void close() {
        for (String id : List.copyOf(groups.keySet())) {
            Safely.run("Stopping group " + id, () -> stop(id));
        }
    }
}
