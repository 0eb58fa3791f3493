package dev.kafkalab.topics;

import java.util.Map;
import java.util.Optional;

/**
 * The Kafka command line that does what a button just did, so learners see how it is done
 * outside the app. Uses the course's {@code localhost:9092} style bootstrap.
 */
public final class CliEquivalents {

    private CliEquivalents() {
    }

    public static String createTopic(String bootstrap, String name, int partitions, int rf, Optional<Integer> minIsr,
            String cleanupPolicy) {
        return createTopic(bootstrap, name, partitions, rf, minIsr, cleanupPolicy, Map.of());
    }

    /**
     * With a {@code --config k=v} for each of {@code configs} too, in the map's order (a
     * LinkedHashMap keeps the order typed); one that repeats min.insync.replicas or
     * cleanup.policy is not written twice.
     */
    public static String createTopic(String bootstrap, String name, int partitions, int rf, Optional<Integer> minIsr,
            String cleanupPolicy, Map<String, String> configs) {
        StringBuilder b = new StringBuilder("kafka-topics.sh --bootstrap-server ").append(bootstrap)
                .append(" --create --topic ").append(name).append(" --partitions ").append(partitions)
                .append(" --replication-factor ").append(rf);
        minIsr.ifPresent(m -> b.append(" --config min.insync.replicas=").append(m));
        boolean policyWritten = cleanupPolicy != null && !cleanupPolicy.isBlank() && !cleanupPolicy.equals("delete");
        if (policyWritten) {
            b.append(" --config cleanup.policy=").append(cleanupPolicy);
        }
        (configs == null ? Map.<String, String>of() : configs).forEach((k, v) -> {
            boolean written = k.equals("min.insync.replicas") && minIsr.isPresent()
                    || k.equals("cleanup.policy") && policyWritten;
            if (!written) {
                b.append(" --config ").append(shellWord(k + "=" + v));
            }
        });
        return b.toString();
    }

    /** Quoted for a POSIX shell when it holds anything but the characters configs are usually made of. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9._,:=/+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    public static String deleteTopic(String bootstrap, String name) {
        return "kafka-topics.sh --bootstrap-server " + bootstrap + " --delete --topic " + name;
    }

    public static String describeTopic(String bootstrap, String name) {
        return "kafka-topics.sh --bootstrap-server " + bootstrap + " --describe --topic " + name;
    }

    /** What a node action is on the command line: a signal to the node's process. */
    public static String nodeAction(String action, long pid, String serverProperties) {
        return switch (action) {
            case "stop" -> "kill -TERM " + pid + "    # controlled shutdown, like kafka-server-stop.sh";
            case "kill" -> "kill -9 " + pid;
            case "pause" -> "kill -STOP " + pid;
            case "resume" -> "kill -CONT " + pid;
            case "start" -> "kafka-server-start.sh " + serverProperties;
            default -> throw new IllegalArgumentException("unknown action " + action);
        };
    }

    /** localhost:PORT of the first broker, as the course writes it; another machine's first broker as it is named. */
    public static String courseBootstrap(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        String host = first.substring(0, Math.max(0, first.lastIndexOf(':')));
        // Another machine's cluster keeps its own name: a command with localhost would reach nothing.
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        return loopback ? "localhost:" + first.substring(first.lastIndexOf(':') + 1) : first;
    }
}
