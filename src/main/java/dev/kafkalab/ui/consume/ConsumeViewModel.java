package dev.kafkalab.ui.consume;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.consume.InAppGroup;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.Outcome;
import dev.kafkalab.consume.ResetResult;
import dev.kafkalab.consume.ResetTarget;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.TopicPartition;

/**
 * The consume screen's state: one group of in-app members at a time, each with a colour; what
 * each member owns, reads and commits; the rebalances as the members' own listeners saw them;
 * and, from the cluster's snapshots, the group's state and its lag per partition over time.
 *
 * <p>Member threads only queue their events; a refresher thread reads the members five times a
 * second and hands the FX thread what changed.
 */
public final class ConsumeViewModel implements AutoCloseable {

    static final int REFRESH_MS = 200;
    static final int EVENTS_KEPT = 300;
    static final int LAG_POINTS = 120;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.S", Locale.ROOT);

    /** One rebalance-timeline line: the event, its words, and its member's colour (-1 for the group). */
    public record EventLine(GroupEvent event, String text, int colour) {
    }

    /** Who reads a partition now: a member and its colour, or nobody (-1). */
    public record PartitionOwner(int partition, String member, int colour, boolean crashed, Long lag) {
    }

    private final Function<GroupSettings, InAppGroup> groups;
    private final Function<ResetRequest, CompletableFuture<ResetResult>> resets;
    private final Executor ui;
    private final String bootstrap;
    private final BiConsumer<String, String> announce;

    /** What an offset reset asks. */
    public record ResetRequest(String groupId, String topic, ResetTarget target) {
    }

    // The form.
    private final StringProperty groupId = new SimpleStringProperty("readers");
    private final StringProperty topic = new SimpleStringProperty();
    private final ObjectProperty<GroupProtocol> protocol = new SimpleObjectProperty<>(GroupProtocol.CLASSIC);
    private final ObjectProperty<Assignor> assignor = new SimpleObjectProperty<>(Assignor.RANGE);
    private final BooleanProperty autoCommit = new SimpleBooleanProperty(true);
    private final IntegerProperty memberCount = new SimpleIntegerProperty(3);
    private final ObjectProperty<ResetTarget.Kind> resetKind = new SimpleObjectProperty<>(ResetTarget.Kind.EARLIEST);
    private final StringProperty resetValue = new SimpleStringProperty("");

