package dev.kafkalab.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finding and reading the course's Markdown files, for labs, decks and quizzes alike. */
public final class ContentFiles {

    private ContentFiles() {
    }

    /** The {@code .md} files of a folder in file-name order; none when it is not a folder. */
    public static List<Path> markdown(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** A content file's text, or why it cannot be read. */
    public static String read(Path file) throws FormatException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new FormatException(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new FormatException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** A content file's lines, Windows line ends or not: line n (from 1) is element n - 1. */
    public static String[] lines(String text) {
        return text.replace("\r\n", "\n").split("\n", -1);
    }
}
