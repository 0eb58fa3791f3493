package dev.kafkalab.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.content.FormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The quiz format: the three kinds of question, and every mistake named with its line. */
class QuizParserTest {

    private static final Path FILE = Path.of("slides/05-cluster-failover.quiz.md");

    private static final String FRONT = """
            ---
            title: Cluster and failover
            module: 5
            ---
            """;

    private static final String QUIZ = FRONT + """

            ## What picks the partition of a record?
            A record with a key:

            ```
            ## not a question: inside a code block
            ```
            - [x] The producer, before it sends the record
            - [ ] The broker that leads the topic
            - [ ] The controller
            @see lab:02-where-records-land#2

            ### Why
            The producer's **partitioner** computes it.

            ## Which settings make a write survive one broker?
            - [x] `replication.factor=3`
            - [ ] `acks=0`
            - [X] `min.insync.replicas=2`
            @see slide:05-cluster-failover#4

            ### Why
            Three copies, and two of them must have it.
            ```
            @not-a-directive inside code
            ```

            ## A follower in the ISR can become the leader.
            - [x] True
            - [ ] False
            @see lab:03-replication-failover#3
            ### Why
            That is what the ISR is for.
            """;

    @Test
    void readsTheThreeKindsOfQuestion() throws FormatException {
        Quiz quiz = QuizParser.parse(FILE, QUIZ);
        assertEquals("05-cluster-failover.quiz", quiz.id());
        assertEquals("Cluster and failover", quiz.title());
        assertEquals(5, quiz.module());
        assertEquals(3, quiz.questions().size());

        Question single = quiz.questions().get(0);
        assertEquals(Question.Kind.SINGLE, single.kind());
        assertEquals("What picks the partition of a record?", single.text());
        assertEquals("A record with a key:\n\n```\n## not a question: inside a code block\n```", single.detail());
        assertEquals(List.of("The producer, before it sends the record", "The broker that leads the topic",
                "The controller"), single.choices());
        assertEquals(Set.of(0), single.correct());
        assertEquals(new ContentLink(ContentLink.Kind.LAB, "02-where-records-land", 2), single.see());
        assertEquals("The producer's **partitioner** computes it.", single.why());
        assertEquals(6, single.line());

        Question multiple = quiz.questions().get(1);
        assertEquals(Question.Kind.MULTIPLE, multiple.kind());
        assertEquals(Set.of(0, 2), multiple.correct(), "[X] counts as [x]");
        assertEquals(new ContentLink(ContentLink.Kind.SLIDE, "05-cluster-failover", 4), multiple.see());
        assertTrue(multiple.why().endsWith("@not-a-directive inside code\n```"), multiple.why());

        Question trueFalse = quiz.questions().get(2);
        assertEquals(Question.Kind.TRUE_FALSE, trueFalse.kind());
        assertEquals(3, trueFalse.number());
    }

    @Test
    void aMultipleChoiceIsRightOnlyWithExactlyTheRightChoices() throws FormatException {
        Quiz quiz = QuizParser.parse(FILE, QUIZ);
        Question multiple = quiz.questions().get(1);
        assertTrue(multiple.isRight(Set.of(0, 2)));
        assertEquals(false, multiple.isRight(Set.of(0)));
        assertEquals(false, multiple.isRight(Set.of(0, 1, 2)));
        assertEquals(2, quiz.score(List.of(Set.of(0), Set.of(0, 2), Set.of(1))));
        assertEquals(1, quiz.score(List.of(Set.of(0))), "answers missing at the end count as wrong");
    }

    /** {@code /} stands for a line break, so a whole question fits a table row; its heading is line 5. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no right choice | ## Q?/- [ ] a/- [ ] b/@see lab:x#1/### Why/w | 5 | question 1 has no right choice: mark one '- [x]'
            one choice | ## Q?/- [x] a/@see lab:x#1/### Why/w | 5 | question 1 has 1 choice; give 2 to 6
            seven choices | ## Q?/- [x] a/- [ ] b/- [ ] c/- [ ] d/- [ ] e/- [ ] f/- [ ] g/@see lab:x#1/### Why/w | 5 | question 1 has 7 choices; give 2 to 6
            missing @see | ## Q?/- [x] a/- [ ] b/### Why/w | 5 | question 1 has no @see: link the slide or lab step that shows it
            missing Why | ## Q?/- [x] a/- [ ] b/@see lab:x#1 | 5 | question 1 has no '### Why' explanation
            an empty Why | ## Q?/- [x] a/- [ ] b/@see lab:x#1/### Why/ | 5 | question 1 has no '### Why' explanation
            bad @see link | ## Q?/- [x] a/- [ ] b/@see the replication lab/### Why/w | 8 | @see needs lab:<lab>#<step> or slide:<deck>#<slide>, not 'the replication lab'
            two @see lines | ## Q?/- [x] a/- [ ] b/@see lab:x#1/@see lab:x#2/### Why/w | 9 | a question has one @see
            unknown @-line | ## Q?/- [x] a/- [ ] b/@open lab:x#1/### Why/w | 8 | unknown '@open': a question has @see
            @see after Why | ## Q?/- [x] a/- [ ] b/### Why/w/@see lab:x#1 | 10 | @-lines go before '### Why'
            text after choices | ## Q?/- [x] a/- [ ] b/Some more text/@see lab:x#1/### Why/w | 8 | text after the choices: put it above them, or under '### Why'
            a broken choice | ## Q?/- [x] a/- [] b/@see lab:x#1/### Why/w | 7 | a choice is '- [x] text' (right) or '- [ ] text' (wrong)
            text before questions | Welcome to the quiz/## Q?/- [x] a/- [ ] b/@see lab:x#1/### Why/w | 5 | text before the first question: each question starts with a '## ' heading
            no questions |  | 5 | no questions: each starts with a '## ' heading
            an empty heading | ##  /- [x] a/- [ ] b/@see lab:x#1/### Why/w | 5 | a question heading needs the question
            """)
    void everyMistakeNamesItsLine(String what, String body, int line, String reason) {
        String text = FRONT + (body == null ? "" : body.replace("/", "\n"));
        FormatException e = assertThrows(FormatException.class, () -> QuizParser.parse(FILE, text), what);
        assertEquals(reason, e.reason(), what);
        assertEquals(line, e.line(), what + ": " + e.getMessage());
        assertEquals("05-cluster-failover.quiz.md:" + line + ": " + reason, e.getMessage());
    }

    @Test
    void theSecondQuestionsMistakeNamesTheSecondQuestion() {
        String text = QUIZ + "\n## Which is a broker?\n- [ ] a\n- [ ] b\n@see lab:x#1\n### Why\nw\n";
        FormatException e = assertThrows(FormatException.class, () -> QuizParser.parse(FILE, text));
        assertEquals("question 4 has no right choice: mark one '- [x]'", e.reason());
        assertEquals(QUIZ.split("\n", -1).length + 1, e.line());
    }
}
