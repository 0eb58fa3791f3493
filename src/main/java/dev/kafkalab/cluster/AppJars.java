package dev.kafkalab.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The app's own jars, for the JVMs it starts (brokers, programs a learner writes), and the tiny
 * jars those JVMs' entry points are copied into.
 */
public final class AppJars {

    /** Under {@code ./mvnw javafx:run} the build lists the jars the plugin left off the classpath in this file. */
    public static final String CLASSPATH_FILE_PROPERTY = "kafkalab.classpath.file";

    private AppJars() {
    }

    /** Every entry of this JVM's classpath, with the jars their manifests name, in order. */
    public static List<Path> resolve() throws IOException {
        List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        String listed = System.getProperty(CLASSPATH_FILE_PROPERTY);
        if (listed != null && Files.isRegularFile(Path.of(listed))) {
            classpath.addAll(List.of(Files.readString(Path.of(listed)).trim().split(File.pathSeparator)));
        }
        Set<Path> jars = new LinkedHashSet<>();
        for (String entry : classpath) {
            if (!entry.isBlank()) {
                addWithManifestClassPath(Path.of(entry).toAbsolutePath().normalize(), jars);
            }
        }
        return List.copyOf(jars);
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

    /**
     * The class files of {@code classes} (each found next to itself), and with {@code logging} the
     * node logger's, with the service file that makes {@link NodeLogProvider} the SLF4J provider of
     * the JVM that runs them: Kafka's client and server lines on stderr, without config dumps.
     */
    public static Map<String, byte[]> classEntries(List<Class<?>> classes, boolean logging) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        List<Class<?>> all = new ArrayList<>(classes);
        if (logging) {
            all.addAll(List.of(NodeLogProvider.class, NodeLogger.class));
        }
        for (Class<?> type : all) {
            String file = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IOException(file + " not found next to " + type.getName());
                }
                entries.put(file, in.readAllBytes());
            }
        }
        if (logging) {
            entries.put("META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
                    (NodeLogProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    /** Content-addressed, written once: its path and timestamp stay stable across runs, as CDS needs. */
    public static Path writeJar(Path dir, String prefix, Map<String, byte[]> entries) throws IOException {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(e.getValue());
        }
        Path jar = dir.resolve(prefix + HexFormat.of().formatHex(digest.digest()).substring(0, 16) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "jar", ".tmp");
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
