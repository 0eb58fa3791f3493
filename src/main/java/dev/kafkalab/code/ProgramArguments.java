package dev.kafkalab.code;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.PrivateFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a program gets as its arguments: the cluster's bootstrap servers, and when the cluster
 * needs security settings (a class's cluster, a team's), the path of a {@code client.properties}
 * with them, which the labs' programs load as Kafka's console tools load {@code --command-config}.
 * The file holds the password, so it is readable by this user only and deleted on {@link #close}.
 */
public final class ProgramArguments implements AutoCloseable {

    private final String bootstrapServers;
    private final Map<String, String> settings;
    private final Path file;

    public ProgramArguments(ClientFactory clients, Path file) {
        this.bootstrapServers = clients.bootstrapServers();
        this.settings = clients.settings();
        this.file = file;
    }

    /** The file programs of the app's cluster read their settings from. */
    public static Path defaultFile() {
        return AppDirs.data().resolve("program-client.properties");
    }

    /** The arguments for a run starting now; writes the settings file when there are settings. */
    public List<String> get() {
        if (settings.isEmpty()) {
            return List.of(bootstrapServers);
        }
        Properties p = new Properties();
        p.putAll(settings);
        StringWriter text = new StringWriter();
        try {
            p.store(text, "The cluster's client settings, for Kafka Lab's programs; deleted when the app closes");
            Files.createDirectories(file.getParent());
            PrivateFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the programs' client settings to " + file + ": " + e.getMessage(), e);
        }
        return List.of(bootstrapServers, file.toString());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the next run of the app writes it again.
        }
    }
}
