package dev.kafkalab.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold a password: readable by this user only from the moment they exist (created
 * with owner-only permissions, not restricted after the write). On Windows the user's own
 * profile folder is what keeps them private.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Writes {@code text} to {@code file}, replacing it, readable and writable by this user only. */
    public static void write(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
