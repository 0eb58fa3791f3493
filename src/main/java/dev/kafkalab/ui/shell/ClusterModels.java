package dev.kafkalab.ui.shell;

import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.consume.ConsumeViewModel;
import dev.kafkalab.ui.consume.ShareGroupViewModel;
import dev.kafkalab.ui.produce.ProduceViewModel;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the screens that show the cluster are built from, once it runs.
 *
 * @param programs the programs the app runs now (the map shows them as clients), any thread
 */
public record ClusterModels(ClusterViewModel cluster, ProduceViewModel produce, ConsumeViewModel consume,
        ShareGroupViewModel share, Supplier<List<String>> programs) {
}
