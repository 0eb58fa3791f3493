package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.MemberSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one refresh hands the UI thread: the members if they changed, the events their listeners
 * queued since, and, while a crashed member's countdown still moves, a tick. Nothing when nothing
 * changed, so an idle screen is not woken five times a second.
 *
 * <p>Events are queued from the members' threads; {@link #next} is called by one refresh task.
 */
final class MemberUpdates {

    /** One refresh's news: {@code members} null when they did not change, {@code events} oldest first. */
    record Update(List<MemberSnapshot> members, List<GroupEvent> events) {
    }

    private final Duration period;
    private final ConcurrentLinkedQueue<GroupEvent> pending = new ConcurrentLinkedQueue<>();
    private volatile Duration sessionTimeout;
    /** The members last handed over: what the screen shows. */
    private List<MemberSnapshot> sent = List.of();

    /**
     * @param period         how often {@link #next} is called: a countdown gets one tick after it ends
     * @param sessionTimeout how long a countdown runs, until {@link #sessionTimeout(Duration)} tells better
     */
    MemberUpdates(Duration period, Duration sessionTimeout) {
        this.period = period;
        this.sessionTimeout = sessionTimeout;
    }

    /** For a group's listener: any thread. */
    void queue(GroupEvent event) {
        pending.add(event);
    }

    /** The session timeout that applies to the group now running. */
    void sessionTimeout(Duration value) {
        sessionTimeout = value;
    }

    /**
     * @param members the group's members now, or null when no group runs (the screen keeps the last shown)
     * @param now     the time, for the countdowns
     */
    Optional<Update> next(List<MemberSnapshot> members, Instant now) {
        List<MemberSnapshot> changed = members == null || members.equals(sent) ? null : members;
        if (changed != null) {
            sent = changed;
        }
        List<GroupEvent> fresh = new ArrayList<>();
        GroupEvent e;
        while ((e = pending.poll()) != null) {
            fresh.add(e);
        }
        boolean news = changed != null || !fresh.isEmpty() || countingDown(now);
        return news ? Optional.of(new Update(changed, fresh)) : Optional.empty();
    }

    /** A crashed member not yet dropped whose session had not ended a refresh ago: its countdown shows a change. */
    private boolean countingDown(Instant now) {
        Instant ended = now.minus(sessionTimeout).minus(period);
        return sent.stream().anyMatch(m -> m.crashedAt() != null && m.expiredAt() == null
                && m.crashedAt().isAfter(ended));
    }
}
