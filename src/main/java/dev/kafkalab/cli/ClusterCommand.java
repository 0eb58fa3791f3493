package dev.kafkalab.cli;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.cluster.Classroom;
import dev.kafkalab.cluster.ClassroomFiles;
import dev.kafkalab.common.Failures;
import dev.kafkalab.cluster.ClusterException;
import dev.kafkalab.cluster.ClusterSpec;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.cluster.TimingProfile;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.SnapshotPoller;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * {@code kafka-lab cluster}: the app's local cluster without a window, for CLI-based labs,
 * scripts and tests. Prints {@code bootstrap.servers=...} when ready, then one line per event,
 * and takes commands on stdin until {@code quit} or end of input.
 */
public final class ClusterCommand {

    static final String HELP = "commands: status | stop N | kill N | pause N | resume N | start N | quit"
            + "  (N: broker id, or 100 for the controller)";
    public static final String USAGE = Options.USAGE + "\nthen, on stdin: " + HELP;

    private final PrintStream out;
    private final PrintStream err;

    public ClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs until quit; returns the process exit code. */
    public int run(List<String> args, InputStream stdin) {
        ClusterSpec spec;
        boolean reset;
        try {
            Options options = Options.parse(args);
            spec = options.spec();
            reset = options.reset();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (reset) {
            try {
                LocalCluster.wipe(spec.dataDir());
                err.println("Deleted every topic and record in " + spec.dataDir());
            } catch (ClusterException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }
        err.println("Starting the controller and " + spec.brokers() + " brokers (data in " + spec.dataDir() + ")...");
        long t0 = System.nanoTime();
        try (LocalCluster cluster = new LocalCluster(spec)) {
            cluster.addListener(s -> err.println("  " + s.label() + ": " + s.state().word()));
            try {
                // The start bounds each node's wait itself; this bounds the rest (ending an earlier run's nodes).
                cluster.start().get(spec.startTimeout().toSeconds() + 30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                err.println("error: " + Failures.message(e));
                return 1;
            } catch (TimeoutException e) {
                err.println("error: the cluster did not start within " + (spec.startTimeout().toSeconds() + 30)
                        + " s: the machine may be busy. The nodes' logs: " + cluster.logsDir());
                return 1;
            }
            cluster.notes().forEach(n -> err.println("note: " + n));
            cluster.classroomOpening().ifPresent(opened -> opened.details().forEach(err::println));
            err.printf(Locale.ROOT, "Ready in %.1f s. %s%n", (System.nanoTime() - t0) / 1e9, HELP);
            out.println("bootstrap.servers=" + cluster.bootstrapServers());
            if (spec.classroom() != null) {
                out.println("class.bootstrap.servers=" + cluster.classBootstrapServers());
            }
            out.flush();
            try (ClientFactory clients = new ClientFactory(cluster.bootstrapServers());
                    SnapshotPoller poller = new SnapshotPoller(clients, cluster, SnapshotPoller.DEFAULT_INTERVAL)) {
                poller.addEventListener(e -> out.println(e.line()));
                poller.start();
                readCommands(cluster, poller, stdin);
            }
            err.println("Stopping the cluster...");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        err.println("Stopped.");
        return 0;
    }

    private void readCommands(LocalCluster cluster, SnapshotPoller poller, InputStream stdin) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                if (words.length == 0 || words[0].isEmpty()) {
                    continue;
                }
                String verb = words[0].toLowerCase(Locale.ROOT);
                if (verb.equals("quit") || verb.equals("exit")) {
                    return;
                }
                handle(cluster, poller, verb, words);
            }
        } catch (java.io.IOException e) {
            // End of input: quit.
        }
    }

    private void handle(LocalCluster cluster, SnapshotPoller poller, String verb, String[] words) {
        switch (verb) {
            case "status" -> status(cluster, poller.latest());
            case "help" -> out.println(HELP);
            case "stop" -> act(cluster, words, cluster::stop, "stopped");
            case "kill" -> act(cluster, words, cluster::kill, "killed");
            case "pause", "freeze" -> act(cluster, words, cluster::pause, "frozen");
            case "resume" -> act(cluster, words, cluster::resume, "resumed");
            case "start" -> act(cluster, words, cluster::start, "running");
            default -> out.println("error: unknown command '" + words[0] + "'; " + HELP);
        }
    }

    private void act(LocalCluster cluster, String[] words, IntFunction<CompletableFuture<Void>> action, String done) {
        if (words.length != 2) {
            out.println("error: '" + words[0] + "' takes one node id, e.g. '" + words[0] + " 2'");
            return;
        }
        int id;
        try {
            id = Integer.parseInt(words[1]);
        } catch (NumberFormatException e) {
            out.println("error: '" + words[1] + "' is not a node id; brokers are " + cluster.brokerIds()
                    + ", the controller is " + LocalCluster.CONTROLLER_ID);
            return;
        }
        try {
            action.apply(id).get(cluster.spec().startTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            out.println("ok: " + cluster.node(id).label() + " " + done);
        } catch (ExecutionException e) {
            out.println("error: " + Failures.message(e));
        } catch (TimeoutException e) {
            out.println("error: " + words[0] + " " + id + " did not finish in time; see " + cluster.node(id).logFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void status(LocalCluster cluster, ClusterSnapshot snapshot) {
        java.util.Map<Integer, ClusterSnapshot.Replicas> replicas = snapshot.replicasByBroker();
        for (NodeStatus node : cluster.nodes()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %-9s port %-5d pid %-7s",
                    node.label(), node.state().word(), node.port(), node.pid() < 0 ? "-" : Long.toString(node.pid())));
            snapshot.node(node.id()).ifPresent(view -> {
                if (view.fenced()) {
                    line.append(" fenced");
                }
                if (node.role() == NodeRole.CONTROLLER && view.activeController()) {
                    line.append(" active");
                }
            });
            if (node.role() == NodeRole.BROKER) {
                ClusterSnapshot.Replicas share = replicas.getOrDefault(node.id(), ClusterSnapshot.Replicas.NONE);
                line.append(" leads ").append(share.leads()).append(", follows ").append(share.follows());
                if (share.outOfSync() > 0) {
                    line.append(", out of sync ").append(share.outOfSync());
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("partitions: " + partitions(snapshot).size() + ", under-replicated: "
                + snapshot.underReplicatedCount() + ", offline: " + snapshot.offlineCount()
                + (snapshot.unreadable().isEmpty() ? "" : ", not read in time: " + snapshot.unreadable()));
    }

    private static List<PartitionView> partitions(ClusterSnapshot s) {
        return s.topics().stream().flatMap(t -> t.partitions().stream()).toList();
    }

    /**
     * The local cluster's spec from {@code cluster}'s options (the app takes the class ones:
     * {@code --listen} and what goes with it).
     *
     * @throws IllegalArgumentException saying what is wrong with an option
     */
    public static ClusterSpec spec(List<String> options) {
        return Options.parse(options).spec();
    }

    /** The options that open the cluster to a class, each followed by its value. */
    public static final List<String> CLASS_OPTIONS = List.of("--listen", "--users", "--learners", "--class-port",
            "--shared", "--keystore", "--keystore-password");

    /** Parsed command-line options of {@code cluster}. */
    record Options(ClusterSpec spec, boolean reset) {
        static final String USAGE = "usage: kafka-lab cluster [--brokers N] [--port FIRST_BROKER_PORT|0]"
                + " [--timing demo|kafka-defaults] [--data-dir DIR] [--reset] [--set broker.config=value]...\n"
                + "       for a class: --listen ADDRESS [--users FILE | --learners N] [--class-port FIRST_PORT|0]\n"
                + "                    [--shared TOPIC,...] [--keystore FILE [--keystore-password PASSWORD]]\n"
                + "         (or the keystore's password in KAFKA_LAB_KEYSTORE_PASSWORD, out of sight of ps)\n"
                + "         ADDRESS: this machine's address on the class network; learners log in there with\n"
                + "         SASL/SCRAM-SHA-256 (TLS with a keystore), ports 9092 and up. FILE: one 'name password' a line.";

        static Options parse(List<String> args) {
            ClusterSpec.Builder b = ClusterSpec.builder();
            boolean reset = false;
            ClassOptions c = new ClassOptions();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--reset" -> reset = true;
                    case "--brokers" -> b.brokers(intValue(a, value(args, ++i, a)));
                    case "--port" -> b.firstBrokerPort(intValue(a, value(args, ++i, a)));
                    case "--timing" -> b.timing(TimingProfile.fromId(value(args, ++i, a)));
                    case "--data-dir" -> b.dataDir(Path.of(value(args, ++i, a)));
                    case "--set" -> {
                        String kv = value(args, ++i, a);
                        int eq = kv.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--set takes key=value, e.g. --set auto.leader.rebalance.enable=false");
                        }
                        b.brokerProperty(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    case "--jvm-flags" -> b.jvmFlags(List.of(value(args, ++i, a).trim().split("\\s+")));
                    case "--start-timeout" -> b.startTimeout(Duration.ofSeconds(intValue(a, value(args, ++i, a))));
                    case "--listen" -> c.address = Classroom.checkAddress(value(args, ++i, a));
                    case "--users" -> c.users = Path.of(value(args, ++i, a));
                    case "--learners" -> c.learners = intValue(a, value(args, ++i, a));
                    case "--class-port" -> c.port = intValue(a, value(args, ++i, a));
                    case "--shared" -> c.shared = List.of(value(args, ++i, a).split(","));
                    case "--keystore" -> c.keystore = Path.of(value(args, ++i, a));
                    case "--keystore-password" -> c.keystorePassword = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            Path dataDir = b.build().dataDir();
            b.classroom(c.classroom(dataDir));
            return new Options(b.build(), reset);
        }

        /** The class options as given; a classroom only with --listen. */
        private static final class ClassOptions {
            private String address;
            private Path users;
            private Integer learners;
            private int port = ClusterSpec.DEFAULT_FIRST_BROKER_PORT;
            private List<String> shared = List.of();
            private Path keystore;
            private String keystorePassword;

            Classroom classroom(Path dataDir) {
                if (address == null) {
                    if (users != null || learners != null || keystore != null || !shared.isEmpty()) {
                        throw new IllegalArgumentException("--users, --learners, --shared and --keystore open the"
                                + " cluster to a class: give --listen ADDRESS too");
                    }
                    return null;
                }
                if (users != null && learners != null) {
                    throw new IllegalArgumentException("give --users FILE or --learners N, not both");
                }
                if (keystore != null && !java.nio.file.Files.isRegularFile(keystore)) {
                    throw new IllegalArgumentException("there is no keystore " + keystore);
                }
                if (keystore != null && keystorePassword == null) {
                    // Out of the command line, where ps shows it to every user of the machine.
                    keystorePassword = System.getenv("KAFKA_LAB_KEYSTORE_PASSWORD");
                }
                if (keystore != null) {
                    try {
                        java.security.KeyStore.getInstance(keystore.toFile(), keystorePassword == null ? new char[0]
                                : keystorePassword.toCharArray());
                    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                        throw new IllegalArgumentException("--keystore " + keystore + " could not be opened with"
                                + " --keystore-password: " + e.getMessage());
                    }
                }
                try {
                    java.util.Map<String, String> names = users != null ? Classroom.readUsers(users)
                            : Classroom.generatedUsers(dataDir.resolve(ClassroomFiles.GENERATED),
                                    learners == null ? Classroom.DEFAULT_LEARNERS : learners);
                    return new Classroom(address, port, names, users == null, shared.stream().map(String::strip)
                            .filter(t -> !t.isEmpty()).toList(), keystore, keystorePassword);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("could not read the learners: " + e.getMessage());
                }
            }
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static int intValue(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number, was '" + value + "'");
            }
        }
    }
}
