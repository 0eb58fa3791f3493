package dev.kafkalab.topics;

import java.util.concurrent.CompletableFuture;

/** Creating and deleting topics; {@link TopicService} does it on a cluster. */
public interface TopicOperations {

    CompletableFuture<Void> create(TopicRequest request);

    /**
     * Creates a topic with more configs than the request's fields. Those that only create plain
     * topics need not implement it: they refuse any config.
     */
    default CompletableFuture<Void> create(TopicRequest request, java.util.Map<String, String> configs) {
        return configs.isEmpty() ? create(request) : CompletableFuture.failedFuture(
                new UnsupportedOperationException("Topic configs are not supported here: " + configs.keySet()));
    }

    CompletableFuture<Void> delete(String name);

    /** Reads the topic's transaction markers and aborted records (see {@link LogMarks}), off the caller's thread. */
    default CompletableFuture<java.util.Map<Integer, LogMarks>> logMarks(String topic) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("reading a topic is not possible here"));
    }
}
