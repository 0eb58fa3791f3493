package dev.kafkalab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every lab file in a folder, in file-name order. A file that does not parse is listed with
 * its problem; the others load regardless.
 */
public final class LabCatalog {

    /** One file of the folder: a lab, or why it is not one. */
    public record Entry(Path file, Lab lab, LabFormatException problem) {

        public boolean ok() {
            return lab != null;
        }
    }

    private final List<Entry> entries;

    private LabCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static LabCatalog load(Path folder) {
        List<Entry> entries = new ArrayList<>();
        List<Path> files;
        try {
            files = dev.kafkalab.content.ContentFiles.markdown(folder);
        } catch (IOException e) {
            return new LabCatalog(List.of(new Entry(folder, null,
                    new LabFormatException(folder, 0, "the folder cannot be listed: " + e.getMessage()))));
        }
        for (Path file : files) {
            try {
                entries.add(new Entry(file, LabParser.parse(file), null));
            } catch (LabFormatException e) {
                entries.add(new Entry(file, null, e));
            }
        }
        return new LabCatalog(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Lab> labs() {
        return entries.stream().filter(Entry::ok).map(Entry::lab).toList();
    }

    public Optional<Lab> lab(String id) {
        return labs().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * Where the labs are: a folder given by -Dkafkalab.labs, else {@code labs/} in the working
     * directory (the repository, for {@code ./mvnw javafx:run}), else beside the folder of the
     * jar ({@code target/kafka-lab.jar} finds the repository's {@code labs/}).
     */
    public static Path defaultFolder() {
        return besideTheApp("kafkalab.labs", "labs");
    }

    /** A content folder ({@code labs}, {@code slides}, {@code assets}) found as {@link #defaultFolder()} says. */
    public static Path besideTheApp(String property, String name) {
        String given = System.getProperty(property);
        if (given != null) {
            return Path.of(given);
        }
        Path here = Path.of(name);
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(LabCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/classes or target/kafka-lab.jar: the repository is one or two levels up.
            Path dir = jar.getParent();
            for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
        } catch (Exception ignored) {
            // No code source (tests, odd class loaders): the working directory it is.
        }
        return here;
    }
}
