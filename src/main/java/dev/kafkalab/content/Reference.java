package dev.kafkalab.content;

/** Where a content file links to a lab step or a slide, so a broken link can name its line. */
public record Reference(ContentLink link, int line) {
}
