package dev.kafkalab.slides;

import dev.kafkalab.content.ContentLink;
import java.util.List;
import java.util.Map;

/**
 * One slide: its parts in order (Markdown text, live widgets, buttons that open a lab step or
 * another slide) and the speaker notes.
 *
 * @param number 1-based, as a presenter counts them
 * @param line   the slide's first line in the deck file
 */
public record Slide(int number, int line, List<Part> parts, String notes) {

    public Slide {
        parts = List.copyOf(parts);
    }

    /** A piece of a slide, top to bottom. */
    public sealed interface Part permits Text, Live, Open {
        int line();
    }

    /** Markdown, rendered as JavaFX nodes. */
    public record Text(String markdown, int line) implements Part {
    }

    /** {@code @live partitions topic=orders}: a live view of the cluster, interactive on the slide. */
    public record Live(Widget widget, Map<String, String> args, int line) implements Part {
        public Live {
            args = Map.copyOf(args);
        }
    }

    /** {@code @open lab:03-replication-failover#3}: a button that opens a lab step or a slide. */
    public record Open(ContentLink link, String label, int line) implements Part {
    }

    /** The live widgets a slide can embed, and the arguments each takes. */
    public enum Widget {
        /** The node cards, with their Stop / Kill / Freeze / Resume / Start buttons. */
        BROKERS(List.of(), List.of()),
        /** One topic's partitions: leader, replicas and ISR, offsets. */
        PARTITIONS(List.of("topic"), List.of()),
        /** A consumer group as the cluster reports it: members, their partitions, lag. */
        GROUP(List.of("group"), List.of()),
        /** What changed on the cluster: leaders moved, ISRs shrank, groups rebalanced. */
        TIMELINE(List.of(), List.of()),
        /** The cluster map of a topic: brokers and their replica tiles, writes and readers. */
        MAP(List.of("topic"), List.of());

        private final List<String> required;
        private final List<String> optional;

        Widget(List<String> required, List<String> optional) {
            this.required = required;
            this.optional = optional;
        }

        public List<String> required() {
            return required;
        }

        public List<String> optional() {
            return optional;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The first heading's text, for the overview grid and the presenter's "next" line. */
    public String title() {
        for (Part p : parts) {
            if (p instanceof Text t) {
                for (String l : t.markdown().split("\n")) {
                    if (l.startsWith("#")) {
                        return l.replaceFirst("^#+\\s*", "").strip();
                    }
                }
            }
        }
        return "Slide " + number;
    }
}
