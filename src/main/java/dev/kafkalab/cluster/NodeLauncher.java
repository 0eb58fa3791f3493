package dev.kafkalab.cluster;

import dev.kafkalab.common.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line that starts one node's JVM: its flags, the class-data sharing archive, its
 * log and config files, and the cluster id when its storage still has to be formatted.
 */
final class NodeLauncher {

    private static final Optional<String> NICE = Stream.of("/usr/bin/nice", "/bin/nice")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst();

    private final ClusterSpec spec;
    private final DataDir dir;
    private final NodeClasspath classpath;
    private final String clusterId;
    private final Set<NodeRole> dumpingArchive = new HashSet<>();
    private final Os os;
    private final Path javaHome;

    NodeLauncher(ClusterSpec spec, DataDir dir, NodeClasspath classpath, String clusterId) {
        this(spec, dir, classpath, clusterId, Os.current(), Path.of(System.getProperty("java.home")));
    }

    /** As on {@code os} with the runtime at {@code javaHome}: tests of what each system changes, on any. */
    NodeLauncher(ClusterSpec spec, DataDir dir, NodeClasspath classpath, String clusterId, Os os, Path javaHome) {
        this.spec = spec;
        this.dir = dir;
        this.classpath = classpath;
        this.clusterId = clusterId;
        this.os = os;
        this.javaHome = javaHome;
    }

    List<String> command(NodeProcess node) {
        List<String> cmd = new ArrayList<>();
        if (os.canNice() && NICE.isPresent()) {
            // Brokers electing leaders for hundreds of partitions can take both cores; the window
            // the class is watching must keep drawing. nice execs java: the pid stays the node's.
            cmd.addAll(List.of(NICE.get(), "-n", "10"));
        }
        cmd.add(os.javaLauncher(javaHome).toString());
        cmd.addAll(node.role() == NodeRole.CONTROLLER ? spec.controllerJvmFlags() : spec.jvmFlags());
        if (spec.classDataSharing() && BASE_ARCHIVE) {
            cmd.addAll(classDataSharingFlags(node.role()));
        }
        // Kafka's logging MBean asks log4j-api for a logger; without log4j-core on the node's
        // classpath, tell the API to use its own quiet one instead of warning that none was found.
        cmd.add("-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        cmd.add("-cp");
        cmd.add(classpath.asArgument());
        cmd.add(NodeMain.class.getName());
        cmd.add(dir.configFile(node.role(), node.id()).toString());
        cmd.add(node.role() == NodeRole.CONTROLLER ? "controller" : "broker");
        if (!Files.exists(dir.dataDir(node.role(), node.id()).resolve("meta.properties"))) {
            cmd.add(clusterId);
        }
        return cmd;
    }

    /**
     * A dynamic archive builds on the runtime's default one: a runtime without it (one made with
     * jlink and not dumped) refuses -XX:ArchiveClassesAtExit, and the node would not start.
     */
    private static final boolean BASE_ARCHIVE = Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib",
            "server", "classes.jsa"));

    /**
     * Share one AppCDS archive per role between node JVMs: about half of a broker's start is
     * loading and verifying classes. Java 17 can only write the archive when a JVM exits
     * normally, so the first graceful stop of a node writes it and every later start uses it.
     */
    private synchronized List<String> classDataSharingFlags(NodeRole role) {
        Path archive = classpath.archive(role);
        if (Files.isRegularFile(archive)) {
            // Recent JDK 17 updates relocate the archive to a random address at every start
            // (ArchiveRelocationMode=1): that patches every page, costing CPU at start and making
            // the whole archive private memory in each of the four JVMs. Mapped where it was
            // dumped, its pages stay clean and shared.
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                    "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
        }
        if (dumpingArchive.add(role)) {
            try {
                Files.createDirectories(archive.getParent());
            } catch (IOException e) {
                return List.of();
            }
            try {
                Files.deleteIfExists(pendingArchive(archive));
            } catch (IOException e) {
                return List.of();
            }
            return List.of("-XX:ArchiveClassesAtExit=" + pendingArchive(archive));
        }
        return List.of();
    }

    void keepArchive(NodeProcess node) {
        Path archive = classpath.archive(node.role());
        Path pending = pendingArchive(archive);
        try {
            if (Files.isRegularFile(pending) && Files.size(pending) > 0 && !Files.exists(archive)) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // Without the archive nodes start slower, nothing else.
            org.slf4j.LoggerFactory.getLogger(NodeLauncher.class).info("No class-data sharing archive for the nodes", e);
        }
    }

    private static Path pendingArchive(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".pending");
    }
}
