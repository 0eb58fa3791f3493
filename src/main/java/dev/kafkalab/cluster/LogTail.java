package dev.kafkalab.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a growing log file: each {@link #readNew()} returns the complete lines written since
 * the last call. A file that shrank (a reset wiped it) is read again from the start; a missing
 * file reads as nothing yet. Not thread-safe: one reader thread.
 */
public final class LogTail {

    /** Lines longer than this are cut: a stack trace line must not take the viewer's memory. */
    static final int MAX_LINE = 4_000;
    private static final int MAX_READ = 4 * 1024 * 1024;

    private final Path file;
    private long position;
    private final StringBuilder partial = new StringBuilder();

    /** Starts at the last {@code tailBytes} of the file, so a long log opens at its end. */
    public LogTail(Path file, long tailBytes) {
        this.file = file;
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            this.position = Math.max(0, size - tailBytes);
        } catch (IOException e) {
            this.position = 0;
        }
    }

    public Path file() {
        return file;
    }

    public List<String> readNew() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size < position) {
                position = 0;
                partial.setLength(0);
            }
            if (size == position) {
                return lines;
            }
            in.seek(position);
            byte[] bytes = new byte[(int) Math.min(MAX_READ, size - position)];
            in.readFully(bytes);
            position += bytes.length;
            String text = partial + new String(bytes, StandardCharsets.UTF_8);
            partial.setLength(0);
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                String line = text.substring(start, nl);
                lines.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " ..." : line);
                start = nl + 1;
            }
            partial.append(text, start, text.length());
        }
        return lines;
    }
}
