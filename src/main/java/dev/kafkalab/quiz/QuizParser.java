package dev.kafkalab.quiz;

import dev.kafkalab.content.ContentFiles;
import dev.kafkalab.content.ContentLink;
import dev.kafkalab.content.FormatException;
import dev.kafkalab.content.FrontMatter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a quiz: front matter ({@code title}, {@code module}), then per question a {@code ## }
 * heading (the question), optional Markdown, choices as {@code - [x] right} / {@code - [ ] wrong}
 * lines, one {@code @see lab:<lab>#<step>} or {@code @see slide:<deck>#<n>}, and a
 * {@code ### Why} part. Every problem is reported with its line.
 */
public final class QuizParser {

    private static final List<String> KEYS = List.of("title", "module");
    private static final Pattern CHOICE = Pattern.compile("- \\[([ xX])\\] (.+)");
    static final int MAX_CHOICES = 6;

    private QuizParser() {
    }

    public static Quiz parse(Path file) throws FormatException {
        return parse(file, ContentFiles.read(file));
    }

    public static Quiz parse(Path file, String text) throws FormatException {
        String[] lines = ContentFiles.lines(text);
        FrontMatter meta = FrontMatter.read(file, lines, KEYS);
        int at = meta.next();
        while (at < lines.length && !lines[at].startsWith("## ")) {
            if (!lines[at].isBlank()) {
                throw new FormatException(file, at + 1, "text before the first question: each question starts"
                        + " with a '## ' heading");
            }
            at++;
        }
        List<Question> questions = new ArrayList<>();
        while (at < lines.length) {
            int end = at + 1;
            boolean fenced = false;
            while (end < lines.length && (fenced || !lines[end].startsWith("## "))) {
                if (lines[end].strip().startsWith("```")) {
                    fenced = !fenced;
                }
                end++;
            }
            questions.add(question(file, lines, at, end, questions.size() + 1));
            at = end;
        }
        if (questions.isEmpty()) {
            throw new FormatException(file, lines.length, "no questions: each starts with a '## ' heading");
        }
        String id = file.getFileName().toString().replaceFirst("\\.md$", "");
        return new Quiz(id, file, meta.text("title"), meta.positive("module"), questions);
    }

    private static Question question(Path file, String[] lines, int heading, int end, int number)
            throws FormatException {
        String text = lines[heading].substring(3).strip();
        if (text.isEmpty()) {
            throw new FormatException(file, heading + 1, "a question heading needs the question");
        }
        StringBuilder detail = new StringBuilder();
        StringBuilder why = null;
        List<String> choices = new ArrayList<>();
        Set<Integer> correct = new TreeSet<>();
        ContentLink see = null;
        boolean fenced = false;
        for (int at = heading + 1; at < end; at++) {
            String line = lines[at];
            int n = at + 1;
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (why != null) {
                if (!fenced && line.startsWith("@")) {
                    throw new FormatException(file, n, "@-lines go before '### Why'");
                }
                why.append(line).append('\n');
                continue;
            }
            Matcher choice = CHOICE.matcher(line);
            if (!fenced && choice.matches()) {
                if (choice.group(1).equalsIgnoreCase("x")) {
                    correct.add(choices.size());
                }
                choices.add(choice.group(2).strip());
            } else if (!fenced && line.startsWith("@see")) {
                if (see != null) {
                    throw new FormatException(file, n, "a question has one @see");
                }
                String target = line.substring(4).strip();
                see = ContentLink.parse(target).orElseThrow(() -> new FormatException(file, n,
                        "@see needs lab:<lab>#<step> or slide:<deck>#<slide>, not '" + target + "'"));
            } else if (!fenced && line.startsWith("@")) {
                throw new FormatException(file, n, "unknown '" + line.split("\\s")[0] + "': a question has @see");
            } else if (!fenced && line.strip().equalsIgnoreCase("### Why")) {
                why = new StringBuilder();
            } else if (!fenced && line.startsWith("- [")) {
                throw new FormatException(file, n, "a choice is '- [x] text' (right) or '- [ ] text' (wrong)");
            } else if (!choices.isEmpty() && !line.isBlank()) {
                throw new FormatException(file, n, "text after the choices: put it above them, or under '### Why'");
            } else {
                detail.append(line).append('\n');
            }
        }
        int line = heading + 1;
        if (choices.size() < 2 || choices.size() > MAX_CHOICES) {
            throw new FormatException(file, line, "question " + number + " has " + choices.size()
                    + (choices.size() == 1 ? " choice" : " choices") + "; give 2 to " + MAX_CHOICES);
        }
        if (correct.isEmpty()) {
            throw new FormatException(file, line, "question " + number + " has no right choice: mark one '- [x]'");
        }
        if (see == null) {
            throw new FormatException(file, line, "question " + number + " has no @see: link the slide or lab step"
                    + " that shows it");
        }
        if (why == null || why.toString().isBlank()) {
            throw new FormatException(file, line, "question " + number + " has no '### Why' explanation");
        }
        return new Question(number, text, detail.toString().strip(), choices, correct, why.toString().strip(), see,
                line);
    }
}
