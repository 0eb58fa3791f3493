package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lab file format, read from small hand-written texts. */
class LabParserTest {

    private static final Path FILE = Path.of("x.md");

    /** A valid lab; the bad ones below are this text with one line changed, added or removed. */
    private static final String GOOD = """
            ---
            title: A small lab
            module: 5
            minutes: 10
            goal: Try the parser.
            ---
            Some introduction.

            ## Kill the leader

            Kill the leader of partition 0.

            @action kill-broker broker=leader-of:t/0 as=victim label="Kill it now"
            @check leader-moved topic=t partition=0

            ### Hint
            Look at the row.

            ### Why
            The controller fenced it.

            ## Start it again

            Press **Start**.

            @action start-broker broker=$victim
            @check isr-full topic=t
            """;

    @Test
    void aGoodLabHasItsFrontMatterIntroductionAndSteps() throws LabFormatException {
        Lab lab = LabParser.parse(FILE, GOOD);

        assertEquals("x", lab.id());
        assertEquals("A small lab", lab.title());
        assertEquals(5, lab.module());
        assertEquals(10, lab.minutes());
        assertEquals("Try the parser.", lab.goal());
        assertEquals("Some introduction.", lab.intro());
        assertEquals(List.of("Kill the leader", "Start it again"), lab.steps().stream().map(Step::title).toList());
    }

    @Test
    void aStepHasItsInstructionsActionsCheckHintWhyAndLines() throws LabFormatException {
        Step step = LabParser.parse(FILE, GOOD).steps().get(0);

        assertEquals(1, step.number());
        assertEquals(9, step.line());
        assertEquals("Kill the leader of partition 0.", step.instructions());
        assertEquals(1, step.actions().size());
        Directive kill = step.actions().get(0);
        assertEquals("kill-broker", kill.name());
        assertEquals(Map.of("broker", "leader-of:t/0", "as", "victim", "label", "Kill it now"), kill.args());
        assertEquals(13, kill.line());
        assertEquals("leader-moved", step.check().name());
        assertEquals(Map.of("topic", "t", "partition", "0"), step.check().args());
        assertEquals(0, step.check().integer("partition"));
        assertEquals(14, step.check().line());
        assertEquals("Look at the row.", step.hint());
        assertEquals("The controller fenced it.", step.explanation());
    }

    @Test
    void aStepNamesWhatToLookAtAndItsScreenFollowsTheFirst() throws LabFormatException {
        Lab lab = LabParser.parse(FILE, GOOD.replace("@check isr-full topic=t", "@look records-sent partitions\n@check isr-full topic=t"));

        Step step = lab.steps().get(1);
        assertEquals(java.util.List.of("records-sent", "partitions"), step.looks());
        assertEquals(LabScreen.PRODUCE, Vocabulary.screenOf(step));
        assertEquals(java.util.List.of(), lab.steps().get(0).looks());
    }

    @Test
    void aStepWithoutHintOrWhyHasEmptyOnes() throws LabFormatException {
        Step step = LabParser.parse(FILE, GOOD).steps().get(1);

        assertEquals(2, step.number());
        assertEquals(22, step.line());
        assertEquals("$victim", step.actions().get(0).text("broker"));
        assertEquals("", step.hint());
        assertEquals("", step.explanation());
    }

    @Test
    void theLabListsTheTopicsAndGroupsItsActionsCreate() throws LabFormatException {
        Lab lab = LabParser.parse(FILE, GOOD.replace("Press **Start**.", """
                Press **Start**.

                @action create-topic topic=fresh partitions=1 replication-factor=3
                @action start-group group=readers topic=fresh members=2"""));

        assertEquals(List.of("fresh"), lab.topics());
        assertEquals(List.of("readers"), lab.groups());
    }

    @Test
    void windowsLineEndingsReadLikeUnixOnes() throws LabFormatException {
        Lab lab = LabParser.parse(FILE, GOOD.replace("\n", "\r\n"));

        assertEquals("Kill it now", lab.steps().get(0).actions().get(0).text("label"));
        assertEquals(14, lab.steps().get(0).check().line());
    }

    @Test
    void anAtLineInsideAFencedCodeBlockIsTextNotADirective() throws LabFormatException {
        Lab lab = LabParser.parse(FILE, GOOD.replace("Kill the leader of partition 0.", """
                Kill the leader of partition 0. A lab file would say:

                ```
                @check broker-state broker=2 state=killed
                ## not a step either
                ```"""));

        Step step = lab.steps().get(0);
        assertEquals(2, lab.steps().size());
        assertTrue(step.instructions().contains("@check broker-state broker=2 state=killed"), step.instructions());
        assertTrue(step.instructions().contains("## not a step either"), step.instructions());
        assertEquals("leader-moved", step.check().name());
    }

    @Test
    void otherThirdLevelHeadingsStayInTheText() throws LabFormatException {
        Lab lab = LabParser.parse(FILE, GOOD.replace("Look at the row.", "Look at the row.\n\n### Going further\nRead on."));

        assertEquals("Look at the row.\n\n### Going further\nRead on.", lab.steps().get(0).hint());
    }

