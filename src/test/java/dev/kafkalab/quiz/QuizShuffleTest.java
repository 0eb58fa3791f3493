package dev.kafkalab.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The order of choices an attempt shows: drawn per attempt, the same again for its review. */
class QuizShuffleTest {

    private static final Question FOUR = new Question(1, "Which?", "", List.of("a", "b", "c", "d"), Set.of(1), "why",
            null, 5);
    private static final Question TWO_RIGHT = new Question(2, "Which two?", "", List.of("a", "b", "c", "d"),
            Set.of(0, 3), "why", null, 12);
    private static final Question TRUE_FALSE = new Question(3, "So?", "", List.of("True", "False"), Set.of(1), "why",
            null, 20);
    private static final Question NONE_LAST = new Question(4, "Which?", "", List.of("a", "b", "c", "None of the above"),
            Set.of(3), "why", null, 28);
    private static final Quiz QUIZ = new Quiz("q", Path.of("q.quiz.md"), "Q", 1,
            List.of(FOUR, TWO_RIGHT, TRUE_FALSE, NONE_LAST));

    @Test
    void theRightChoicesFollowTheirTextsWhereverTheyLand() {
        for (long seed = 1; seed <= 50; seed++) {
            Quiz shown = QUIZ.shuffled(seed);
            for (int i = 0; i < QUIZ.questions().size(); i++) {
                Question written = QUIZ.questions().get(i);
                Question q = shown.questions().get(i);
                assertEquals(Set.copyOf(written.choices()), Set.copyOf(q.choices()), "the same choices");
                assertEquals(texts(written), texts(q), "seed " + seed + ": the same right answers");
                assertEquals(written.kind(), q.kind());
            }
        }
    }

    @Test
    void theSameSeedShowsTheSameOrderAndOthersShowOthers() {
        assertEquals(QUIZ.shuffled(42), QUIZ.shuffled(42));
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 1; seed <= 50; seed++) {
            orders.add(QUIZ.shuffled(seed).questions().get(0).choices());
        }
        assertTrue(orders.size() > 10, "50 seeds gave only " + orders.size() + " orders of four choices");
        assertSame(QUIZ, QUIZ.shuffled(0), "seed 0 shows the quiz as written");
    }

    @Test
    void trueFalseKeepsItsOrderAndNoneOfTheAboveStaysLast() {
        for (long seed = 1; seed <= 50; seed++) {
            Quiz shown = QUIZ.shuffled(seed);
            assertEquals(List.of("True", "False"), shown.questions().get(2).choices());
            assertEquals("None of the above", shown.questions().get(3).choices().get(3));
        }
        assertNotEquals(QUIZ.shuffled(1).questions().get(0).choices(), QUIZ.shuffled(2).questions().get(0).choices());
    }

    @Test
    void choicesThatSpeakOfTheOthersAreKnown() {
        assertTrue(Question.speaksOfTheOthers("None of the above"));
        assertTrue(Question.speaksOfTheOthers("All of these"));
        assertTrue(Question.speaksOfTheOthers("Both of the above"));
        assertTrue(!Question.speaksOfTheOthers("All replicas in the ISR"));
        assertTrue(!Question.speaksOfTheOthers("None: the broker answers at once"));
    }

    private static Set<String> texts(Question q) {
        return q.correct().stream().map(q.choices()::get).collect(Collectors.toSet());
    }
}
