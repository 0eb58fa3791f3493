package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsCompleteLinesAsTheyAreWritten() throws Exception {
        Path log = dir.resolve("broker-1.log");
        LogTail tail = new LogTail(log, 1_000);
        assertEquals(List.of(), tail.readNew(), "a missing file reads as nothing yet");

        append(log, "first\nsecond\nthi");
        assertEquals(List.of("first", "second"), tail.readNew());
        append(log, "rd\n");
        assertEquals(List.of("third"), tail.readNew(), "a line written in two parts comes whole");
        assertEquals(List.of(), tail.readNew());
    }

    @Test
    void opensAtTheEndOfALongFileAndStartsOverWhenTheFileShrinks() throws Exception {
        Path log = dir.resolve("broker-2.log");
        append(log, "old line one\nold line two\nrecent\n");
        LogTail tail = new LogTail(log, 7);
        assertEquals(List.of("recent"), tail.readNew());

        Files.writeString(log, "after reset\n", StandardCharsets.UTF_8);
        assertEquals(List.of("after reset"), tail.readNew());
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
