package dev.kafkalab.ui.code;

import dev.kafkalab.code.ProgramRun;
import java.time.Instant;

/** One line of a program's console, with when it came. */
public record ConsoleLine(Instant at, ProgramRun.Stream stream, String text) {
}
