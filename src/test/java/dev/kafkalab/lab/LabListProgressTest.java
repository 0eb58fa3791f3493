package dev.kafkalab.lab;

import static dev.kafkalab.lab.Snapshots.cluster;
import static dev.kafkalab.lab.Snapshots.led;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.common.Wait;
import dev.kafkalab.consume.Outcome;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.ui.lab.LabViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labs list beside an open lab counts the steps that pass while the lab is open (it said 0/2 for a finished lab). */
class LabListProgressTest {

    private static final String LAB = """
            ---
            title: Two topics
            module: 5
            minutes: 5
            goal: Make two topics.
            ---
            An introduction.

            ## Orders

            Create `orders`.

            @check topic-exists topic=orders

            ## Payments

            Create `payments`.

            @check topic-exists topic=payments
            """;

    @TempDir
    Path dir;

    @Test
    void aStepThatPassesCountsInTheListAtOnce() throws Exception {
        Path labs = Files.createDirectories(dir.resolve("labs"));
        Files.writeString(labs.resolve("two-topics.md"), LAB);
        ActionRunner runner = new ActionRunner() {
            @Override
            public CompletableFuture<Outcome> run(Directive action, ClusterSnapshot snapshot,
                    Map<String, Integer> remembered) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException("no actions here"));
            }

            @Override
            public CompletableFuture<String> reset(Lab lab) {
                return CompletableFuture.completedFuture("");
            }
        };
        ClusterSnapshot made = cluster().topic("orders", led("orders", 0, 1)).topic("payments", led("payments", 0, 2))
                .build();
        // Taken now: a session ignores snapshots older than itself.
        ClusterSnapshot both = new ClusterSnapshot(java.time.Instant.now().plusSeconds(1), made.nodes(), made.topics(),
                made.groups(), made.unreadable());
        LabViewModel vm = new LabViewModel(labs, runner, new ProgressStore(dir.resolve("progress.properties")),
                new Ledger(), () -> both, Runnable::run);
        try {
            vm.reload().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(null, vm.rows().get(0).problem(), "the lab loads");
            assertEquals(0, vm.rows().get(0).done());
            vm.open("two-topics");
            vm.onSnapshot(both);
            assertTrue(Wait.upTo(Duration.ofSeconds(10), "the first step to count in the list")
                    .holds(() -> vm.rows().get(0).done() >= 1), () -> "the row counts a step that passed; state " + vm.state().get() + ", rows " + vm.rows());
            vm.next();
            vm.onSnapshot(both);
            assertTrue(Wait.upTo(Duration.ofSeconds(10), "both steps to count in the list")
                    .holds(() -> vm.rows().get(0).done() == 2), "the row says 2/2 with the lab still open");
        } finally {
            vm.shutdown();
        }
    }
}
