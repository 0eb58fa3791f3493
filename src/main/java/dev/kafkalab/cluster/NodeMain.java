package dev.kafkalab.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Entry point of every node JVM (controller or broker), started by {@link NodeProcess}.
 *
 * <p>It runs inside the node, so it sees what the Admin API does not: each replica's log end
 * offset, read from the broker's own MBeans and reported to the app on stdout as lines starting
 * with {@value #REPORT_PREFIX}. It also ties the node's life to the app's: when stdin closes
 * (the app exited, crashed or was killed with -9) the node shuts down.
 *
 * <p>Self-contained on purpose: it is copied into a small jar of its own (see {@link NodeClasspath})
 * and may only use the JDK and Kafka's classes.
 */
public final class NodeMain {

    public static final String REPORT_PREFIX = "#KL ";
    /** Written on stdin by the app for a graceful stop where SIGTERM does not exist. */
    public static final String STOP_COMMAND = "stop";
    /** {@code frozen <pid>} / {@code thawed <pid>}: siblings this node must wake if the app dies. */
    public static final String FROZEN_COMMAND = "frozen";
    public static final String THAWED_COMMAND = "thawed";

    private static final java.util.Set<Long> FROZEN_SIBLINGS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final long HALT_AFTER_ORPHANED_MS = 1_800;
    private static final long REPORT_INTERVAL_MS = 200;
    private static final long FULL_REPORT_EVERY_MS = 2_000;

    private NodeMain() {
    }

    /** Arguments: {@code <server.properties> <controller|broker> [clusterIdToFormat]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NodeMain <server.properties> <controller|broker> [clusterId]");
            System.exit(2);
        }
        String properties = args[0];
        boolean controller = "controller".equals(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        // Kafka writes nothing useful to stdout, but keep the report channel ours alone.
        System.setOut(System.err);

        daemon("kafka-lab-stdin-watch", NodeMain::watchStdin).start();
        if (args.length >= 3) {
            format(properties, args[2]);
        }
        daemon("kafka-lab-reporter", () -> report(out, controller)).start();
        kafka.Kafka.main(new String[] {properties});
    }

    /**
     * What {@code kafka-storage.sh format --ignore-formatted} does, through Kafka's own Formatter
     * but without the tool's argument parser and second reading of the config: one less thing
     * for four JVMs starting at once on two cores.
     */
    private static void format(String propertiesFile, String clusterId) {
        try {
            java.util.Properties config = new java.util.Properties();
            try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(propertiesFile))) {
                config.load(in);
            }
            String logDir = config.getProperty("log.dirs");
            new org.apache.kafka.metadata.storage.Formatter()
                    .setPrintStream(System.err)
                    .setNodeId(Integer.parseInt(config.getProperty("node.id")))
                    .setClusterId(clusterId)
                    .setControllerListenerName(config.getProperty("controller.listener.names").split(",")[0])
                    .setMetadataLogDirectory(logDir)
                    .addDirectory(logDir)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            System.err.println("storage format failed: " + e);
            System.exit(3);
        }
    }

    private static void watchStdin() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split(" ");
                if (STOP_COMMAND.equals(words[0])) {
                    exitGracefully(0);
                    return;
                } else if (words.length == 2 && FROZEN_COMMAND.equals(words[0])) {
                    FROZEN_SIBLINGS.add(Long.parseLong(words[1]));
                } else if (words.length == 2 && THAWED_COMMAND.equals(words[0])) {
                    FROZEN_SIBLINGS.remove(Long.parseLong(words[1]));
                }
            }
        } catch (Exception e) {
            // A broken pipe means the same as end of input: the app is gone.
        }
        // A frozen sibling cannot notice that the app is gone: wake it, so it sees its own end of input.
        for (Long pid : FROZEN_SIBLINGS) {
            try {
                new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor();
            } catch (Exception e) {
                // Already gone.
            }
        }
        // The app is gone. Shut down like SIGTERM would, but never linger: a controlled shutdown
        // can wait for a controller that died with the app.
        daemon("kafka-lab-halt", () -> {
            sleep(HALT_AFTER_ORPHANED_MS);
            Runtime.getRuntime().halt(1);
        }).start();
        exitGracefully(1);
    }

    private static void exitGracefully(int code) {
        // System.exit runs Kafka's shutdown hook (controlled shutdown); not on this thread, which
        // the hook may wait for.
        new Thread(() -> System.exit(code), "kafka-lab-exit").start();
    }

    private static void report(PrintStream out, boolean controller) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        boolean ready = false;
        Map<String, Long> lastEnds = Map.of();
        long lastFull = 0;
        while (true) {
            sleep(REPORT_INTERVAL_MS);
            try {
                if (!ready && isReady(server, controller)) {
                    ready = true;
                    out.println(REPORT_PREFIX + "ready");
                }
                if (!ready || controller) {
                    continue;
                }
                Map<String, Long> ends = logEndOffsets(server);
                long now = System.currentTimeMillis();
                if (!ends.equals(lastEnds) || now - lastFull >= FULL_REPORT_EVERY_MS) {
                    out.println(REPORT_PREFIX + "leo " + encode(ends));
                    lastEnds = ends;
                    lastFull = now;
                }
            } catch (Exception e) {
                // A metric that vanished between query and read (a partition deleted) is normal.
            }
        }
    }

    private static boolean isReady(MBeanServer server, boolean controller) throws Exception {
        if (controller) {
            ObjectName active = new ObjectName("kafka.controller:type=KafkaController,name=ActiveControllerCount");
            return server.isRegistered(active) && ((Number) server.getAttribute(active, "Value")).intValue() == 1;
        }
        ObjectName state = new ObjectName("kafka.server:type=KafkaServer,name=BrokerState");
        // 3 is BrokerState.RUNNING: registered, caught up with metadata and unfenced.
        return server.isRegistered(state) && ((Number) server.getAttribute(state, "Value")).intValue() == 3;
    }

    private static Map<String, Long> logEndOffsets(MBeanServer server) throws Exception {
        Set<ObjectName> names = server.queryNames(new ObjectName("kafka.log:type=Log,name=LogEndOffset,*"), null);
        Map<String, Long> ends = new TreeMap<>();
        for (ObjectName name : names) {
            try {
                long value = ((Number) server.getAttribute(name, "Value")).longValue();
                ends.put(name.getKeyProperty("topic") + ":" + name.getKeyProperty("partition"), value);
            } catch (Exception e) {
                // Gone between query and read.
            }
        }
        return ends;
    }

    /** {@code topic:partition=offset,...}; Kafka topic names never contain ':' ',' or '='. */
    static String encode(Map<String, Long> ends) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Long> e : ends.entrySet()) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(e.getKey()).append('=').append(e.getValue());
        }
        return line.toString();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
