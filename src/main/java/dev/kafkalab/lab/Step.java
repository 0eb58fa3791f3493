package dev.kafkalab.lab;

import java.util.List;

/**
 * One step of a lab: what to do (Markdown), the one-click actions that do it for the learner,
 * the check that sees it done on the cluster, a hint, and what to understand once it passed.
 *
 * @param number 1-based
 * @param line   the step's heading line in the lab file
 * @param looks  what the step asks the learner to look at ({@link Vocabulary#TARGETS}), first the main one
 */
public record Step(int number, String title, String instructions, List<Directive> actions, Directive check,
        String hint, String explanation, int line, List<String> looks) {

    public Step {
        actions = List.copyOf(actions);
        looks = List.copyOf(looks);
    }

    /** A step that names nothing to look at. */
    public Step(int number, String title, String instructions, List<Directive> actions, Directive check, String hint,
            String explanation, int line) {
        this(number, title, instructions, actions, check, hint, explanation, line, List.of());
    }
}
