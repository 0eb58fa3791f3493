package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry of checks and actions: every entry is complete, every action has its handler
 * and its screen, an unknown action is refused, and a step's screen follows its names.
 */
class VocabularyTest {

    /** Every action and the screen it belongs to: the table must name exactly the registered actions. */
    private static final Map<String, LabScreen> ACTION_SCREENS = table("""
            create-topic CLUSTER, delete-topic CLUSTER, produce PRODUCE,
            stop-broker CLUSTER, kill-broker CLUSTER, freeze-broker CLUSTER, resume-broker CLUSTER,
            start-broker CLUSTER, restore-brokers CLUSTER,
            start-group CONSUME, add-member CONSUME, leave-member CONSUME, crash-member CONSUME, stop-group CONSUME,
            durability-demo CLUSTER, start-stock-sender PRODUCE, stop-stock-sender PRODUCE, run-solution CODE,
            stop-program CODE, start-share-group CONSUME, set-share-members CONSUME, add-share-member CONSUME,
            crash-share-member CONSUME, stop-share-group CONSUME, send-in-transaction PRODUCE,
            commit-transaction PRODUCE, abort-transaction PRODUCE, crash-transaction PRODUCE
            """);

    /** Every check and its screen (which ChecksTest's pass/wait table covers by name). */
    private static final Map<String, LabScreen> CHECK_SCREENS = table("""
            topic-exists CLUSTER, topics-exist CLUSTER, acks-levels PRODUCE, records-in-topic CLUSTER, broker-state CLUSTER, leader-moved CLUSTER,
            isr-size CLUSTER, isr-full CLUSTER, under-replicated CLUSTER, acked-records-lost CLUSTER,
            acked-records-kept CLUSTER, old-leader-rejoined CLUSTER, compacted CLUSTER, records-stored CLUSTER, counts-add-up CLUSTER, log-start-moved CLUSTER, distinct-keys CODE, records-added CODE, stock-sender CLUSTER,
            records-through-election CODE, program-printed CODE, avro-decodes CODE,
            key-in-one-partition PRODUCE, keys-hashed PRODUCE, unkeyed-spread PRODUCE, priority-routed PRODUCE,
            producer-metric PRODUCE, key-absent PRODUCE,
            group-members CONSUME, group-balanced CONSUME, group-idle-members CONSUME, group-rebalanced CONSUME,
            member-partitions-moved CONSUME, records-consumed CONSUME, consumer-lag CONSUME,
            share-delivered CONSUME, share-rejected CONSUME, share-redelivered CONSUME, transaction-state PRODUCE
            """);

    @Test
    void everyRegisteredActionHasAHandlerAndItsScreen() {
        assertComplete(Vocabulary.ACTIONS, ACTION_SCREENS);
    }

    @Test
    void everyRegisteredCheckHasAHandlerAndItsScreen() {
        assertComplete(Vocabulary.CHECKS, CHECK_SCREENS);
    }

    @Test
    void anActionThisAppDoesNotKnowIsRefusedWithItsName() {
        CompletableFuture<ActionRunner.Outcome> done = Vocabulary.run(null, new Directive("launch-rocket", Map.of(), 7),
                null, Map.of(), line -> { });

        CompletionException e = assertThrows(CompletionException.class, done::join);
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertEquals("this app cannot do 'launch-rocket'", e.getCause().getMessage());
    }

    @Test
    void aBrokerActionResolvesItsBrokerBeforeTheWorkbenchActs() {
        // No workbench at all: the kill-broker entry must stop at the unknown name, with why.
        Directive kill = new Directive("kill-broker", Map.of("broker", "$victim"), 9);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Vocabulary.run(null, kill, Snapshots.cluster().build(), Map.of(), line -> { }));
        assertEquals("$victim is not known yet: an earlier step's action remembers it", e.getMessage());
    }

    @Test
    void theUnknownCheckOrActionIsAProblemThatNamesTheKnownOnes() {
        List<String> problems = Vocabulary.problems(Vocabulary.ACTIONS, "launch-rocket", Map.of());

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("unknown action 'launch-rocket'; known: create-topic, "), problems.get(0));
        assertTrue(Vocabulary.problems(Vocabulary.CHECKS, "leader-elected", Map.of()).get(0)
                .startsWith("unknown check 'leader-elected'"));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(textBlock = """
            # actions in order,          check,             screen
            '',                          topic-exists,      CLUSTER
            '',                          keys-hashed,       PRODUCE
            '',                          group-members,     CONSUME
            create-topic,                topic-exists,      CLUSTER
            kill-broker,                 leader-moved,      CLUSTER
            # an action on the cluster is set-up: the check's screen decides
            create-topic,                group-balanced,    CONSUME
            create-topic,                key-in-one-partition, PRODUCE
            # the first action off the cluster screen decides, whatever the check
            create-topic produce,        records-in-topic,  PRODUCE
            restore-brokers produce,     records-in-topic,  PRODUCE
            start-group produce,         records-in-topic,  CONSUME
            produce start-group,         group-members,     PRODUCE
            start-stock-sender,          stock-sender,      PRODUCE
            crash-member,                keys-hashed,       CONSUME
            # a name this app does not know takes the learner nowhere
            launch-rocket,               leader-elected,    CLUSTER
            """)
    void aStepIsShownOnTheScreenOfItsFirstActionOffTheClusterElseOfItsCheck(String actions, String check,
            LabScreen screen) {
        List<Directive> list = actions == null || actions.isBlank() ? List.of()
                : Arrays.stream(actions.split(" ")).map(a -> new Directive(a, Map.of(), 1)).toList();
        Step step = new Step(1, "t", "do it", list, new Directive(check, Map.of(), 2), "", "", 1);

        assertEquals(screen, Vocabulary.screenOf(step));
    }

    /** The table names exactly the registered entries, and each has its name, meaning, screen and handler. */
    private static void assertComplete(Map<String, ? extends Vocabulary.Entry<?>> registry, Map<String, LabScreen> screens) {
        assertEquals(screens.keySet(), Set.copyOf(registry.keySet()), "names in the table");
        registry.forEach((name, entry) -> {
            assertEquals(name, entry.name());
            assertNotNull(entry.handler(), name);
            assertFalse(entry.meaning().isBlank(), name);
            assertEquals(screens.get(name), entry.screen(), name);
        });
    }

    private static Map<String, LabScreen> table(String text) {
        Map<String, LabScreen> out = new TreeMap<>();
        for (String pair : text.strip().split(",\\s*")) {
            String[] p = pair.strip().split(" ");
            out.put(p[0], LabScreen.valueOf(p[1]));
        }
        return out;
    }
}
