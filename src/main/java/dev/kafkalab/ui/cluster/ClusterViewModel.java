package dev.kafkalab.ui.cluster;

import dev.kafkalab.common.Os;
import dev.kafkalab.ui.common.LastAction;
import dev.kafkalab.common.Failures;
import dev.kafkalab.cluster.NodeActions;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.topics.CliEquivalents;
import dev.kafkalab.topics.TopicOperations;
import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.topics.TopicRules;
import dev.kafkalab.topics.TopicService.TopicException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The cluster screen's state and commands. Snapshots arrive on any thread and are applied whole
 * through {@code ui} (the FX thread in the app, directly in tests); commands return at once and
 * finish through {@code ui} as well. No Node here: views bind to these properties.
 */
public final class ClusterViewModel {

    private static final int MAX_EVENTS = 2_000;

    private final NodeActions actions;
    private final TopicOperations topics;
    private final Executor ui;
    private final String courseBootstrap;
    private final Map<Integer, ObjectProperty<NodeCardState>> cards = new LinkedHashMap<>();
    private final ObservableList<String> topicNames = FXCollections.observableArrayList();
    private final StringProperty selectedTopic = new SimpleStringProperty();
    private final ObservableList<PartitionRow> partitions = FXCollections.observableArrayList();
    private final ObservableList<ClusterEvent> events = FXCollections.observableArrayList();
    private final FilteredList<ClusterEvent> filteredEvents = new FilteredList<>(events);
    private final StringProperty eventFilter = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty showInternalEvents =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final IntegerProperty underReplicated = new SimpleIntegerProperty();
    private final IntegerProperty offline = new SimpleIntegerProperty();
    private final IntegerProperty liveBrokers = new SimpleIntegerProperty();
    private final LastAction lastAction;
    private final ObservableMap<String, String> topicFormErrors = FXCollections.observableHashMap();
    private final ObjectProperty<ClusterSnapshot> snapshot = new SimpleObjectProperty<>(ClusterSnapshot.EMPTY);
    // Read-only views made once: an unmodifiable wrapper listens to its source weakly, so a
    // wrapper made per call (and its listeners) would be garbage collected.
    private final ObservableList<String> topicNamesView = FXCollections.unmodifiableObservableList(topicNames);
    private final ObservableList<PartitionRow> partitionsView = FXCollections.unmodifiableObservableList(partitions);
    private final ObservableMap<String, String> topicFormErrorsView =
            FXCollections.unmodifiableObservableMap(topicFormErrors);

    private final Map<Integer, String> pending = new HashMap<>();
    // Coalescing: a broker kill on 600 partitions yields over a thousand events in one snapshot,
    // and snapshots can arrive faster than a busy FX thread applies them. One FX task drains all
    // pending events; only the newest pending snapshot is applied.
    private final java.util.concurrent.atomic.AtomicReference<ClusterSnapshot> pendingSnapshot =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<ClusterEvent> pendingEvents =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean eventsScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();
    private java.util.function.LongConsumer applyTimer = nanos -> { };
    private Map<Integer, NodeStatus> processes = Map.of();
    /** Leads and follows per broker of the applied snapshot, counted once per snapshot. */
    private Map<Integer, ClusterSnapshot.Replicas> replicas = Map.of();
    /** Each node as first seen: where it logs and where its configuration is. */
    private final Map<Integer, NodeStatus> files = new HashMap<>();

    private Os os = Os.current();

    public ClusterViewModel(List<NodeStatus> nodes, NodeActions actions, TopicOperations topics,
            String bootstrapServers, Executor ui) {
        this(nodes, actions, topics, bootstrapServers, ui, new LastAction());
    }

    /** The same, announcing its actions on the shell's command line ({@code lastAction}). */
    public ClusterViewModel(List<NodeStatus> nodes, NodeActions actions, TopicOperations topics,
            String bootstrapServers, Executor ui, LastAction lastAction) {
        this.lastAction = lastAction;
        this.actions = actions;
        this.topics = topics;
        this.ui = ui;
        this.courseBootstrap = CliEquivalents.courseBootstrap(bootstrapServers);
        for (NodeStatus n : nodes) {
            files.put(n.id(), n);
            cards.put(n.id(), new SimpleObjectProperty<>(new NodeCardState(n.id(), n.role(), n.state(), false, n.port(),
                    n.pid(), 0, 0, 0, null)));
        }
        eventFilter.addListener((o, was, now) -> refilterEvents());
        showInternalEvents.addListener((o, was, now) -> refilterEvents());
        refilterEvents();
        events.add(note("Timeline started"));
        selectedTopic.addListener((o, was, now) -> refreshPartitions(snapshot.get(), snapshot.get()));
    }

