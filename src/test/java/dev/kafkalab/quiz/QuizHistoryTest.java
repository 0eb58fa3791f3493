package dev.kafkalab.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.progress.ProgressStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quiz attempts in the progress file: what one store saves, a new store on the same file reads back. */
class QuizHistoryTest {

    private static final Instant T1 = Instant.parse("2025-03-12T14:03:07.123456789Z");
    private static final Instant T2 = Instant.parse("2025-03-13T09:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("progress.properties");
    }

    private static Quiz quiz(String id) {
        ContentLink see = new ContentLink(ContentLink.Kind.LAB, "03-replication-failover", 3);
        return new Quiz(id, Path.of("slides/" + id + ".md"), "Failover", 5, List.of(
                new Question(1, "Single?", "", List.of("a", "b", "c"), Set.of(1), "why", see, 5),
                new Question(2, "Multiple?", "", List.of("a", "b", "c", "d"), Set.of(0, 2), "why", see, 12),
                new Question(3, "True?", "", List.of("True", "False"), Set.of(0), "why", see, 20)));
    }

    @Test
    void attemptsAreReadBackByANewStoreOnTheSameFile() throws IOException {
        Quiz quiz = quiz("05-failover.quiz");
        QuizHistory first = new QuizHistory(new ProgressStore(file()));
        Attempt saved = first.record(quiz, List.of(Set.of(1), Set.of(2, 0), Set.of(1)), T1);
        assertEquals(new Attempt(quiz.id(), 1, T1, 2, 3, List.of(Set.of(1), Set.of(0, 2), Set.of(1))), saved);

        List<Attempt> read = new QuizHistory(new ProgressStore(file())).attempts(quiz.id());
        assertEquals(List.of(saved), read, "the time keeps its nanoseconds and the answers their order-free sets");
        assertEquals(67, read.get(0).percent());
    }

    @Test
    void anAttemptKeepsTheOrderItsChoicesWereShownIn() throws IOException {
        Quiz quiz = quiz("05-failover.quiz");
        Quiz shown = quiz.shuffled(99);
        Attempt saved = new QuizHistory(new ProgressStore(file())).record(shown, 99,
                List.of(shown.questions().get(0).correct(), Set.of(), Set.of()), T1);
        assertEquals(1, saved.score(), "scored against the choices as shown");
        Attempt read = new QuizHistory(new ProgressStore(file())).attempts(quiz.id()).get(0);
        assertEquals(99, read.seed());
        assertEquals(saved, read);
    }

    @Test
    void attemptsAreNumberedPerQuizFromOne() throws IOException {
        Quiz failover = quiz("05-failover.quiz");
        Quiz groups = quiz("06-groups.quiz");
        QuizHistory history = new QuizHistory(new ProgressStore(file()));
        history.record(failover, List.of(Set.of(0), Set.of(), Set.of()), T1);
        history.record(failover, List.of(Set.of(1), Set.of(0, 2), Set.of(0)), T2);
        history.record(groups, List.of(Set.of(1), Set.of(), Set.of()), T2);

        QuizHistory again = new QuizHistory(new ProgressStore(file()));
        assertEquals(List.of(1, 2), again.attempts(failover.id()).stream().map(Attempt::number).toList());
        assertEquals(List.of(1), again.attempts(groups.id()).stream().map(Attempt::number).toList());
        assertEquals(3, again.record(failover, List.of(Set.of(), Set.of(), Set.of()), T2).number());
        assertEquals(Optional.of(2), again.best(failover.id()).map(Attempt::number), "3 of 3 beats 0 of 3");
        assertEquals(Optional.empty(), again.best("07-nothing.quiz"));
    }

    @Test
    void skippedAnswersAreKeptAsEmptyAndCountAsWrong() throws IOException {
        Quiz quiz = quiz("05-failover.quiz");
        new QuizHistory(new ProgressStore(file())).record(quiz, List.of(Set.of(), Set.of(0, 2), Set.of()), T1);

        Attempt read = new QuizHistory(new ProgressStore(file())).attempts(quiz.id()).get(0);
        assertEquals(List.of(Set.of(), Set.of(0, 2), Set.of()), read.answers());
        assertEquals(1, read.score());
        assertEquals(Optional.of("-|0,2|-"), new ProgressStore(file()).get("quiz.05-failover.quiz.1.answers"));
    }

    @Test
    void aMangledEntryIsSkippedAndTheOthersStillRead() throws IOException {
        Quiz quiz = quiz("05-failover.quiz");
        QuizHistory history = new QuizHistory(new ProgressStore(file()));
        for (int i = 0; i < 3; i++) {
            history.record(quiz, List.of(Set.of(1), Set.of(), Set.of(0)), T1.plusSeconds(i));
        }
        String text = Files.readString(file(), StandardCharsets.UTF_8)
                .replace("quiz.05-failover.quiz.2.score=2", "quiz.05-failover.quiz.2.score=two")
                + "quiz.05-failover.quiz.4.answers=1|x\n"
                + "quiz.05-failover.quiz.x7.at=never\n";
        Files.writeString(file(), text, StandardCharsets.UTF_8);

        QuizHistory read = new QuizHistory(new ProgressStore(file()));
        assertEquals(List.of(1, 3), read.attempts(quiz.id()).stream().map(Attempt::number).toList(),
                "a bad score, an attempt with only half its keys and a key that is no attempt are left out");
    }

    @Test
    void aSaveThatFailsLeavesNoAttemptBehind() throws IOException {
        Quiz quiz = quiz("05-failover.quiz");
        QuizHistory history = new QuizHistory(new ProgressStore(file()));
        // The store writes a temporary file beside the real one first: a folder in its way makes the write fail.
        Path inTheWay = Files.createDirectory(dir.resolve("progress.properties.tmp"));
        assertThrows(IOException.class, () -> history.record(quiz, List.of(Set.of(1), Set.of(), Set.of()), T1));
        assertEquals(List.of(), history.attempts(quiz.id()), "what the file does not hold, the store does not either");

        Files.delete(inTheWay);
        Attempt retried = history.record(quiz, List.of(Set.of(1), Set.of(), Set.of()), T2);
        assertEquals(1, retried.number(), "saving again is attempt 1, not 2");
        assertTrue(new QuizHistory(new ProgressStore(file())).attempts(quiz.id()).contains(retried));
    }
}
