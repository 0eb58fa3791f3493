package dev.kafkalab.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A learner's progress (labs now, quiz attempts later) as one small properties file under the
 * app's data directory. Every change is written whole to a temporary file, forced to disk and
 * moved over the old one in one step, so a crash mid-write leaves the previous version, never
 * half a file. A file that cannot be read is kept aside (renamed) and progress starts afresh.
 */
public final class ProgressStore {

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();
    private final String problem;

    public ProgressStore(Path file) {
        this.file = file;
        this.problem = load();
    }

    /** Where a desktop app keeps it: the app's data directory, or -Dkafkalab.progress for tests. */
    public static Path defaultFile() {
        String override = System.getProperty("kafkalab.progress");
        return override != null ? Path.of(override) : dev.kafkalab.common.AppDirs.data().resolve("progress.properties");
    }

    private String load() {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            return null;
        } catch (IOException | IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(ProgressStore.class).warn("Progress file {} unreadable", file, e);
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Starting afresh matters more than keeping the bad copy.
            }
            return "Your saved progress could not be read (" + e.getMessage() + "); it was kept as " + aside
                    + " and progress starts afresh.";
        }
    }

    /** Why the saved progress was not loaded, if it was not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Every key under a prefix ({@code lab.03-replication.}), without the prefix. */
    public synchronized Map<String, String> under(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /**
     * Sets (or with a null value removes) keys and writes the file before returning. When the
     * write fails nothing changes, in memory either: what the store holds is what the file holds,
     * so a save tried again (a quiz attempt) is not counted twice.
     */
    public synchronized void update(Map<String, String> changes) throws IOException {
        Map<String, String> before = new TreeMap<>(values);
        changes.forEach((k, v) -> {
            if (v == null) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        writeOrUndo(before);
    }

    public synchronized void removeUnder(String prefix) throws IOException {
        Map<String, String> before = new TreeMap<>(values);
        values.keySet().removeIf(k -> k.startsWith(prefix));
        writeOrUndo(before);
    }

    private void writeOrUndo(Map<String, String> before) throws IOException {
        try {
            write();
        } catch (IOException | RuntimeException e) {
            values.clear();
            values.putAll(before);
            throw e;
        }
    }

    private void write() throws IOException {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        dev.kafkalab.common.WholeFile.put(file, temp -> {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "Kafka Lab progress");
            }
        });
    }
}
