package dev.kafkalab.consume;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.consume.MemberProcessMain.Launch;
import dev.kafkalab.consume.MemberProcessMain.Reply;
import dev.kafkalab.consume.MemberProcessMain.Request;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A member that runs in a JVM of its own, so that it can crash for real: its crash is a SIGKILL
 * (Windows: TerminateProcess). The new protocol needs it: Kafka 4.4's client, closed with
 * REMAIN_IN_GROUP, still sends the heartbeat that leaves the group (member epoch -1) from its
 * regular heartbeat path, so the coordinator reassigns at once instead of after the session
 * timeout. A killed process sends nothing and commits nothing.
 */
final class ProcessMember extends Member {

    /** Small and quick to start: one consumer needs little heap and no optimising compiler. */
    private static final List<String> JVM_FLAGS = List.of("-Xms8m", "-Xmx64m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=32m", "-Xshare:auto");
    private static final String CLASSPATH_FILE_PROPERTY = dev.kafkalab.cluster.AppJars.CLASSPATH_FILE_PROPERTY;

    private final int colour;
    private final String bootstrapServers;
    private final Map<String, String> connection;
    private final GroupSettings settings;
    private final Consumer<GroupEvent> events;
    private final Map<Long, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
    private final List<Request> early = new ArrayList<>();
    private Process process;
    private ObjectOutputStream toProcess;
    private final Thread pipe;
    private long lastRequest;
    private boolean ended;
    private boolean crashed;

    ProcessMember(String name, int colour, ClientFactory clients, GroupSettings settings,
            Consumer<GroupEvent> events) {
        super(name, MemberSnapshot.joining(name, colour, MemberLoop.clientId(settings, name)));
        this.colour = colour;
        this.bootstrapServers = clients.bootstrapServers();
        this.connection = clients.settings();
        this.settings = settings;
        this.events = events;
        this.pipe = Threads.daemon("kafka-lab-" + MemberLoop.clientId(settings, name) + "-pipe", () -> {
            if (launch()) {
                read();
            }
        });
    }

    /** Returns at once: its pipe thread starts the process, then reads what the process says. */
    @Override
    void start() {
        pipe.start();
    }

