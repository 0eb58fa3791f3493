package dev.kafkalab.ui.consume;

import dev.kafkalab.common.Failures;
import dev.kafkalab.common.Scheduler;
import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.ResetResult;
import dev.kafkalab.consume.ResetTarget;
import dev.kafkalab.monitor.ClusterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The consume screen's state: one group of members at a time, each with a colour; what each
 * member owns, reads and commits; the rebalances as the members' own listeners saw them; and, from
 * the cluster's snapshots, the group's state and its lag per partition over time.
 *
 * <p>Member threads only queue their events. A repeating task on {@code refresh} reads the members
 * five times a second and hands {@code ui} what changed; starting and closing a group, which
 * block, run on {@code blocking}. In tests all three run on the test's thread.
 */
public final class ConsumeViewModel implements AutoCloseable {

    static final Duration REFRESH = Duration.ofMillis(200);

    /** What an offset reset asks. */
    public record ResetRequest(String groupId, String topic, ResetTarget target) {
    }

    private final Function<GroupSettings, MemberGroup> groups;
    private final Function<ResetRequest, CompletableFuture<ResetResult>> resets;
    private final Executor ui;
    private final Executor blocking;
    private final String bootstrap;
    private final BiConsumer<String, String> announce;
    private final GroupForm form = new GroupForm();
    private final RebalanceTimeline timeline = new RebalanceTimeline();
    private final OtherClients others = new OtherClients();
    private final GroupOnCluster onCluster = new GroupOnCluster();
    private final long startNanos = System.nanoTime();

