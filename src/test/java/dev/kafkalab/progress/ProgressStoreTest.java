package dev.kafkalab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress file on a temporary directory: what one store writes, the next one reads. */
class ProgressStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("progress.properties");
    }

    @Test
    void whatOneStoreWritesTheNextReadsUnderItsPrefix() throws IOException {
        ProgressStore first = new ProgressStore(file());
        first.update(Map.of("lab.01-topics.step", "3", "lab.01-topics.passed", "1,2",
                "lab.01-topics-extra.step", "7", "quiz.01.score", "9"));

        ProgressStore second = new ProgressStore(file());
        assertEquals(Optional.empty(), second.problem());
        assertEquals(Map.of("step", "3", "passed", "1,2"), second.under("lab.01-topics."),
                "the prefix is stripped, and a longer id sharing the start is another lab");
        assertEquals(Optional.of("9"), second.get("quiz.01.score"));
    }

    @Test
    void removingUnderAPrefixKeepsTheRestAcrossInstances() throws IOException {
        ProgressStore first = new ProgressStore(file());
        first.update(Map.of("lab.a.step", "2", "lab.a.broker.victim", "3", "lab.b.step", "4"));
        first.removeUnder("lab.a.");
        assertEquals(Map.of(), first.under("lab.a."));

        ProgressStore second = new ProgressStore(file());
        assertEquals(Map.of(), second.under("lab.a."));
        assertEquals(Map.of("step", "4"), second.under("lab.b."));
    }

    @Test
    void aNullValueRemovesItsKey() throws IOException {
        ProgressStore store = new ProgressStore(file());
        store.update(Map.of("lab.a.step", "2", "lab.a.seconds", "60"));
        Map<String, String> changes = new HashMap<>();
        changes.put("lab.a.seconds", null);
        changes.put("lab.a.step", "3");
        store.update(changes);
        assertEquals(Map.of("step", "3"), new ProgressStore(file()).under("lab.a."));
    }

    @Test
    void valuesWithSeparatorsAndAccentsSurviveTheRoundTrip() throws IOException {
        Map<String, String> odd = Map.of("lab.a.note", "key=value: #not a comment\\ and Zoë's ü",
                "lab.a.lines", "one\ntwo", "lab.a.blank", "  padded  ");
        new ProgressStore(file()).update(odd);
        assertEquals(Map.of("note", odd.get("lab.a.note"), "lines", "one\ntwo", "blank", "  padded  "),
                new ProgressStore(file()).under("lab.a."));
    }

    @Test
    void theFileAndItsDirectoryAreMadeOnTheFirstUpdateAndNoTemporaryFileRemains() throws IOException {
        Path nested = dir.resolve("data/kafka-lab/progress.properties");
        ProgressStore store = new ProgressStore(nested);
        assertFalse(Files.exists(nested), "nothing is written before a change");
        store.update(Map.of("lab.a.step", "1"));
        store.update(Map.of("lab.a.step", "2"));
        store.removeUnder("lab.b.");
        try (Stream<Path> files = Files.list(nested.getParent())) {
            assertEquals(List.of("progress.properties"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aMalformedEscapeIsKeptAsideAndProgressStartsAfresh() throws IOException {
        Files.writeString(file(), "lab.a.step=2\nlab.a.note=\\u12G4\n", StandardCharsets.UTF_8);

        ProgressStore store = new ProgressStore(file());

        Path aside = dir.resolve("progress.properties.unreadable");
        assertTrue(Files.exists(aside), "the unreadable file is kept for a look");
        assertEquals("lab.a.step=2\nlab.a.note=\\u12G4\n", Files.readString(aside, StandardCharsets.UTF_8));
        assertFalse(Files.exists(file()));
        String problem = store.problem().orElseThrow();
        assertTrue(problem.startsWith("Your saved progress could not be read"), problem);
        assertTrue(problem.contains(aside.toString()) && problem.contains("progress starts afresh"), problem);
        assertEquals(Map.of(), store.under("lab.a."));

        store.update(Map.of("lab.a.step", "1"));
        ProgressStore next = new ProgressStore(file());
        assertEquals(Optional.empty(), next.problem(), "the fresh file reads fine");
        assertEquals(Map.of("step", "1"), next.under("lab.a."));
    }

    @Test
    void aFileThatIsNotUtf8IsKeptAsideToo() throws IOException {
        Files.write(file(), new byte[] {'l', 'a', 'b', '=', (byte) 0xC3, (byte) 0x28, '\n'});
        ProgressStore store = new ProgressStore(file());
        assertTrue(store.problem().isPresent());
        assertTrue(Files.exists(dir.resolve("progress.properties.unreadable")));
    }

    @Test
    void noFileIsNoProblem() {
        assertEquals(Optional.empty(), new ProgressStore(file()).problem());
    }
}
