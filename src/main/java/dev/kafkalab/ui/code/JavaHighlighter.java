package dev.kafkalab.ui.code;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Java's keywords, strings, comments, annotations and numbers as style classes over a text: a
 * single pass of one pattern, fast enough to run after each pause in typing.
 */
final class JavaHighlighter {

    private static final String[] KEYWORDS = {
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
        "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
        "protected", "public", "record", "return", "short", "static", "strictfp", "super", "switch", "synchronized",
        "this", "throw", "throws", "transient", "try", "var", "void", "volatile", "while", "true", "false", "null"};

    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEYWORD>\\b(" + String.join("|", KEYWORDS) + ")\\b)"
            // Possessive, not capturing: a string literal thousands of characters long must not recurse.
            + "|(?<STRING>\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*+\"|'(?:[^'\\\\\\n]|\\\\.)*+')"
            + "|(?<COMMENT>//[^\\n]*|/\\*[\\s\\S]*?\\*/)"
            + "|(?<ANNOTATION>@[A-Za-z_][A-Za-z0-9_]*)"
            + "|(?<NUMBER>\\b\\d[\\d_]*(\\.\\d+)?[LlFfDd]?\\b)");

    private JavaHighlighter() {
    }

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("KEYWORD") != null ? "keyword"
                    : m.group("STRING") != null ? "string"
                    : m.group("COMMENT") != null ? "comment"
                    : m.group("ANNOTATION") != null ? "annotation" : "number";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
