package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.common.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's command line on each system, built on any: the java launcher, nice, the class to run, the cluster id. */
class NodeLauncherTest {

    @TempDir
    Path dir;

    @Test
    void onWindowsANodeRunsJavaExeAndIsNotNiced() {
        List<String> cmd = launcher(Os.WINDOWS).command(broker());
        assertEquals(Path.of("runtime", "bin", "java.exe").toString(), cmd.get(0), "no nice before the launcher");
        assertFalse(cmd.contains("-n"));
        assertTrue(cmd.contains(NodeMain.class.getName()));
    }

    @Test
    void onLinuxAndMacosANodeRunsJavaNicedWhereNiceExists() {
        boolean nice = Files.isExecutable(Path.of("/usr/bin/nice")) || Files.isExecutable(Path.of("/bin/nice"));
        for (Os os : new Os[] {Os.LINUX, Os.MACOS}) {
            List<String> cmd = launcher(os).command(broker());
            int java = cmd.indexOf(Path.of("runtime", "bin", "java").toString());
            assertEquals(nice ? 3 : 0, java, os + ": " + cmd);
            if (nice) {
                assertEquals(List.of("-n", "10"), cmd.subList(1, 3), os + ": niced by 10");
            }
        }
    }

    @Test
    void aNodeWhoseStorageIsNotFormattedGetsTheClusterIdToFormatItWith() {
        List<String> cmd = launcher(Os.LINUX).command(broker());
        assertEquals(List.of("broker", "the-cluster-id"), cmd.subList(cmd.size() - 2, cmd.size()));
    }

    private NodeLauncher launcher(Os os) {
        ClusterSpec spec = ClusterSpec.builder().dataDir(dir.resolve("data")).firstBrokerPort(0).build();
        return new NodeLauncher(spec, new DataDir(spec.dataDir()), NodeClasspath.resolve(dir.resolve("cache")),
                "the-cluster-id", os, Path.of("runtime"));
    }

    private NodeProcess broker() {
        return new NodeProcess(1, NodeRole.BROKER, dir.resolve("broker-1.log"), (node, state) -> { });
    }
}
