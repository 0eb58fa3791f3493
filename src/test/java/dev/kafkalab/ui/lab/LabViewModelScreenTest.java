package dev.kafkalab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.lab.Directive;
import dev.kafkalab.lab.Lab;
import dev.kafkalab.lab.LabCatalog;
import dev.kafkalab.lab.Step;
import dev.kafkalab.ui.lab.LabViewModel.Screen;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which screen the shell shows beside a lab step: the vocabulary's answer, as the UI's own screen. */
class LabViewModelScreenTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            topic-exists,   CLUSTER
            keys-hashed,    PRODUCE
            group-members,  CONSUME
            """)
    void aStepFollowsItsChecksScreen(String check, Screen screen) {
        Step step = new Step(1, "t", "do it", List.of(new Directive("create-topic", Map.of(), 1)),
                new Directive(check, Map.of(), 2), "", "", 1);

        assertEquals(screen, LabViewModel.screenFor(step));
    }

    @ParameterizedTest(name = "{0} step {1} -> {2}")
    @CsvSource(textBlock = """
            # steps whose first action is set-up on the cluster, then a send: the produce screen
            04-consumer-groups,       1, PRODUCE
            05-durability-acks,       5, PRODUCE
            # the old leader restarts, watched on the offsets bar
            05-durability-acks,       4, CLUSTER
            07-producer-tuning,       1, PRODUCE
            04-consumer-groups,       2, CONSUME
            01-first-contact,         1, CLUSTER
            """)
    void labStepsOpenTheScreenOfWhatTheyAreAbout(String labId, int number, Screen screen) {
        Lab lab = LabCatalog.load(Path.of("labs")).lab(labId).orElseThrow();

        assertEquals(screen, LabViewModel.screenFor(lab.step(number).orElseThrow()));
    }
}
