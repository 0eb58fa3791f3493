package dev.kafkalab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who holds a port or a file lock, read from Linux's /proc: the listening socket's inode in
 * /proc/net/tcp and the process whose descriptors point at it; the lock's owner in /proc/locks.
 * Elsewhere, and for processes this user may not read, it cannot tell: empty.
 */
final class ProcOwners implements NodeFailure.Owners {

    private final Path proc;

    ProcOwners() {
        this(Path.of("/proc"));
    }

    ProcOwners(Path proc) {
        this.proc = proc;
    }

    @Override
    public Optional<String> ofPort(int port) {
        OptionalLong inode = listeningInode(port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String socket = "socket:[" + inode.getAsLong() + "]";
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path pid : pids) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (socket.equals(readLink(fd))) {
                            return Optional.of(describe(Long.parseLong(pid.getFileName().toString())));
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // Another user's process, or one that just ended.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> ofLock(Path lockFile) {
        long inode;
        try {
            inode = ((Number) Files.getAttribute(lockFile, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"
        for (String line : lines(proc.resolve("locks"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && f[5].endsWith(":" + inode)) {
                try {
                    return Optional.of(describe(Long.parseLong(f[4])));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The inode of the socket listening on {@code port} (IPv4 or IPv6), from /proc/net/tcp*. */
    private OptionalLong listeningInode(int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            for (String line : lines(proc.resolve(table))) {
                // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode"
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    try {
                        return OptionalLong.of(Long.parseLong(f[9]));
                    } catch (NumberFormatException e) {
                        // Not a table row.
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /** "java (pid 1234), a Kafka Lab node", or what can be told of it. */
    static String describe(long pid) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        String command = p.flatMap(h -> h.info().command()).map(c -> Path.of(c).getFileName().toString()).orElse("a process");
        boolean node = p.flatMap(h -> h.info().arguments())
                .map(a -> List.of(a).contains(NodeMain.class.getName())).orElse(false);
        return command + " (pid " + pid + ")" + (node ? ", a Kafka Lab node" : "");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }
}
