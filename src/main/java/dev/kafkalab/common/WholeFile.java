package dev.kafkalab.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Puts a file in place whole: its new content is written to a temporary file beside it, forced
 * to disk, and moved over the old one in one step, so a crash mid-write leaves the previous
 * version, never half a file.
 */
public final class WholeFile {

    /** Writes the new content to the temporary file it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temp) throws IOException;
    }

    private WholeFile() {
    }

    public static void put(Path file, Writer writer) throws IOException {
        put(file, writer, true);
    }

    /**
     * Written whole and moved into place, but not forced to disk: for a file that must survive
     * the app dying, not the machine, and whose writer must not wait on the disk.
     */
    public static void putUnforced(Path file, Writer writer) throws IOException {
        put(file, writer, false);
    }

    private static void put(Path file, Writer writer, boolean force) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        writer.write(temp);
        if (force) {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
