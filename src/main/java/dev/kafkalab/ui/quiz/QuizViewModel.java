package dev.kafkalab.ui.quiz;

import dev.kafkalab.course.Course;
import dev.kafkalab.quiz.Attempt;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.quiz.QuizHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quizzes: the list with each quiz's best score, a quiz being taken, its score and the save
 * of the attempt, the review, the history of attempts, and class mode. Reading and writing the
 * history touches the progress file, so it runs on the io executor; results come back on the ui
 * executor, and a result that arrives after the learner moved on is dropped.
 */
public final class QuizViewModel {

    /** What the screen shows. */
    public enum View { LIST, QUESTION, SCORE, REVIEW, HISTORY, CLASS }

    /**
     * One row of the list: a quiz with its history, or a file that did not load.
     *
     * @param best    the best attempt so far; null when never taken (or when {@code problem} is set)
     * @param problem null for a quiz; for a file that did not load, "file:line: reason"
     */
    public record Row(Quiz quiz, String file, int attempts, Attempt best, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** Where the save of a finished attempt is. */
    public record Save(State state, Attempt attempt, String message) {

        public enum State { SAVING, SAVED, FAILED }

        static Save saving() {
            return new Save(State.SAVING, null, "Saving your attempt…");
        }
    }

    /** Class mode: the question shown and whether its answer is revealed. */
    public record Presenting(Quiz quiz, int index, boolean revealed) {

        public int count() {
            return quiz.questions().size();
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final QuizHistory history;
    private final Executor io;
    private final Executor ui;
    private final Supplier<Instant> clock;
    private final LongSupplier seeds;
    private final ZoneId zone;
    private Course course;
    private long listLoads;
    private long historyLoads;

    // Properties
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(View.LIST);
    private final ObjectProperty<QuizRun> run = new SimpleObjectProperty<>();
    private final ObjectProperty<Save> save = new SimpleObjectProperty<>();
    private final ObjectProperty<Review> review = new SimpleObjectProperty<>();
    private final ObjectProperty<Quiz> historyQuiz = new SimpleObjectProperty<>();
    private final ObservableList<Attempt> attempts = FXCollections.observableArrayList();
    private final ObjectProperty<Presenting> presenting = new SimpleObjectProperty<>();

    /** Each attempt shows the choices in an order of its own. */
    public QuizViewModel(QuizHistory history, Executor io, Executor ui, Supplier<Instant> clock, ZoneId zone) {
        this(history, io, ui, clock, zone, QuizViewModel::newSeed);
    }

    /** {@code seeds} gives each attempt its order of choices ({@link Quiz#shuffled}; 0: as written). */
    public QuizViewModel(QuizHistory history, Executor io, Executor ui, Supplier<Instant> clock, ZoneId zone,
            LongSupplier seeds) {
        this.seeds = seeds;
        this.history = history;
        this.io = io;
        this.ui = ui;
        this.clock = clock;
        this.zone = zone;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<View> view() {
        return view;
    }

    /** The quiz being taken (and, once finished, the finished run); null in the other views. */
    public ReadOnlyObjectProperty<QuizRun> run() {
        return run;
    }

    public ReadOnlyObjectProperty<Save> save() {
        return save;
    }

    /** The review shown: the finished run's, or in the history view the selected attempt's. */
    public ReadOnlyObjectProperty<Review> review() {
        return review;
    }

    public ReadOnlyObjectProperty<Quiz> historyQuiz() {
        return historyQuiz;
    }

    /** The history view's attempts, newest first. */
    public ObservableList<Attempt> attempts() {
        return attempts;
    }

    public ReadOnlyObjectProperty<Presenting> presenting() {
        return presenting;
    }

    // Commands: the list

    /** Lists the course's quizzes (sorted by module) and the files that did not load. */
    public CompletableFuture<Void> show(Course course) {
        this.course = course;
        return refreshRows();
    }

    private CompletableFuture<Void> refreshRows() {
        Course c = course;
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        long load = ++listLoads;
        return CompletableFuture.supplyAsync(() -> rowsOf(c), io).thenAcceptAsync(fresh -> {
            if (load == listLoads) {
                rows.setAll(fresh);
            }
        }, ui);
    }

    private List<Row> rowsOf(Course c) {
        List<Row> out = new ArrayList<>();
        for (Course.Entry<Quiz> e : c.quizEntries()) {
            String file = e.file().getFileName().toString();
            if (e.ok()) {
                List<Attempt> all = history.attempts(e.item().id());
                Attempt best = all.stream().max(Comparator.comparingInt(Attempt::percent)
                        .thenComparing(Attempt::at)).orElse(null);
                out.add(new Row(e.item(), file, all.size(), best, null));
            } else {
                var p = e.problem();
                out.add(new Row(null, file, 0, null, file + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.reason()));
            }
        }
        // Quizzes by module; files that did not load after them, where a teacher editing one finds it.
        out.sort(Comparator.comparing((Row r) -> !r.ok()).thenComparingInt(r -> r.ok() ? r.quiz().module() : 0)
                .thenComparing(Row::file));
        return out;
    }

    // Commands: taking a quiz

    public void take(Quiz quiz) {
        review.set(null);
        save.set(null);
        run.set(QuizRun.start(quiz, seeds.getAsLong()));
        view.set(View.QUESTION);
    }

    /** Picks (or for a multiple-choice question toggles) choice {@code number}, counted from 1. */
    public void pick(int number) {
        QuizRun r = run.get();
        if (view.get() == View.QUESTION && r != null) {
            run.set(r.pick(number - 1));
        }
    }

    /** Goes on once something is picked; after the last question shows the score and saves the attempt. */
    public void next() {
        QuizRun r = run.get();
        if (view.get() == View.QUESTION && r != null && r.canGoOn()) {
            advance(r.next());
        }
    }

    public void skip() {
        QuizRun r = run.get();
        if (view.get() == View.QUESTION && r != null) {
            advance(r.skip());
        }
    }

    private void advance(QuizRun next) {
        run.set(next);
        if (next.finished()) {
            view.set(View.SCORE);
            store(next);
        }
    }

    /** Saves the finished run again after a failed save. */
    public void retrySave() {
        QuizRun r = run.get();
        Save s = save.get();
        if (r != null && r.finished() && s != null && s.state() == Save.State.FAILED) {
            store(r);
        }
    }

    private void store(QuizRun finished) {
        save.set(Save.saving());
        Instant at = clock.get();
        CompletableFuture.supplyAsync(() -> {
            try {
                return history.record(finished.quiz(), finished.seed(), finished.answers(), at);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenCompleteAsync((attempt, failure) -> {
            if (run.get() == finished) {
                save.set(failure == null ? new Save(Save.State.SAVED, attempt, "Saved as attempt " + attempt.number()
                        + ".") : new Save(Save.State.FAILED, null, saveProblem(failure)));
            }
            if (failure == null) {
                refreshRows();
            }
        }, ui);
    }

    static String saveProblem(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                : cause.getMessage();
        return "⚠ Your attempt could not be saved: " + why + ".\nYour score and answers are still here: review them,"
                + " or try saving again.";
    }

    /** Leaves the quiz; an unfinished attempt is dropped, a finished one is already saved (or being saved). */
    public void leave() {
        run.set(null);
        save.set(null);
        review.set(null);
        presenting.set(null);
        historyQuiz.set(null);
        attempts.clear();
        view.set(View.LIST);
    }

    /** The finished run's answers beside the right ones. */
    public void reviewRun() {
        QuizRun r = run.get();
        if (r != null && r.finished()) {
            review.set(Review.of(r.quiz(), "Your answers", r.answers()));
            view.set(View.REVIEW);
        }
    }

    /** From the review of a finished run back to its score. */
    public void backToScore() {
        if (view.get() == View.REVIEW && run.get() != null) {
            view.set(View.SCORE);
        }
    }

    // Commands: history

    /** Shows a quiz's attempts, newest first; the view opens one with {@link #openAttempt}. */
    public CompletableFuture<Void> history(Quiz quiz) {
        run.set(null);
        save.set(null);
        review.set(null);
        attempts.clear();
        historyQuiz.set(quiz);
        view.set(View.HISTORY);
        long load = ++historyLoads;
        return CompletableFuture.supplyAsync(() -> history.attempts(quiz.id()), io).thenAcceptAsync(all -> {
            if (load == historyLoads && historyQuiz.get() == quiz) {
                List<Attempt> newest = new ArrayList<>(all);
                newest.sort(Comparator.comparingInt(Attempt::number).reversed());
                attempts.setAll(newest);
            }
        }, ui);
    }

    public void openAttempt(Attempt attempt) {
        Quiz quiz = historyQuiz.get();
        if (quiz == null || attempt == null) {
            review.set(null);
            return;
        }
        // The choices in the order the attempt showed them, which its answers count in.
        review.set(Review.of(quiz.shuffled(attempt.seed()), attempt,
                "Attempt " + attempt.number() + " · " + when(attempt)));
    }

    private static long newSeed() {
        long seed;
        do {
            seed = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        } while (seed == 0);
        return seed;
    }

    /** "12 Mar 2025, 14:03", in the learner's time zone. */
    public String when(Attempt attempt) {
        return WHEN.format(attempt.at().atZone(zone));
    }

    // Commands: class mode

    public void present(Quiz quiz) {
        run.set(null);
        save.set(null);
        review.set(null);
        presenting.set(new Presenting(quiz, 0, false));
        view.set(View.CLASS);
    }

    /** Shows or hides the answer of the question on screen. */
    public void reveal() {
        Presenting p = presenting.get();
        if (p != null) {
            presenting.set(new Presenting(p.quiz(), p.index(), !p.revealed()));
        }
    }

    /** Moves {@code by} questions (negative: back); a new question starts with its answer hidden. */
    public void move(int by) {
        Presenting p = presenting.get();
        if (p == null) {
            return;
        }
        int to = Math.max(0, Math.min(p.count() - 1, p.index() + by));
        if (to != p.index()) {
            presenting.set(new Presenting(p.quiz(), to, false));
        }
    }

    /** The row of a quiz in the list, if it is there. */
    public Optional<Row> row(String quizId) {
        return rows.stream().filter(r -> r.ok() && r.quiz().id().equals(quizId)).findFirst();
    }
}
