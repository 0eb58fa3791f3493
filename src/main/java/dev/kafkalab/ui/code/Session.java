package dev.kafkalab.ui.code;

import dev.kafkalab.code.ProgramRun;
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

    final ObservableList<CodeViewModel.ConsoleLine> console = FXCollections.observableArrayList();
    final ConcurrentLinkedQueue<CodeViewModel.ConsoleLine> queued = new ConcurrentLinkedQueue<>();
    final BooleanProperty running = new SimpleBooleanProperty();
    volatile ProgramRun run;
    /** Stop was pressed for this run (maybe while it compiled). */
    volatile boolean stopAsked;

    /** FX thread: moves what was queued into the console, and returns it (at most a console's worth). */
    List<CodeViewModel.ConsoleLine> drain() {
        if (queued.isEmpty()) {
            return List.of();
        }
        List<CodeViewModel.ConsoleLine> batch = new ArrayList<>();
        CodeViewModel.ConsoleLine line;
        while ((line = queued.poll()) != null) {
            batch.add(line);
        }
        if (batch.size() > CodeViewModel.CONSOLE_LINES) {
            batch = batch.subList(batch.size() - CodeViewModel.CONSOLE_LINES, batch.size());
        }
        trimThenAdd(console, batch);
        return batch;
    }

    /**
     * Asks every running program to stop at once, then waits once for all of them (each may take
     * its whole grace). False when some were still ending at the deadline.
     */
    static boolean stopAll(java.util.Collection<Session> sessions) {
        List<java.util.concurrent.CompletableFuture<Integer>> ending = new ArrayList<>();
        for (Session s : List.copyOf(sessions)) {
            ProgramRun r = s.run;
            if (r != null) {
                ending.add(r.stop());
            }
        }
        try {
            java.util.concurrent.CompletableFuture.allOf(ending.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(ProgramRun.GRACE.toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void trimThenAdd(ObservableList<CodeViewModel.ConsoleLine> lines, List<CodeViewModel.ConsoleLine> batch) {
        int over = lines.size() + batch.size() - CodeViewModel.CONSOLE_LINES;
        if (over > 0) {
            lines.remove(0, Math.min(over, lines.size()));
        }
        lines.addAll(batch);
    }
}
