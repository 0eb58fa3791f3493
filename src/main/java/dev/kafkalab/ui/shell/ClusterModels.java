package dev.kafkalab.ui.shell;

import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.consume.ConsumeViewModel;
import dev.kafkalab.ui.produce.ProduceViewModel;

/** What the screens that show the cluster are built from, once it runs. */
public record ClusterModels(ClusterViewModel cluster, ProduceViewModel produce, ConsumeViewModel consume) {
}
