package dev.kafkalab.content;

import java.nio.file.Path;

/** A content file (lab, deck, quiz) that cannot be used, with where and why, as the app lists it. */
public class FormatException extends Exception {

    private final Path file;
    private final int line;
    private final String reason;

    public FormatException(Path file, int line, String reason) {
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
