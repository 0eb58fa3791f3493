package dev.kafkalab.lab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks that read what a program printed: what only the program knows (its callbacks'
 * errors, its own count of acknowledged records), from its run on the Code screen or a step's
 * button. A program run elsewhere (in an IDE) is not seen.
 */
final class ProgramChecks {

    private ProgramChecks() {
    }

    /** The program a check reads the output of, if it reads one. */
    static Optional<String> programOf(Directive check) {
        return check.name().equals("program-printed") ? Optional.of(check.text("program")) : Optional.empty();
    }

    /**
     * A line the program's last run printed since the step began matches {@code pattern}; with
     * {@code ended=true}, the run has also ended (for what it prints at its end).
     */
    static Verdict programPrinted(Directive c, CheckContext ctx) {
        String name = c.text("program");
        CheckContext.ProgramSeen seen = ctx.programs().get(name);
        java.time.Instant since = ctx.baseline().takenAt();
        if (seen == null) {
            return Verdict.waiting(name + " has not run since this step began: run it on the Code screen");
        }
        if (seen.exitCode() != null && seen.output().stream().noneMatch(l -> !l.at().isBefore(since))) {
            return Verdict.waiting(name + " ended before this step began: run it again, then do the step");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(c.text("pattern"));
        } catch (PatternSyntaxException e) {
            return Verdict.waiting("the check's pattern is not a regular expression: " + e.getDescription());
        }
        boolean ended = c.optional("ended").map(Boolean::parseBoolean).orElse(false);
        String found = null;
        for (dev.kafkalab.code.Programs.Line line : seen.output()) {
            Matcher m = pattern.matcher(line.text());
            if (!line.at().isBefore(since) && m.find()) {
                found = line.text();
            }
        }
        if (found == null) {
            return Verdict.waiting(name + (seen.exitCode() == null ? " runs" : " ended") + "; it has not printed a line"
                    + " matching " + c.text("pattern") + " since this step began");
        }
        if (ended && seen.exitCode() == null) {
            return Verdict.waiting(name + " printed \"" + shortened(found) + "\"; waiting for it to end");
        }
        return Verdict.pass(name + " printed \"" + shortened(found) + "\"");
    }

    /** A printed line as a verdict quotes it: its start, the whole line being in the console. */
    static String shortened(String line) {
        return line.length() <= LONGEST_QUOTE ? line : line.substring(0, LONGEST_QUOTE - 1) + "…";
    }

    /** Verdicts quote at most this much of a line: three lines of the lab panel. */
    static final int LONGEST_QUOTE = 90;
}
