package dev.kafkalab.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;

/**
 * Simple highlighting for the code the course shows: shell commands (the command, its
 * {@code --options}), Java (keywords, strings, comments) and properties files. Tokens only,
 * no parsing: it colours, it never changes the text.
 */
final class CodeHighlighter {

    private static final Set<String> JAVA = Set.of("public", "private", "final", "static", "class", "record", "new",
            "return", "void", "var", "import", "package", "try", "catch", "if", "else", "for", "while", "implements",
            "extends", "interface", "null", "true", "false", "this", "throws", "int", "long", "double", "boolean");
    private static final String REST = "(?<string>\"(?:[^\"\\\\]|\\\\.)*\")|(?<option>--[A-Za-z][\\w.-]*)"
            + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)|(?<word>[A-Za-z_][\\w.-]*)";
    /** A comment starts with '#' in shell and properties files, with '//' in Java, nowhere else. */
    private static final Pattern HASH_COMMENTS = Pattern.compile("(?<comment>#.*)|" + REST);
    private static final Pattern SLASH_COMMENTS = Pattern.compile("(?<comment>//.*)|" + REST);
    private static final Pattern NO_COMMENTS = Pattern.compile("(?<comment>(?!))|" + REST);

    private CodeHighlighter() {
    }

    static List<Text> line(String line, String language) {
        List<Text> out = new ArrayList<>();
        String lang = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
        boolean shell = lang.equals("sh") || lang.equals("bash") || lang.equals("shell") || lang.equals("console");
        boolean java = lang.equals("java");
        boolean props = lang.equals("properties");
        Matcher m = (shell || props ? HASH_COMMENTS : java ? SLASH_COMMENTS : NO_COMMENTS).matcher(line);
        int at = 0;
        boolean first = true;
        while (m.find()) {
            if (m.start() > at) {
                out.add(token(line.substring(at, m.start()), null));
            }
            String style = null;
            if (m.group("comment") != null) {
                style = "code-comment";
            } else if (m.group("string") != null) {
                style = "code-string";
            } else if (m.group("option") != null) {
                style = shell ? "code-option" : null;
            } else if (m.group("number") != null) {
                style = "code-number";
            } else if (m.group("word") != null) {
                String w = m.group("word");
                if (shell && first) {
                    style = "code-command";
                } else if (java && JAVA.contains(w)) {
                    style = "code-keyword";
                } else if (props && m.start() == 0) {
                    style = "code-keyword";
                }
                first = false;
            }
            out.add(token(m.group(), style));
            at = m.end();
        }
        if (at < line.length()) {
            out.add(token(line.substring(at), null));
        }
        return out;
    }

    private static Text token(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("md-code-text");
        if (style != null) {
            t.getStyleClass().add(style);
        }
        return t;
    }
}
