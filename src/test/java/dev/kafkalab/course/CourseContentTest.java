package dev.kafkalab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.FormatException;
import dev.kafkalab.quiz.Question;
import dev.kafkalab.quiz.Quiz;
import dev.kafkalab.slides.Deck;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course in the repository: every deck and quiz in {@code slides/} loads, every link and
 * directive resolves (a broken one fails naming file and line), and each of the 14 modules has a
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
        assertEquals(IntStream.rangeClosed(1, 14).boxed().toList(), course.decks().stream().map(Deck::module).sorted()
                .toList(), "decks per module: " + course.decks().stream().map(Deck::id).toList());
    }

    @Test
    void noQuestionSaysHowManyChoicesAreRightTheScreensSayIt() {
        for (Quiz quiz : course.quizzes()) {
            for (var q : quiz.questions()) {
                assertTrue(!q.text().toLowerCase(java.util.Locale.ROOT).contains("all that apply"), quiz.id() + " question "
                        + q.number() + " says it; the question and class views say it for every multiple-choice question");
            }
        }
    }

    @Test
    void eachModuleHasOneQuizOfSixToTenQuestions() {
        assertEquals(IntStream.rangeClosed(1, 14).boxed().toList(), course.quizzes().stream().map(Quiz::module).sorted()
                .toList(), "quizzes per module: " + course.quizzes().stream().map(Quiz::id).toList());
        for (Quiz q : course.quizzes()) {
            int n = q.questions().size();
            assertTrue(n >= 6 && n <= 10, q.id() + " has " + n + " questions");
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
