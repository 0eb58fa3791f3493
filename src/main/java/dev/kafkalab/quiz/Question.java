package dev.kafkalab.quiz;

import dev.kafkalab.content.ContentLink;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One question: what is asked, the choices, which are right, why, and where the course shows it.
 *
 * @param correct indexes (0-based) of the right choices
 * @param line    the question's heading line in the quiz file
 */
public record Question(int number, String text, String detail, List<String> choices, Set<Integer> correct,
        String why, ContentLink see, int line) {

    public enum Kind { SINGLE, MULTIPLE, TRUE_FALSE }

    public Question {
        choices = List.copyOf(choices);
        correct = java.util.Collections.unmodifiableSet(new TreeSet<>(correct));
    }

    public Kind kind() {
        if (correct.size() > 1) {
            return Kind.MULTIPLE;
        }
        boolean trueFalse = choices.size() == 2 && choices.get(0).equalsIgnoreCase("true")
                && choices.get(1).equalsIgnoreCase("false");
        return trueFalse ? Kind.TRUE_FALSE : Kind.SINGLE;
    }

    /** Right only when exactly the right choices are picked (a multiple choice has no half marks). */
    public boolean isRight(Set<Integer> picked) {
        return correct.equals(picked);
    }
}
