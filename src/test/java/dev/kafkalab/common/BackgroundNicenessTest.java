package dev.kafkalab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundNicenessTest {

    /** The nice value of the calling thread, from the 19th field of its stat line. */
    private static int niceOfThisThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        // The command name, in parentheses, may hold spaces: count fields after its ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    void lowersTheCallingThreadAndWhatItStartsAfterwards() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")) && Files.isExecutable(Path.of("/usr/bin/renice")),
                "Linux with renice");
        CompletableFuture<int[]> nices = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                int before = niceOfThisThread();
                boolean lowered = BackgroundNiceness.lowerThisThread();
                int after = niceOfThisThread();
                CompletableFuture<Integer> child = new CompletableFuture<>();
                Thread started = new Thread(() -> {
                    try {
                        child.complete(niceOfThisThread());
                    } catch (IOException e) {
                        child.completeExceptionally(e);
                    }
                });
                started.start();
                nices.complete(new int[] {before, lowered ? 1 : 0, after, child.get(10, TimeUnit.SECONDS)});
            } catch (Exception e) {
                nices.completeExceptionally(e);
            }
        }, "niceness-test");
        worker.start();
        int[] n = nices.get(30, TimeUnit.SECONDS);
        assumeTrue(n[0] < 10, "the test itself runs below nice 10 (it ran at " + n[0] + ")");
        assertTrue(n[1] == 1, "lowerThisThread said it did not lower the thread");
        assertEquals(10, n[2], "the calling thread's nice value after lowerThisThread");
        assertEquals(10, n[3], "a thread started afterwards inherits the nice value");
        assertTrue(niceOfThisThread() < 10, "other threads of the JVM keep their nice value");
    }
}
