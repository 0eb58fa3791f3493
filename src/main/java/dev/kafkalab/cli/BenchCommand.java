package dev.kafkalab.cli;

import java.io.PrintStream;
import java.util.List;

/** Placeholder replaced below. */
public final class BenchCommand {
    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        err.println("not yet");
        return 2;
    }
}
