package dev.kafkalab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course made in a folder: broken files and links are listed with file and line, the rest loads. */
class CourseTest {

    @TempDir
    Path slides;

    private static final String QUESTION = "## Which is right?\n- [x] This\n- [ ] That\n@see %s\n\n### Why\nBecause.\n";

    @Test
    void aBrokenDeckIsListedAndTheOthersLoad() throws Exception {
        Files.writeString(slides.resolve("01-good.md"), "---\ntitle: Good\nmodule: 1\n---\n# One\n---\n# Two\n");
        Files.writeString(slides.resolve("02-bad.md"), "---\ntitle: Bad\nmodule: 2\n---\n# One\n@live pie\n");
        Files.writeString(slides.resolve("01-good.quiz.md"), "---\ntitle: Good\nmodule: 1\n---\n"
                + String.format(QUESTION, "slide:01-good#2"));

        Course course = Course.load(Path.of("labs"), slides);

        assertEquals(List.of("01-good"), course.decks().stream().map(d -> d.id()).toList());
        assertEquals(List.of("01-good.quiz"), course.quizzes().stream().map(q -> q.id()).toList());
        assertEquals(List.of("02-bad.md:6: unknown widget 'pie'; known: brokers, partitions, group, timeline, map"),
                course.problems().stream().map(FormatException::getMessage).toList());
    }

    @Test
    void linksToStepsAndSlidesThatDoNotExistNameTheirFileAndLine() throws Exception {
        Files.writeString(slides.resolve("01-deck.md"), "---\ntitle: Deck\nmodule: 1\n---\n# One\n"
                + "@open lab:03-replication-failover#99\n");
        Files.writeString(slides.resolve("01-deck.quiz.md"), "---\ntitle: Quiz\nmodule: 1\n---\n\n"
                + String.format(QUESTION, "slide:01-deck#1") + String.format(QUESTION, "slide:01-nothing#1"));

        Course course = Course.load(Path.of("labs"), slides);

        List<String> problems = course.problems().stream().map(FormatException::getMessage).toList();
        assertEquals(List.of("01-deck.md:6: lab 03-replication-failover has 7 steps, not 99",
                "01-deck.quiz.md:13: no deck '01-nothing' in slides/ (or it does not load)"), problems);
        assertTrue(course.decks().isEmpty() && course.quizzes().isEmpty(), "a file with a broken link is not offered");
    }
}
