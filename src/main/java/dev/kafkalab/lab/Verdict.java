package dev.kafkalab.lab;

/**
 * A check's answer: passed or not, and what the cluster shows right now in a sentence
 * ("the leader of orders-0 is still broker 2"), so a waiting learner knows what is missing.
 */
public record Verdict(boolean passed, String seen) {

    public static Verdict pass(String seen) {
        return new Verdict(true, seen);
    }

    public static Verdict waiting(String seen) {
        return new Verdict(false, seen);
    }
}
