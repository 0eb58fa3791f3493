package dev.kafkalab.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One finished try at a quiz.
 *
 * @param answers per question, the choices picked (0-based, in the order shown; empty when skipped)
 * @param seed    the order the choices were shown in ({@link Quiz#shuffled}); 0 for as written
 */
public record Attempt(String quizId, int number, Instant at, int score, int total, List<Set<Integer>> answers,
        long seed) {

    public Attempt {
        answers = answers.stream().map(Set::copyOf).toList();
    }

    /** An attempt that saw the choices as written (every attempt before choices were shuffled). */
    public Attempt(String quizId, int number, Instant at, int score, int total, List<Set<Integer>> answers) {
        this(quizId, number, at, score, total, answers, 0);
    }

    public int percent() {
        return total == 0 ? 0 : Math.round(100f * score / total);
    }
}
