package dev.kafkalab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.FormatException;
import dev.kafkalab.quiz.Question;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.slides.Deck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course in the repository: every deck and quiz in {@code slides/} loads, every link and
 * directive resolves (a broken one fails naming file and line), and each of the 15 modules has a
 * deck and a quiz of 6 to 10 questions.
 */
class CourseContentTest {

    private static Course course;

    @BeforeAll
    static void load() {
        course = Course.load(Path.of("labs"), Path.of("slides"));
    }

    @Test
    void everyFileLoadsAndEveryLinkLeadsSomewhere() {
        assertEquals(List.of(), course.problems().stream().map(FormatException::getMessage).toList());
    }

    @Test
    void eachModuleHasOneDeck() {
        assertEquals(IntStream.rangeClosed(1, 15).boxed().toList(), course.decks().stream().map(Deck::module).sorted()
                .toList(), "decks per module: " + course.decks().stream().map(Deck::id).toList());
    }

    @Test
    void noQuestionSaysHowManyChoicesAreRightTheScreensSayIt() {
        for (Quiz quiz : course.quizzes()) {
            for (Question q : quiz.questions()) {
                assertTrue(!q.text().toLowerCase(java.util.Locale.ROOT).contains("all that apply"), quiz.id() + " question "
                        + q.number() + " says it; the question and class views say it for every multiple-choice question");
            }
        }
    }

    @Test
    void noSlideHasACodeBlockOfMoreThanFourteenLines() {
        List<String> tooLong = new ArrayList<>();
        for (Deck deck : course.decks()) {
            for (var slide : deck.slides()) {
                for (var part : slide.parts()) {
                    if (part instanceof dev.kafkalab.slides.Slide.Text text) {
                        int inside = -1;
                        for (String line : text.markdown().split("\n", -1)) {
                            if (line.strip().startsWith("```")) {
                                if (inside > 14) {
                                    tooLong.add(deck.id() + " slide " + slide.number() + ": a code block of " + inside
                                            + " lines");
                                }
                                inside = inside < 0 ? 0 : -1;
                            } else if (inside >= 0) {
                                inside++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(tooLong.isEmpty(), "readable at 1280x720 means at most 14 lines of code: " + tooLong);
    }

    @Test
    void noQuestionIsAskedAgainInAnotherModule() {
        List<String> again = new ArrayList<>();
        List<Quiz> quizzes = course.quizzes();
        for (int a = 0; a < quizzes.size(); a++) {
            for (int b = a + 1; b < quizzes.size(); b++) {
                for (var x : quizzes.get(a).questions()) {
                    for (var y : quizzes.get(b).questions()) {
                        double alike = alike(words(x), words(y));
                        if (alike > 0.3) {
                            again.add(String.format(Locale.ROOT, "%s:%d and %s:%d share %.0f%% of their words: %s",
                                    quizzes.get(a).id(), x.line(), quizzes.get(b).id(), y.line(), 100 * alike, x.text()));
                        }
                    }
                }
            }
        }
        assertTrue(again.isEmpty(), String.join("\n", again));
    }

    /** The words of a question and its right answers that say something. */
    private static Set<String> words(Question q) {
        StringBuilder text = new StringBuilder(q.text());
        q.correct().forEach(i -> text.append(' ').append(q.choices().get(i)));
        return Arrays.stream(text.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9. ]", " ").split("\\s+"))
                .filter(w -> !w.isBlank() && !FILLER.contains(w)).collect(Collectors.toSet());
    }

    private static double alike(Set<String> x, Set<String> y) {
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return either.isEmpty() ? 0 : (double) both.size() / either.size();
    }

    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "to", "is", "in", "and", "or", "what",
            "which", "does", "do", "it", "its", "with", "on", "for", "by", "that", "this", "be", "are", "at", "as",
            "when", "one", "from", "how", "happens", "kafka");

    @Test
    void eachModuleHasOneQuizOfEightToTwelveQuestions() {
        assertEquals(IntStream.rangeClosed(1, 15).boxed().toList(), course.quizzes().stream().map(Quiz::module).sorted()
                .toList(), "quizzes per module: " + course.quizzes().stream().map(Quiz::id).toList());
        for (Quiz q : course.quizzes()) {
            int n = q.questions().size();
            assertTrue(n >= 8 && n <= 12, q.id() + " has " + n + " questions");
        }
    }

    @Test
    void eachDeckIsNamedAfterItsModuleAndItsQuizAfterTheDeck() {
        for (Deck d : course.decks()) {
            assertTrue(d.id().startsWith(String.format("%02d-", d.module())), d.id() + " is module " + d.module());
            assertTrue(course.quiz(d.id() + ".quiz").isPresent(), d.id() + " has no " + d.id() + ".quiz.md");
        }
    }

    @Test
    void quizzesUseEveryKindOfQuestion() {
        List<Question.Kind> kinds = course.quizzes().stream().flatMap(q -> q.questions().stream()).map(Question::kind)
                .distinct().sorted().toList();
        assertEquals(List.of(Question.Kind.values()), kinds);
    }
}
