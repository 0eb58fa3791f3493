package dev.kafkalab.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the app made for a while (compiled classes of a run) and takes away after. */
public final class Folders {

    private Folders() {
    }

    /** Deletes {@code dir} and all it holds; one left behind in a temp folder is harmless, so failures pass. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left for the system's temp cleaning.
        }
    }
}
