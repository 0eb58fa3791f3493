package dev.kafkalab.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classpath node JVMs run with: the app's own jars (so the broker is the kafka_2.13 the app
 * was built with) minus the UI and test libraries, plus a tiny jar holding {@link NodeMain}.
 *
 * <p>Why the tiny jar: class-data sharing refuses non-empty directories on the classpath, and in
 * development and tests the app's classes are a directory. Why a stable key: an AppCDS archive
 * is only valid for the exact classpath (and JDK) it was dumped with.
 */
final class NodeClasspath {

    private static final List<String> NOT_FOR_NODES = List.of(
            "javafx-", "controlsfx-", "testfx-", "openjfx-monocle-", "junit-", "opentest4j-", "apiguardian-",
            "archunit", "hamcrest-", "assertj-", "org.osgi", "kafka-lab", "surefire", "failsafe", "maven-",
            "plexus-", "commonmark", "atlantafx",
            // Nodes log through NodeLogProvider; log4j-api stays, Kafka's logging MBean uses it.
            "log4j-core-", "log4j-slf4j2-impl-");

    /** What the node jar holds: classes that use only the JDK, Kafka's libraries and each other. */
    static final List<Class<?>> NODE_JAR_CLASSES = List.of(NodeMain.class, NodeLogProvider.class, NodeLogger.class);

    private final List<Path> entries;
    private final String key;
    private final Path cacheDir;

    private NodeClasspath(List<Path> entries, String key, Path cacheDir) {
        this.entries = entries;
        this.key = key;
        this.cacheDir = cacheDir;
    }

    /** Resolves the node classpath from this JVM's own, writing the node jar under cacheDir. */
    static NodeClasspath resolve(Path cacheDir) {
        try {
            List<Path> jars = AppJars.resolve();
            List<Path> kept = new ArrayList<>();
            for (Path jar : jars) {
                String name = jar.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".jar") && Files.isRegularFile(jar)
                        && NOT_FOR_NODES.stream().noneMatch(name::startsWith)) {
                    kept.add(jar);
                }
            }
            if (kept.stream().noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13"))) {
                throw new ClusterException("The Kafka broker library (kafka_2.13) is not on the app's classpath;"
                        + " start Kafka Lab with ./mvnw javafx:run or java -jar target/kafka-lab.jar");
            }
            Path nodeJar = AppJars.writeJar(cacheDir.resolve("node"), "kafka-lab-node-", nodeJarEntries());
            List<Path> entries = new ArrayList<>();
            entries.add(nodeJar);
            entries.addAll(kept);
            return new NodeClasspath(List.copyOf(entries), keyOf(entries), cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    List<Path> entries() {
        return entries;
    }

    /** Where the class-data sharing archive of this classpath for that role lives (maybe not yet). */
    Path archive(NodeRole role) {
        return cacheDir.resolve("cds").resolve(key + "-" + role.name().toLowerCase(Locale.ROOT) + ".jsa");
    }

    /** The node jar's entries: the node's main class, its logging, and the service file naming it. */
    private static Map<String, byte[]> nodeJarEntries() throws IOException {
        return AppJars.classEntries(NODE_JAR_CLASSES, true);
    }

    private static String keyOf(List<Path> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(System.getProperty("java.home")).append('|').append(System.getProperty("java.vm.version"));
        for (Path p : entries) {
            text.append('|').append(p).append(':').append(Files.size(p)).append(':')
                    .append(Files.getLastModifiedTime(p).toMillis());
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
