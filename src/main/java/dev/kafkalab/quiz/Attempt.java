package dev.kafkalab.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One finished try at a quiz.
 *
 * @param answers per question, the choices picked (0-based; empty when skipped)
 */
public record Attempt(String quizId, int number, Instant at, int score, int total, List<Set<Integer>> answers) {

    public Attempt {
        answers = answers.stream().map(Set::copyOf).toList();
    }

    public int percent() {
        return total == 0 ? 0 : Math.round(100f * score / total);
    }
}
