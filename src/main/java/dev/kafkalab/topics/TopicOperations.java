package dev.kafkalab.topics;

import java.util.concurrent.CompletableFuture;

/** Creating and deleting topics; {@link TopicService} does it on a cluster. */
public interface TopicOperations {

    CompletableFuture<Void> create(TopicRequest request);

    CompletableFuture<Void> delete(String name);
}