    /** Starts the process and sends what it runs, then the commands that came in meanwhile. */
    private synchronized boolean launch() {
        if (crashed) {
            ended = true;
            return false;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.INHERIT);
            // glibc gives each thread its own malloc arena; a consumer's dozen threads need no more than two.
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            process = builder.start();
            toProcess = new ObjectOutputStream(new BufferedOutputStream(process.getOutputStream()));
            send(new Launch(name(), colour, bootstrapServers, new java.util.HashMap<>(connection), settings));
            for (Request r : early) {
                send(r);
            }
            early.clear();
            return true;
        } catch (IOException e) {
            ended = true;
            String why = "its process did not start: " + e.getMessage();
            show(snapshot().failed(why));
            events.accept(new GroupEvent(Instant.now(), GroupEvent.Kind.ERROR, name(), List.of(), -1, why));
            pending.values().forEach(f -> f.complete(Outcome.refused(name() + " " + why)));
            if (process != null) {
                process.destroyForcibly();
            }
            return false;
        }
    }

    @Override
    synchronized CompletableFuture<Outcome> submit(MemberLoop.Command command) {
        if (done()) {
            return CompletableFuture.completedFuture(Outcome.refused(gone()));
        }
        long id = ++lastRequest;
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        pending.put(id, done);
        if (toProcess == null) {
            early.add(new Request(id, command));
            return done;
        }
        try {
            send(new Request(id, command));
        } catch (IOException e) {
            pending.remove(id);
            done.complete(Outcome.refused(name() + "'s process is gone: " + e.getMessage()));
        }
        return done;
    }

    @Override
    CompletableFuture<Outcome> crash() {
        MemberSnapshot before;
        synchronized (this) {
            if (done()) {
                return CompletableFuture.completedFuture(Outcome.refused(gone()));
            }
            crashed = true;
            before = snapshot();
            show(before.crashed(Instant.now()));
            if (process != null) {
                process.destroyForcibly();
            }
        }
        events.accept(new GroupEvent(snapshot().crashedAt(), GroupEvent.Kind.CRASHED, name(), before.assigned(),
                before.generation(), "its process was killed: gone without leaving the group"));
        pending.values().forEach(f -> f.complete(Outcome.refused(name() + " crashed before it could answer")));
        return CompletableFuture.completedFuture(Outcome.done(name() + " crashed"));
    }

    @Override
    synchronized void expired(Instant at) {
        show(snapshot().expired(at));
    }

    /** Its pipe thread ends with its process, so waiting for one waits for both. */
    @Override
    void awaitStop(long deadlineNanos) throws InterruptedException {
        pipe.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        if (pipe.isAlive()) {
            Process p;
            synchronized (this) {
                p = process;
            }
            if (p != null) {
                p.destroyForcibly();
            }
            pipe.join(5_000);
        }
    }

    private void send(Object message) throws IOException {
        toProcess.writeObject(message);
        toProcess.reset();
        toProcess.flush();
    }

    private void read() {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(process.getInputStream()))) {
            in.setObjectInputFilter(MemberProcessMain.FILTER);
            while (true) {
                Object message = in.readObject();
                if (message instanceof MemberSnapshot s) {
                    synchronized (this) {
                        if (!crashed) {
                            show(s);
                        }
                    }
                } else if (message instanceof GroupEvent e && !isCrashed()) {
                    events.accept(e);
                } else if (message instanceof Reply r) {
                    CompletableFuture<Outcome> done = pending.remove(r.id());
                    if (done != null) {
                        done.complete(r.outcome());
                    }
                }
            }
        } catch (EOFException e) {
            // The process ended: the member left, failed, or was killed.
        } catch (IOException | ClassNotFoundException e) {
            process.destroyForcibly();
        } finally {
            ended();
        }
    }

    /**
     * Whether it takes no more commands. Its snapshot says LEFT or FAILED before its process has
     * ended: the process publishes its last snapshot, answers, and only then exits.
     */
    private boolean done() {
        return ended || crashed || !snapshot().state().alive();
    }

    private synchronized boolean isCrashed() {
        return crashed;
    }

    private void ended() {
        String why = null;
        synchronized (this) {
            ended = true;
            if (!crashed && snapshot().state().alive()) {
                why = "its process ended unexpectedly" + exitCode();
                show(snapshot().failed(why));
            }
        }
        if (why != null) {
            events.accept(new GroupEvent(Instant.now(), GroupEvent.Kind.ERROR, name(), List.of(), -1, why));
        }
        pending.values().forEach(f -> f.complete(Outcome.refused(gone())));
        pending.clear();
        synchronized (this) {
            try {
                toProcess.close();
            } catch (IOException e) {
                // Its stdin is already closed with it.
            }
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String gone() {
        MemberSnapshot s = snapshot();
        return switch (s.state()) {
            case LEFT -> name() + " already left the group";
            case CRASHED -> name() + " already crashed: the group drops it when its session times out";
            case FAILED -> name() + " failed: " + s.error();
            default -> name() + " is no longer running";
        };
    }

    private static List<String> command() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(AppDirs.javaLauncher().toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(MemberProcessMain.class.getName());
        return cmd;
    }

    /** The app's own classpath; under javafx:run the build lists the jars the plugin left out in a file. */
    private static String classpath() throws IOException {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        String listed = System.getProperty(CLASSPATH_FILE_PROPERTY);
        if (listed != null && Files.isRegularFile(Path.of(listed))) {
            entries.addAll(List.of(Files.readString(Path.of(listed)).trim().split(File.pathSeparator)));
        }
        return String.join(File.pathSeparator, entries.stream().filter(e -> !e.isBlank()).distinct().toList());
    }
}
