package dev.kafkalab.code;

import dev.kafkalab.cluster.AppJars;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a learner's program is compiled against and runs with: kafka-clients (the cluster's own
 * version) with the libraries it needs, Kafka Streams, SLF4J, Avro (with the Jackson it parses schemas with), and a tiny jar with {@link ProgramMain} and the
 * app's logger, so Kafka's warnings (a broker unreachable) show in the program's console.
 *
 * @param libraries  the jars a program compiles against
 * @param launcher   the tiny jar with ProgramMain and the logger
 */
public record ProgramClasspath(List<Path> libraries, Path launcher) {

    /**
     * The jars a course program may use: the Kafka client and what it needs at run time, Kafka
     * Streams with in-memory state (module 6), and Avro (module 13).
     */
    private static final List<String> FOR_PROGRAMS = List.of(
            "kafka-clients-", "kafka-streams-", "lz4-java-", "snappy-java-", "zstd-jni-", "slf4j-api-",
            "avro-", "jackson-core-", "jackson-databind-", "jackson-annotations-");

    public ProgramClasspath {
        libraries = List.copyOf(libraries);
    }

    private static final java.util.Map<Path, ProgramClasspath> RESOLVED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * From this JVM's own classpath; the launcher jar is written under {@code cacheDir} once.
     * Resolved once per JVM and cache folder (it reads every jar's manifest): the Code screen,
     * the labs' solutions and the commands all ask here.
     */
    public static ProgramClasspath resolve(Path cacheDir) {
        ProgramClasspath known = RESOLVED.get(cacheDir);
        if (known != null && Files.isRegularFile(known.launcher())) {
            return known;
        }
        ProgramClasspath made = read(cacheDir);
        RESOLVED.put(cacheDir, made);
        return made;
    }

    private static ProgramClasspath read(Path cacheDir) {
        try {
            List<Path> kept = new ArrayList<>();
            for (Path jar : AppJars.resolve()) {
                String name = jar.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".jar") && Files.isRegularFile(jar) && FOR_PROGRAMS.stream().anyMatch(name::startsWith)) {
                    kept.add(jar);
                }
            }
            if (kept.stream().noneMatch(p -> p.getFileName().toString().startsWith("kafka-clients-"))) {
                throw new IllegalStateException("The Kafka client library (kafka-clients) is not on the app's"
                        + " classpath; start Kafka Lab with ./mvnw javafx:run or java -jar target/kafka-lab.jar");
            }
            Path launcher = AppJars.writeJar(cacheDir.resolve("program"), "kafka-lab-program-",
                    AppJars.classEntries(List.of(ProgramMain.class), true));
            return new ProgramClasspath(kept, launcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** To compile against: the libraries. */
    public String compileClasspath() {
        return join(libraries);
    }

    /** To run with: the program's classes, the launcher and the libraries. */
    public String runClasspath(Path classes) {
        List<Path> all = new ArrayList<>();
        all.add(classes);
        all.add(launcher);
        all.addAll(libraries);
        return join(all);
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
