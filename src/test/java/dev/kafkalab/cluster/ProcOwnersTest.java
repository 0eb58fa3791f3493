package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On Linux, who holds a port or a file lock is read from /proc: here, this test's own JVM. */
class ProcOwnersTest {

    private final ProcOwners owners = new ProcOwners();
    private final String me = "java (pid " + ProcessHandle.current().pid() + ")";

    @BeforeEach
    void onLinux() {
        assumeTrue(Files.isRegularFile(Path.of("/proc/net/tcp")), "reads Linux's /proc");
    }

    @Test
    void theProcessListeningOnAPortIsNamed() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertEquals(Optional.of(me), owners.ofPort(socket.getLocalPort()));
        }
    }

    @Test
    void aPortNobodyListensOnHasNoOwner() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertEquals(Optional.empty(), owners.ofPort(port));
    }

    @Test
    void theProcessHoldingAFileLockIsNamedAsKafkaLocksItsLogDirectory(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            assertEquals(Optional.of(me), owners.ofLock(lockFile));
        }
        assertEquals(Optional.empty(), owners.ofLock(lockFile), "released");
    }
}
