package dev.kafkalab.ui.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.course.Course;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.quiz.Attempt;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.quiz.QuizHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiz screen's state without a window: direct executors, the test course, a progress file in a temp folder. */
class QuizViewModelTest {

    private static final Instant NOW = Instant.parse("2025-03-12T14:03:00Z");

    @TempDir
    Path dir;

    private Course course;
    private QuizViewModel vm;
    private Quiz quiz;

    @BeforeEach
    void setUp() throws IOException {
        course = TestCourse.write(dir);
        quiz = course.quiz(TestCourse.QUIZ_ID).orElseThrow();
        vm = model();
        vm.show(course);
    }

    private QuizViewModel model() {
        return new QuizViewModel(new QuizHistory(new ProgressStore(dir.resolve("progress.properties"))), Runnable::run,
                Runnable::run, () -> NOW, ZoneOffset.UTC, () -> 0);
    }

    @Test
    void theListHasTheQuizzesByModuleThenTheFileThatDidNotLoad() {
        assertEquals(3, vm.rows().size());
        QuizViewModel.Row row = vm.rows().get(0);
        assertEquals(quiz, row.quiz());
        assertEquals(0, row.attempts());
        assertNull(row.best());
        assertEquals(TestCourse.SECOND_ID, vm.rows().get(1).quiz().id());
        QuizViewModel.Row broken = vm.rows().get(2);
        assertFalse(broken.ok());
        assertEquals("04-broken.quiz.md:5: question 1 has no right choice: mark one '- [x]'", broken.problem());
    }

    @Test
    void aSingleChoiceKeepsOnePickAndAMultipleChoiceToggles() {
        vm.take(quiz);
        assertEquals(QuizViewModel.View.QUESTION, vm.view().get());
        vm.next();
        assertEquals(0, vm.run().get().index(), "Next does nothing until something is picked");
        vm.pick(2);
        vm.pick(1);
        vm.pick(7);
        assertEquals(Set.of(0), vm.run().get().picked(), "the last pick wins; a choice that is not there is ignored");
        vm.next();

        vm.pick(1);
        vm.pick(3);
        vm.pick(2);
        vm.pick(2);
        assertEquals(Set.of(0, 2), vm.run().get().picked());
        vm.next();
        vm.skip();
        vm.pick(1);
        vm.next();

        QuizRun run = vm.run().get();
        assertTrue(run.finished());
        assertEquals(List.of(Set.of(0), Set.of(0, 2), Set.of(), Set.of(0)), run.answers());
        assertEquals("2 of 4 right (50 %)", run.scoreText());
        assertEquals(QuizViewModel.View.SCORE, vm.view().get());
    }

    @Test
    void aFinishedQuizIsSavedAndTheListShowsItsBest() {
        answerAll(List.of(1), List.of(1, 3), List.of(2), List.of(2));
        QuizViewModel.Save save = vm.save().get();
        assertEquals(QuizViewModel.Save.State.SAVED, save.state());
        assertEquals(new Attempt(quiz.id(), 1, NOW, 4, 4, List.of(Set.of(0), Set.of(0, 2), Set.of(1), Set.of(1))),
                save.attempt());
        assertEquals("Saved as attempt 1.", save.message());
        QuizViewModel.Row row = vm.row(quiz.id()).orElseThrow();
        assertEquals(1, row.attempts());
        assertEquals(100, row.best().percent());

        QuizViewModel fresh = model();
        fresh.show(course);
        assertEquals(1, fresh.row(quiz.id()).orElseThrow().attempts(), "read back from the file");
    }

    @Test
    void aFailedSaveSaysSoKeepsTheScoreAndCanBeTriedAgain() throws IOException {
        Path inTheWay = Files.createDirectory(dir.resolve("progress.properties.tmp"));
        answerAll(List.of(2), List.of(1, 3), List.of(1), List.of(2));
        QuizViewModel.Save save = vm.save().get();
        assertEquals(QuizViewModel.Save.State.FAILED, save.state());
        assertTrue(save.message().startsWith("⚠ Your attempt could not be saved: "), save.message());
        assertTrue(save.message().endsWith("Your score and answers are still here: review them, or try saving again."));
        assertEquals(QuizViewModel.View.SCORE, vm.view().get());
        assertEquals("2 of 4 right (50 %)", vm.run().get().scoreText());
        vm.reviewRun();
        assertEquals(4, vm.review().get().items().size(), "the answers can still be reviewed");
        vm.backToScore();

        Files.delete(inTheWay);
        vm.retrySave();
        assertEquals(QuizViewModel.Save.State.SAVED, vm.save().get().state());
        assertEquals(1, vm.save().get().attempt().number());
    }

