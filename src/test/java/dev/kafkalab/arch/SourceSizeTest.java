package dev.kafkalab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A class over 500 lines is where every Kafka GUI's regrets start (STYLE.md): split it before it grows. */
class SourceSizeTest {

    private static final int MOST_LINES = 500;

    @Test
    void noMainSourceFileIsOver500Lines() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the project folder: " + main.toAbsolutePath());
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(main)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    long lines = Files.readAllLines(p).size();
                    return lines > MOST_LINES ? main.relativize(p) + " (" + lines + " lines)" : null;
                } catch (IOException e) {
                    return p + " (unreadable: " + e.getMessage() + ")";
                }
            }).filter(s -> s != null).sorted().toList();
        }
        assertEquals(List.of(), tooLong, "classes over " + MOST_LINES + " lines");
    }
}
