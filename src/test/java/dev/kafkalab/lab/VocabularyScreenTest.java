package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before LabViewModel.screenFor asks the registry: the registry's screens give the answers of
 * the name rules screenFor used until now, for every step of every lab and every pairing of names.
 */
class VocabularyScreenTest {

    @Test
    void everyStepOfEveryLabGetsTheScreenTheNameRulesGave() {
        List<Lab> labs = LabCatalog.load(Path.of("labs")).labs();
        List<String> differ = new ArrayList<>();
        int steps = 0;
        for (Lab lab : labs) {
            for (Step step : lab.steps()) {
                steps++;
                if (oldScreenFor(step) != Vocabulary.screenOf(step)) {
                    differ.add(lab.id() + " step " + step.number() + ": was " + oldScreenFor(step) + ", now "
                            + Vocabulary.screenOf(step));
                }
            }
        }
        assertTrue(steps > 40, "steps seen: " + steps);
        assertEquals(List.of(), differ);
    }

    @Test
    void everyPairingOfActionsAndACheckGetsTheScreenTheNameRulesGave() {
        List<String> differ = new ArrayList<>();
        for (String check : Vocabulary.CHECKS.keySet()) {
            differ.addAll(compare(List.of(), check));
            for (String first : Vocabulary.ACTIONS.keySet()) {
                differ.addAll(compare(List.of(first), check));
                for (String second : Vocabulary.ACTIONS.keySet()) {
                    differ.addAll(compare(List.of(first, second), check));
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    private static List<String> compare(List<String> actions, String check) {
        Step step = new Step(1, "t", "i", actions.stream().map(a -> new Directive(a, Map.of(), 1)).toList(),
                new Directive(check, Map.of(), 1), "", "", 1);
        return oldScreenFor(step) == Vocabulary.screenOf(step) ? List.of()
                : List.of(actions + " / " + check + ": was " + oldScreenFor(step) + ", now " + Vocabulary.screenOf(step));
    }

    /** LabViewModel.screenFor as it was: names matched by prefix and suffix. */
    private static LabScreen oldScreenFor(Step step) {
        for (Directive a : step.actions()) {
            if (a.name().equals("produce") || a.name().contains("stock")) {
                return LabScreen.PRODUCE;
            }
            if (a.name().endsWith("-group") || a.name().endsWith("-member")) {
                return LabScreen.CONSUME;
            }
        }
        String check = step.check().name();
        if (check.startsWith("group") || check.startsWith("member") || check.equals("records-consumed")
                || check.equals("consumer-lag")) {
            return LabScreen.CONSUME;
        }
        if (check.startsWith("key") || check.equals("unkeyed-spread") || check.equals("priority-routed")
                || check.equals("producer-metric")) {
            return LabScreen.PRODUCE;
        }
        return LabScreen.CLUSTER;
    }
}
