package dev.kafkalab.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ---} block at the top of a content file: {@code key: value} lines, each key one the
 * file kind knows, the required ones present, numbers positive.
 *
 * @param next index of the first line after the closing {@code ---}
 */
public record FrontMatter(Path file, Map<String, String> values, Map<String, Integer> lines, int next) {

    public static FrontMatter read(Path file, String[] text, List<String> required) throws FormatException {
        if (text.length == 0 || !text[0].strip().equals("---")) {
            throw new FormatException(file, 1, "must start with a '---' line, then " + String.join(":, ", required)
                    + ":, then '---'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int at = 1;
        while (at < text.length && !text[at].strip().equals("---")) {
            String line = text[at];
            if (!line.isBlank()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new FormatException(file, at + 1, "'" + line.strip() + "' is not 'key: value'");
                }
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (!required.contains(key)) {
                    throw new FormatException(file, at + 1, "unknown key '" + key + "'; known: "
                            + String.join(", ", required));
                }
                values.put(key, line.substring(colon + 1).strip());
                lines.put(key, at + 1);
            }
            at++;
        }
        if (at >= text.length) {
            throw new FormatException(file, 1, "the front matter is never closed with a '---' line");
        }
        for (String key : required) {
            if (values.getOrDefault(key, "").isEmpty()) {
                throw new FormatException(file, at + 1, "the front matter has no " + key + ":");
            }
        }
        return new FrontMatter(file, Map.copyOf(values), Map.copyOf(lines), at + 1);
    }

    public String text(String key) {
        return values.get(key);
    }

    public int positive(String key) throws FormatException {
        try {
            int n = Integer.parseInt(values.get(key));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FormatException(file, lines.getOrDefault(key, 0), key + ": '" + values.get(key)
                    + "' is not a positive whole number");
        }
    }
}
