package dev.kafkalab.lab;

import java.util.Optional;
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
     * {@code then=REGEX}, a line printed after the first such line matches REGEX (what happened
     * after the program said it); with {@code ended=true}, the run has also ended (for what it
     * prints at its end).
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
        Optional<Pattern> then;
        try {
            pattern = Pattern.compile(c.text("pattern"));
            then = c.optional("then").map(Pattern::compile);
        } catch (PatternSyntaxException e) {
            return Verdict.waiting("the check's pattern is not a regular expression: " + e.getDescription());
        }
        boolean ended = c.optional("ended").map(Boolean::parseBoolean).orElse(false);
        String found = null;
        String after = null;
        for (dev.kafkalab.code.Programs.Line line : seen.output()) {
            if (line.at().isBefore(since)) {
                continue;
            }
            if (found != null && after == null && then.isPresent() && then.get().matcher(line.text()).find()) {
                after = line.text();
            }
            if ((found == null || then.isEmpty()) && pattern.matcher(line.text()).find()) {
                found = line.text();
            }
        }
        if (found == null) {
            return Verdict.waiting(name + (seen.exitCode() == null ? " runs" : " ended") + "; it has not printed a line"
                    + " matching " + c.text("pattern") + " since this step began");
        }
        String said = name + " printed \"" + shortened(found) + "\"";
        if (then.isPresent() && after == null) {
            return Verdict.waiting(said + ", and no line matching " + c.text("then") + " after it");
        }
        if (then.isPresent()) {
            said += ", then \"" + shortened(after) + "\"";
        }
        if (ended && seen.exitCode() == null) {
            return Verdict.waiting(said + "; waiting for it to end");
        }
        return Verdict.pass(said);
    }

    /** A printed line as a verdict quotes it: its start, the whole line being in the console. */
    static String shortened(String line) {
        return line.length() <= LONGEST_QUOTE ? line : line.substring(0, LONGEST_QUOTE - 1) + "…";
    }

    /** Verdicts quote at most this much of a line: three lines of the lab panel. */
    static final int LONGEST_QUOTE = 90;
}
