package dev.kafkalab.ui.code;

import dev.kafkalab.code.Programs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One program's run and console on the Code screen: output is queued on the program's reader
 * threads, and moved into the console on the FX thread in batches, keeping its last
 * {@link CodeViewModel#CONSOLE_LINES} lines.
 */
final class Session {

    final ObservableList<ConsoleLine> console = FXCollections.observableArrayList();
    final ConcurrentLinkedQueue<ConsoleLine> queued = new ConcurrentLinkedQueue<>();
    final BooleanProperty running = new SimpleBooleanProperty();
    volatile Programs.Run run;
    /** Stop was pressed for this run (maybe while it compiled). */
    volatile boolean stopAsked;
    /** Completed when Stop is pressed: a run waiting for the cluster's address ends its wait. */
    volatile java.util.concurrent.CompletableFuture<Void> stopWait = new java.util.concurrent.CompletableFuture<>();

    /** FX thread: moves what was queued into the console, and returns it (at most a console's worth). */
    List<ConsoleLine> drain() {
        if (queued.isEmpty()) {
            return List.of();
        }
        List<ConsoleLine> batch = new ArrayList<>();
        ConsoleLine line;
        while ((line = queued.poll()) != null) {
            batch.add(line);
        }
        if (batch.size() > CodeViewModel.CONSOLE_LINES) {
            batch = batch.subList(batch.size() - CodeViewModel.CONSOLE_LINES, batch.size());
        }
        trimThenAdd(console, batch);
        return batch;
    }

    /** Feeds the consoles from every run: lines are queued at once; a start and an end reach {@code ui}. */
    static Programs.Listener feeding(java.util.function.Function<String, Session> sessions, java.util.concurrent.Executor ui,
            java.util.function.Consumer<Programs.Run> started, java.util.function.BiConsumer<Programs.Run, Integer> ended) {
        return new Programs.Listener() {
            @Override
            public void started(Programs.Run run) {
                ui.execute(() -> started.accept(run));
            }

            @Override
            public void line(Programs.Run run, dev.kafkalab.code.ProgramRun.Stream stream, java.time.Instant at, String text) {
                sessions.apply(run.name()).queued.add(new ConsoleLine(at, stream, text));
            }

            @Override
            public void ended(Programs.Run run, int exitCode) {
                ui.execute(() -> ended.accept(run, exitCode));
            }
        };
    }

    static void trimThenAdd(ObservableList<ConsoleLine> lines, List<ConsoleLine> batch) {
        int over = lines.size() + batch.size() - CodeViewModel.CONSOLE_LINES;
        if (over > 0) {
            lines.remove(0, Math.min(over, lines.size()));
        }
        lines.addAll(batch);
    }
}
