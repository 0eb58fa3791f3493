package dev.kafkalab.consume;

import dev.kafkalab.common.Safely;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Failures;
import dev.kafkalab.cluster.TimingProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A consumer group of members started by the app, all reading one topic: add members, make one
 * leave, crash, stall and resume, commit by hand, and watch what each of them sees.
 *
 * <p>Each member has its own {@link org.apache.kafka.clients.consumer.KafkaConsumer} polling every
 * 100 ms, on a thread of the app or in a small JVM of its own ({@link Hosting}): by default threads
 * under the classic protocol and processes under the new one, where only a killed process crashes
 * faithfully (see {@link ProcessMember}).
 * Nothing here blocks its caller: operations return futures that never complete exceptionally,
 * a refused operation is an {@link Outcome} that says why. Listeners run on a member's thread, often inside its poll: hand
 * anything slow to an executor of your own.
 */
public final class InAppGroup implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InAppGroup.class);

    /** Where the members run. */
    public enum Hosting {
        /** Threads of the app: light, but a crash is faithful under the classic protocol only. */
        THREADS,
        /** A small JVM per member (about 95 MB each): a crash is a SIGKILL, faithful under both protocols. */
        PROCESSES;

        public static Hosting defaultFor(GroupProtocol protocol) {
            return protocol == GroupProtocol.CLASSIC ? THREADS : PROCESSES;
        }
    }

    /** How many of its last records each member keeps for display. */
    public static final int RECENT_RECORDS = 20;
    private static final int COLOURS = 8;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    private static final String BROKER_SESSION_TIMEOUT = "group.consumer.session.timeout.ms";

    private final ClientFactory clients;
    private final GroupSettings settings;
    private final Hosting hosting;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final List<Consumer<GroupEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The actions' shared Admin client, fetched on the watch thread: making it connects, and constructing the group must not block. */
    private Admin admin;
    private final ScheduledExecutorService watch;
    private final CompletableFuture<SessionTimeout> sessionTimeout;
    private int added;
    private boolean closed;

    /** A group whose members run where the protocol's crash needs them ({@link Hosting#defaultFor}). */
    public InAppGroup(ClientFactory clients, GroupSettings settings) {
        this(clients, settings, Hosting.defaultFor(settings.protocol()));
    }

    public InAppGroup(ClientFactory clients, GroupSettings settings, Hosting hosting) {
        this.clients = clients;
        this.settings = settings;
        this.hosting = hosting;
        this.watch = Threads.scheduler("kafka-lab-group-" + settings.groupId() + "-watch");
        watch.execute(() -> admin = clients.actions());
        this.sessionTimeout = settings.protocol() == GroupProtocol.CLASSIC
                ? CompletableFuture.completedFuture(new SessionTimeout(Duration.ofMillis(settings.sessionTimeoutMs()),
                        "session.timeout.ms of the members (classic protocol)"))
                : CompletableFuture.supplyAsync(this::brokerSessionTimeout, watch);
        watch.scheduleWithFixedDelay(this::watchRemovals, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether {@link #close()} was called: its members left or are leaving. */
    public synchronized boolean closed() {
        return closed;
    }

    public GroupSettings settings() {
        return settings;
    }

    public Hosting hosting() {
        return hosting;
    }

    /** Starts a new member, which joins the group on its first polls; returns it as it starts (JOINING). */
    public synchronized MemberSnapshot addMember() {
        if (closed) {
            throw new IllegalStateException("group " + settings.groupId() + " is closed");
        }
        added++;
        String name = "member-" + added;
        int colour = (added - 1) % COLOURS;
        Member m = hosting == Hosting.THREADS
                ? new ThreadMember(name, colour, clients, settings, this::fire)
                : new ProcessMember(name, colour, clients, settings, this::fire);
        members.add(m);
        m.start();
        return m.snapshot();
    }

    /** Every member ever added, in order, each as it last published itself. */
    public List<MemberSnapshot> members() {
        return members.stream().map(Member::snapshot).toList();
    }

    public Optional<MemberSnapshot> member(String name) {
        return find(name).map(Member::snapshot);
    }

    /** Closes the member gracefully: it leaves the group and its partitions move at once. */
    public CompletableFuture<Outcome> leave(String name) {
        return send(name, MemberLoop.Command.LEAVE);
    }

    /**
     * The member vanishes without leaving the group, as a killed process does, and commits nothing
     * on the way out. The coordinator keeps its partitions until its session times out (see
     * {@link #sessionTimeout()}; the snapshot's {@code crashedAt} starts that countdown, and
     * {@code expiredAt} and an EXPIRED event end it).
     */
    public CompletableFuture<Outcome> crash(String name) {
        Optional<Member> m = find(name);
        if (m.isEmpty()) {
            return unknown(name);
        }
        if (hosting == Hosting.THREADS && settings.protocol() == GroupProtocol.CONSUMER) {
            return CompletableFuture.completedFuture(Outcome.refused("a crash under the new protocol needs members"
                    + " that run as processes: Kafka 4.4's client, closed without leaving (REMAIN_IN_GROUP), still"
                    + " sends the heartbeat that leaves the group, which would hand its partitions over at once"));
        }
        List<Integer> owned = m.get().snapshot().assigned();
        return m.get().crash().thenApply(o -> !o.ok() ? o : Outcome.done(name + " crashed without leaving the group:"
                + " the coordinator keeps " + MemberLoop.describe(owned) + " for it until " + timeoutText()
                + " passes without a heartbeat"));
    }

    /** The member stops calling poll; after max.poll.interval.ms its client leaves the group (KICKED). */
    public CompletableFuture<Outcome> stall(String name) {
        return send(name, MemberLoop.Command.STALL);
    }

    /** A stalled member polls again, and joins again if it was removed meanwhile. */
    public CompletableFuture<Outcome> resume(String name) {
        return send(name, MemberLoop.Command.RESUME);
    }

    /** With auto-commit off: commits the member's current positions (commitSync). */
    public CompletableFuture<Outcome> commit(String name) {
        return send(name, MemberLoop.Command.COMMIT);
    }

    /**
     * The session timeout that applies: the members' own under the classic protocol, else the
     * broker's {@code group.consumer.session.timeout.ms}, read when the group was made.
     */
    public CompletableFuture<SessionTimeout> sessionTimeout() {
        return sessionTimeout;
    }

    public void addListener(Consumer<GroupEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<GroupEvent> listener) {
        listeners.remove(listener);
    }

    /** Every running member leaves gracefully; waits for all of them, 15 s at most, then ends the rest. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // The Admin client is shared: it stays open for the app's other groups.
        watch.shutdown();
        members.stream().filter(m -> m.snapshot().state().alive()).forEach(m -> m.submit(MemberLoop.Command.LEAVE));
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Member m : members) {
                m.awaitStop(deadline);
            }
            watch.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<Outcome> send(String name, MemberLoop.Command command) {
        return find(name).map(m -> m.submit(command)).orElseGet(() -> unknown(name));
    }

    private CompletableFuture<Outcome> unknown(String name) {
        return CompletableFuture.completedFuture(Outcome.refused("group " + settings.groupId()
                + " has no member called " + name));
    }

    private Optional<Member> find(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private void fire(GroupEvent event) {
        for (Consumer<GroupEvent> l : listeners) {
            // A listener's failure must not stop a member: it has no one to report to.
            Safely.run("A listener of group " + settings.groupId(), () -> l.accept(event));
        }
    }

    private String timeoutText() {
        SessionTimeout t = sessionTimeout.getNow(null);
        return t == null ? "its session timeout" : "its session timeout (" + t.value().toMillis() + " ms, " + t.source()
                + ")";
    }

    /**
     * A stalled member's client leaves on its own thread and a crashed member says nothing, so
     * neither notices being removed: ask the coordinator, only while someone waits for it.
     */
    private void watchRemovals() {
        List<Member> waiting = members.stream().filter(m -> awaitsRemoval(m.snapshot())).toList();
        if (waiting.isEmpty() || admin == null) {
            return;
        }
        Set<String> listed;
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(settings.groupId())).describedGroups()
                    .get(settings.groupId()).get(2, TimeUnit.SECONDS);
            listed = d.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
        } catch (Exception e) {
            // The coordinator is moving or a broker is down: the next watch asks again.
            LOG.debug("Could not describe group {}", settings.groupId(), e);
            return;
        }
        for (Member m : waiting) {
            MemberSnapshot s = m.snapshot();
            if (listed.contains(s.memberId())) {
                continue;
            }
            if (s.state() == MemberState.STALLED) {
                m.submit(MemberLoop.Command.REMOVED);
            } else {
                Instant now = Instant.now();
                m.expired(now);
                fire(new GroupEvent(now, GroupEvent.Kind.EXPIRED, s.name(), s.assigned(), s.generation(),
                        "the coordinator dropped it " + Duration.between(s.crashedAt(), now).toMillis()
                                + " ms after the crash: its session timed out"));
            }
        }
    }

    private static boolean awaitsRemoval(MemberSnapshot s) {
        boolean stalledInGroup = s.state() == MemberState.STALLED && s.kickedAt() == null;
        boolean crashedInGroup = s.state() == MemberState.CRASHED && s.expiredAt() == null;
        return (stalledInGroup || crashedInGroup) && !s.memberId().isEmpty();
    }

    /** Any broker's {@code group.consumer.session.timeout.ms}; Kafka's default if none answers. */
    private SessionTimeout brokerSessionTimeout() {
        try {
            String broker = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).iterator().next().idString();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
            String value = admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource)
                    .get(BROKER_SESSION_TIMEOUT).value();
            return new SessionTimeout(Duration.ofMillis(Long.parseLong(value)),
                    "the broker's " + BROKER_SESSION_TIMEOUT + " (new protocol)");
        } catch (Exception e) {
            return new SessionTimeout(Duration.ofMillis(TimingProfile.KAFKA_CONSUMER_GROUP_SESSION_TIMEOUT_MS),
                    "Kafka's default " + BROKER_SESSION_TIMEOUT + "; the broker's could not be read: "
                            + Failures.message(e));
        }
    }
}
