package dev.kafkalab.ui.code;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.Programs;
import dev.kafkalab.code.ProgramStore;
import dev.kafkalab.common.Failures;
import dev.kafkalab.common.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Code screen: the learner's programs, the one being edited, and each program's run with
 * its console. Files are read, saved and compiled on the {@code work} executor, never on the FX
 * thread; a program's output is queued as it comes and shown in batches on the scheduler's beat,
 * so a program printing a million lines leaves the window responsive.
 */
public final class CodeViewModel implements AutoCloseable {

    /** A console keeps this many lines: the newest. */
    public static final int CONSOLE_LINES = 5_000;
    /** How often queued output reaches the console. */
    static final Duration BEAT = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(CodeViewModel.class);

    private final ProgramStore store;
    private final Supplier<Optional<ProgramCompiler>> compilers;
    private final Supplier<ProgramClasspath> classpath;
    private final Path classesRoot;
    private final Executor work;
    private final Executor ui;
    private final Scheduler.Repeating beat;
    private final ObservableList<String> programs = FXCollections.observableArrayList();
    private final StringProperty program = new SimpleStringProperty();
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final StringProperty file = new SimpleStringProperty();
    /** The text of the file shown, as read from disk; the editor sets it, and reports edits with {@link #edited}. */
    private final StringProperty loaded = new SimpleStringProperty("");
    private final ObservableList<ProgramCompiler.Problem> problems = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObservableList<ConsoleLine> console = FXCollections.observableArrayList();
    private final Map<String, Session> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final LabFolders labFolders = new LabFolders();
    private final BooleanProperty labProgramShown = new SimpleBooleanProperty();
    private final Supplier<CompletableFuture<List<String>>> runArgs;
    private final Programs runs;
    private final Programs.Listener hearing;
    private volatile boolean closed;

    /**
     * @param compilers   the JDK's compiler, or empty on a runtime without one
     * @param classesRoot where each program's classes are compiled to, one folder each
     * @param runArgs     what each program gets as its arguments once the cluster runs: its address,
     *                    which the labs' programs use in place of localhost:9092
     * @param programs    what runs them; a run a lab step starts shows in its program's console too
     */
    public CodeViewModel(ProgramStore store, Supplier<Optional<ProgramCompiler>> compilers,
            Supplier<ProgramClasspath> classpath, Path classesRoot, Supplier<CompletableFuture<List<String>>> runArgs,
            Programs programs, Executor work, Executor ui, Scheduler scheduler) {
        this.runArgs = runArgs;
        this.runs = programs;
        this.hearing = Session.feeding(this::session, ui, this::shown, this::endedRun);
        programs.addListener(hearing);
        this.store = store;
        this.compilers = compilers;
        this.classpath = classpath;
        this.classesRoot = classesRoot;
        this.work = work;
        this.ui = ui;
        this.beat = scheduler.every(BEAT, () -> ui.execute(this::drain));
    }

    public ObservableList<String> programs() {
        return programs;
    }

    public ReadOnlyStringProperty program() {
        return program;
    }

    public ObservableList<String> files() {
        return files;
    }

    public ReadOnlyStringProperty file() {
        return file;
    }

    public ReadOnlyStringProperty loaded() {
        return loaded;
    }

    public ObservableList<ProgramCompiler.Problem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The program shown runs. */
    public ReadOnlyBooleanProperty running() {
        return running;
    }

    /** The console of the program shown. */
    public ObservableList<ConsoleLine> console() {
        return console;
    }

    // Commands (FX thread)

    /** Lists the programs there are (off the FX thread) and shows the first, or the one shown. */
    public void refresh() {
        submit(() -> {
            try {
                List<String> names = store.names();
                ui.execute(() -> {
                    programs.setAll(names);
                    if (program.get() == null && !names.isEmpty()) {
                        open(names.get(0));
                    }
                });
            } catch (IOException e) {
                failed("Could not list the programs in " + store.root(), e);
            }
        });
    }

    /** The store's files of {@code name} are got on the worker; then the list and the program are shown. */
    private void showAfter(String name, String failure, java.util.concurrent.Callable<List<Path>> get) {
        submit(() -> {
            try {
                List<Path> paths = get.call();
                List<String> names = store.names();
                ui.execute(() -> {
                    programs.setAll(names);
                    show(name, paths);
                });
            } catch (Exception e) {
                failed(failure, e);
            }
        });
    }

    /** Opens program {@code name}, which exists. */
    public void open(String name) {
        showAfter(name, "Could not open program " + name, () -> store.files(name));
    }

    /**
     * A code lab's step is open: its program is shown (made from the lab's starter the first
     * time, the learner's own after), and Reset to starter and Show solution point at the lab's.
     */
    public void openForLab(String name, Path starter, Path solution) {
        labFolders.put(name, starter, solution);
        if (name.equals(program.get())) {
            labProgramShown.set(true);
            return;
        }
        // Made from the lab's starter the first time.
        showAfter(name, "Could not open program " + name, () -> store.createFrom(name, starter));
    }

