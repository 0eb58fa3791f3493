package dev.kafkalab.lab;

import dev.kafkalab.content.FormatException;
import java.nio.file.Path;

/** A lab file that cannot be used, with where and why, as the lab list shows it. */
public final class LabFormatException extends FormatException {

    public LabFormatException(Path file, int line, String reason) {
        super(file, line, reason);
    }
}
