package dev.kafkalab.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on the Markdown inside content files: links to labs and slides, and images that exist. */
public final class Markup {

    private static final Pattern LINK = Pattern.compile("(!?)\\[[^\\]]*\\]\\(([^)\\s]+)[^)]*\\)");

    private Markup() {
    }

    /**
     * Reads one line of Markdown: each {@code lab:}/{@code slide:} link goes to {@code into}, a
     * malformed one or an image whose file is missing (relative to {@code base}) is an error.
     */
    public static void scan(String line, int number, Path file, Path base, List<Reference> into)
            throws FormatException {
        Matcher m = LINK.matcher(line);
        while (m.find()) {
            String target = m.group(2);
            if (m.group(1).equals("!")) {
                if (!target.contains("://") && base != null && !Files.isRegularFile(base.resolve(target))) {
                    throw new FormatException(file, number, "the image " + target + " is not there ("
                            + base.resolve(target).normalize() + ")");
                }
            } else if (ContentLink.claims(target)) {
                ContentLink link = ContentLink.parse(target).orElseThrow(() -> new FormatException(file, number,
                        "'" + target + "' is not a link the app knows: lab:<lab>#<step> or slide:<deck>#<slide>"));
                into.add(new Reference(link, number));
            }
        }
    }
}