    @Test
    void leavingAQuizDropsTheAttempt() {
        vm.take(quiz);
        vm.pick(1);
        vm.next();
        vm.leave();
        assertEquals(QuizViewModel.View.LIST, vm.view().get());
        assertNull(vm.run().get());
        assertEquals(0, vm.row(quiz.id()).orElseThrow().attempts());
        assertEquals(List.of(), new QuizHistory(new ProgressStore(dir.resolve("progress.properties"))).attempts(quiz.id()));
    }

    @Test
    void theReviewMarksRightChoicesAndWrongPicksApart() {
        answerAll(List.of(2), List.of(1), List.of(), List.of(2));
        vm.reviewRun();
        Review review = vm.review().get();
        assertEquals("1 of 4 right (25 %)", review.scoreText());
        Review.Item first = review.items().get(0);
        assertFalse(first.right());
        assertEquals(List.of(Review.Mark.RIGHT_MISSED, Review.Mark.WRONG_PICKED, Review.Mark.PLAIN), first.marks());
        Review.Item second = review.items().get(1);
        assertFalse(second.right(), "one of two right choices is not right");
        assertEquals(List.of(Review.Mark.RIGHT_PICKED, Review.Mark.PLAIN, Review.Mark.RIGHT_MISSED, Review.Mark.PLAIN),
                second.marks());
        assertTrue(review.items().get(2).skipped());
        assertTrue(review.items().get(3).right());
    }

    @Test
    void historyListsAttemptsNewestFirstAndOpensTheirAnswers() {
        answerAll(List.of(2), List.of(1), List.of(), List.of(2));
        vm.leave();
        answerAll(List.of(1), List.of(1, 3), List.of(2), List.of(2));
        vm.leave();
        vm.history(quiz);
        assertEquals(QuizViewModel.View.HISTORY, vm.view().get());
        assertEquals(List.of(2, 1), vm.attempts().stream().map(Attempt::number).toList());
        vm.openAttempt(vm.attempts().get(1));
        Review review = vm.review().get();
        assertEquals("Attempt 1 · 12 Mar 2025, 14:03", review.heading());
        assertEquals(Set.of(1), review.items().get(0).picked());
        assertFalse(review.stale());
    }

    @Test
    void classModeHidesTheAnswerUntilRevealedAndRecordsNothing() {
        vm.present(quiz);
        assertEquals(QuizViewModel.View.CLASS, vm.view().get());
        assertFalse(vm.presenting().get().revealed());
        vm.reveal();
        assertTrue(vm.presenting().get().revealed());
        vm.move(1);
        assertEquals(1, vm.presenting().get().index());
        assertFalse(vm.presenting().get().revealed(), "the next question starts hidden");
        vm.move(10);
        assertEquals(3, vm.presenting().get().index(), "stops at the last question");
        vm.move(-10);
        assertEquals(0, vm.presenting().get().index());
        vm.pick(1);
        vm.next();
        vm.leave();
        assertEquals(0, vm.row(quiz.id()).orElseThrow().attempts());
    }

    @Test
    void eachAttemptShowsItsOwnOrderAndItsReviewShowsThatOrderAgain() {
        long[] seeds = {23, 11};
        int[] next = {0};
        vm = new QuizViewModel(new QuizHistory(new ProgressStore(dir.resolve("progress.properties"))), Runnable::run,
                Runnable::run, () -> NOW, ZoneOffset.UTC, () -> seeds[next[0]++]);
        vm.show(course);
        vm.take(quiz);
        List<String> seen = vm.run().get().question().choices();
        assertEquals(quiz.shuffled(23).questions().get(0).choices(), seen);
        assertNotEquals(quiz.questions().get(0).choices(), seen, "seed 23 moves question 1's choices");
        // The right choice of question 1 wherever this attempt shows it, then question 2's first.
        int right = vm.run().get().question().correct().iterator().next() + 1;
        vm.pick(right);
        vm.next();
        answerRest();
        assertEquals(23, vm.save().get().attempt().seed());
        vm.leave();
        vm.take(quiz);
        answerRest();
        vm.leave();
        vm.history(quiz);
        vm.openAttempt(vm.attempts().get(1));
        Review review = vm.review().get();
        assertEquals(seen, review.items().get(0).question().choices(), "the review shows the order the attempt showed");
        assertTrue(review.items().get(0).right(), "the right pick is right in that order");
        assertEquals(Set.of(right - 1), review.items().get(0).picked());
    }

    private void answerRest() {
        while (vm.view().get() == QuizViewModel.View.QUESTION) {
            vm.pick(1);
            vm.next();
        }
    }

    @SafeVarargs
    private void answerAll(List<Integer>... picks) {
        vm.take(quiz);
        for (List<Integer> p : picks) {
            if (p.isEmpty()) {
                vm.skip();
            } else {
                p.forEach(vm::pick);
                vm.next();
            }
        }
    }
}
