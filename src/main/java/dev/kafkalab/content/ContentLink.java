package dev.kafkalab.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link from one piece of content to another: {@code lab:03-replication-failover#3} (step 3 of
 * a lab), {@code slide:05-cluster-failover#4} (slide 4 of a deck). Without {@code #n} it opens
 * the first step or slide. Slides and quiz answers use them in Markdown links and {@code @}-lines.
 *
 * @param number 1-based step or slide; 1 when the link names none
 */
public record ContentLink(Kind kind, String id, int number) {

    public enum Kind { LAB, SLIDE }

    private static final Pattern FORM = Pattern.compile("(lab|slide):([A-Za-z0-9._-]+)(?:#(\\d+))?");

    public ContentLink {
        if (number < 1) {
            throw new IllegalArgumentException("steps and slides count from 1, not " + number);
        }
    }

    /** The link a text names, or empty when it is not a {@code lab:} or {@code slide:} link. */
    public static Optional<ContentLink> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = m.group(1).equals("lab") ? Kind.LAB : Kind.SLIDE;
        int n = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        return n < 1 ? Optional.empty() : Optional.of(new ContentLink(kind, m.group(2), n));
    }

    /** Whether a link target looks like it means to be one of ours (so a typo is reported, not ignored). */
    public static boolean claims(String text) {
        return text != null && (text.startsWith("lab:") || text.startsWith("slide:"));
    }

    /** How a button names it: "lab 03-replication-failover, step 3". */
    public String describe() {
        return kind == Kind.LAB ? "lab " + id + ", step " + number : "deck " + id + ", slide " + number;
    }

    public String source() {
        return (kind == Kind.LAB ? "lab:" : "slide:") + id + "#" + number;
    }
}
