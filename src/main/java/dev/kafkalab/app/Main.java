package dev.kafkalab.app;

import dev.kafkalab.cli.BenchCommand;
import dev.kafkalab.cli.ClusterCommand;
import dev.kafkalab.cli.RunCommand;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.AppLog;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher: the window by default, or a command. Not the {@code Application} subclass, so
 * that {@code java -jar} works on the classpath without JavaFX modules.
 */
public final class Main {

    private static final String USAGE = """
            usage: kafka-lab              open the app
                   kafka-lab --screen NAME  open the app on a screen: cluster, map, produce, consume, labs,
                                          slides, quizzes or code
                   kafka-lab --connect FILE [--broker-commands FILE]  open the app on a remote cluster: FILE
                                          is a client properties file (bootstrap.servers, security.protocol,
                                          sasl.*, ssl.*), as Kafka's tools take with --command-config
                   kafka-lab --listen ADDRESS [--users FILE]  open the app with its cluster open to a class,
                                          with the class options of 'cluster' (cluster --help)
                   kafka-lab cluster      run the local cluster without a window (--help for options)
                   kafka-lab run PATH [ARGS...]  compile a Kafka program (.java file or folder) and run it
                   kafka-lab bench        measure start, failover and memory of the local cluster
                   kafka-lab soak [--minutes N]  a class-like session for N minutes (default 30): a stream,
                                          a group, a broker failure every 20 s; prints what grew
                   kafka-lab bench-code   measure Run on the Code screen: compile, program JVM start, main;
                                          and the console under a million lines (that part needs a display)
                   kafka-lab bench-ui     measure the FX thread with 50 topics x 12 partitions (needs a display)
                   kafka-lab bench-produce  the produce stream against Kafka's ProducerPerformance, and
                                          the FX thread at 10,000 records/s (that part needs a display)""";

    private Main() {
    }

    /** The commands, and where the app keeps its data and its log. */
    static String usage() {
        return USAGE + "\n\ndata: " + AppDirs.data() + "\nlog:  " + AppLog.file();
    }

    public static void main(String[] args) {
        // Before anything logs: log4j reads the folder once, at its first logger.
        AppLog.init();
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "" -> KafkaLabApp.launchApp(args);
            case "--screen", "--connect", "--broker-commands", "--listen", "--users", "--learners", "--class-port",
                    "--shared", "--keystore", "--keystore-password" -> {
                String[] named = windowOptions(Arrays.asList(args));
                if (named == null) {
                    System.exit(2);
                }
                KafkaLabApp.launchApp(named);
            }
            case "cluster" -> {
                if (rest.contains("--help")) {
                    System.out.println(ClusterCommand.USAGE);
                    return;
                }
                System.exit(new ClusterCommand(System.out, System.err).run(rest, System.in));
            }
            case "run" -> System.exit(new RunCommand(System.out, System.err).run(rest));
            case "soak" -> System.exit(new dev.kafkalab.cli.SoakCommand(System.out, System.err).run(rest));
            case "bench-code" -> System.exit(benchCode(rest));
            case "bench", "bench-ui", "bench-produce" -> System.exit(bench(command, rest, args));
            case "--help", "-h", "help" -> System.out.println(usage());
            default -> {
                System.err.println("Unknown command '" + command + "'.");
                System.err.println(usage());
                System.exit(2);
            }
        }
    }

    /**
     * The window's options as JavaFX's named parameters, each checked; null after saying on stderr
     * what is wrong.
     */
    static String[] windowOptions(List<String> args) {
        List<String> named = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            String problem = switch (option) {
                case "--screen" -> Screens.named(value).isPresent() ? null : (value.isEmpty()
                        ? "--screen needs a screen's name" : "There is no screen '" + value + "'") + ": one of "
                        + Screens.NAMES + ".";
                case "--connect" -> check(value, "--connect", f -> dev.kafkalab.clients.Connection.fromFile(f));
                case "--broker-commands" -> check(value, "--broker-commands", dev.kafkalab.cluster.BrokerCommands::read);
                default -> ClusterCommand.CLASS_OPTIONS.contains(option) ? null
                        : "Unknown option '" + option + "'.\n" + usage();
            };
            if (problem != null) {
                System.err.println(problem);
                return null;
            }
            named.add(option + "=" + value);
        }
        List<String> classOptions = classOptions(named);
        if (!classOptions.isEmpty()) {
            try {
                ClusterCommand.spec(classOptions);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return null;
            }
        }
        return named.toArray(String[]::new);
    }

    /** The class options among the window's named ones ({@code --listen=ADDRESS}), as {@code cluster} takes them. */
    static List<String> classOptions(List<String> named) {
        List<String> options = new java.util.ArrayList<>();
        for (String n : named) {
            int eq = n.indexOf('=');
            if (eq > 0 && ClusterCommand.CLASS_OPTIONS.contains(n.substring(0, eq))) {
                options.add(n.substring(0, eq));
                options.add(n.substring(eq + 1));
            }
        }
        return options;
    }

    /** Null when {@code value} is a file {@code read} takes, else why not. */
    private static String check(String value, String option, FileReader read) {
        if (value.isEmpty()) {
            return option + " needs a file.";
        }
        try {
            read.read(java.nio.file.Path.of(value));
            return null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return option + " " + value + ": " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface FileReader {
        Object read(java.nio.file.Path file) throws java.io.IOException;
    }

    /** Run on the Code screen, then, with a display, its console under a million lines. */
    private static int benchCode(List<String> rest) {
        int code = new dev.kafkalab.cli.CodeBenchCommand(System.out, System.err).run(rest);
        if (code != 0) {
            return code;
        }
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.err.println("no DISPLAY: the console flood part needs one (Xvfb will do); skipped.");
            return 0;
        }
        return UiBenchLauncher.runConsole(3);
    }

    /** A benchmark measures the app as it is started: in a JVM with the app's options. */
    private static int bench(String command, List<String> rest, String[] args) {
        if (!AppJvm.hasOptions()) {
            System.err.println("note: running the benchmark in a JVM with the app's options " + AppJvm.OPTIONS
                    + ", as ./mvnw javafx:run starts the app.");
            try {
                return AppJvm.relaunch(Arrays.asList(args));
            } catch (java.io.IOException e) {
                System.err.println("error: could not start a JVM for the benchmark: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        AppJvm.endWithLauncher();
        return switch (command) {
            case "bench" -> new BenchCommand(System.out, System.err).run(rest);
            case "bench-ui" -> UiBenchLauncher.run();
            default -> UiBenchLauncher.runProduce(rest);
        };
    }
}
