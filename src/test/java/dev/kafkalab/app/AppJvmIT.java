package dev.kafkalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.ChildJvm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmarks relaunch themselves in a JVM with the app's options; that JVM must not outlive them. */
class AppJvmIT {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void aBenchmarkRunsAgainWithTheAppsOptionsAndPassesItsExitCodeOn() throws Exception {
        try (ChildJvm bench = ChildJvm.start(Main.class.getName(), List.of("bench-produce", "--bogus"))) {
            assertEquals(2, bench.exitCode(SHORT), "the relaunched bench's exit code for a bad option");
            assertTrue(bench.err().stream().anyMatch(l -> l.startsWith("note: running the benchmark in a JVM with the"
                    + " app's options " + AppJvm.OPTIONS)), "the note about the relaunch: " + bench.err());
            assertTrue(bench.err().contains("Unknown option '--bogus'."), "the relaunched bench's refusal: "
                    + bench.err());
        }
    }

    @Test
    void killingTheLauncherWithMinus9EndsTheBenchAndItsCluster() throws Exception {
        try (ChildJvm launcher = ChildJvm.start(Main.class.getName(), List.of("bench", "--runs", "1"))) {
            ProcessHandle handle = launcher.process().toHandle();
            List<ProcessHandle> nodes = awaitNodes(launcher);
            List<ProcessHandle> all = handle.descendants().toList();
            launcher.process().destroyForcibly().waitFor();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ProcessHandle> alive = all;
            while (!alive.isEmpty() && System.nanoTime() < deadline) {
                alive.get(0).onExit().completeOnTimeout(null, 1, TimeUnit.SECONDS).join();
                alive = all.stream().filter(ProcessHandle::isAlive).toList();
            }
            assertEquals(List.of(), alive.stream().map(p -> p.info().commandLine().orElse("" + p.pid())).toList(),
                    "processes left 30 s after the launcher was killed with -9 (" + nodes.size() + " were nodes)");
        }
    }

    /** Waits until the relaunched bench's cluster has its four node JVMs. */
    private static List<ProcessHandle> awaitNodes(ChildJvm bench) {
        ProcessHandle launcher = bench.process().toHandle();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            // The launcher's child is the relaunched bench; the JVMs that one starts are the nodes.
            List<ProcessHandle> nodes = launcher.children().flatMap(ProcessHandle::children)
                    .filter(p -> p.info().command().orElse("").endsWith("java")).toList();
            if (nodes.size() == 4) {
                return nodes;
            }
            launcher.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher ended before its cluster started: " + bench.err());
            }
        }
        throw new AssertionError("waited 120 s for the bench's four node JVMs under the launcher");
    }
}
