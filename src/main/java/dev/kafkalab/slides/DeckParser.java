package dev.kafkalab.slides;

import dev.kafkalab.content.Arguments;
import dev.kafkalab.content.ContentFiles;
import dev.kafkalab.content.ContentLink;
import dev.kafkalab.content.FormatException;
import dev.kafkalab.content.FrontMatter;
import dev.kafkalab.content.Markup;
import dev.kafkalab.content.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a deck: front matter ({@code title}, {@code module}), then slides split by lines that
 * are exactly {@code ---}. In a slide, {@code @live <widget> key=value} embeds a live view,
 * {@code @open lab:<lab>#<step>} (or {@code slide:<deck>#<n>}) a button, and everything after a
 * {@code Note:} line is speaker notes. Every problem is reported with its line.
 */
public final class DeckParser {

    private static final List<String> KEYS = List.of("title", "module");

    private DeckParser() {
    }

    public static Deck parse(Path file) throws FormatException {
        return parse(file, ContentFiles.read(file));
    }

    public static Deck parse(Path file, String text) throws FormatException {
        String[] lines = ContentFiles.lines(text);
        FrontMatter meta = FrontMatter.read(file, lines, KEYS);
        Path base = file.toAbsolutePath().getParent();
        List<Slide> slides = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        int start = meta.next();
        boolean fenced = false;
        for (int at = start; at <= lines.length; at++) {
            boolean end = at == lines.length;
            if (!end && lines[at].strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (end || !fenced && lines[at].strip().equals("---")) {
                String[] chunk = Arrays.copyOfRange(lines, start, at);
                slides.add(slide(file, base, chunk, start, slides.size() + 1, references));
                start = at + 1;
            }
        }
        if (fenced) {
            throw new FormatException(file, lines.length, "a ``` code block is never closed");
        }
        String id = file.getFileName().toString().replaceFirst("\\.md$", "");
        return new Deck(id, file, meta.text("title"), meta.positive("module"), slides, references);
    }

    /** One slide from its lines; {@code first} is the index of its first line in the file. */
    private static Slide slide(Path file, Path base, String[] lines, int first, int number, List<Reference> references)
            throws FormatException {
        List<Slide.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textLine = first + 1;
        StringBuilder notes = null;
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = first + i + 1;
            if (notes != null) {
                notes.append(line).append('\n');
                continue;
            }
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith("Note:")) {
                notes = new StringBuilder(line.substring(5).strip()).append('\n');
                continue;
            }
            if (!fenced && line.startsWith("@")) {
                flush(text, textLine, parts);
                parts.add(directive(file, line, lineNumber, references));
                textLine = lineNumber + 1;
                continue;
            }
            if (!fenced) {
                Markup.scan(line, lineNumber, file, base, references);
            }
            if (text.length() == 0 && line.isBlank()) {
                textLine = lineNumber + 1;
                continue;
            }
            text.append(line).append('\n');
        }
        flush(text, textLine, parts);
        if (parts.isEmpty()) {
            throw new FormatException(file, first + 1, "slide " + number + " is empty (two '---' lines in a row,"
                    + " or one at the end of the file?)");
        }
        return new Slide(number, first + 1, parts, notes == null ? "" : notes.toString().strip());
    }

    private static void flush(StringBuilder text, int line, List<Slide.Part> parts) {
        if (!text.toString().isBlank()) {
            parts.add(new Slide.Text(text.toString().strip(), line));
        }
        text.setLength(0);
    }

    private static Slide.Part directive(Path file, String line, int number, List<Reference> references)
            throws FormatException {
        String[] words = line.substring(1).strip().split("\\s+", 3);
        String kind = words[0];
        switch (kind) {
            case "live" -> {
                if (words.length < 2) {
                    throw new FormatException(file, number, "@live needs a widget: " + widgetNames());
                }
                Slide.Widget widget;
                try {
                    widget = Slide.Widget.valueOf(words[1].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new FormatException(file, number, "unknown widget '" + words[1] + "'; known: " + widgetNames());
                }
                Map<String, String> args = Arguments.parse(words.length > 2 ? words[2] : "", file, number);
                for (String key : args.keySet()) {
                    if (!widget.required().contains(key) && !widget.optional().contains(key)) {
                        throw new FormatException(file, number, "@live " + widget.word() + " takes no '" + key + "'"
                                + (widget.required().isEmpty() ? "" : "; it takes " + String.join(", ", widget.required())));
                    }
                }
                for (String key : widget.required()) {
                    if (args.getOrDefault(key, "").isEmpty()) {
                        throw new FormatException(file, number, "@live " + widget.word() + " needs " + key + "=...");
                    }
                }
                return new Slide.Live(widget, args, number);
            }
            case "open" -> {
                String target = words.length > 1 ? words[1] : "";
                ContentLink link = ContentLink.parse(target).orElseThrow(() -> new FormatException(file, number,
                        "@open needs lab:<lab>#<step> or slide:<deck>#<slide>, not '" + target + "'"));
                references.add(new Reference(link, number));
                String label = words.length > 2 ? words[2].strip().replaceAll("^\"(.*)\"$", "$1") : "";
                return new Slide.Open(link, label.isEmpty() ? "Open " + link.describe() : label, number);
            }
            default -> throw new FormatException(file, number, "unknown '@" + kind + "': use @live or @open");
        }
    }

    private static String widgetNames() {
        return String.join(", ", Arrays.stream(Slide.Widget.values()).map(Slide.Widget::word).toList());
    }
}
