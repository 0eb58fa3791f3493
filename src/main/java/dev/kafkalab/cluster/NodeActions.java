package dev.kafkalab.cluster;

import java.util.concurrent.CompletableFuture;

/** What can be done to one node; {@link LocalCluster} does it for real. */
public interface NodeActions {

    CompletableFuture<Void> stop(int id);

    CompletableFuture<Void> kill(int id);

    CompletableFuture<Void> pause(int id);

    CompletableFuture<Void> resume(int id);

    CompletableFuture<Void> start(int id);
}