    // Properties
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<MemberSnapshot> members = FXCollections.observableArrayList();
    private final ObservableList<RebalanceTimeline.Line> events = FXCollections.observableArrayList();
    private final ObjectProperty<Duration> sessionTimeout = new SimpleObjectProperty<>(
            Duration.ofMillis(GroupSettings.DEMO_SESSION_TIMEOUT_MS));
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());

    private final ObservableList<String> runningGroups = FXCollections.observableArrayList();
    private final StringProperty shownGroup = new SimpleStringProperty();

    // Shared with the refresh task
    private final MemberUpdates updates = new MemberUpdates(REFRESH, sessionTimeout.get());
    private final java.util.function.Consumer<GroupEvent> listener = updates::queue;
    /** The group shown; others may run beside it (a lab step's), listed in {@link #runningGroups()}. */
    private volatile MemberGroup group;
    /** UI thread: the group this screen is starting, not yet shown. */
    private String starting;
    private GroupDirectory directory;
    private final Scheduler.Repeating refreshing;

    /**
     * @param groups   makes a group; runs on {@code blocking}
     * @param ui       where state changes: the FX thread in the app
     * @param refresh  runs the member refresh; the app's is a thread of its own
     * @param blocking starts and closes groups
     * @param announce the command line equivalent and a message, for the shell's CLI bar
     */
    public ConsumeViewModel(Function<GroupSettings, MemberGroup> groups,
            Function<ResetRequest, CompletableFuture<ResetResult>> resets, Executor ui, Scheduler refresh,
            Executor blocking, String courseBootstrap, BiConsumer<String, String> announce) {
        this.groups = groups;
        this.resets = resets;
        this.ui = ui;
        this.blocking = blocking;
        this.bootstrap = courseBootstrap;
        this.announce = announce;
        this.refreshing = refresh.every(REFRESH, this::refresh);
    }

    // Properties

    /** The group to start and the reset to ask for. */
    public GroupForm form() {
        return form;
    }

    /** The form's topic: the shell fills it from the cluster screen's choice. */
    public StringProperty topic() {
        return form.topic();
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The group as the coordinator describes it: state, epoch, members. */
    public ReadOnlyStringProperty groupState() {
        return onCluster.state();
    }

    public ObservableList<MemberSnapshot> members() {
        return members;
    }

    /** The id of every group the app runs, whoever started it, oldest first. */
    public ObservableList<String> runningGroups() {
        return runningGroups;
    }

    /** The id of the group whose members this screen shows, or null. */
    public ReadOnlyStringProperty shownGroup() {
        return shownGroup;
    }

    /** Newest first. */
    public ObservableList<RebalanceTimeline.Line> events() {
        return events;
    }

    public ObservableList<PartitionOwner> owners() {
        return onCluster.owners();
    }

    /** Lag per partition over time, one series per partition ("p0", ...): a new list with every reading. */
    public ReadOnlyObjectProperty<List<LagHistory.Series>> lagSeries() {
        return onCluster.lagSeries();
    }

    public ReadOnlyObjectProperty<Duration> sessionTimeout() {
        return sessionTimeout;
    }

    /** Set with every refresh that changes something, and every one while a countdown runs: countdowns bind to it. */
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

    // Commands (UI thread)

    /** Starts a group of the form's member count; false, with the reason in the status, if it cannot. */
    public boolean startGroup() {
        if (starting != null) {
            status.set("Group " + starting + " is starting: wait a moment.");
            return false;
        }
        if (directory == null && group != null) {
            // Without the app's list of groups, one started beside it could not be found again.
            status.set("A group is running: stop it first.");
            return false;
        }
        GroupSettings settings;
        try {
            settings = form.settings();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return false;
        }
        if (runningGroups.contains(settings.groupId())) {
            status.set("Group " + settings.groupId() + " is running: stop it first, or give the new group another id.");
            return false;
        }
        detach();
        starting = settings.groupId();
        int n = form.memberCount().get();
        running.set(true);
        events.clear();
        timeline.clear();
        onCluster.clearLag();
        status.set("Starting group " + settings.groupId() + " with " + n + " members...");
        announce.accept(ConsumeCli.consoleConsumer(bootstrap, settings), status.get());
        // Making clients resolves and connects: never on the UI thread.
        CompletableFuture.supplyAsync(() -> {
            MemberGroup g = groups.apply(settings);
            g.addListener(listener);
            for (int i = 0; i < n; i++) {
                g.addMember();
            }
            return g;
        }, blocking).whenCompleteAsync((g, failure) -> {
            starting = null;
            if (failure != null) {
                running.set(false);
                status.set("The group did not start: " + Failures.message(failure));
                return;
            }
            group = g;
            shownGroup.set(settings.groupId());
            status.set("Group " + settings.groupId() + " started: " + n + " members joining.");
            announce.accept(ConsumeCli.consoleConsumer(bootstrap, settings), status.get());
            g.sessionTimeout().thenAccept(t -> ui.execute(() -> {
                sessionTimeout.set(t.value());
                updates.sessionTimeout(t.value());
            }));
        }, ui);
        return true;
    }

    public void addMember() {
        MemberGroup g = group;
        if (g == null) {
            status.set("Start a group first.");
            return;
        }
        CompletableFuture.supplyAsync(g::addMember, blocking)
                .thenAccept(m -> ui.execute(() -> status.set(m.name() + " joins the group.")));
    }

    public void leave(String member) {
        act(member, "leaves gracefully", MemberGroup.Command.LEAVE);
    }

    public void crash(String member) {
        act(member, "crashes", MemberGroup.Command.CRASH);
    }

    public void stall(String member) {
        act(member, "stops polling", MemberGroup.Command.STALL);
    }

    public void resume(String member) {
        act(member, "polls again", MemberGroup.Command.RESUME);
    }

    public void commit(String member) {
        act(member, "commits", MemberGroup.Command.COMMIT);
    }

    private void act(String member, String what, MemberGroup.Command command) {
        MemberGroup g = group;
        if (g == null) {
            status.set("Start a group first.");
            return;
        }
        status.set(member + " " + what + "...");
        g.ask(command, member).thenAccept(o -> ui.execute(() -> status.set(o.message())));
    }

    /** Every member of the shown group leaves; the group closes on {@code blocking}. */
    public void stopGroup() {
        MemberGroup g = group;
        group = null;
        if (g == null) {
            return;
        }
        g.removeListener(listener);
        status.set("Stopping the group: every member leaves...");
        CompletableFuture.runAsync(g::close, blocking).whenCompleteAsync((v, e) -> {
            running.set(false);
            status.set("Group stopped. Its committed offsets stay: its lag shows below while it is empty.");
        }, ui);
    }

    /** Resets the group's committed offsets; Kafka only allows it while the group is empty. */
    public void resetOffsets() {
        ResetTarget target;
        try {
            target = form.resetTarget();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        String g = form.trimmedGroupId();
        String topic = form.topic().get();
        announce.accept(ConsumeCli.resetOffsets(bootstrap, g, topic, target), "Resetting offsets of " + g + "...");
        resets.apply(new ResetRequest(g, topic, target)).thenAccept(r -> ui.execute(() -> status.set(r.ok()
                ? "Offsets of " + g + " now " + r.offsets() + (r.notes().isEmpty() ? "." : ": " + String.join(" ", r.notes()))
                : r.error())));
    }

    /** The form's parsing of a reset time, where the tests have always found it. */
    static Instant parseTime(String text) {
        return GroupForm.parseTime(text);
    }

    // Following the app's other groups (UI thread)

    /**
     * Follows every group the app runs: a group started elsewhere (a lab step) is shown at once,
     * unless this screen is starting one of its own, and one stopped elsewhere stops showing.
     */
    public void follow(GroupDirectory groups) {
        this.directory = groups;
        groups.onChange(() -> ui.execute(this::groupsChanged));
        groupsChanged();
    }

    /** Shows the members of the running group {@code groupId}; the one shown before runs on unseen. */
    public void show(String groupId) {
        if (directory == null || groupId == null || groupId.equals(shownGroup.get())) {
            return;
        }
        directory.find(groupId).ifPresentOrElse(this::attach,
                () -> status.set("Group " + groupId + " is not running any more."));
    }

    private void groupsChanged() {
        java.util.List<String> before = java.util.List.copyOf(runningGroups);
        java.util.List<String> now = directory.running();
        runningGroups.setAll(now);
        String shown = shownGroup.get();
        if (shown != null && group != null && !now.contains(shown)) {
            // Stopped by someone else (a lab step): its members are gone.
            MemberGroup g = group;
            group = null;
            g.removeListener(listener);
            running.set(false);
            status.set("Group " + shown + " was stopped elsewhere (a lab step): every member left.");
        } else if (shown != null && group != null) {
            // Stopped and started again under the same id between two looks (a lab's reset and
            // step): the screen follows the new group, not the closed one.
            Object shownNow = group.identity();
            directory.find(shown).filter(g -> g.identity() != shownNow).ifPresent(fresh -> {
                attach(fresh);
                status.set("Group " + shown + " was started again elsewhere (a lab step): showing its new members.");
            });
        }
        now.stream().filter(id -> !before.contains(id) && !id.equals(starting) && !id.equals(shownGroup.get()))
                .reduce((first, second) -> second)
                .ifPresent(this::show);
    }

    private void attach(MemberGroup g) {
        detach();
        GroupSettings settings = g.settings();
        group = g;
        g.addListener(listener);
        shownGroup.set(settings.groupId());
        running.set(true);
        events.clear();
        timeline.clear();
        onCluster.clearLag();
        form.groupId().set(settings.groupId());
        form.topic().set(settings.topic());
        form.protocol().set(settings.protocol());
        status.set("Showing group " + settings.groupId() + " (" + g.members().size() + " members), started by a lab"
                + " step or before: its rebalances show from now on.");
        g.sessionTimeout().thenAccept(t -> ui.execute(() -> {
            if (group == g) {
                sessionTimeout.set(t.value());
                updates.sessionTimeout(t.value());
            }
        }));
    }

    /** Shows no group, so the form can start another; the one shown goes on running, listed. */
    public void newGroup() {
        if (directory == null) {
            status.set("Stop the group first: this screen follows one group only.");
            return;
        }
        String was = shownGroup.get();
        detach();
        events.clear();
        timeline.clear();
        members.clear();
        if (was != null) {
            status.set("Group " + was + " goes on running: pick it above to see it again.");
        }
    }

    /** Stops showing the shown group, which goes on running. */
    private void detach() {
        MemberGroup g = group;
        group = null;
        if (g != null) {
            g.removeListener(listener);
        }
        shownGroup.set(null);
        running.set(false);
    }

    // From the cluster's snapshots (any thread)

    public void onSnapshot(ClusterSnapshot snapshot) {
        double at = (System.nanoTime() - startNanos) / 1e9;
        ui.execute(() -> applySnapshot(snapshot, at));
    }

    /** On the UI thread, where the form's group id and topic may be read. */
    private void applySnapshot(ClusterSnapshot snapshot, double at) {
        onCluster.apply(snapshot, at, form.groupId().get(), form.topic().get(), running.get(), members);
        List<String> ours = new ArrayList<>(runningGroups);
        if (directory != null) {
            ours.addAll(directory.shareGroups());
        }
        others.apply(snapshot, ours, directory == null ? List.of() : directory.programs());
    }

    /** Groups on the cluster the app does not run, and the programs it does. */
    ObservableList<OtherClients.Row> otherClients() {
        return others.rows();
    }

    // The refresh task, then the UI thread

    private void refresh() {
        try {
            MemberGroup g = group;
            updates.next(g == null ? null : g.members(), Instant.now())
                    .ifPresent(u -> ui.execute(() -> apply(u.members(), u.events())));
        } catch (RuntimeException e) {
            ui.execute(() -> status.set("Could not read the members: " + e));
        }
    }

    private void apply(List<MemberSnapshot> snapshot, List<GroupEvent> fresh) {
        now.set(Instant.now());
        if (snapshot != null && !snapshot.equals(members)) {
            members.setAll(snapshot);
            if (form.topic().get() != null) {
                onCluster.membersChanged(members, form.topic().get());
            }
        }
        if (!fresh.isEmpty()) {
            Map<String, Integer> colours = new HashMap<>();
            members.forEach(m -> colours.put(m.name(), m.colour()));
            events.addAll(0, timeline.add(fresh, colours, sessionTimeout.get()));
            // The timeline let its oldest lines go: so does the list shown.
            if (events.size() > timeline.size()) {
                events.remove(timeline.size(), events.size());
            }
        }
    }

    /** One event in the timeline's words; it counts in the timeline's gaps like any other. */
    String describe(GroupEvent e) {
        return timeline.describe(e, sessionTimeout.get());
    }

    @Override
    public void close() {
        refreshing.close();
        MemberGroup g = group;
        group = null;
        if (g != null) {
            g.close();
        }
    }
}
