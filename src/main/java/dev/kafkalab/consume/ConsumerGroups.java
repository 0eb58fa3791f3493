package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Safely;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

/**
 * Every consumer group of in-app members the app runs, whoever started it: the consume screen or
 * a lab step. One place that starts, finds and stops them, with clients from the one factory, so
 * a lab's group and the screen's are the same kind of thing in the same place.
 */
public final class ConsumerGroups implements AutoCloseable {

    private final ClientFactory clients;
    /** In the order they started; guarded by itself. */
    private final Map<String, InAppGroup> groups = new LinkedHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        synchronized (groups) {
            groups.put(settings.groupId(), g);
        }
        changed();
        return g;
    }

    /** The running group with this id. */
    public Optional<InAppGroup> get(String groupId) {
        InAppGroup g;
        synchronized (groups) {
            g = groups.get(groupId);
        }
        return g == null || g.closed() ? Optional.empty() : Optional.of(g);
    }

    /**
     * Closes this very group (its members leave, blocking until they have), and forgets it unless
     * another group has taken its id meanwhile: stopping an old group never stops its successor.
     */
    public void stop(InAppGroup group) {
        boolean forgotten;
        synchronized (groups) {
            forgotten = groups.remove(group.settings().groupId(), group);
        }
        group.close();
        if (forgotten) {
            changed();
        }
    }

    /** {@code changed} runs, on the thread that started or stopped a group, after each start and stop. */
    public void addListener(Runnable changed) {
        listeners.add(changed);
    }

    public void removeListener(Runnable changed) {
        listeners.remove(changed);
    }

    private void changed() {
        listeners.forEach(l -> Safely.run("A consumer-groups listener", l));
    }

    /** Every running group, oldest first. */
    public List<InAppGroup> running() {
        List<InAppGroup> all;
        synchronized (groups) {
            all = List.copyOf(groups.values());
        }
        return all.stream().filter(g -> !g.closed()).toList();
    }

    /** Closes the group (every member leaves, blocking until they have); false when none ran. */
    public boolean stop(String groupId) {
        InAppGroup g;
        synchronized (groups) {
            g = groups.remove(groupId);
        }
        if (g == null) {
            return false;
        }
        boolean wasRunning = !g.closed();
        g.close();
        changed();
        return wasRunning;
    }

    /** Every group's members leave. */
    @Override
    public void close() {
        List<String> ids;
        synchronized (groups) {
            ids = List.copyOf(groups.keySet());
        }
        for (String id : ids) {
            Safely.run("Stopping group " + id, () -> stop(id));
        }
    }
}