    /** The shown program belongs to a lab: it has a starter and a solution to go back to. */
    public ReadOnlyBooleanProperty labProgram() {
        return labProgramShown;
    }

    public void resetToStarter() {
        labFolders.starter(program.get()).ifPresent(p -> replaceWith(p, "back at the lab's starter"));
    }

    public void showSolution() {
        labFolders.solution(program.get()).ifPresent(p -> replaceWith(p, "the solution of this step"));
    }

    /** A new program from the plain producer template, opened. */
    public void create(String name) {
        showAfter(name, "Could not make program " + name, () -> store.createNew(name));
    }

    /** Puts the program back as {@code source} has it (a lab's starter or its solution): the learner asked. */
    public void replaceWith(Path source, String what) {
        String name = program.get();
        if (name == null) {
            return;
        }
        submit(() -> {
            try {
                List<Path> paths = store.replaceWith(name, source);
                ui.execute(() -> {
                    show(name, paths);
                    status.set(name + " is " + what + " now.");
                });
            } catch (IOException | RuntimeException e) {
                failed("Could not put back " + what + " of " + name, e);
            }
        });
    }

    /** "Open in my IDE": the program shown as a Maven project in {@code folder} (empty or new). */
    public void export(Path folder) {
        String name = program.get();
        if (name != null && folder != null) {
            submit(() -> {
                try {
                    String main = dev.kafkalab.code.MavenExport.export(name, store.files(name), folder);
                    ui.execute(() -> status.set("Exported " + name + " to " + folder + ": open its pom.xml in your"
                            + " IDE, or run ./mvnw -q compile exec:java there (" + main + ")."));
                } catch (IOException | RuntimeException e) {
                    failed("Could not export " + name, e);
                }
            });
        }
    }

    /** Shows another file of the program. */
    public void showFile(String name) {
        String shown = program.get();
        if (shown == null || name == null || name.equals(file.get())) {
            return;
        }
        load(shown, name);
    }

    private void show(String name, List<Path> paths) {
        program.set(name);
        labProgramShown.set(labFolders.has(name));
        Session s = session(name);
        console.setAll(s.console);
        running.set(s.running.get());
        problems.clear();
        // Through null: the same file shown again (the starter put back) is shown anew, its name too.
        file.set(null);
        files.setAll(paths.stream().map(p -> p.getFileName().toString()).toList());
        status.set(paths.isEmpty() ? "Program " + name + " has no .java file yet." : "");
        if (!paths.isEmpty()) {
            load(name, files.get(0));
        }
    }

    private void load(String name, String fileName) {
        submit(() -> {
            try {
                String text = store.read(store.folder(name).resolve(fileName));
                ui.execute(() -> {
                    if (name.equals(program.get())) {
                        file.set(fileName);
                        // Through null: the same text read again (the starter put back over edits)
                        // still reaches the editor, which shows what was typed, not what was read.
                        loaded.set(null);
                        loaded.set(text);
                    }
                });
            } catch (IOException e) {
                failed("Could not read " + fileName, e);
            }
        });
    }

    /** The editor's text changed: saved at once, off the FX thread (a crash loses nothing typed). */
    public void edited(String text) {
        edited(program.get(), file.get(), text);
    }

    /**
     * The text of {@code fileName} of program {@code name} as the editor last had it: the editor
     * says which, so an edit still pending when another file is shown goes to its own file.
     */
    public void edited(String name, String fileName, String text) {
        if (name == null || fileName == null || text == null) {
            return;
        }
        submit(() -> save(name, fileName, text));
    }

    private boolean save(String name, String fileName, String text) {
        try {
            store.save(name, fileName, text);
            return true;
        } catch (IOException | RuntimeException e) {
            failed("Could not save " + fileName + ": your last change is only in the editor", e);
            return false;
        }
    }

