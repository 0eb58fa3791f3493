package dev.kafkalab.lab;

import dev.kafkalab.content.ContentFiles;
import dev.kafkalab.content.FormatException;
import dev.kafkalab.content.FrontMatter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a lab file: a front matter block ({@code title}, {@code module}, {@code minutes},
 * {@code goal}), an optional introduction, then one {@code ## } section per step holding
 * Markdown instructions, {@code @action}, {@code @check} and {@code @look} lines, and
 * {@code ### Hint} and {@code ### Why} parts. Every problem is reported with its line.
 */
public final class LabParser {

    private static final List<String> REQUIRED = List.of("title", "module", "minutes", "goal");

    private LabParser() {
    }

    public static Lab parse(Path file) throws LabFormatException {
        String text;
        try {
            text = ContentFiles.read(file);
        } catch (FormatException e) {
            throw new LabFormatException(file, e.line(), e.reason());
        }
        return parse(file, text);
    }

    public static Lab parse(Path file, String text) throws LabFormatException {
        return new Reader(file, ContentFiles.lines(text)).lab();
    }

    /** Splits {@code a=1 b="two words"} into arguments (see {@link dev.kafkalab.content.Arguments}). */
    static Map<String, String> arguments(String text, Path file, int line) throws LabFormatException {
        try {
            return dev.kafkalab.content.Arguments.parse(text, file, line);
        } catch (FormatException e) {
            throw new LabFormatException(file, line, e.reason());
        }
    }

    private static final class Reader {
        private final Path file;
        private final String[] lines;
        private FrontMatter meta;
        private int module;
        private int minutes;
        private final List<Step> steps = new ArrayList<>();
        private int at;

        Reader(Path file, String[] lines) {
            this.file = file;
            this.lines = lines;
        }

        Lab lab() throws LabFormatException {
            frontMatter();
            StringBuilder intro = new StringBuilder();
            while (at < lines.length && !lines[at].startsWith("## ")) {
                if (lines[at].startsWith("@")) {
                    throw fail(at, "@-lines belong inside a step (a '## ' section)");
                }
                intro.append(lines[at++]).append('\n');
            }
            while (at < lines.length) {
                step();
            }
            if (steps.isEmpty()) {
                throw fail(lines.length - 1, "no steps: each step starts with a '## ' heading");
            }
            String id = file.getFileName().toString().replaceFirst("\\.md$", "");
            return new Lab(id, file, meta.text("title"), module, minutes, meta.text("goal"),
                    intro.toString().strip(), steps);
        }

        private void frontMatter() throws LabFormatException {
            try {
                meta = FrontMatter.read(file, lines, REQUIRED);
                module = meta.positive("module");
                minutes = meta.positive("minutes");
            } catch (FormatException e) {
                throw new LabFormatException(file, e.line(), e.reason());
            }
            at = meta.next();
        }

        private void step() throws LabFormatException {
            int heading = at;
            String title = lines[at++].substring(3).strip();
            if (title.isEmpty()) {
                throw fail(heading, "a step heading needs a title");
            }
            StringBuilder instructions = new StringBuilder();
            StringBuilder hint = null;
            StringBuilder why = null;
            StringBuilder into = instructions;
            List<Directive> actions = new ArrayList<>();
            List<String> looks = new ArrayList<>();
            Directive check = null;
            boolean fenced = false;
            for (; at < lines.length && (fenced || !lines[at].startsWith("## ")); at++) {
                String line = lines[at];
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                }
                if (!fenced && line.startsWith("@")) {
                    int space = line.indexOf(' ');
                    String kind = space < 0 ? line.substring(1) : line.substring(1, space);
                    String rest = space < 0 ? "" : line.substring(space + 1).strip();
                    switch (kind) {
                        case "check" -> {
                            if (check != null) {
                                throw fail(at, "a step has one @check; this step already has one on line " + check.line());
                            }
                            check = directive(Vocabulary.CHECKS, rest);
                        }
                        case "action" -> actions.add(directive(Vocabulary.ACTIONS, rest));
                        case "look" -> looks.addAll(targets(rest));
                        default -> throw fail(at, "unknown '@" + kind + "': use @check, @action or @look");
                    }
                    continue;
                }
                if (!fenced && line.startsWith("### ")) {
                    String part = line.substring(4).strip().toLowerCase(Locale.ROOT);
                    if (part.equals("hint")) {
                        into = hint = new StringBuilder();
                        continue;
                    }
                    if (part.equals("why")) {
                        into = why = new StringBuilder();
                        continue;
                    }
                }
                into.append(line).append('\n');
            }
            if (fenced) {
                throw fail(at - 1, "a ``` code block in step '" + title + "' is never closed");
            }
            if (check == null) {
                throw fail(heading, "step '" + title + "' has no @check line");
            }
            if (instructions.toString().isBlank()) {
                throw fail(heading, "step '" + title + "' says nothing to do: write its instructions under the heading");
            }
            steps.add(new Step(steps.size() + 1, title, instructions.toString().strip(), actions, check,
                    hint == null ? "" : hint.toString().strip(), why == null ? "" : why.toString().strip(),
                    heading + 1, looks));
        }

        /** {@code @look records-sent partitions}: controls the step asks the learner to look at. */
        private List<String> targets(String text) throws LabFormatException {
            if (text.isBlank()) {
                throw fail(at, "@look names what to look at, e.g. @look records-sent; known: "
                        + String.join(", ", Vocabulary.TARGETS.keySet()));
            }
            List<String> names = List.of(text.strip().split("\\s+"));
            for (String name : names) {
                if (!Vocabulary.TARGETS.containsKey(name)) {
                    throw fail(at, "@look: unknown '" + name + "'; known: " + String.join(", ", Vocabulary.TARGETS.keySet()));
                }
            }
            return names;
        }

        private Directive directive(Map<String, ? extends Vocabulary.Entry<?>> kinds, String text) throws LabFormatException {
            int space = text.indexOf(' ');
            String name = space < 0 ? text : text.substring(0, space);
            if (name.isEmpty()) {
                throw fail(at, "the @-line names no " + (kinds == Vocabulary.CHECKS ? "check" : "action"));
            }
            Map<String, String> args = arguments(space < 0 ? "" : text.substring(space + 1), file, at + 1);
            List<String> problems = Vocabulary.problems(kinds, name, args);
            if (!problems.isEmpty()) {
                throw fail(at, String.join("; ", problems));
            }
            return new Directive(name, args, at + 1);
        }

        private LabFormatException fail(int index, String reason) {
            return new LabFormatException(file, index + 1, reason);
        }
    }
}
