package dev.kafkalab.ui.lab;

import dev.kafkalab.lab.ActionRunner;
import dev.kafkalab.lab.Directive;
import dev.kafkalab.lab.Lab;
import dev.kafkalab.lab.LabCatalog;
import dev.kafkalab.lab.LabNamespace;
import dev.kafkalab.lab.LabSession;
import dev.kafkalab.lab.Ledger;
import dev.kafkalab.lab.Step;
import dev.kafkalab.lab.Vocabulary;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.progress.ProgressStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The labs: the catalog with each lab's progress (and the files that did not load, with why),
 * and the lab being worked through. The session runs on its own thread; its states arrive here
 * through the UI executor, whole.
 */
public final class LabViewModel implements AutoCloseable {

    /**
     * One row of the lab list.
     *
     * @param problem null for a lab; for a file that did not load, "file:line: reason"
     */
    public record Row(String id, String title, int module, int minutes, int done, int steps, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** Which screen shows what a step is about. */
    public enum Screen { CLUSTER, PRODUCE, CONSUME, CODE }

    private final Path folder;
    private final ActionRunner runner;
    private final ProgressStore store;
    private final Ledger ledger;
    private final Supplier<ClusterSnapshot> latest;
    private final Executor ui;

    // Properties
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LabSession.State> state = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private volatile LabSession session;
    private final LabNamespace namespace;
    private List<LabCatalog.Entry> entries = List.of();

    public LabViewModel(Path folder, ActionRunner runner, ProgressStore store, Ledger ledger,
            Supplier<ClusterSnapshot> latest, Executor ui) {
        this(folder, runner, LabNamespace.NONE, store, ledger, latest, ui);
    }

    /** {@code namespace}: the names the labs' topics and groups get on this cluster (another's: prefixed). */
    public LabViewModel(Path folder, ActionRunner runner, LabNamespace namespace, ProgressStore store, Ledger ledger,
            Supplier<ClusterSnapshot> latest, Executor ui) {
        this.namespace = namespace;
        this.folder = folder;
        this.runner = runner;
        this.store = store;
        this.ledger = ledger;
        this.latest = latest;
        this.ui = ui;
        store.problem().ifPresent(message::set);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The open lab's session state; null when no lab is open. */
    public ReadOnlyObjectProperty<LabSession.State> state() {
        return state;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    /** Why some of the open lab's steps cannot run on this cluster; empty when all can, or no lab is open. */
    public Optional<String> limits() {
        LabSession s = session;
        if (s == null) {
            return Optional.empty();
        }
        Optional<String> cannot = runner.cannotRun(s.lab());
        if (namespace.isNone()) {
            return cannot;
        }
        return Optional.of(namespace.notice(lab(s.lab().id()).orElse(s.lab())) + cannot.map(c -> " " + c).orElse(""));
    }

    // Commands

    /** Reads the lab folder again (off the UI thread) and lists what it holds. */
    public CompletableFuture<Void> reload() {
        return CompletableFuture.supplyAsync(() -> LabCatalog.load(folder)).thenAcceptAsync(catalog -> {
            entries = catalog.entries();
            refreshRows();
        }, ui);
    }

    private void refreshRows() {
        rows.setAll(entries.stream().map(this::row).toList());
    }

    private Row row(LabCatalog.Entry e) {
        if (!e.ok()) {
            var p = e.problem();
            return new Row(e.file().getFileName().toString(), e.file().getFileName().toString(), 0, 0, 0, 0,
                    p.file().getFileName() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.reason());
        }
        Lab lab = e.lab();
        return new Row(lab.id(), lab.title(), lab.module(), lab.minutes(), LabSession.passedSteps(store, lab).size(),
                lab.steps().size(), null);
    }

    public Optional<Lab> lab(String id) {
        return entries.stream().filter(LabCatalog.Entry::ok).map(LabCatalog.Entry::lab)
                .filter(l -> l.id().equals(id)).findFirst();
    }

    /** Opens a lab where the learner left it. */
    public void open(String id) {
        Optional<Lab> lab = lab(id);
        if (lab.isEmpty()) {
            message.set("There is no lab '" + id + "'.");
            return;
        }
        close();
        LabSession s = new LabSession(namespace.apply(lab.get()), runner, store, ledger);
        session = s;
        s.addListener(next -> ui.execute(() -> {
            if (session == s) {
                state.set(next);
                showProgress(next);
            }
        }));
        ClusterSnapshot now = latest.get();
        if (now != null) {
            s.onSnapshot(now);
        }
    }

    /** The list beside the open lab counts its passed steps as they pass, not only when the lab closes. */
    private void showProgress(LabSession.State now) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.id().equals(now.lab().id()) && r.done() != now.passed().size()) {
                rows.set(i, new Row(r.id(), r.title(), r.module(), r.minutes(), now.passed().size(), r.steps(),
                        r.problem()));
            }
        }
    }

    /** From the poller's thread. */
    public void onSnapshot(ClusterSnapshot snapshot) {
        LabSession s = session;
        if (s != null) {
            s.onSnapshot(snapshot);
        }
    }

    public void next() {
        with(LabSession::next);
    }

    public void previous() {
        with(LabSession::previous);
    }

    public void goTo(int step) {
        with(s -> s.goTo(step));
    }

    public void run(Directive action) {
        with(s -> s.run(action));
    }

    public void reset() {
        with(LabSession::reset);
    }

    private void with(java.util.function.Function<LabSession, CompletableFuture<LabSession.State>> command) {
        LabSession s = session;
        if (s != null) {
            command.apply(s);
        }
    }

    /** Closes the open lab (progress is saved) and shows the list again. */
    @Override
    public void close() {
        LabSession s = session;
        session = null;
        state.set(null);
        if (s != null) {
            // Saving touches the disk: not on the UI thread.
            CompletableFuture.runAsync(s::close).thenRunAsync(this::refreshRows, ui);
        }
    }

    /** When the app quits, from any thread: saves the open lab's progress before returning. */
    public void shutdown() {
        LabSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    /** The screen that shows what a step is about, as the vocabulary says: produce, consumer groups, or the cluster. */
    public static Screen screenFor(Step step) {
        return switch (Vocabulary.screenOf(step)) {
            case PRODUCE -> Screen.PRODUCE;
            case CONSUME -> Screen.CONSUME;
            case CLUSTER -> Screen.CLUSTER;
            case CODE -> Screen.CODE;
        };
    }

    /**
     * The code lab program a step is about, with its starter and the folder of this step's
     * solution: from the step's {@code run-solution} action, in {@code code/} beside the lab file.
     */
    public record LabProgram(String name, java.nio.file.Path starter, java.nio.file.Path solution) {
    }

    public static Optional<LabProgram> programOf(Lab lab, Step step) {
        java.nio.file.Path code = lab.file().toAbsolutePath().getParent().resolve("code");
        return step.actions().stream().filter(a -> a.name().equals("run-solution")).findFirst()
                .map(a -> new LabProgram(a.text("program"), code.resolve(a.text("program")).resolve("starter"),
                        code.resolve(a.text("program")).resolve(a.text("folder"))));
    }

    /** The topic a step is about, to select it on the screens. */
    public static Optional<String> topicOf(Step step) {
        return step.check().optional("topic").or(() -> step.actions().stream()
                .map(a -> a.optional("topic")).flatMap(Optional::stream).findFirst());
    }
}
