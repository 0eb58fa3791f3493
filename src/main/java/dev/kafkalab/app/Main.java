package dev.kafkalab.app;

import dev.kafkalab.cli.BenchCommand;
import dev.kafkalab.cli.ClusterCommand;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher: the window by default, or a command. Not the {@code Application} subclass, so
 * that {@code java -jar} works on the classpath without JavaFX modules.
 */
public final class Main {

    private static final String USAGE = """
            usage: kafka-lab              open the app
                   kafka-lab cluster      run the local cluster without a window (--help for options)
                   kafka-lab bench        measure start, failover and memory of the local cluster
                   kafka-lab bench-ui     measure the FX thread with 50 topics x 12 partitions (needs a display)
                   kafka-lab bench-produce  the produce stream against Kafka's ProducerPerformance, and
                                          the FX thread at 10,000 records/s (that part needs a display)""";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "" -> KafkaLabApp.launchApp(args);
            case "cluster" -> {
                if (rest.contains("--help")) {
                    System.out.println(ClusterCommand.USAGE);
                    return;
                }
                System.exit(new ClusterCommand(System.out, System.err).run(rest, System.in));
            }
            case "bench" -> System.exit(new BenchCommand(System.out, System.err).run(rest));
            case "bench-ui" -> System.exit(UiBenchLauncher.run());
            case "bench-produce" -> System.exit(UiBenchLauncher.runProduce(rest));
            case "--help", "-h", "help" -> System.out.println(USAGE);
            default -> {
                System.err.println("Unknown command '" + command + "'.");
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }

}
