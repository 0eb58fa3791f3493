package dev.kafkalab.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.content.FormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeckParserTest {

    private static final Path FILE = Path.of("slides/05-test.md");
    private static final String HEAD = "---\ntitle: Cluster and failover\nmodule: 5\n---\n";

    @Test
    void slidesAreSplitByDashLinesWithNotesWidgetsAndButtons() throws Exception {
        Deck deck = DeckParser.parse(FILE, HEAD + """
                # Cluster and failover
                Three brokers.

                Note:
                Say hello.
                Then the demo.
                ---
                ## Who leads?
                @live partitions topic=my-failsafe-topic
                Kill it.
                @open lab:03-replication-failover#3 "Do it: lab 3"
                ---
                ## Code
                ```sh
                ---
                @live brokers
                ```
                """);

        assertEquals("05-test", deck.id());
        assertEquals(5, deck.module());
        assertEquals(3, deck.slides().size());
        Slide first = deck.slides().get(0);
        assertEquals("Cluster and failover", first.title());
        assertEquals("Say hello.\nThen the demo.", first.notes());
        assertEquals(5, first.line());
        Slide second = deck.slides().get(1);
        assertEquals(4, second.parts().size());
        Slide.Live live = (Slide.Live) second.parts().get(1);
        assertEquals(Slide.Widget.PARTITIONS, live.widget());
        assertEquals(Map.of("topic", "my-failsafe-topic"), live.args());
        assertEquals(13, live.line());
        Slide.Open open = (Slide.Open) second.parts().get(3);
        assertEquals(new ContentLink(ContentLink.Kind.LAB, "03-replication-failover", 3), open.link());
        assertEquals("Do it: lab 3", open.label());
        assertEquals(List.of(15), deck.references().stream().map(r -> r.line()).toList());
        // Inside a code block, --- and @lines are code.
        Slide code = deck.slides().get(2);
        assertEquals(1, code.parts().size());
        assertTrue(((Slide.Text) code.parts().get(0)).markdown().contains("@live brokers"));
    }

    @Test
    void markdownLinksToLabsAndSlidesAreCollectedWithTheirLines() throws Exception {
        Deck deck = DeckParser.parse(FILE, HEAD + "# One\nSee [the lab](lab:04-consumer-groups#2) and"
                + " [slide 3](slide:02-producers#3), or [Kafka](https://kafka.apache.org).\n");

        assertEquals(List.of("lab:04-consumer-groups#2@6", "slide:02-producers#3@6"), deck.references().stream()
                .map(r -> r.link().source() + "@" + r.line()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "an unknown widget|# A\\n@live pie|6|unknown widget 'pie'; known: brokers, partitions, group, timeline, map",
        "a widget without its topic|# A\\n@live partitions|6|@live partitions needs topic=...",
        "an argument the widget does not take|# A\\n@live brokers topic=x|6|@live brokers takes no 'topic'",
        "an unknown directive|# A\\n@check x|6|unknown '@check': use @live or @open",
        "an @open that is not a link|# A\\n@open lab3|6|@open needs lab:<lab>#<step> or slide:<deck>#<slide>, not 'lab3'",
        "a malformed lab link|# A\\n[x](lab:03#0)|6|'lab:03#0' is not a link the app knows: lab:<lab>#<step> or slide:<deck>#<slide>",
        "an image that is not there|# A\\n![x](../assets/none.png)|6|the image ../assets/none.png is not there",
        "an empty slide|# A\\n---\\n---\\n# B|7|slide 2 is empty",
        "an unclosed code block|# A\\n```\\ncode|7|a ``` code block is never closed",
    })
    void mistakesNameTheirLine(String what, String body, int line, String reason) {
        FormatException e = assertThrows(FormatException.class, () -> DeckParser.parse(FILE,
                HEAD + body.replace("\\n", "\n")));

        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith(reason), e.reason());
    }

    @Test
    void theFrontMatterIsChecked() {
        FormatException e = assertThrows(FormatException.class, () -> DeckParser.parse(FILE,
                "---\ntitle: X\nmodule: five\n---\n# A\n"));
        assertEquals(3, e.line());
        assertEquals("module: 'five' is not a positive whole number", e.reason());
    }
}
