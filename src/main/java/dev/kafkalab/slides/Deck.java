package dev.kafkalab.slides;

import dev.kafkalab.content.Reference;
import java.nio.file.Path;
import java.util.List;

/**
 * A module's slides, from one Markdown file in {@code slides/}.
 *
 * @param id         the file name without {@code .md}, as links name it ({@code slide:05-cluster-failover#2})
 * @param references every lab step and slide the deck links to, checked against the course
 */
public record Deck(String id, Path file, String title, int module, List<Slide> slides, List<Reference> references) {

    public Deck {
        slides = List.copyOf(slides);
        references = List.copyOf(references);
    }

    public Slide slide(int number) {
        return slides.get(Math.max(1, Math.min(number, slides.size())) - 1);
    }
}
