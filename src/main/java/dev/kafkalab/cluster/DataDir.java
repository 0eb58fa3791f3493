package dev.kafkalab.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * The cluster's folder: node data, configs and logs, the cluster id, and a lock so that two
 * apps never run a cluster on the same data.
 */
final class DataDir {

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    DataDir(Path root) {
        this.root = root;
    }

    Path logsDir() {
        return root.resolve("logs");
    }

    Path nodeDir(NodeRole role, int id) {
        return root.resolve("nodes").resolve((role == NodeRole.CONTROLLER ? "controller-" : "broker-") + id);
    }

    Path dataDir(NodeRole role, int id) {
        return nodeDir(role, id).resolve("data");
    }

    Path configFile(NodeRole role, int id) {
        return nodeDir(role, id).resolve("server.properties");
    }

    synchronized void lock() throws IOException {
        lockChannel = FileChannel.open(lockFile(root), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            String where = runningAt();
            throw new ClusterException("Another Kafka Lab is already running a cluster with the data in "
                    + root + ". Close it first, or use another data directory" + (where.isEmpty() ? "."
                            : "; or work with it from here: Connection > Connect to a cluster..., bootstrap servers "
                                    + where + ", PLAINTEXT (this machine's listener: full control of its topics and"
                                    + " groups; its brokers stay the other app's to stop)."));
        }
    }

    /** Where this start's brokers listen on 127.0.0.1, for a second app that finds the folder locked. */
    void recordBootstrap(String bootstrap) {
        try {
            Files.writeString(root.resolve("bootstrap.txt"), bootstrap + "\n", java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DataDir.class).info("Could not record the bootstrap servers in {}", root, e);
        }
    }

    private String runningAt() {
        try {
            return Files.readString(root.resolve("bootstrap.txt"), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    synchronized void unlock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // Released by the OS when this JVM exits anyway.
        }
        lock = null;
        lockChannel = null;
    }

    String readOrCreateClusterId() throws IOException {
        Path file = root.resolve("cluster.id");
        if (Files.isRegularFile(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.createDirectories(file.getParent());
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    /** Deletes every topic and record: no cluster may be running on this folder. */
    static void wipe(Path root) {
        try (FileChannel channel = FileChannel.open(lockFile(root), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
            if (held == null) {
                throw new ClusterException("Kafka Lab is running a cluster in " + root + ": close it before a reset.");
            }
            for (String part : List.of("nodes", "logs", "cluster.id")) {
                deleteRecursively(root.resolve(part));
            }
        } catch (OverlappingFileLockException e) {
            throw new ClusterException("This app is running a cluster in " + root + ": close it before a reset.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path lockFile(Path root) throws IOException {
        Files.createDirectories(root);
        return root.resolve(".lock");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
