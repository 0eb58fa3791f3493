package dev.kafkalab.app;

import java.util.concurrent.Executors;
import dev.kafkalab.ui.consume.GroupDirectory;
import dev.kafkalab.ui.consume.MemberGroup;
import dev.kafkalab.consume.ConsumerGroups;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.cluster.ClusterException;
import dev.kafkalab.cluster.KafkaCluster;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramStore;
import dev.kafkalab.code.Programs;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.Futures;
import dev.kafkalab.common.Safely;
import dev.kafkalab.common.Scheduler;
import dev.kafkalab.common.Threads;
import dev.kafkalab.consume.GroupOffsets;
import dev.kafkalab.lab.LabCatalog;
import dev.kafkalab.lab.Ledger;
import dev.kafkalab.lab.WaitingRunner;
import dev.kafkalab.lab.Workbench;
import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.SnapshotPoller;
import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.share.ShareGroups;
import dev.kafkalab.topics.TopicService;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.code.CodeViewModel;
import dev.kafkalab.ui.consume.ConsumeViewModel;
import dev.kafkalab.ui.consume.ShareGroupViewModel;
import dev.kafkalab.ui.lab.LabViewModel;
import dev.kafkalab.ui.produce.ProduceViewModel;
import dev.kafkalab.ui.shell.ClusterModels;
import dev.kafkalab.ui.shell.ScreenModels;
import dev.kafkalab.ui.shell.ShellViewModel;
import dev.kafkalab.ui.slides.SlidesViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: makes every service and view model of the window once, wires them, and
 * closes them in the reverse order. The window itself ({@code ShellView}) is a view over
 * {@link #shell()}; nothing else makes a service.
 *
 * <p>The screens that need no cluster (labs, slides, quizzes, code) are made at once, so the
 * window is useful while the cluster starts: a lab's action or a program's run pressed meanwhile
 * waits for the cluster. The services that need the cluster are made on the cluster's thread once
 * it runs (making a Kafka client resolves and connects), their view models then on the UI thread.
 *
 * <p>Every subscription made here ends when the context closes. None follows which screen is
 * shown, on purpose: the cluster view model feeds the strip on every screen, the slides' live
 * widgets and the lab panel; the lab view model checks steps whatever is shown; the consume view
 * model's lag history must have no gap when the learner comes back to it; and the produce and
 * consume view models already post to the UI thread only when something changed.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final KafkaCluster cluster;
    private final boolean ownsCluster;
    private final Executor ui;
    private final ExecutorService io = Threads.single("kafka-lab-io");
    private final ShellViewModel shell;
    private final Consumer<NodeStatus> startupProgress;
    /** What the cluster's start waits for: nothing in the app; a test holds it to look at the window meanwhile. */
    private final CompletableFuture<Void> startAfter;
    /** What to undo when closing, newest first. */
    private final Deque<Step> undo = new ArrayDeque<>();
    private boolean closed;
    /** What every screen uses, cluster or not; made once. */
    private CompletableFuture<Basics> basics;
    private CompletableFuture<ScreenModels> screens;
    /** The labs, once made: the cluster's services are closed after the open lab is saved. */
    private volatile LabViewModel labs;
    /** The current start's services, once the cluster runs and was seen once; failed with a failed start. */
    private volatile CompletableFuture<ClusterServices> running = new CompletableFuture<>();

    private AppContext(KafkaCluster cluster, boolean ownsCluster, Executor ui, Runnable exit,
            CompletableFuture<Void> startAfter) {
        this.cluster = cluster;
        this.startAfter = startAfter;
        this.ownsCluster = ownsCluster;
        this.ui = ui;
        this.shell = new ShellViewModel(ui, io, this::screens, this::start, () -> Threads.start("kafka-lab-quit", () -> {
            try {
                close();
            } finally {
                exit.run();
            }
        }));
        shell.clusterName(cluster.isLocal() ? "local" : cluster.connection().describe());
        this.startupProgress = s -> ui.execute(() -> shell.onNodes(cluster.nodes()));
        cluster.addListener(startupProgress);
        ui.execute(() -> shell.onNodes(cluster.nodes()));
    }

    /** The app's context: it owns {@code cluster} and stops it last; {@code exit} ends the app after a quit. */
    public static AppContext forApp(KafkaCluster cluster, Executor ui, Runnable exit) {
        return new AppContext(cluster, true, ui, exit, CompletableFuture.completedFuture(null));
    }

    /** A context over a cluster someone else owns and stops (a test's). */
    public static AppContext over(KafkaCluster cluster, Executor ui) {
        return over(cluster, ui, CompletableFuture.completedFuture(null));
    }

    /** The same, the cluster starting only once {@code startAfter} completes: the window before the cluster runs. */
    public static AppContext over(KafkaCluster cluster, Executor ui, CompletableFuture<Void> startAfter) {
        return new AppContext(cluster, false, ui, () -> { }, startAfter);
    }

    /** The window's view model. */
    public ShellViewModel shell() {
        return shell;
    }

    /**
     * The screens that need no cluster, made once: their files are read off the UI thread, their
     * view models made on it.
     */
    private synchronized CompletableFuture<ScreenModels> screens() {
        if (screens == null) {
            screens = basics().thenApplyAsync(b -> b == null ? null : screens(b), ui);
        }
        return screens;
    }

    private synchronized CompletableFuture<Basics> basics() {
        if (basics == null) {
            basics = CompletableFuture.supplyAsync(this::makeBasics, io);
        }
        return basics;
    }

    private synchronized Basics makeBasics() {
        if (closed) {
            return null;
        }
        // Closed after the workbench and the code screen: it stops every program still running.
        Programs programs = closing(new Programs());
        // On Ctrl+C the cluster's own hook stops it: the programs end first, their consumers leaving their groups.
        cluster.beforeStopAtExit(programs::stopAll);
        return new Basics(new ProgressStore(ProgressStore.defaultFile()), programs, new Ledger());
    }

    private synchronized ScreenModels screens(Basics b) {
        if (closed) {
            return null;
        }
        // Until the cluster runs, a lab's action waits for it (and says so) instead of failing.
        LabViewModel labVm = new LabViewModel(LabCatalog.defaultFolder(),
                new WaitingRunner(() -> running.thenApply(ClusterServices::workbench), this::latest),
                dev.kafkalab.lab.LabNamespace.of(cluster), b.progress(),
                b.ledger(), this::latest, ui);
        labs = labVm;
        undo.push(new Step("the open lab", labVm::shutdown));
        SlidesViewModel slidesVm = new SlidesViewModel(b.progress(), io, ui);
        return new ScreenModels(labVm, slidesVm, codeViewModel(b.programs()), b.progress(), io, ui);
    }

    /** The cluster as last seen, or null before it runs. */
    private ClusterSnapshot latest() {
        return Futures.now(running).map(s -> s.poller().latest()).orElse(null);
    }

    /** Starts the cluster (again, after a failure); its screens' view models once it runs. */
    private CompletableFuture<ClusterModels> start() {
        CompletableFuture<ClusterServices> attempt;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            // A retry comes after a failed start: what waits from now on waits for this one.
            attempt = running.isDone() ? new CompletableFuture<>() : running;
            running = attempt;
        }
        // The nodes start while the screens are made (most of a start is the nodes' own JVMs),
        // once the basics are read: a start that cannot save progress does not start them.
        CompletableFuture<Void> nodes = basics().thenCompose(b -> startAfter).thenCompose(go -> cluster.start());
        // The services after the screens: the open lab must exist when the cluster's services
        // subscribe it. Made off the FX thread (where the screens finish): they connect clients.
        return screens().handle((made, failed) -> null).thenCompose(x -> basics())
                .thenCombine(nodes, (b, ok) -> b).thenApplyAsync(this::services, io)
                .thenApplyAsync(s -> s == null ? null : viewModels(s, attempt), ui)
                // Returned, so the window hears of a failure after what waits for this start does.
                .whenComplete((models, failed) -> {
                    if (failed != null) {
                        attempt.completeExceptionally(failed);
                    }
                });
    }

    /** What the cluster's screens and the labs' actions use, once the cluster runs; null when the window closed meanwhile. */
    private synchronized ClusterServices services(Basics b) {
        if (closed || b == null) {
            return null;
        }
        ClientFactory clients = closing(new ClientFactory(cluster.connection()));
        // Made now, on the cluster's thread: it connects, and the first action must not wait for that.
        clients.actions();
        TopicService topics = closing(new TopicService(clients));
        ProduceService produce = closing(new ProduceService(clients));
        GroupOffsets offsets = closing(new GroupOffsets(clients));
        SnapshotPoller poller = closing(new SnapshotPoller(clients, cluster, SnapshotPoller.DEFAULT_INTERVAL));
        produce.addSendListener(b.ledger()::sent);
        ConsumerGroups groups = closing(new ConsumerGroups(clients));
        ShareGroups shares = closing(new ShareGroups(clients));
        Workbench workbench = closing(new Workbench(cluster, clients, topics, produce, groups, shares, b.ledger(),
                b.programs()));
        // Saves the open lab's progress before the services it checks against go.
        LabViewModel labVm = labs;
        if (labVm != null) {
            undo.push(new Step("the open lab", labVm::shutdown));
        }
        return new ClusterServices(topics, produce, offsets, groups, poller, workbench, b.programs(), shares);
    }

    private synchronized ClusterModels viewModels(ClusterServices s, CompletableFuture<ClusterServices> attempt) {
        if (closed) {
            return null;
        }
        // The start-up progress is over: the cluster screen follows the nodes from now on.
        cluster.removeListener(startupProgress);
        // What a person should know about this start: a port taken and replaced, nodes an earlier run left.
        if (!cluster.notes().isEmpty()) {
            shell.lastAction().say(String.join(" ", cluster.notes()));
        }
        // A remote cluster's broker command is the command line of its action, with what it printed.
        if (cluster instanceof dev.kafkalab.cluster.RemoteCluster remote) {
            remote.addOutputListener(line -> ui.execute(() -> shell.lastAction().command(line)));
        }
        ClusterViewModel clusterVm = new ClusterViewModel(cluster.nodes(), cluster, s.topics(),
                cluster.bootstrapServers(), ui, shell.lastAction());
        listen(cluster::addListener, cluster::removeListener, clusterVm::onNodeStatus);
        listenToSnapshots(s.poller(), clusterVm::onSnapshot);
        Consumer<ClusterEvent> events = clusterVm::onEvent;
        listen(s.poller()::addEventListener, s.poller()::removeEventListener, events);
        LabViewModel labVm = labs;
        if (labVm != null) {
            listenToSnapshots(s.poller(), labVm::onSnapshot);
        }
        // Actions and programs that waited for the cluster go once it has been seen: a lab's action needs the snapshot.
        // Not on the poller's thread: what waited starts its work there.
        listenToSnapshots(s.poller(), seen -> {
            if (!attempt.isDone()) {
                CompletableFuture.runAsync(() -> attempt.complete(s));
            }
        });
        s.poller().start();

        ProduceViewModel produceVm = closing(new ProduceViewModel(s.produce(), ui,
                Scheduler.onThread("kafka-lab-produce-pump"), clusterVm.courseBootstrap(), shell.lastAction()::announce));
        ExecutorService consumeWork = Executors.newCachedThreadPool(Threads.daemon("kafka-lab-consume-close"));
        undo.push(new Step("the consume screen's group threads", consumeWork::shutdownNow));
        ConsumerGroups groups = s.groups();
        ConsumeViewModel consumeVm = closing(new ConsumeViewModel(
                settings -> MemberGroup.of(groups.start(settings), groups),
                r -> s.offsets().reset(r.groupId(), r.topic(), r.target()), ui,
                Scheduler.onThread("kafka-lab-consume-refresh"), consumeWork, clusterVm.courseBootstrap(),
                shell.lastAction()::announce));
        listenToSnapshots(s.poller(), consumeVm::onSnapshot);
        // The consume screen shows the groups lab steps start, and lists every group the app runs.
        consumeVm.follow(new GroupDirectory() {
            @Override
            public List<String> running() {
                return groups.running().stream().map(g -> g.settings().groupId()).toList();
            }

            @Override
            public Optional<MemberGroup> find(String id) {
                return groups.get(id).map(g -> MemberGroup.of(g, groups));
            }

            @Override
            public void onChange(Runnable changed) {
                listen(groups::addListener, groups::removeListener, changed);
            }

            @Override
            public List<String> shareGroups() {
                return s.shares().running().stream().map(dev.kafkalab.share.ShareGroup::id).toList();
            }

            @Override
            public List<String> programs() {
                return s.programs().running().stream().map(r -> r.name() + " (" + r.mainClass() + ", pid " + r.pid()
                        + ", started by " + r.startedBy() + ")").toList();
            }
        });
        LOG.info("The cluster's screens are ready, {} ms after the app started", ProcessHandle.current().info()
                .startInstant().map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L));
        ShareGroupViewModel shareVm = closing(new ShareGroupViewModel(s.shares()::start, s.shares()::stop, ui));
        // A share group a lab's step starts shows on the Consume screen.
        java.util.function.Consumer<dev.kafkalab.share.ShareGroup> showShare = g -> ui.execute(() -> shareVm.show(g));
        listen(s.shares()::addStartListener, s.shares()::removeStartListener, showShare);
        java.util.function.Consumer<dev.kafkalab.share.ShareGroup> stoppedShare = g -> ui.execute(() -> shareVm.stopped(g));
        listen(s.shares()::addStopListener, s.shares()::removeStopListener, stoppedShare);
        listenToSnapshots(s.poller(), shareVm::onSnapshot);
        return new ClusterModels(clusterVm, produceVm, consumeVm, shareVm,
                () -> s.programs().running().stream().map(Programs.Run::name).toList());
    }

    /** The Code screen's: programs in the data folder, compiled in the cache, run in JVMs of their own. */
    private CodeViewModel codeViewModel(Programs programs) {
        ExecutorService codeWork = Threads.single("kafka-lab-code");
        undo.push(new Step("the code screen's worker", codeWork::shutdownNow));
        // Not at start-up: the first Run resolves it (it reads the app's jars), and keeps it.
        java.util.function.Supplier<ProgramClasspath> classpath = () -> ProgramClasspath.resolve(AppDirs.cache());
        return closing(new CodeViewModel(new ProgramStore(ProgramStore.defaultFolder()),
                () -> ProgramCompiler.of(classpath.get()), classpath, AppDirs.cache().resolve("program-classes"),
                () -> running.thenApply(s -> s.workbench().programArguments()), programs, codeWork, ui,
                Scheduler.onThread("kafka-lab-code-console")));
    }

    /** Stops polling, the view models, the clients and the services in the reverse of their making; then the cluster if it is ours. */
    @Override
    public void close() {
        Deque<Step> steps;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            // Whatever waits for the cluster stops waiting.
            running.completeExceptionally(new ClusterException("The app is closing."));
            steps = new ArrayDeque<>(undo);
            undo.clear();
        }
        cluster.removeListener(startupProgress);
        for (Step step : steps) {
            Safely.run("Closing " + step.what(), step.action());
        }
        io.shutdown();
        if (ownsCluster) {
            cluster.close();
        }
        LOG.info("Closed {} services and view models", steps.size());
    }

    private <T extends AutoCloseable> T closing(T made) {
        undo.push(new Step(made.getClass().getSimpleName(), () -> {
            try {
                made.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        return made;
    }

    private void listenToSnapshots(SnapshotPoller poller, Consumer<ClusterSnapshot> listener) {
        listen(poller::addSnapshotListener, poller::removeSnapshotListener, listener);
    }

    /** Subscribes now; the subscription ends when the context closes. */
    private <T> void listen(Consumer<T> add, Consumer<T> remove, T listener) {
        add.accept(listener);
        undo.push(new Step("a subscription", () -> remove.accept(listener)));
    }

    /** One thing to undo when closing, named for the log. */
    private record Step(String what, Runnable action) {
    }

    /** What every screen uses, made at once. */
    private record Basics(ProgressStore progress, Programs programs, Ledger ledger) {
    }

    /** What needs the cluster. */
    private record ClusterServices(TopicService topics, ProduceService produce, GroupOffsets offsets,
            ConsumerGroups groups, SnapshotPoller poller, Workbench workbench, Programs programs, ShareGroups shares) {
    }
}