    // --- Properties

    public List<Integer> nodeIds() {
        return List.copyOf(cards.keySet());
    }

    /** A node as first seen: where it logs, and its server.properties (null in a rehearsal). */
    public NodeStatus files(int id) {
        return files.get(id);
    }

    public ReadOnlyObjectProperty<NodeCardState> card(int id) {
        return cards.get(id);
    }

    public ObservableList<String> topicNames() {
        return topicNamesView;
    }

    public StringProperty selectedTopic() {
        return selectedTopic;
    }

    /** Reads a topic's transaction markers and aborted records, for the offsets bars. */
    public CompletableFuture<Map<Integer, dev.kafkalab.topics.LogMarks>> logMarks(String topic) {
        return topics.logMarks(topic);
    }

    public ObservableList<PartitionRow> partitions() {
        return partitionsView;
    }

    /** Newest first, after the filter. */
    public ObservableList<ClusterEvent> events() {
        return filteredEvents;
    }

    public StringProperty eventFilter() {
        return eventFilter;
    }

    /** Events about Kafka's internal topics (__consumer_offsets...) are hidden unless asked for. */
    public javafx.beans.property.BooleanProperty showInternalEvents() {
        return showInternalEvents;
    }

    private void refilterEvents() {
        String needle = eventFilter.get() == null ? "" : eventFilter.get().trim().toLowerCase(Locale.ROOT);
        boolean internal = showInternalEvents.get();
        // The app's own note always shows: a filter that matches nothing still leaves one line.
        filteredEvents.setPredicate(e -> e.kind() == ClusterEvent.Kind.NOTE
                || (internal || !e.subject().startsWith("__"))
                && (needle.isEmpty() || e.text().toLowerCase(Locale.ROOT).contains(needle)
                        || e.kind().name().toLowerCase(Locale.ROOT).contains(needle)));
    }

    public ReadOnlyIntegerProperty underReplicated() {
        return underReplicated;
    }

    public ReadOnlyIntegerProperty offline() {
        return offline;
    }

    public ReadOnlyIntegerProperty liveBrokers() {
        return liveBrokers;
    }

    /** The Kafka command line for the last action, to copy. */
    public ReadOnlyStringProperty cliEquivalent() {
        return lastAction.cliEquivalent();
    }

    /** The last action's outcome or refusal, in words. */
    public ReadOnlyStringProperty message() {
        return lastAction.message();
    }

    /** Field name ({@link TopicRules}) to message, for the create-topic form. */
    public ObservableMap<String, String> topicFormErrors() {
        return topicFormErrorsView;
    }

    public ReadOnlyObjectProperty<ClusterSnapshot> snapshot() {
        return snapshot;
    }

    /** Another screen's action: its command-line equivalent and outcome go in the shell's bar. FX thread. */
    public void announce(String cli, String outcome) {
        lastAction.announce(cli, outcome);
    }

    /** localhost:PORT, as the course writes the bootstrap server. */
    public String courseBootstrap() {
        return courseBootstrap;
    }

    // --- Inputs (any thread)

    public void onSnapshot(ClusterSnapshot next) {
        if (pendingSnapshot.getAndSet(next) == null) {
            ui.execute(this::applyPendingSnapshot);
        }
    }

    public void onEvent(ClusterEvent event) {
        pendingEvents.add(event);
        if (eventsScheduled.compareAndSet(false, true)) {
            ui.execute(this::drainEvents);
        }
    }

    /** For the benchmark: told how long each snapshot took to apply on the UI thread. */
    public void setApplyTimer(java.util.function.LongConsumer timer) {
        this.applyTimer = timer;
    }

    public void onNodeStatus(NodeStatus status) {
        ui.execute(() -> {
            Map<Integer, NodeStatus> copy = new HashMap<>(processes);
            copy.put(status.id(), status);
            processes = copy;
            refreshCard(status.id(), snapshot.get());
        });
    }

    // --- Commands

    public CompletableFuture<Void> stop(int id) {
        return act(id, "stop", "stopping", actions::stop);
    }

    public CompletableFuture<Void> kill(int id) {
        return act(id, "kill", "killing", actions::kill);
    }

    public CompletableFuture<Void> freeze(int id) {
        return os.canFreeze() ? act(id, "pause", "freezing", actions::pause) : noFreeze();
    }

    public CompletableFuture<Void> resume(int id) {
        return os.canFreeze() ? act(id, "resume", "resuming", actions::resume) : noFreeze();
    }

