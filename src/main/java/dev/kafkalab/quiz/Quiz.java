package dev.kafkalab.quiz;

import dev.kafkalab.content.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A module's quiz, from one {@code .quiz.md} file in {@code slides/}. */
public record Quiz(String id, Path file, String title, int module, List<Question> questions) {

    public Quiz {
        questions = List.copyOf(questions);
    }

    /**
     * The quiz as one attempt shows it: each question's choices in an order drawn from
     * {@code seed}, the same for the same seed (an attempt's review shows what was seen); 0
     * keeps the order written.
     */
    public Quiz shuffled(long seed) {
        if (seed == 0) {
            return this;
        }
        return new Quiz(id, file, title, module, questions.stream()
                .map(q -> q.shuffled(new java.util.Random(seed * 1_000_003L + q.number()))).toList());
    }

    /** Every question's "show me" link, for the course check. */
    public List<Reference> references() {
        return questions.stream().map(q -> new Reference(q.see(), q.line())).toList();
    }

    /** How many answers are right. */
    public int score(List<Set<Integer>> answers) {
        int right = 0;
        for (int i = 0; i < questions.size() && i < answers.size(); i++) {
            if (questions.get(i).isRight(answers.get(i))) {
                right++;
            }
        }
        return right;
    }
}