    // Outputs.
    private final ObservableList<Assignor> assignors = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty groupState = new SimpleStringProperty("");
    private final ObservableList<MemberSnapshot> members = FXCollections.observableArrayList();
    private final ObservableList<EventLine> events = FXCollections.observableArrayList();
    private final ObservableList<PartitionOwner> owners = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> lagSeries = FXCollections.observableArrayList();
    private final ObjectProperty<Duration> sessionTimeout = new SimpleObjectProperty<>(
            Duration.ofMillis(GroupSettings.DEMO_SESSION_TIMEOUT_MS));
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());

    // Off the FX thread.
    private final ConcurrentLinkedQueue<GroupEvent> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-lab-consume-refresh");
        t.setDaemon(true);
        return t;
    });
    private final Executor closer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kafka-lab-consume-close");
        t.setDaemon(true);
        return t;
    });
    private volatile InAppGroup group;
    private final Map<Integer, Instant> unownedSince = new HashMap<>();
    private final long startNanos = System.nanoTime();

    public ConsumeViewModel(Function<GroupSettings, InAppGroup> groups,
            Function<ResetRequest, CompletableFuture<ResetResult>> resets, Executor ui, String courseBootstrap,
            BiConsumer<String, String> announce) {
        this.groups = groups;
        this.resets = resets;
        this.ui = ui;
        this.bootstrap = courseBootstrap;
        this.announce = announce;
        protocol.addListener((o, was, p) -> fillAssignors(p));
        fillAssignors(protocol.get());
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    private void fillAssignors(GroupProtocol p) {
        List<Assignor> fit = java.util.Arrays.stream(Assignor.values()).filter(a -> a.supports(p)).toList();
        Assignor keep = assignor.get();
        assignors.setAll(fit);
        assignor.set(keep != null && keep.supports(p) ? keep : Assignor.defaultFor(p));
    }

    // --- Properties

    public StringProperty groupId() {
        return groupId;
    }

    public StringProperty topic() {
        return topic;
    }

    public ObjectProperty<GroupProtocol> protocol() {
        return protocol;
    }

    public ObjectProperty<Assignor> assignor() {
        return assignor;
    }

    /** The assignors of the chosen protocol. */
    public ObservableList<Assignor> assignors() {
        return assignors;
    }

    public BooleanProperty autoCommit() {
        return autoCommit;
    }

    public IntegerProperty memberCount() {
        return memberCount;
    }

    public ObjectProperty<ResetTarget.Kind> resetKind() {
        return resetKind;
    }

    public StringProperty resetValue() {
        return resetValue;
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The group as the coordinator describes it: state, epoch, members. */
    public ReadOnlyStringProperty groupState() {
        return groupState;
    }

    public ObservableList<MemberSnapshot> members() {
        return members;
    }

    /** Newest first. */
    public ObservableList<EventLine> events() {
        return events;
    }

    public ObservableList<PartitionOwner> owners() {
        return owners;
    }

    /** Lag per partition over time, one series per partition ("p0", ...), x in seconds. */
    public ObservableList<XYChart.Series<Number, Number>> lagSeries() {
        return lagSeries;
    }

    public ReadOnlyObjectProperty<Duration> sessionTimeout() {
        return sessionTimeout;
    }

    /** Ticks with every refresh: countdowns bind to it. */
    public ReadOnlyObjectProperty<Instant> now() {
        return now;
    }

    /** Seconds until the coordinator drops a crashed member, or empty when it is not waiting for one. */
    public Optional<Double> secondsToExpiry(MemberSnapshot m) {
        if (m.crashedAt() == null || m.expiredAt() != null) {
            return Optional.empty();
        }
        double left = (sessionTimeout.get().toMillis() - Duration.between(m.crashedAt(), now.get()).toMillis()) / 1000.0;
        return Optional.of(Math.max(0, left));
    }

    // --- Actions (FX thread)

    /** Starts a group of {@link #memberCount()} members; false, with the reason in the status, if it cannot. */
    public boolean startGroup() {
        if (group != null) {
            status.set("A group is running: stop it first.");
            return false;
        }
        GroupSettings settings;
        try {
            if (topic.get() == null || topic.get().isBlank()) {
                throw new IllegalArgumentException("Choose a topic first (create one on the Cluster screen).");
            }
            if (memberCount.get() < 1 || memberCount.get() > 12) {
                throw new IllegalArgumentException("Members: between 1 and 12, was " + memberCount.get() + ".");
            }
            settings = GroupSettings.demo(groupId.get().trim(), topic.get(), protocol.get())
                    .withAssignor(assignor.get())
                    .withAutoCommit(autoCommit.get(), GroupSettings.DEFAULT_AUTO_COMMIT_INTERVAL_MS);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
        int n = memberCount.get();
        running.set(true);
        events.clear();
        unownedSince.clear();
        lagSeries.clear();
        status.set("Starting group " + settings.groupId() + " with " + n + " members...");
        announce.accept(consoleConsumer(settings), status.get());
        // Making clients resolves and connects: never on the FX thread.
        CompletableFuture.supplyAsync(() -> {
            InAppGroup g = groups.apply(settings);
            g.addListener(pending::add);
            for (int i = 0; i < n; i++) {
                g.addMember();
            }
            return g;
        }, closer).whenCompleteAsync((g, failure) -> {
            if (failure != null) {
                running.set(false);
                status.set("The group did not start: " + dev.kafkalab.common.Failures.message(failure));
                return;
            }
            group = g;
            status.set("Group " + settings.groupId() + " started: " + n + " members joining.");
            announce.accept(consoleConsumer(settings), status.get());
            g.sessionTimeout().thenAccept(t -> ui.execute(() -> sessionTimeout.set(t.value())));
        }, ui);
        return true;
    }

    public void addMember() {
        InAppGroup g = group;
        if (g == null) {
            status.set("Start a group first.");
            return;
        }
        CompletableFuture.supplyAsync(g::addMember, closer)
                .thenAccept(m -> ui.execute(() -> status.set(m.name() + " joins the group.")));
    }

    public void leave(String member) {
        act(member, "leaves gracefully", g -> g.leave(member));
    }

    public void crash(String member) {
        act(member, "crashes", g -> g.crash(member));
    }

    public void stall(String member) {
        act(member, "stops polling", g -> g.stall(member));
    }

    public void resume(String member) {
        act(member, "polls again", g -> g.resume(member));
    }

    public void commit(String member) {
        act(member, "commits", g -> g.commit(member));
    }

    private void act(String member, String what, Function<InAppGroup, CompletableFuture<Outcome>> action) {
        InAppGroup g = group;
        if (g == null) {
            status.set("Start a group first.");
            return;
        }
        status.set(member + " " + what + "...");
        action.apply(g).thenAccept(o -> ui.execute(() -> status.set(o.message())));
    }

    /** Every member leaves; the group closes off the FX thread. */
    public void stopGroup() {
        InAppGroup g = group;
        group = null;
        if (g == null) {
            return;
        }
        status.set("Stopping the group: every member leaves...");
        CompletableFuture.runAsync(g::close, closer).whenCompleteAsync((v, e) -> {
            running.set(false);
            status.set("Group stopped. Its committed offsets stay: its lag shows below while it is empty.");
        }, ui);
    }

    /** Resets the group's committed offsets; Kafka only allows it while the group is empty. */
    public void resetOffsets() {
        ResetTarget target;
        try {
            target = switch (resetKind.get()) {
                case EARLIEST -> ResetTarget.earliest();
                case LATEST -> ResetTarget.latest();
                case OFFSET -> ResetTarget.offset(parseLong(resetValue.get(), "an offset, e.g. 5"));
                case TIMESTAMP -> ResetTarget.timestamp(parseTime(resetValue.get()));
            };
            if (topic.get() == null) {
                throw new IllegalArgumentException("Choose the group's topic first.");
            }
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        String g = groupId.get().trim();
        announce.accept("kafka-consumer-groups.sh --bootstrap-server " + bootstrap + " --group " + g + " --topic "
                + topic.get() + " --reset-offsets " + target.option() + " --execute", "Resetting offsets of " + g + "...");
        resets.apply(new ResetRequest(g, topic.get(), target)).thenAccept(r -> ui.execute(() -> status.set(r.ok()
                ? "Offsets of " + g + " now " + r.offsets() + (r.notes().isEmpty() ? "." : ": " + String.join(" ", r.notes()))
                : r.error())));
    }

    private static long parseLong(String text, String expected) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Offset: write " + expected + ".");
        }
    }

    /** HH:mm or HH:mm:ss today, local time. */
    static Instant parseTime(String text) {
        try {
            LocalTime t = LocalTime.parse(text.trim());
            return t.atDate(java.time.LocalDate.now()).atZone(ZoneId.systemDefault()).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Time: write a time of today, e.g. 09:30 or 09:30:15.");
        }
    }

    private String consoleConsumer(GroupSettings s) {
        return "kafka-console-consumer.sh --bootstrap-server " + bootstrap + " --topic " + s.topic() + " --group "
                + s.groupId() + " --from-beginning --property print.key=true --property print.partition=true"
                + (s.protocol() == GroupProtocol.CONSUMER ? " --consumer-property group.protocol=consumer" : "")
                + (s.assignor() != Assignor.defaultFor(s.protocol()) ? (s.protocol() == GroupProtocol.CONSUMER
                        ? " --consumer-property group.remote.assignor=" + s.assignor().remoteName()
                        : " --consumer-property partition.assignment.strategy=" + s.assignor().classicClass()) : "");
    }

    // --- From the cluster's snapshots (any thread)

    public void onSnapshot(ClusterSnapshot snapshot) {
        double at = (System.nanoTime() - startNanos) / 1e9;
        ui.execute(() -> applySnapshot(snapshot, at));
    }

    /** On the FX thread, where the form's group id and topic may be read. */
    private void applySnapshot(ClusterSnapshot snapshot, double at) {
        String id = groupId.get();
        String t = topic.get();
        Optional<GroupView> view = id == null ? Optional.empty() : snapshot.group(id.trim());
        int partitions = t == null ? 0 : snapshot.topic(t).map(x -> x.partitions().size()).orElse(0);
        groupState.set(view.map(g -> g.state() + " · " + g.type().toString().toLowerCase(Locale.ROOT) + " protocol"
                + (g.groupEpoch() == null ? "" : " · group epoch " + g.groupEpoch()) + " · " + g.members().size()
                + " member" + (g.members().size() == 1 ? "" : "s") + " · lag " + g.totalLag())
                .orElse(running.get() ? "not known to the coordinator yet" : "no such group on the cluster"));
        if (view.isEmpty() || t == null) {
            return;
        }
        Map<TopicPartition, Long> lag = view.get().lag();
        while (lagSeries.size() < partitions) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("p" + lagSeries.size());
            lagSeries.add(s);
        }
        for (int p = 0; p < partitions; p++) {
            Long l = lag.get(new TopicPartition(t, p));
            if (l == null) {
                continue;
            }
            ObservableList<XYChart.Data<Number, Number>> points = lagSeries.get(p).getData();
            if (points.size() >= LAG_POINTS) {
                points.remove(0);
            }
            points.add(new XYChart.Data<>(Math.round(at * 10) / 10.0, l));
        }
        updateOwners(partitions, lag, t);
    }

    private int partitionsKnown;
    private Map<TopicPartition, Long> lastLag = Map.of();

    private void updateOwners(int partitions, Map<TopicPartition, Long> lag, String t) {
        partitionsKnown = partitions;
        lastLag = lag;
        Map<Integer, MemberSnapshot> owner = new TreeMap<>();
        for (MemberSnapshot m : members) {
            for (int p : m.assigned()) {
                owner.put(p, m);
            }
        }
        List<PartitionOwner> rows = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            MemberSnapshot m = owner.get(p);
            rows.add(new PartitionOwner(p, m == null ? null : m.name(), m == null ? -1 : m.colour(),
                    m != null && m.state() == dev.kafkalab.consume.MemberState.CRASHED, lag.get(new TopicPartition(t, p))));
        }
        if (!rows.equals(owners)) {
            owners.setAll(rows);
        }
    }

    // --- The refresher (its own thread), then the FX thread

    private void refresh() {
        try {
            InAppGroup g = group;
            List<MemberSnapshot> snapshot = g == null ? null : g.members();
            List<GroupEvent> fresh = new ArrayList<>();
            GroupEvent e;
            while ((e = pending.poll()) != null) {
                fresh.add(e);
            }
            ui.execute(() -> apply(snapshot, fresh));
        } catch (RuntimeException e) {
            ui.execute(() -> status.set("Could not read the members: " + e));
        }
    }

    private void apply(List<MemberSnapshot> snapshot, List<GroupEvent> fresh) {
        now.set(Instant.now());
        if (snapshot != null && !snapshot.equals(members)) {
            members.setAll(snapshot);
            if (topic.get() != null) {
                updateOwners(partitionsKnown, lastLag, topic.get());
            }
        }
        if (!fresh.isEmpty()) {
            Map<String, Integer> colours = new HashMap<>();
            members.forEach(m -> colours.put(m.name(), m.colour()));
            List<EventLine> lines = new ArrayList<>();
            for (GroupEvent ev : fresh) {
                lines.add(0, new EventLine(ev, describe(ev), colours.getOrDefault(ev.member(), -1)));
            }
            events.addAll(0, lines);
            if (events.size() > EVENTS_KEPT) {
                events.remove(EVENTS_KEPT, events.size());
            }
        }
    }

    /** "09:14:03.2  member-2  assigned p2, p3 (generation 4); p3 had no reader for 1.4 s". */
    String describe(GroupEvent e) {
        String parts = e.partitions().isEmpty() ? "" : " " + String.join(", ",
                e.partitions().stream().map(p -> "p" + p).toList());
        String gen = e.generation() < 0 ? "" : " (generation " + e.generation() + ")";
        String text = switch (e.kind()) {
            case JOINED -> "joined" + gen;
            case ASSIGNED -> (e.partitions().isEmpty() ? "assigned nothing" : "assigned" + parts) + gen + gap(e);
            case REVOKED -> "revoked" + parts + gen;
            case LOST -> "lost" + parts + " (no chance to commit)" + gen;
            case LEFT -> "left the group";
            case CRASHED -> "crashed: the coordinator waits for the session timeout ("
                    + sessionTimeout.get().toMillis() / 1000.0 + " s)";
            case EXPIRED -> "dropped by the coordinator: session timed out" + parts;
            case STALLED -> "stopped polling (max.poll.interval.ms)";
            case RESUMED -> "polls again";
            case KICKED -> "left the group: no poll within max.poll.interval.ms";
            case ERROR -> "error";
        };
        if (e.kind() == GroupEvent.Kind.REVOKED || e.kind() == GroupEvent.Kind.LOST
                || e.kind() == GroupEvent.Kind.EXPIRED) {
            e.partitions().forEach(p -> unownedSince.putIfAbsent(p, e.at()));
        }
        String detail = e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail();
        return CLOCK.format(e.at().atZone(ZoneId.systemDefault())) + "  " + (e.member() == null ? "group" : e.member())
                + "  " + text + (e.kind() == GroupEvent.Kind.ERROR ? detail : "");
    }

    /** For partitions that had been taken away: how long nobody read them. */
    private String gap(GroupEvent e) {
        List<String> gaps = new ArrayList<>();
        for (int p : e.partitions()) {
            Instant since = unownedSince.remove(p);
            if (since != null) {
                gaps.add(String.format(Locale.ROOT, "p%d had no reader for %.1f s", p,
                        Duration.between(since, e.at()).toMillis() / 1000.0));
            }
        }
        return gaps.isEmpty() ? "" : "; " + String.join(", ", gaps);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        InAppGroup g = group;
        group = null;
        if (g != null) {
            g.close();
        }
    }
}