    /** Where there is no SIGSTOP (Windows): the command line says so and what works instead, and nothing is sent. */
    private CompletableFuture<Void> noFreeze() {
        lastAction.say(os.noFreeze());
        return CompletableFuture.completedFuture(null);
    }

    /** Why {@code verb} (stop, kill, pause, resume, start) cannot be done to node {@code id} here, or null. */
    public String whyNot(String verb, int id) {
        return actions instanceof dev.kafkalab.cluster.KafkaCluster cluster && !cluster.isLocal()
                ? cluster.whyNot(verb, id) : null;
    }

    /** Whether each replica's log end offset is known: only the app's own brokers report it. */
    public boolean replicaLogEnds() {
        return !(actions instanceof dev.kafkalab.cluster.KafkaCluster cluster) || cluster.isLocal();
    }

    /** The system the cluster runs on: whether a broker can be frozen there. */
    public Os os() {
        return os;
    }

    /** As if on {@code other}: tests of what Windows or macOS change, on any system. */
    public ClusterViewModel on(Os other) {
        os = other;
        return this;
    }

    public CompletableFuture<Void> start(int id) {
        return act(id, "start", "starting", actions::start);
    }

    /**
     * Empties the timeline down to one note saying when. The list never becomes empty: a list
     * that goes from no rows to some rebuilds all its cells, which is the costly frame.
     */
    public void clearEvents() {
        events.setAll(note("Timeline cleared"));
    }

    private static ClusterEvent note(String text) {
        return new ClusterEvent(Instant.now(), ClusterEvent.Kind.NOTE, "", text);
    }

    /** Checks the form against Kafka's rules first; the answer arrives in the form errors and message. */
    public CompletableFuture<Boolean> createTopic(TopicRequest request) {
        topicFormErrors.clear();
        // Before the first snapshot the number of running brokers is unknown: let the cluster judge.
        int brokers = snapshot.get() == ClusterSnapshot.EMPTY ? Integer.MAX_VALUE : liveBrokers.get();
        Map<String, String> problems = TopicRules.check(request, brokers);
        if (!problems.isEmpty()) {
            topicFormErrors.putAll(problems);
            return CompletableFuture.completedFuture(false);
        }
        String name = request.name().trim();
        lastAction.command(CliEquivalents.createTopic(courseBootstrap, name, Integer.parseInt(request.partitions().trim()),
                Integer.parseInt(request.replicationFactor().trim()), request.minIsr(), request.cleanupPolicy()));
        lastAction.say("Creating topic " + name + "...");
        return topics.create(request).handleAsync((ok, failure) -> {
            if (failure == null) {
                lastAction.say("Created topic " + name + ".");
                selectedTopic.set(name);
                return true;
            }
            TopicException e = topicException(failure);
            topicFormErrors.put(e.field() == null ? "form" : e.field(), e.getMessage());
            lastAction.say("Topic " + name + " was not created: " + e.getMessage());
            return false;
        }, ui);
    }

