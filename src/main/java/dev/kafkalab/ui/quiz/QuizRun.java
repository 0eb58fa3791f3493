package dev.kafkalab.ui.quiz;

import dev.kafkalab.quiz.Question;
import dev.kafkalab.quiz.Quiz;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A quiz being taken, one question at a time: each command returns the next state, so the screen
 * shows one whole state and an attempt left with Esc is simply dropped.
 *
 * @param index   the question shown (0-based); equal to the number of questions once finished
 * @param answers the choices picked for the questions before {@code index} (empty when skipped)
 * @param picked  the choices picked so far on the question shown
 * @param quiz    the quiz as this attempt shows it: its choices in the order of {@code seed}
 * @param seed    see {@link Quiz#shuffled}
 */
public record QuizRun(Quiz quiz, int index, List<Set<Integer>> answers, Set<Integer> picked, long seed) {

    public QuizRun {
        answers = answers.stream().map(Set::copyOf).toList();
        picked = java.util.Collections.unmodifiableSet(new TreeSet<>(picked));
    }

    /** A run that shows each question's choices in an order drawn from {@code seed}. */
    public static QuizRun start(Quiz quiz, long seed) {
        return new QuizRun(quiz.shuffled(seed), 0, List.of(), Set.of(), seed);
    }

    public boolean finished() {
        return index >= quiz.questions().size();
    }

    /** The question shown; only while not finished. */
    public Question question() {
        return quiz.questions().get(index);
    }

    /**
     * Picks choice {@code choice} (0-based): a single-choice or true/false question keeps only
     * that one, a multiple-choice question toggles it. A choice the question does not have is ignored.
     */
    public QuizRun pick(int choice) {
        if (finished() || choice < 0 || choice >= question().choices().size()) {
            return this;
        }
        Set<Integer> now = new TreeSet<>(picked);
        if (question().kind() == Question.Kind.MULTIPLE) {
            if (!now.remove(choice)) {
                now.add(choice);
            }
        } else {
            now.clear();
            now.add(choice);
        }
        return new QuizRun(quiz, index, answers, now, seed);
    }

    /** Whether Next may go on: something is picked. */
    public boolean canGoOn() {
        return !finished() && !picked.isEmpty();
    }

    /** Keeps the picked choices as this question's answer and shows the next question. */
    public QuizRun next() {
        return canGoOn() ? answered(picked) : this;
    }

    /** Leaves this question unanswered (it counts as wrong) and shows the next one. */
    public QuizRun skip() {
        return finished() ? this : answered(Set.of());
    }

    private QuizRun answered(Set<Integer> answer) {
        List<Set<Integer>> more = new ArrayList<>(answers);
        more.add(answer);
        return new QuizRun(quiz, index + 1, more, Set.of(), seed);
    }

    public int score() {
        return quiz.score(answers);
    }

    public int total() {
        return quiz.questions().size();
    }

    /** "7 of 9 right (78 %)", rounded as {@link dev.kafkalab.quiz.Attempt#percent()} is. */
    public String scoreText() {
        return scoreText(score(), total());
    }

    static String scoreText(int score, int total) {
        int percent = total == 0 ? 0 : Math.round(100f * score / total);
        return score + " of " + total + " right (" + percent + " %)";
    }
}
