package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node JVMs recorded as they start are ended by the next start when an earlier run left them
 * running; a pid now used by another process (pids are reused) is left alone.
 */
class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void aNodeAnEarlierRunLeftIsEndedAndReported() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "120").start();
        try {
            new Leftovers(dir).started(leftover.toHandle(), "broker 2");

            Optional<String> said = new Leftovers(dir).endEarlierRun();

            assertTrue(leftover.waitFor(10, TimeUnit.SECONDS), "the leftover ended");
            assertEquals(Optional.of("Ended 1 node JVM(s) an earlier run of Kafka Lab left running (broker 2 pid "
                    + leftover.pid() + ")."), said);
            assertEquals(Optional.empty(), new Leftovers(dir).endEarlierRun(), "forgotten once ended");
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aRecordedPidThatStartedAtAnotherTimeIsAnotherProcessAndIsLeftAlone() throws Exception {
        long me = ProcessHandle.current().pid();
        long longAgo = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        Files.writeString(dir.resolve("nodes.pids"), me + " " + longAgo + " broker 1\nnot a record\n");

        assertEquals(Optional.empty(), new Leftovers(dir).endEarlierRun());
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void aNodeStartedAgainReplacesItsRecord() throws Exception {
        Process first = new ProcessBuilder("sleep", "120").start();
        Process second = new ProcessBuilder("sleep", "120").start();
        try {
            Leftovers records = new Leftovers(dir);
            records.started(first.toHandle(), "broker 1");
            records.started(second.toHandle(), "broker 1");

            List<String> lines = Files.readAllLines(dir.resolve("nodes.pids"));
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith(second.pid() + " "), lines.toString());
            assertFalse(lines.get(0).startsWith(first.pid() + " "));
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }
    }
}
