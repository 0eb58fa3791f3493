package dev.kafkalab.ui.shell;

import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.ui.code.CodeViewModel;
import dev.kafkalab.ui.lab.LabViewModel;
import dev.kafkalab.ui.slides.SlidesViewModel;
import java.util.concurrent.Executor;

/**
 * What the screens that need no cluster are built from, at once: the labs (read and opened while
 * the cluster starts; their actions wait for it), the slides, the quizzes (the learner's
 * progress) and the code; and the executors a screen hands work to ({@code io} for files,
 * {@code ui} for the FX thread). Made by the app's composition root, which also closes it all.
 */
public record ScreenModels(LabViewModel labs, SlidesViewModel slides, CodeViewModel code, ProgressStore progress,
        Executor io, Executor ui) {
}
