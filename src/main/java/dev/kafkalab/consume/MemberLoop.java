package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * One member's life: a KafkaConsumer that only the thread running {@link #run()} touches (the
 * client is not thread-safe), polling every {@link #POLL_TIMEOUT}. Commands arrive through a queue
 * and run between two polls. It reports snapshots and events to a {@link Reporter}: straight to
 * the group when it runs in the app, over a pipe when it runs in a member process.
 */
final class MemberLoop implements Runnable {

    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

    /** What a member can be asked to do; REMOVED is the group telling a stalled member the coordinator dropped it. */
    enum Command { LEAVE, CRASH, STALL, RESUME, COMMIT, REMOVED }

    interface Reporter {
        void snapshot(MemberSnapshot snapshot);

        void event(GroupEvent event);
    }

    private record Request(Command command, CompletableFuture<Outcome> done) {
    }

    private final String name;
    private final int colour;
    private final String clientId;
    private final GroupSettings settings;
    private final ClientFactory clients;
    private final Properties props;
    private final Reporter reporter;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    /** Written by whichever client thread completes a commit, read by the member thread. */
    private final Map<Integer, Long> committed = new ConcurrentHashMap<>();
    private boolean terminated;

    // Everything below belongs to the thread that runs the loop.
    private KafkaConsumer<String, String> consumer;
    private MemberState state = MemberState.JOINING;
    private final TreeSet<Integer> assigned = new TreeSet<>();
    private final Map<Integer, Long> positions = new TreeMap<>();
    private final ArrayDeque<ConsumedRecord> recent = new ArrayDeque<>();
    private long consumed;
    private String memberId = "";
    private int generation = -1;
    private Instant stalledAt;
    /** When poll was last called: the client counts max.poll.interval.ms from there, not from the stall. */
    private Instant lastPollAt;
    private Instant kickedAt;
    private Instant crashedAt;
    private String error;
    private MemberSnapshot published;
    /** The group metadata of a membership the coordinator ended while the member was stalled (see {@link #read()}). */
    private int staleGeneration = -1;
    private String staleMemberId;

    MemberLoop(String name, int colour, ClientFactory clients, GroupSettings settings, Reporter reporter) {
        this.clients = clients;
        this.name = name;
        this.colour = colour;
        this.clientId = clientId(settings, name);
        this.settings = settings;
        this.reporter = reporter;
        this.props = settings.toProperties(clients.bootstrapServers(), clientId);
        props.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CommitInterceptor.class.getName());
        props.put(CommitInterceptor.SINK, (Consumer<Map<TopicPartition, OffsetAndMetadata>>) offsets -> offsets
                .forEach((tp, om) -> {
                    if (tp.topic().equals(settings.topic()) && om != null) {
                        committed.put(tp.partition(), om.offset());
                    }
                }));
        publish();
    }

    static String clientId(GroupSettings settings, String name) {
        return settings.groupId() + "-" + name;
    }

    /** Queues a command for the loop; once the loop has ended, refuses it at once. */
    synchronized CompletableFuture<Outcome> submit(Command command) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        if (terminated) {
            done.complete(Outcome.refused(gone()));
        } else {
            requests.add(new Request(command, done));
        }
        return done;
    }

    @Override
    public void run() {
        try {
            consumer = clients.consumer(props);
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            while (state.alive()) {
                Request r = state == MemberState.STALLED ? requests.poll(POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        : requests.poll();
                if (r != null) {
                    Outcome outcome;
                    try {
                        outcome = handle(r.command());
                    } catch (RuntimeException e) {
                        r.done().complete(Outcome.refused(name + " failed: " + Explain.failure(e, settings)));
                        throw e;
                    }
                    // Whoever waits for the outcome must find the snapshot already showing it.
                    publish();
                    r.done().complete(outcome);
                } else if (state != MemberState.STALLED) {
                    lastPollAt = Instant.now();
                    took(consumer.poll(POLL_TIMEOUT));
                    noticeMembership();
                    refreshPositions();
                    publish();
                }
            }
        } catch (InterruptedException | InterruptException e) {
            fail("stopped while it was still running: closing the group took too long", e);
        } catch (RuntimeException e) {
            fail(Explain.failure(e, settings), e);
        } finally {
            finish();
        }
    }

    private Outcome handle(Command command) {
        return switch (command) {
            case LEAVE -> leave();
            case CRASH -> crash();
            case STALL -> stall();
            case RESUME -> resume();
            case COMMIT -> commit();
            case REMOVED -> removed();
        };
    }

    private Outcome leave() {
        List<Integer> owned = List.copyOf(assigned);
        int lastGeneration = generation;
        // The close runs the rebalance listener (REVOKED), then sends LeaveGroup (classic) or a
        // heartbeat with member epoch -1 (new protocol): the coordinator reassigns at once.
        consumer.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        outOfGroup();
        state = MemberState.LEFT;
        event(GroupEvent.Kind.LEFT, owned, lastGeneration, "closed and told the coordinator it leaves");
        return Outcome.done(name + " left the group: the coordinator reassigns " + describe(owned) + " at once");
    }

    /**
     * Closes without leaving (KIP-1092's REMAIN_IN_GROUP): the classic client then sends no
     * LeaveGroup, and the coordinator waits for the session timeout. Only for classic members: the
     * 4.4 client of the new protocol sends its leave heartbeat anyway, so those members run in a
     * process of their own that is killed instead (see {@link ProcessMember}).
     */
    private Outcome crash() {
        List<Integer> owned = List.copyOf(assigned);
        int lastGeneration = generation;
        crashedAt = Instant.now();
        // From here the rebalance listener stays silent: a dead process runs no callbacks.
        state = MemberState.CRASHED;
        // Shown crashed at once: closing the client below may take up to its close timeout.
        publish();
        if (settings.autoCommit() && !consumer.assignment().isEmpty()) {
            // close() auto-commits the positions, which a crash never does (so its last records are
            // read again by the next owner). seekToBeginning is lazy: it only marks the positions
            // for a reset, and the auto-commit skips partitions without a valid position.
            consumer.seekToBeginning(consumer.assignment());
        }
        consumer.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        // Its partitions, generation and member id stay: the coordinator keeps them until it expires.
        event(GroupEvent.Kind.CRASHED, owned, lastGeneration, "gone without leaving the group");
        return Outcome.done(name + " crashed");
    }

    private Outcome stall() {
        if (state == MemberState.STALLED) {
            return Outcome.refused(name + " is already stalled");
        }
        state = MemberState.STALLED;
        stalledAt = lastPollAt == null ? Instant.now() : lastPollAt;
        kickedAt = null;
        event(GroupEvent.Kind.STALLED, assigned, generation, "stopped calling poll");
        return Outcome.done(name + " stopped calling poll: after max.poll.interval.ms (" + settings.maxPollIntervalMs()
                + " ms) its client leaves the group and " + describe(List.copyOf(assigned)) + " move to the others");
    }

    private Outcome resume() {
        if (state != MemberState.STALLED) {
            return Outcome.refused(name + " is not stalled, it is " + state.name().toLowerCase(Locale.ROOT));
        }
        boolean wasKicked = kickedAt != null;
        state = generation > 0 && !wasKicked ? MemberState.ACTIVE : MemberState.JOINING;
        stalledAt = null;
        event(GroupEvent.Kind.RESUMED, assigned, generation, "calls poll again");
        return Outcome.done(name + " calls poll again" + (wasKicked
                ? ": it was removed from the group, so it joins again and the group rebalances" : ""));
    }

    /** The coordinator no longer lists this stalled member: its client left after max.poll.interval.ms. */
    private Outcome removed() {
        if (state != MemberState.STALLED || kickedAt != null) {
            return Outcome.refused(name + " was not waiting to be removed");
        }
        kickedAt = Instant.now();
        List<Integer> owned = List.copyOf(assigned);
        staleGeneration = generation;
        staleMemberId = memberId;
        outOfGroup();
        event(GroupEvent.Kind.KICKED, owned, -1, "no poll for max.poll.interval.ms ("
                + settings.maxPollIntervalMs() + " ms): its client left the group, and " + describe(owned)
                + " went to the others");
        return Outcome.done(name + " was removed from the group");
    }

    private Outcome commit() {
        if (settings.autoCommit()) {
            return Outcome.refused("auto-commit is on (enable.auto.commit=true): poll commits by itself every "
                    + settings.autoCommitIntervalMs() + " ms");
        }
        if (state == MemberState.STALLED) {
            return Outcome.refused(name + " is stalled: its processing hangs, so it commits nothing until it resumes");
        }
        refreshPositions();
        if (positions.isEmpty()) {
            return Outcome.done(name + " owns no partition with a known position: nothing to commit");
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(
                Comparator.comparingInt(TopicPartition::partition));
        positions.forEach((p, offset) -> offsets.put(new TopicPartition(settings.topic(), p),
                new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
        } catch (RuntimeException e) {
            return Outcome.refused(name + " could not commit: " + Explain.commitFailure(e));
        }
        positions.forEach(committed::put);
        return new Outcome(true, name + " committed " + positions + " (partition=next offset to read)", positions);
    }

    /** JOINED once the member has a generation (classic) or a member epoch (new protocol). */
    private void noticeMembership() {
        int before = generation;
        read();
        if (before <= 0 && generation > 0) {
            kickedAt = null;
            if (state == MemberState.JOINING) {
                state = MemberState.ACTIVE;
            }
            event(GroupEvent.Kind.JOINED, List.of(), generation, "joined as " + memberId);
        } else if (before > 0 && generation <= 0 && state == MemberState.ACTIVE) {
            state = MemberState.JOINING;
        }
    }

    /**
     * The generation and member id from the client. A classic client keeps reporting the
     * generation it left behind until it has joined again, so that one counts as none.
     */
    private void read() {
        ConsumerGroupMetadata m = consumer.groupMetadata();
        boolean stale = m.generationId() == staleGeneration && m.memberId().equals(staleMemberId);
        generation = stale ? -1 : m.generationId();
        memberId = stale ? "" : m.memberId();
        if (!stale) {
            staleMemberId = null;
        }
    }

    private void took(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> r : records) {
            consumed++;
            recent.addLast(new ConsumedRecord(r.partition(), r.offset(), r.key(), r.value(),
                    Instant.ofEpochMilli(r.timestamp())));
            if (recent.size() > InAppGroup.RECENT_RECORDS) {
                recent.removeFirst();
            }
        }
    }

    private void refreshPositions() {
        positions.clear();
        for (int p : assigned) {
            try {
                positions.put(p, consumer.position(new TopicPartition(settings.topic(), p), Duration.ZERO));
            } catch (TimeoutException | IllegalStateException e) {
                // Not known yet: the client is still fetching the committed offset or resetting.
            }
        }
    }

    private void outOfGroup() {
        assigned.clear();
        positions.clear();
        generation = -1;
        memberId = "";
    }

    private void fail(String why, Exception e) {
        error = why;
        state = MemberState.FAILED;
        event(GroupEvent.Kind.ERROR, assigned, generation, why);
        outOfGroup();
        if (consumer != null) {
            try {
                consumer.close(CloseOptions.timeout(Thread.currentThread().isInterrupted() ? Duration.ZERO
                        : CLOSE_TIMEOUT));
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
        }
    }

    private void finish() {
        synchronized (this) {
            terminated = true;
        }
        publish();
        for (Request r = requests.poll(); r != null; r = requests.poll()) {
            r.done().complete(Outcome.refused(gone()));
        }
    }

    private String gone() {
        return switch (state) {
            case LEFT -> name + " already left the group";
            case CRASHED -> name + " already crashed: the group drops it when its session times out";
            case FAILED -> name + " failed: " + error;
            default -> name + " is no longer running";
        };
    }

    private void publish() {
        MemberSnapshot now = new MemberSnapshot(name, colour, clientId, state, memberId, generation,
                List.copyOf(assigned), Map.copyOf(positions), Map.copyOf(committed), consumed, new ArrayList<>(recent),
                stalledAt, kickedAt, crashedAt, null, error);
        if (!now.equals(published)) {
            published = now;
            reporter.snapshot(now);
        }
    }

    private void event(GroupEvent.Kind kind, Collection<Integer> partitions, int gen, String detail) {
        reporter.event(new GroupEvent(Instant.now(), kind, name, List.copyOf(new TreeSet<>(partitions)), gen, detail));
    }

    static String describe(List<Integer> partitions) {
        return partitions.isEmpty() ? "no partitions" : "partitions " + partitions;
    }

    /** Runs on the loop's thread, inside poll (or close): cheap, and silent once crashed. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            changed(GroupEvent.Kind.REVOKED, partitions, false);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            noticeMembership();
            changed(GroupEvent.Kind.ASSIGNED, partitions, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            changed(GroupEvent.Kind.LOST, partitions, false);
        }

        private void changed(GroupEvent.Kind kind, Collection<TopicPartition> partitions, boolean add) {
            if (state == MemberState.CRASHED || partitions.isEmpty()) {
                return;
            }
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            if (add) {
                assigned.addAll(numbers);
            } else {
                assigned.removeAll(numbers);
                numbers.forEach(positions::remove);
            }
            read();
            event(kind, numbers, generation, null);
            publish();
        }
    }
}
