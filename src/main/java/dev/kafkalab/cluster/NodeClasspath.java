package dev.kafkalab.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The classpath node JVMs run with: the app's own jars (so the broker is the kafka_2.13 the app
 * was built with) minus the UI and test libraries, plus a tiny jar holding {@link NodeMain}.
 *
 * <p>Why the tiny jar: class-data sharing refuses non-empty directories on the classpath, and in
 * development and tests the app's classes are a directory. Why a stable key: an AppCDS archive
 * is only valid for the exact classpath (and JDK) it was dumped with.
 */
final class NodeClasspath {

    static final String CLASSPATH_FILE_PROPERTY = "kafkalab.classpath.file";

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
            Set<Path> jars = new LinkedHashSet<>();
            List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            // Under ./mvnw javafx:run the plugin leaves kafka_2.13 off the classpath: the build
            // wrote the full one to a file.
            String listed = System.getProperty(CLASSPATH_FILE_PROPERTY);
            if (listed != null && Files.isRegularFile(Path.of(listed))) {
                classpath.addAll(List.of(Files.readString(Path.of(listed)).trim().split(File.pathSeparator)));
            }
            for (String entry : classpath) {
                if (!entry.isBlank()) {
                    addWithManifestClassPath(Path.of(entry).toAbsolutePath().normalize(), jars);
                }
            }
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
            Path nodeJar = writeNodeJar(cacheDir.resolve("node"), nodeJarEntries());
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

    private static void addWithManifestClassPath(Path entry, Set<Path> out) throws IOException {
        if (!out.add(entry) || !Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String ref : classPath.trim().split("\\s+")) {
                Path referenced = ref.startsWith("file:")
                        ? Path.of(java.net.URI.create(ref))
                        : entry.getParent().resolve(java.net.URLDecoder.decode(ref, StandardCharsets.UTF_8));
                addWithManifestClassPath(referenced.toAbsolutePath().normalize(), out);
            }
        }
    }

    /** The node jar's entries: the node's main class, its logging, and the service file naming it. */
    private static Map<String, byte[]> nodeJarEntries() throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        for (Class<?> type : NODE_JAR_CLASSES) {
            String file = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IOException(file + " not found next to " + NodeClasspath.class.getName());
                }
                entries.put(file, in.readAllBytes());
            }
        }
        entries.put("META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
                (NodeLogProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** Content-addressed, written once: its path and timestamp stay stable across runs, as CDS needs. */
    private static Path writeNodeJar(Path dir, Map<String, byte[]> entries) throws IOException {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(e.getValue());
        }
        Path jar = dir.resolve("kafka-lab-node-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "node", ".tmp");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setTime(0);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return jar;
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