    /** Saves, compiles and runs the program shown, with {@code text} as the file shown. */
    public void run(String text) {
        String name = program.get();
        String fileName = file.get();
        if (name == null) {
            status.set("Open a program first.");
            return;
        }
        Session s = session(name);
        if (s.running.get()) {
            status.set(name + " is running: stop it first.");
            return;
        }
        s.running.set(true);
        s.stopAsked = false;
        s.stopWait = new CompletableFuture<>();
        running.set(true);
        problems.clear();
        status.set("Compiling " + name + "...");
        submit(() -> {
            if (fileName != null && !save(name, fileName, text)) {
                ui.execute(() -> ended(name, s, null));
                return;
            }
            long started = System.nanoTime();
            ProgramCompiler.Result compiled;
            try {
                // Off the FX thread: the first time, finding the compiler reads the app's jars.
                Optional<ProgramCompiler> compiler = compilers.get();
                if (compiler.isEmpty()) {
                    notStarted(name, s, ProgramCompiler.NO_COMPILER);
                    return;
                }
                compiled = compiler.get().compile(store.folder(name), classesRoot.resolve(name));
            } catch (RuntimeException e) {
                LOG.warn("Compiling {} failed", name, e);
                notStarted(name, s, "Could not compile " + name + ": " + Failures.message(e));
                return;
            }
            if (!compiled.ok()) {
                ui.execute(() -> {
                    ended(name, s, null);
                    if (name.equals(program.get())) {
                        problems.setAll(compiled.problems());
                    }
                    status.set(compiled.problems().size() + " compile error(s): fix the marked lines and run again.");
                });
                return;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            ClusterWait.then(runArgs.get(), s.stopWait, () -> ui.execute(() -> {
                if (name.equals(program.get())) {
                    status.set(name + " compiled; it runs once the cluster has started...");
                }
            }), this::submit, args -> start(name, s, compiled, ms, args), why -> notStarted(name, s, name + " " + why));
        });
    }

    /** On the worker: the compiled program starts, given the cluster's address. */
    private void start(String name, Session s, ProgramCompiler.Result compiled, long ms, List<String> args) {
        try {
            Programs.Run run = runs.start(name, "the Code screen", classpath.get(), compiled.classes(),
                    compiled.mainClass(), args, store.folder(name));
            s.run = run;
            ui.execute(() -> {
                if (name.equals(program.get())) {
                    status.set("Compiled in " + ms + " ms; " + compiled.mainClass() + " runs (pid " + run.pid() + ").");
                }
            });
            if (closed || s.stopAsked) {
                run.stop();
            }
        } catch (Programs.AlreadyRunning e) {
            // A lab step started it meanwhile: that run is the one Stop reaches.
            ui.execute(() -> {
                shown(e.run());
                status.set(e.getMessage() + ".");
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("Starting {} failed", name, e);
            notStarted(name, s, "Could not start " + name + ": " + Failures.message(e));
        }
    }

    /** Any thread: the run pressed did not start, and {@code why} says so. */
    private void notStarted(String name, Session s, String why) {
        ui.execute(() -> {
            ended(name, s, null);
            status.set(why);
        });
    }

    /** Stops the program shown: its shutdown hooks run, then it is killed if it lingers. */
    public void stop() {
        String name = program.get();
        Session s = name == null ? null : sessions.get(name);
        if (s == null || !s.running.get()) {
            return;
        }
        // Still compiling, or waiting for the cluster: the program is not started.
        s.stopAsked = true;
        status.set("Stopping " + name + "...");
        s.stopWait.complete(null);
        Programs.Run run = s.run;
        if (run != null && run.alive()) {
            run.stop();
        }
    }

    public void clearConsole() {
        String name = program.get();
        if (name != null) {
            session(name).console.clear();
            console.clear();
        }
    }

    /** FX thread: a run ended; an older run's late end leaves a newer one alone. */
    private void endedRun(Programs.Run run, int exitCode) {
        Session s = session(run.name());
        if (s.run == null || s.run == run) {
            ended(run.name(), s, exitCode);
        }
    }

    /** FX thread: a run started, here or by a lab step; Stop reaches it. */
    private void shown(Programs.Run run) {
        Session s = session(run.name());
        if (!run.alive()) {
            return;
        }
        s.run = run;
        s.running.set(true);
        if (run.name().equals(program.get())) {
            running.set(true);
            if (!run.startedBy().equals("the Code screen")) {
                status.set(run.mainClass() + " runs, started by " + run.startedBy() + " (pid " + run.pid() + ").");
            }
        }
    }

    private void ended(String name, Session s, Integer exitCode) {
        drain();
        s.running.set(false);
        s.run = null;
        if (name.equals(program.get())) {
            // The status first: whoever sees running turn false reads how the run ended.
            if (exitCode != null) {
                status.set(name + " ended with exit code " + exitCode + (s.stopAsked ? " (stopped)." : "."));
            }
            running.set(false);
        }
    }

    /** Moves queued output into the consoles, keeping each to its last {@link #CONSOLE_LINES} lines. */
    void drain() {
        String shown = program.get();
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            List<ConsoleLine> batch = e.getValue().drain();
            if (!batch.isEmpty() && e.getKey().equals(shown)) {
                Session.trimThenAdd(console, batch);
            }
        }
    }

    /** Work for the worker; none once closed (an edit the editor reports as the window closes). */
    private void submit(Runnable task) {
        if (closed) {
            return;
        }
        try {
            work.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("The code worker has stopped: a late task is dropped", e);
        }
    }

    private Session session(String name) {
        return sessions.computeIfAbsent(name, n -> new Session());
    }

    private void failed(String what, Exception e) {
        LOG.warn("{}", what, e);
        ui.execute(() -> status.set(what + ": " + Failures.message(e) + "."));
    }

    /** Stops the console's beat and hearing the programs (the registry stops them); from any thread. */
    @Override
    public void close() {
        closed = true;
        beat.close();
        runs.removeListener(hearing);
    }
}
