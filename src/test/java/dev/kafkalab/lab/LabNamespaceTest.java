package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On another's cluster a lab's topics, groups and transactional ids are the learner's own: alice-orders, not orders. */
class LabNamespaceTest {

    private static final LabNamespace ALICE = new LabNamespace("alice-");

    private static Lab lab(String id) {
        return LabCatalog.load(Path.of("labs")).labs().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void onTheAppsOwnClusterALabIsAsWritten() {
        Lab lab = lab("06-frozen-follower");
        assertSame(lab, LabNamespace.NONE.apply(lab));
    }

    @Test
    void everyDirectiveNamesTheLearnersTopicAndTheBrokerRolesFollow() {
        Lab lab = ALICE.apply(lab("06-frozen-follower"));
        assertEquals(List.of("alice-frozen-follower"), lab.topics(), "what its reset deletes");
        Step create = lab.steps().get(0);
        assertEquals("alice-frozen-follower", create.actions().get(0).text("topic"));
        assertEquals("alice-frozen-follower", create.check().text("topic"));
        assertEquals("follower-of:alice-frozen-follower/0", lab.steps().get(2).actions().get(0).text("broker"));
        assertEquals("leader-of:alice-frozen-follower/0", lab.steps().get(5).actions().get(0).text("broker"));
        assertEquals("$frozen", lab.steps().get(4).actions().get(0).text("broker"), "a remembered broker stays as it is");
        for (Lab any : LabCatalog.load(Path.of("labs")).labs()) {
            for (Step s : ALICE.apply(any).steps()) {
                for (Directive d : s.actions()) {
                    assertEquals(List.of(), Vocabulary.problems(Vocabulary.ACTIONS, d.name(), d.args()), any.id() + ": " + d.source());
                }
                assertEquals(List.of(), Vocabulary.problems(Vocabulary.CHECKS, s.check().name(), s.check().args()),
                        any.id() + ": " + s.check().source());
            }
        }
    }

    @Test
    void theTextSaysTheNewNamesInCodeAndCommandsButNotInProse() {
        Lab lab = ALICE.apply(lab("06-frozen-follower"));
        String first = lab.steps().get(0).instructions();
        assertTrue(first.contains("`alice-frozen-follower`"), first);
        assertTrue(first.contains("--topic alice-frozen-follower"), "the command block: " + first);
        assertFalse(first.contains("--topic frozen-follower"), first);
        assertEquals("A frozen follower", lab.title());
    }

    @Test
    void listsGroupsAndTransactionalIdsAreRenamedToo() {
        Lab streams = ALICE.apply(lab("15-stream-processor"));
        assertTrue(streams.topics().containsAll(List.of("alice-clicks", "alice-click-counts",
                "alice-click-counter-counts-changelog")), streams.topics().toString());
        assertTrue(streams.groups().contains("alice-click-counter"), streams.groups().toString());
        Directive run = streams.steps().stream().flatMap(s -> s.actions().stream())
                .filter(a -> a.name().equals("run-solution")).findFirst().orElseThrow();
        assertTrue(Set.of(run.text(Solutions.RENAME).split(",")).containsAll(Set.of("clicks", "click-counts",
                "click-counter")), run.source());

        Lab exactlyOnce = ALICE.apply(lab("17-exactly-once"));
        assertTrue(exactlyOnce.steps().stream().flatMap(s -> s.actions().stream())
                .flatMap(a -> a.optional("transactional-id").stream()).allMatch(id -> id.startsWith("alice-")));
        Lab queues = ALICE.apply(lab("16-queues-for-kafka"));
        assertTrue(queues.shareGroups().stream().allMatch(g -> g.startsWith("alice-")), queues.shareGroups().toString());
        assertTrue(queues.topics().contains("dlq.alice-jobs"), "a dead-letter topic keeps the brokers' dlq. in front: "
                + queues.topics());
        assertEquals("dlq.alice-jobs", ALICE.name("dlq.alice-jobs"), "already the learner's");
    }

    @Test
    void aSolutionsStringLiteralsNamingTheLabsTopicsAreRenamedInACopy(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src"));
        Files.writeString(source.resolve("ClickCounter.java"), "class ClickCounter { String app = \"click-counter\";"
                + " String in = \"clicks\"; String out = \"click-counts\"; String said = \"no clicks yet\"; }",
                StandardCharsets.UTF_8);
        Path copy = Solutions.renamed(source, dir.resolve("copy"), ALICE, Set.of("clicks", "click-counts", "click-counter"));
        String text = Files.readString(copy.resolve("ClickCounter.java"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"alice-click-counter\"") && text.contains("\"alice-clicks\"")
                && text.contains("\"alice-click-counts\""), text);
        assertTrue(text.contains("\"no clicks yet\""), "only a literal that is exactly a name changes: " + text);
        assertTrue(Files.readString(source.resolve("ClickCounter.java")).contains("\"clicks\""), "the lab's own file stays");
    }

    @Test
    void aButtonSaysANameThatCannotBeAWordButLeavesWordsAlone() {
        assertEquals("Create alice-frozen-follower", ALICE.apply(lab("06-frozen-follower")).steps().get(0).actions().get(0)
                .text("label"));
        Lab streams = ALICE.apply(lab("15-stream-processor"));
        List<String> labels = streams.steps().stream().flatMap(s -> s.actions().stream())
                .flatMap(a -> a.optional("label").stream()).toList();
        assertTrue(labels.contains("Create alice-click-counts"), labels.toString());
        assertTrue(labels.contains("Create clicks") && labels.contains("Send 100 clicks from 5 users"),
                "clicks is a word too: " + labels);
    }

    @Test
    void theNoticeGivesAnExample() {
        String said = ALICE.notice(lab("06-frozen-follower"));
        assertTrue(said.contains("frozen-follower is alice-frozen-follower"), said);
    }
}
