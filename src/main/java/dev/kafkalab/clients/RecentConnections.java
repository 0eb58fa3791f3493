package dev.kafkalab.clients;

import dev.kafkalab.common.Keyring;
import dev.kafkalab.common.WholeFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote clusters connected to lately, newest first, each with its broker commands file if
 * any. Passwords are not written here: they go to the OS keyring when the user asks to remember
 * them and there is one; without a keyring they are kept only when the user says so, in this
 * file, readable by the user only.
 */
public final class RecentConnections {

    private static final Logger LOG = LoggerFactory.getLogger(RecentConnections.class);
    public static final int KEPT = 8;

    /** One remembered connection. */
    public record Entry(Connection connection, Path brokerCommands, boolean passwordKept) {
    }

    private final Path file;
    private final Keyring keyring;

    public RecentConnections(Path file, Keyring keyring) {
        this.file = file;
        this.keyring = keyring;
    }

    public Keyring keyring() {
        return keyring;
    }

    /** Newest first; a password kept in the keyring is not read yet ({@link #withPassword(Entry)}). */
    public List<Entry> list() {
        synchronized (this) {
            return read();
        }
    }

    private List<Entry> read() {
        List<Entry> all = new ArrayList<>();
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            return all;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read the recent connections in {}", file, e);
            return all;
        }
        for (int i = 0; i < KEPT; i++) {
            String name = p.getProperty(i + ".name");
            if (name == null) {
                break;
            }
            Map<String, String> props = new LinkedHashMap<>();
            String prefix = i + ".property.";
            p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                    .forEach(k -> props.put(k.substring(prefix.length()), p.getProperty(k)));
            try {
                Connection c = new Connection(name, p.getProperty(i + ".bootstrap", ""), props);
                boolean kept = Boolean.parseBoolean(p.getProperty(i + ".passwordKept", "false"));
                String commands = p.getProperty(i + ".brokerCommands");
                all.add(new Entry(c, commands == null ? null : Path.of(commands), kept));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping a recent connection that no longer reads: {}", e.getMessage());
            }
        }
        return all;
    }

    /**
     * Puts {@code entry} first (replacing one of the same name). Its password is kept only when
     * {@code keepPassword}: in the keyring where there is one, else in this file.
     *
     * @return where the password went, for people ("not kept", "the desktop keyring ...")
     */
    public String remember(Connection connection, Path brokerCommands, boolean keepPassword) {
        String where = "not kept";
        Connection stored = connection.withoutSecrets();
        boolean kept = false;
        // The keyring is a process that may wait for the user to unlock it: asked outside the file's lock,
        // so a window listing the connections meanwhile does not wait for it.
        if (keepPassword && !connection.user().isEmpty()) {
            if (!keyring.available()) {
                stored = connection;
                kept = true;
                where = file + " (readable by you only: no keyring here)";
            } else if (keyring.store(account(connection), connection.password())) {
                kept = true;
                where = keyring.name();
            } else {
                where = "not kept: " + keyring.name() + " did not take it";
            }
        } else if (keyring.available() && !connection.user().isEmpty()) {
            keyring.forget(account(connection));
        }
        synchronized (this) {
            List<Entry> all = new ArrayList<>(read());
            all.removeIf(e -> e.connection().name().equals(connection.name()));
            all.add(0, new Entry(stored, brokerCommands, kept));
            write(all.subList(0, Math.min(KEPT, all.size())));
        }
        return where;
    }

    /** The entry's connection with its password from the keyring, when it was kept there; may take seconds. */
    public Connection withPassword(Entry entry) {
        Connection c = entry.connection();
        if (entry.passwordKept() && keyring.available() && !c.user().isEmpty() && c.password().isEmpty()) {
            return keyring.lookup(account(c)).map(c::withPassword).orElse(c);
        }
        return c;
    }

    private static String account(Connection c) {
        return c.name() + "/" + c.user() + "@" + c.bootstrapServers();
    }

    private void write(List<Entry> entries) {
        Properties p = new Properties();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Connection c = e.connection();
            p.setProperty(i + ".name", c.name());
            p.setProperty(i + ".bootstrap", c.bootstrapServers());
            p.setProperty(i + ".passwordKept", Boolean.toString(e.passwordKept()));
            if (e.brokerCommands() != null) {
                p.setProperty(i + ".brokerCommands", e.brokerCommands().toString());
            }
            int index = i;
            c.properties().forEach((k, v) -> p.setProperty(index + ".property." + k, v));
        }
        try {
            StringWriter text = new StringWriter();
            p.store(text, "Kafka Lab: recent connections");
            WholeFile.put(file, temp -> dev.kafkalab.common.PrivateFiles.write(temp, text.toString()));
        } catch (IOException ex) {
            LOG.warn("Could not remember the connection in {}", file, ex);
        }
    }
}
