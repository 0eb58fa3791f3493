package dev.kafkalab.quiz;

import dev.kafkalab.content.ContentLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One question: what is asked, the choices, which are right, why, and where the course shows it.
 *
 * @param correct indexes (0-based) of the right choices
 * @param line    the question's heading line in the quiz file
 */
public record Question(int number, String text, String detail, List<String> choices, Set<Integer> correct,
        String why, ContentLink see, int line) {

    public enum Kind { SINGLE, MULTIPLE, TRUE_FALSE }

    /** A choice that speaks of the others ("None of the above"): it keeps its place at the end. */
    private static final Pattern ABOUT_THE_OTHERS = Pattern.compile(
            "(?i)^\\W*(all|none|both|neither|any) of (the )?(above|these|them|others|the others)\\b");

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

    /**
     * This question with its choices in an order drawn from {@code random}, the right ones
     * following them. True/false keeps its order, and a choice that speaks of the others stays last.
     */
    public Question shuffled(Random random) {
        if (kind() == Kind.TRUE_FALSE) {
            return this;
        }
        List<Integer> order = new ArrayList<>();
        List<Integer> last = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            (speaksOfTheOthers(choices.get(i)) ? last : order).add(i);
        }
        Collections.shuffle(order, random);
        order.addAll(last);
        List<String> shown = order.stream().map(choices::get).toList();
        Set<Integer> right = correct.stream().map(order::indexOf).collect(Collectors.toSet());
        return new Question(number, text, detail, shown, right, why, see, line);
    }

    /** Whether a choice speaks of the others, as "None of the above" does. */
    public static boolean speaksOfTheOthers(String choice) {
        return ABOUT_THE_OTHERS.matcher(choice).find();
    }
}
