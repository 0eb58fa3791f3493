package dev.kafkalab.app;

import dev.kafkalab.common.Failures;
import dev.kafkalab.ui.bench.UiBench;

/** Runs the FX-thread benchmark; kept apart so that Main loads no JavaFX for other commands. */
final class UiBenchLauncher {

    private UiBenchLauncher() {
    }

    static int runProduce(java.util.List<String> args) {
        try {
            return new dev.kafkalab.ui.bench.ProduceBench(System.out, System.err).run(args);
        } catch (Exception e) {
            System.err.println("error: " + Failures.message(e));
            return 1;
        }
    }

    /** The Code screen's console under a million lines (needs a display). */
    static int runConsole(int runs) {
        try {
            return new dev.kafkalab.ui.bench.ConsoleBench(System.out, System.err).run(runs);
        } catch (Exception e) {
            System.err.println("error: " + Failures.message(e));
            return 1;
        }
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
