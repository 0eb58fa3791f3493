package dev.kafkalab.ui.quiz;

import dev.kafkalab.quiz.Attempt;
import dev.kafkalab.quiz.Question;
import dev.kafkalab.quiz.Quiz;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the review screen shows: per question the learner's answer beside the right one. Built
 * from a finished run or from a stored attempt; an attempt made before the quiz file was edited
 * may have fewer answers or choices that no longer exist, and is shown as far as it still fits.
 *
 * @param heading "Attempt 3 · 12 Mar 2025 14:03" or "This attempt"
 * @param stale   the quiz changed since the attempt (another number of questions)
 */
public record Review(Quiz quiz, String heading, List<Item> items, int score, int total, boolean stale) {

    /** How one choice is marked. */
    public enum Mark {
        /** Right, and picked. */
        RIGHT_PICKED,
        /** Right, not picked: the learner missed it. */
        RIGHT_MISSED,
        /** Wrong, and picked. */
        WRONG_PICKED,
        /** Wrong, not picked. */
        PLAIN
    }

    /** One question as answered. */
    public record Item(Question question, Set<Integer> picked, List<Mark> marks) {

        public boolean skipped() {
            return picked.isEmpty();
        }

        public boolean right() {
            return question.isRight(picked);
        }
    }

    public Review {
        items = List.copyOf(items);
    }

    public static Review of(Quiz quiz, String heading, List<Set<Integer>> answers) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < quiz.questions().size(); i++) {
            Question q = quiz.questions().get(i);
            Set<Integer> picked = i < answers.size() ? answers.get(i) : Set.of();
            List<Mark> marks = new ArrayList<>();
            for (int c = 0; c < q.choices().size(); c++) {
                boolean right = q.correct().contains(c);
                boolean chosen = picked.contains(c);
                marks.add(right ? chosen ? Mark.RIGHT_PICKED : Mark.RIGHT_MISSED
                        : chosen ? Mark.WRONG_PICKED : Mark.PLAIN);
            }
            items.add(new Item(q, picked, marks));
        }
        return new Review(quiz, heading, items, quiz.score(answers), quiz.questions().size(), false);
    }

    /** A stored attempt; its score is recomputed against the quiz as it is now when the quiz changed. */
    public static Review of(Quiz quiz, Attempt attempt, String heading) {
        Review r = of(quiz, heading, attempt.answers());
        boolean stale = attempt.total() != quiz.questions().size();
        return new Review(quiz, heading, r.items(), stale ? r.score() : attempt.score(), r.total(), stale);
    }

    public String scoreText() {
        return QuizRun.scoreText(score, total);
    }
}
