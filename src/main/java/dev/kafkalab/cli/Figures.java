package dev.kafkalab.cli;

import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a long session could leak, at one moment: the app's heap after a full GC and its
 * threads, and the nodes' PSS (their share of memory, pages they share split between them) and
 * open file descriptors, with the app's own. Linux's /proc; elsewhere the node figures are 0.
 */
record Figures(double heapMib, int threads, double nodePssMib, int appFds, int nodeFds) {

    static Figures take(LocalCluster cluster) {
        // Twice: the first may leave what a finalizer or a reference queue frees for the second.
        System.gc();
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        int nodeFds = 0;
        for (NodeStatus node : cluster.nodes()) {
            if (node.pid() > 0) {
                nodeFds += count(Path.of("/proc/" + node.pid() + "/fd"));
            }
        }
        return new Figures(heap, threads, BenchCommand.totalMib(cluster, "/smaps_rollup", "Pss:"),
                count(Path.of("/proc/self/fd")), nodeFds);
    }

    /** Each figure that grew by more than {@code flat} (0.1: 10%) from this one to {@code later}. */
    List<String> grew(Figures later, double flat) {
        List<String> grew = new ArrayList<>();
        check(grew, "app heap after GC", heapMib, later.heapMib, flat, "MiB");
        check(grew, "app threads", threads, later.threads, flat, "");
        check(grew, "node PSS", nodePssMib, later.nodePssMib, flat, "MiB");
        check(grew, "app file descriptors", appFds, later.appFds, flat, "");
        check(grew, "node file descriptors", nodeFds, later.nodeFds, flat, "");
        return grew;
    }

    private static void check(List<String> grew, String name, double was, double now, double flat, String unit) {
        if (now > was * (1 + flat)) {
            grew.add(String.format(Locale.ROOT, "%s %.0f -> %.0f%s (+%.0f%%)", name, was, now,
                    unit.isEmpty() ? "" : " " + unit, (now / was - 1) * 100));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "app heap after GC %.1f MiB, app threads %d, node PSS %.0f MiB,"
                + " file descriptors: app %d, nodes %d", heapMib, threads, nodePssMib, appFds, nodeFds);
    }

    private static int count(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
