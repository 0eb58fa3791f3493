package dev.kafkalab.course;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.quiz.Question;
import dev.kafkalab.quiz.Quiz;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course's quizzes cannot be passed by pressing one key: with the choices shuffled per
 * attempt, always pressing 1 (or 2, 3, 4) scores what guessing does.
 */
class QuizFairnessTest {

    private static final int ATTEMPTS = 400;
    private static Course course;

    @BeforeAll
    static void load() {
        course = Course.load();
    }

    @Test
    void alwaysPressingOneKeyScoresNearChanceOnEveryQuiz() {
        List<String> unfair = new ArrayList<>();
        for (Quiz quiz : course.quizzes()) {
            for (int key = 1; key <= 4; key++) {
                double scored = 0;
                for (long seed = 1; seed <= ATTEMPTS; seed++) {
                    Quiz shown = quiz.shuffled(seed * 7919);
                    int choice = key - 1;
                    scored += shown.score(shown.questions().stream().map(q -> Set.of(choice)).toList());
                }
                double mean = scored / ATTEMPTS;
                double chance = chance(quiz, key);
                // Within a question of what guessing scores on average: never half the quiz by one key.
                if (mean > chance + 1.0) {
                    unfair.add(String.format("%s: key %d scores %.1f of %d on average, guessing %.1f", quiz.id(), key,
                            mean, quiz.questions().size(), chance));
                }
            }
        }
        assertTrue(unfair.isEmpty(), String.join("\n", unfair));
    }

    @Test
    void overTheWholeCourseEachKeyFindsTheRightChoiceAsOftenAsChance() {
        for (int key = 1; key <= 4; key++) {
            int choice = key - 1;
            double right = 0;
            double expected = 0;
            for (Quiz quiz : course.quizzes()) {
                for (long seed = 1; seed <= ATTEMPTS; seed++) {
                    for (Question q : quiz.shuffled(seed * 104729).questions()) {
                        if (q.kind() == Question.Kind.SINGLE && choice < q.choices().size()) {
                            right += q.isRight(Set.of(choice)) ? 1 : 0;
                            expected += 1.0 / q.choices().size();
                        }
                    }
                }
            }
            double ratio = right / expected;
            assertTrue(ratio > 0.85 && ratio < 1.15, "key " + key + " is right " + ratio + " times as often as chance");
        }
    }

    @Test
    void trueFalseQuestionsAreNotAllAnsweredAlike() {
        long trues = 0;
        long all = 0;
        for (Quiz quiz : course.quizzes()) {
            for (Question q : quiz.questions()) {
                if (q.kind() == Question.Kind.TRUE_FALSE) {
                    all++;
                    trues += q.correct().contains(0) ? 1 : 0;
                }
            }
        }
        assertTrue(all > 0 && trues >= all * 0.35 && trues <= all * 0.65,
                trues + " of " + all + " true/false questions are true: pressing T (or F) would pass");
    }

    /** What pressing {@code key} on every question scores on average when the choices are in random order. */
    private static double chance(Quiz quiz, int key) {
        double sum = 0;
        for (Question q : quiz.questions()) {
            if (key > q.choices().size() || q.kind() == Question.Kind.MULTIPLE) {
                continue;
            }
            sum += q.kind() == Question.Kind.TRUE_FALSE ? (q.correct().contains(key - 1) ? 1 : 0)
                    : 1.0 / q.choices().size();
        }
        return sum;
    }
}
