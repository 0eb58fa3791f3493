package dev.kafkalab.app;

import dev.kafkalab.cluster.Failures;
import dev.kafkalab.ui.bench.UiBench;

/** Runs the FX-thread benchmark; kept apart so that Main loads no JavaFX for other commands. */
final class UiBenchLauncher {

    private UiBenchLauncher() {
    }

    static int run() {
        try {
            return new UiBench(System.out, System.err).run();
        } catch (Exception e) {
            System.err.println("error: " + Failures.message(e));
            return 1;
        }
    }
}
