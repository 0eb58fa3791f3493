package dev.kafkalab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's options and its verdict, without a cluster (SoakIT runs one). */
class SoakCommandTest {

    @Test
    void optionsDefaultToHalfAnHourWithAnActionEvery20Seconds() {
        assertEquals(new SoakCommand.Options(30, Duration.ofSeconds(20)), SoakCommand.Options.parse(List.of()));
        assertEquals(new SoakCommand.Options(5, Duration.ofSeconds(8)),
                SoakCommand.Options.parse(List.of("--every", "8", "--minutes", "5")));
    }

    @Test
    void badOptionsAreRefusedWithASentenceAndNothingStarts() {
        assertEquals("--minutes takes a whole number, was 'half'", message("--minutes", "half"));
        assertEquals("--minutes takes at least 1, was 0", message("--minutes", "0"));
        assertEquals("--every takes at least 5 (seconds): a broker needs that to come back, was 2", message("--every", "2"));
        assertEquals("--every takes a whole number", message("--every"));
        assertEquals("unknown option '--hours'", message("--hours", "2"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SoakCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(List.of("--minutes", "-3"));
        assertEquals(2, code);
        assertEquals("error: --minutes takes at least 1, was -3\n" + SoakCommand.USAGE + "\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFigureGrownByMoreThanTenPercentIsNamedAndTheRestAreNot() {
        Figures first = new Figures(40.0, 60, 1200, 120, 900);
        assertEquals(List.of(), first.grew(new Figures(43.9, 66, 1100, 130, 985), SoakCommand.FLAT), "within 10%");
        assertEquals(List.of("app heap after GC 40 -> 60 MiB (+50%)", "app threads 60 -> 90 (+50%)",
                "node file descriptors 900 -> 1000 (+11%)"),
                first.grew(new Figures(60, 90, 1200, 120, 1000), SoakCommand.FLAT));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> SoakCommand.Options.parse(List.of(args))).getMessage();
    }
}
