package dev.kafkalab.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} arguments of an {@code @}-line in a lab, deck or quiz file. */
public final class Arguments {

    private Arguments() {
    }

    /** Splits {@code a=1 b="two words"} into arguments, in their order. */
    public static Map<String, String> parse(String text, Path file, int line) throws FormatException {
        Map<String, String> args = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int eq = text.indexOf('=', i);
            int space = text.indexOf(' ', i);
            if (eq < 0 || space >= 0 && space < eq) {
                String token = text.substring(i, space < 0 ? text.length() : space);
                throw new FormatException(file, line, "'" + token + "' is not key=value");
            }
            String key = text.substring(i, eq);
            int start = eq + 1;
            String value;
            if (start < text.length() && text.charAt(start) == '"') {
                int close = text.indexOf('"', start + 1);
                if (close < 0) {
                    throw new FormatException(file, line, "the quote after " + key + "= is never closed");
                }
                value = text.substring(start + 1, close);
                i = close + 1;
            } else {
                int end = text.indexOf(' ', start);
                value = text.substring(start, end < 0 ? text.length() : end);
                i = end < 0 ? text.length() : end;
            }
            if (args.put(key, value) != null) {
                throw new FormatException(file, line, key + " is given twice");
            }
        }
        return args;
    }
}