    /**
     * As the learner types: a field's error goes as soon as the field is right, and a value typed
     * in that Kafka would refuse says why at once. An empty field is not blamed before Create, and
     * Kafka's own refusal of the last Create stays until the next one.
     */
    public void reviseTopicForm(TopicRequest request) {
        int brokers = snapshot.get() == ClusterSnapshot.EMPTY ? Integer.MAX_VALUE : liveBrokers.get();
        Map<String, String> problems = TopicRules.check(request, brokers);
        Map<String, String> typed = Map.of(TopicRules.NAME, nullToEmpty(request.name()),
                TopicRules.PARTITIONS, nullToEmpty(request.partitions()),
                TopicRules.REPLICATION_FACTOR, nullToEmpty(request.replicationFactor()),
                TopicRules.MIN_ISR, nullToEmpty(request.minInsyncReplicas()));
        typed.forEach((field, value) -> {
            String problem = problems.get(field);
            if (problem == null) {
                topicFormErrors.remove(field);
            } else if (!value.isBlank() || topicFormErrors.containsKey(field)) {
                topicFormErrors.put(field, problem);
            }
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public CompletableFuture<Boolean> deleteTopic(String name) {
        lastAction.command(CliEquivalents.deleteTopic(courseBootstrap, name));
        return topics.delete(name).handleAsync((ok, failure) -> {
            lastAction.say(failure == null ? "Deleted topic " + name + "."
                    : "Topic " + name + " was not deleted: " + topicException(failure).getMessage());
            return failure == null;
        }, ui);
    }

    // --- applying snapshots (UI thread)

    private void applyPendingSnapshot() {
        ClusterSnapshot next = pendingSnapshot.getAndSet(null);
        if (next != null) {
            long t0 = System.nanoTime();
            apply(next);
            applyTimer.accept(System.nanoTime() - t0);
        }
    }

    private void drainEvents() {
        eventsScheduled.set(false);
        List<ClusterEvent> batch = new ArrayList<>();
        for (ClusterEvent e; (e = pendingEvents.poll()) != null; ) {
            batch.add(0, e);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > MAX_EVENTS) {
            batch = batch.subList(0, MAX_EVENTS);
        }
        events.addAll(0, batch);
        if (events.size() > MAX_EVENTS) {
            events.remove(MAX_EVENTS, events.size());
        }
    }

    void apply(ClusterSnapshot next) {
        ClusterSnapshot previous = snapshot.get();
        snapshot.set(next);
        replicas = next.replicasByBroker();
        for (Integer id : cards.keySet()) {
            refreshCard(id, next);
        }
        List<String> names = next.topics().stream().filter(t -> !t.internal()).map(TopicView::name).toList();
        if (!names.equals(topicNames)) {
            String keep = selectedTopic.get();
            topicNames.setAll(names);
            if (keep != null && names.contains(keep)) {
                selectedTopic.set(keep);
            }
        }
        underReplicated.set((int) next.underReplicatedCount());
        offline.set((int) next.offlineCount());
        liveBrokers.set((int) next.nodes().stream().filter(NodeView::serving).count());
        refreshPartitions(previous, next);
    }

    private void refreshCard(int id, ClusterSnapshot s) {
        ObjectProperty<NodeCardState> card = cards.get(id);
        NodeCardState was = card.get();
        Optional<NodeView> view = s.node(id);
        NodeStatus process = processes.get(id);
        NodeState state = process != null ? process.state() : view.map(NodeView::process).orElse(was.state());
        int port = process != null ? process.port() : view.map(NodeView::port).orElse(was.port());
        long pid = process != null ? process.pid() : was.pid();
        ClusterSnapshot.Replicas share = replicas.getOrDefault(id, ClusterSnapshot.Replicas.NONE);
        boolean fenced = view.map(NodeView::fenced).orElse(false);
        card.set(new NodeCardState(id, was.role(), state, fenced, port, pid, share.leads(), share.follows(),
                share.outOfSync(), pending.get(id)));
    }

    private void refreshPartitions(ClusterSnapshot previous, ClusterSnapshot next) {
        String topic = selectedTopic.get();
        if (topic == null) {
            partitions.clear();
            return;
        }
        Optional<TopicView> view = next.topic(topic);
        if (view.isEmpty()) {
            partitions.clear();
            return;
        }
        List<PartitionRow> rows = new ArrayList<>();
        for (PartitionView p : view.get().partitions()) {
            Map<String, Long> committed = new LinkedHashMap<>();
            for (GroupView g : next.groups()) {
                Long offset = g.committedOffsets().get(p.topicPartition());
                if (offset != null) {
                    committed.put(g.groupId(), offset);
                }
            }
            boolean moved = previous.partition(topic, p.partition())
                    .map(q -> q.leader() != p.leader()).orElse(false);
            rows.add(new PartitionRow(p, committed, moved));
        }
        // Touch only rows that changed: an unchanged row keeps its cell, its layout and its CSS.
        if (rows.size() != partitions.size()) {
            partitions.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).equals(partitions.get(i))) {
                partitions.set(i, rows.get(i));
            }
        }
    }

    private CompletableFuture<Void> act(int id, String action, String pendingWord, IntFunction<CompletableFuture<Void>> call) {
        NodeCardState card = cards.get(id).get();
        String props = "config/" + (card.role() == NodeRole.CONTROLLER ? "controller" : "broker-" + id) + ".properties";
        // A remote broker's process is not the app's: the command line is the user's own command, said when it ran.
        lastAction.command(replicaLogEnds() ? CliEquivalents.nodeAction(action, card.pid(), props) : "");
        pending.put(id, pendingWord + "...");
        cards.get(id).set(card.withPending(pendingWord + "..."));
        lastAction.say(NodeCardState.capitalize(card.label()) + ": " + pendingWord + "...");
        return call.apply(id).whenCompleteAsync((ok, failure) -> {
            pending.remove(id);
            refreshCard(id, snapshot.get());
            if (failure == null) {
                lastAction.say(NodeCardState.capitalize(card.label()) + ": " + NodeCardState.doneWord(action) + ".");
            } else {
                lastAction.say(Failures.message(failure));
            }
        }, ui);
    }

    private static TopicException topicException(Throwable failure) {
        Throwable c = Failures.rootCause(failure);
        return c instanceof TopicException te ? te : new TopicException(null, String.valueOf(c.getMessage()));
    }
}
