package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class NodeLoggerTest {

    @Test
    void timestampsLookLikeTheBrokersOwnLogLines() {
        StringBuilder out = new StringBuilder();
        NodeLogger.timestamp(out, LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000));
        assertEquals("[2026-01-02 03:04:05,006]", out.toString());
    }

    @Test
    void configDumpsAreQuietAndEverythingElseLogsAtInfo() {
        assertFalse(NodeLogger.named("org.apache.kafka.common.config.AbstractConfig").isInfoEnabled());
        assertTrue(NodeLogger.named("org.apache.kafka.common.config.AbstractConfig").isWarnEnabled());
        assertTrue(NodeLogger.named("kafka.server.BrokerServer").isInfoEnabled());
        assertFalse(NodeLogger.named("kafka.server.BrokerServer").isDebugEnabled());
    }

    @Test
    void oneLineWithArgumentsLoggerNameAndTheStackTraceAfterIt() {
        Logger log = NodeLogger.named("kafka.network.SocketServer");
        String text = captureStderr(() -> log.error("Port {} is taken", 9092, new IllegalStateException("Address already in use")));
        String[] lines = text.split("\n");
        assertTrue(lines[0].matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}] ERROR Port 9092 is taken \\(kafka.network.SocketServer\\)"),
                lines[0]);
        assertEquals("java.lang.IllegalStateException: Address already in use", lines[1]);
    }

    @Test
    void debugCallsWriteNothing() {
        assertEquals("", captureStderr(() -> NodeLogger.named("kafka.log.LogManager").debug("hidden {}", 1)));
    }

    private static String captureStderr(Runnable body) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
