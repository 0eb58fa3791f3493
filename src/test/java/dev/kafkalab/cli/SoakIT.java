package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A one-minute soak on a real cluster: brokers fail and come back while the stream and the
 * group go on, and the figures are printed after the warm-up and at the end. Whether they stay
 * flat is for a long run to say (the README quotes one); here, that the session itself works.
 */
class SoakIT {

    @Test
    void aShortSoakFailsBrokersKeepsTheStreamAndTheGroupGoingAndPrintsItsFigures() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SoakCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--minutes", "1", "--every", "5"));
        String said = out.toString(StandardCharsets.UTF_8);
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(code == 0 || code == 3, "the soak ran (0: flat, 3: a figure grew), was " + code + "\n" + said + log);
        assertTrue(log.contains("kill broker") && log.contains("freeze broker") && log.contains("stop broker"),
                "every kind of failure, each brought back:\n" + log);
        assertTrue(said.contains("after warm-up: app heap after GC") && said.contains("at the end:    app heap after GC"),
                said);
        Matcher records = Pattern.compile("records: (\\d+) sent, (\\d+) acked, (\\d+) failed .*, (\\d+) consumed;"
                + " (\\d+) actions, (\\d+) failed").matcher(said);
        assertTrue(records.find(), said);
        assertTrue(Long.parseLong(records.group(2)) > 10_000, "the stream went on through the failures: " + said);
        assertTrue(Long.parseLong(records.group(4)) > 10_000, "the group read on through them: " + said);
        assertTrue(Integer.parseInt(records.group(5)) >= 3, "a round of actions at least: " + said);
        assertTrue(records.group(6).equals("0"), "no action failed: " + said + log);
    }
}
