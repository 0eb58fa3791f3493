package dev.kafkalab.quiz;

import dev.kafkalab.progress.ProgressStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Quiz attempts kept in the progress store beside lab progress (so written as crash-safely):
 * {@code quiz.<id>.<n>.at}, {@code .score}, {@code .total}, {@code .answers} ({@code 0|1,2|-}), and
 * {@code .seed}, the order the choices were shown in (absent: as written).
 */
public final class QuizHistory {

    private final ProgressStore store;

    public QuizHistory(ProgressStore store) {
        this.store = store;
    }

    /** Saves a finished attempt, its choices as written, as the quiz's next one and returns it. */
    public Attempt record(Quiz quiz, List<Set<Integer>> answers, Instant at) throws IOException {
        return record(quiz, 0, answers, at);
    }

    /**
     * Saves a finished attempt as the quiz's next one and returns it: {@code quiz} as the attempt
     * showed it (the quiz as written {@link Quiz#shuffled shuffled} by {@code seed}), and
     * {@code answers} picked among its choices.
     */
    public Attempt record(Quiz quiz, long seed, List<Set<Integer>> answers, Instant at) throws IOException {
        int number = attempts(quiz.id()).stream().mapToInt(Attempt::number).max().orElse(0) + 1;
        Attempt a = new Attempt(quiz.id(), number, at, quiz.score(answers), quiz.questions().size(), answers, seed);
        String prefix = "quiz." + quiz.id() + "." + number + ".";
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(prefix + "at", at.toString());
        keys.put(prefix + "score", Integer.toString(a.score()));
        keys.put(prefix + "total", Integer.toString(a.total()));
        keys.put(prefix + "answers", answers.stream().map(QuizHistory::write).collect(Collectors.joining("|")));
        if (seed != 0) {
            keys.put(prefix + "seed", Long.toString(seed));
        }
        store.update(keys);
        return a;
    }

    /** A quiz's attempts, oldest first; an entry the file mangled is skipped, not fatal. */
    public List<Attempt> attempts(String quizId) {
        Map<String, String> all = store.under("quiz." + quizId + ".");
        Set<Integer> numbers = new TreeSet<>();
        for (String key : all.keySet()) {
            String n = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
            if (n.matches("\\d{1,6}")) {
                numbers.add(Integer.parseInt(n));
            }
        }
        List<Attempt> out = new ArrayList<>();
        for (int n : numbers) {
            try {
                out.add(new Attempt(quizId, n, Instant.parse(all.get(n + ".at")), Integer.parseInt(all.get(n + ".score")),
                        Integer.parseInt(all.get(n + ".total")), read(all.getOrDefault(n + ".answers", "")),
                        Long.parseLong(all.getOrDefault(n + ".seed", "0"))));
            } catch (RuntimeException e) {
                // NumberFormat, DateTimeParse, null: one bad entry does not hide the others.
            }
        }
        out.sort(Comparator.comparing(Attempt::number));
        return out;
    }

    /** The best score of a quiz so far, if it was taken. */
    public java.util.Optional<Attempt> best(String quizId) {
        return attempts(quizId).stream().max(Comparator.comparingInt(Attempt::percent).thenComparing(Attempt::at));
    }

    private static String write(Set<Integer> picked) {
        return picked.isEmpty() ? "-" : new TreeSet<>(picked).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Set<Integer>> read(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\|", -1)).map(s -> s.equals("-") ? Set.<Integer>of()
                : Arrays.stream(s.split(",")).map(Integer::parseInt).collect(Collectors.toSet())).toList();
    }
}