    @Test
    void aDirectiveIsWrittenBackAsItWasRead() throws LabFormatException {
        Directive kill = LabParser.parse(FILE, GOOD).steps().get(0).actions().get(0);

        assertEquals("kill-broker as=victim broker=leader-of:t/0 label=\"Kill it now\"", kill.source());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLabs")
    void aBadLabNamesTheLineAndTheReason(String problem, String text, int line, String reason) {
        LabFormatException e = assertThrows(LabFormatException.class, () -> LabParser.parse(FILE, text));

        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), "'" + e.reason() + "' should say '" + reason + "'");
        assertEquals("x.md:" + line + ": " + e.reason(), e.getMessage());
        assertEquals(FILE, e.file());
    }

    static Stream<Arguments> badLabs() {
        return Stream.of(
                bad("no front matter", GOOD.substring(GOOD.indexOf("title:")), 1,
                        "must start with a '---' line"),
                bad("front matter never closed", GOOD.substring(0, GOOD.indexOf("---\nSome")), 1,
                        "the front matter is never closed"),
                bad("unknown front matter key", GOOD.replace("minutes: 10", "author: me"), 4,
                        "unknown key 'author'; known: title, module, minutes, goal"),
                bad("front matter line without a colon", GOOD.replace("minutes: 10", "minutes 10"), 4,
                        "'minutes 10' is not 'key: value'"),
                bad("missing goal", GOOD.replace("goal: Try the parser.\n", ""), 5,
                        "the front matter has no goal:"),
                bad("module not a number", GOOD.replace("module: 5", "module: five"), 3,
                        "module: 'five' is not a positive whole number"),
                bad("module zero", GOOD.replace("module: 5", "module: 0"), 3,
                        "module: '0' is not a positive whole number"),
                bad("an @-line before the first step", GOOD.replace("Some introduction.", "@check isr-full topic=t"), 7,
                        "@-lines belong inside a step"),
                bad("no steps at all", GOOD.substring(0, GOOD.indexOf("## Kill")), 9,
                        "no steps"),
                bad("step heading without a title", GOOD.replace("## Start it again", "## "), 22,
                        "a step heading needs a title"),
                bad("step without instructions", GOOD.replace("Press **Start**.", ""), 22,
                        "step 'Start it again' says nothing to do"),
                bad("step without @check", GOOD.replace("@check leader-moved topic=t partition=0\n", ""), 9,
                        "step 'Kill the leader' has no @check line"),
                bad("two @checks in one step", GOOD.replace("@check leader-moved topic=t partition=0",
                        "@check leader-moved topic=t partition=0\n@check isr-full topic=t"), 15,
                        "a step has one @check; this step already has one on line 14"),
                bad("neither @check nor @action", GOOD.replace("@check leader-moved", "@test leader-moved"), 14,
                        "unknown '@test': use @check, @action or @look"),
                bad("@look at something unknown", GOOD.replace("@action start-broker", "@look node-cards radar\n@action start-broker"),
                        26, "@look: unknown 'radar'; known: node-cards,"),
                bad("@look at nothing", GOOD.replace("@action start-broker", "@look\n@action start-broker"), 26,
                        "@look names what to look at"),
                bad("unknown check", GOOD.replace("@check leader-moved", "@check leader-jumped"), 14,
                        "unknown check 'leader-jumped'; known: topic-exists,"),
                bad("unknown action", GOOD.replace("@action kill-broker", "@action shoot-broker"), 13,
                        "unknown action 'shoot-broker'; known: create-topic,"),
                bad("a directive without a name", GOOD.replace("@check leader-moved topic=t partition=0", "@check "), 14,
                        "the @-line names no check"),
                bad("missing required argument", GOOD.replace("topic=t partition=0", "topic=t"), 14,
                        "'leader-moved' needs partition=..."),
                bad("argument the check does not take", GOOD.replace("topic=t partition=0", "topic=t partition=0 size=2"),
                        14, "'leader-moved' takes no 'size'"),
                bad("argument given twice", GOOD.replace("topic=t partition=0", "topic=t partition=0 topic=u"), 14,
                        "topic is given twice"),
                bad("a token that is not key=value", GOOD.replace("topic=t partition=0", "topic=t partition 0"), 14,
                        "'partition' is not key=value"),
                bad("bad number", GOOD.replace("partition=0", "partition=zero"), 14,
                        "partition=zero: must be a whole number"),
                bad("negative number", GOOD.replace("partition=0", "partition=-1"), 14,
                        "partition=-1: must be a whole number"),
                bad("bad decimal", GOOD.replace("@check isr-full topic=t", "@check producer-metric metric=batch-size-avg above=1,5"),
                        27, "above=1,5: must be a number like 1.5"),
                bad("producer-metric needs one bound", GOOD.replace("@check isr-full topic=t",
                        "@check producer-metric metric=batch-size-avg"), 27, "needs exactly one of above=... or below=..."),
                bad("value outside a choice", GOOD.replace("@check isr-full topic=t", "@check broker-state broker=2 state=asleep"),
                        27, "state=asleep: one of running, stopped, killed, frozen, fenced, serving"),
                bad("bad broker reference", GOOD.replace("broker=$victim", "broker=the-leader"), 26,
                        "broker=the-leader: a broker id (2), leader-of:<topic>/<partition>"),
                bad("as= name not in lower case", GOOD.replace("as=victim", "as=Victim"), 13,
                        "as=Victim: a name in lower case"),
                bad("produce with key and keys", GOOD.replace("@action start-broker broker=$victim",
                        "@action produce topic=t key=k keys=random"), 26, "takes key=... or keys=..., not both"),
                bad("unclosed quote", GOOD.replace("label=\"Kill it now\"", "label=\"Kill it now"), 13,
                        "the quote after label= is never closed"),
                // The parser finds an unclosed fence when the file ends, and names that last line.
                bad("unclosed code block", GOOD.replace("Kill the leader of partition 0.", "```\nkafka-topics.sh --list"),
                        GOOD.split("\n", -1).length + 1, "a ``` code block in step 'Kill the leader' is never closed"));
    }

    private static Arguments bad(String problem, String text, int line, String reason) {
        return Arguments.of(problem, text, line, reason);
    }
}
