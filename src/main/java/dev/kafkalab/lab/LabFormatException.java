package dev.kafkalab.lab;

import java.nio.file.Path;

/** A lab file that cannot be used, with where and why, as the lab list shows it. */
public final class LabFormatException extends Exception {

    private final Path file;
    private final int line;
    private final String reason;

    public LabFormatException(Path file, int line, String reason) {
        super(file.getFileName() + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is the whole file (unreadable, empty). */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
