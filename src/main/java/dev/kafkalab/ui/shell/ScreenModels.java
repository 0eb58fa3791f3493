package dev.kafkalab.ui.shell;

import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.code.CodeViewModel;
import dev.kafkalab.ui.consume.ConsumeViewModel;
import dev.kafkalab.ui.lab.LabViewModel;
import dev.kafkalab.ui.produce.ProduceViewModel;
import dev.kafkalab.ui.slides.SlidesViewModel;
import java.util.concurrent.Executor;

/**
 * What the screens are built from once the cluster runs: their view models, the learner's
 * progress, and the executors a screen hands work to ({@code io} for files, {@code ui} for the
 * FX thread). Made by the app's composition root, which also closes it all.
 */
public record ScreenModels(ClusterViewModel cluster, ProduceViewModel produce, ConsumeViewModel consume,
        LabViewModel labs, SlidesViewModel slides, CodeViewModel code, ProgressStore progress, Executor io, Executor ui) {
}
