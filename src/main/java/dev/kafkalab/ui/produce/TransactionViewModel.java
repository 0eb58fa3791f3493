package dev.kafkalab.ui.produce;

import dev.kafkalab.common.Failures;
import dev.kafkalab.common.Threads;
import dev.kafkalab.produce.TransactionalSender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Produce screen's transaction: a {@code transactional.id}; begin, send N, then commit or
 * abort, or crash with the transaction open. Each step runs on a thread of its own and says what
 * a {@code read_committed} consumer can now read.
 */
public final class TransactionViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionViewModel.class);
    /** How long a transaction may stay open before its coordinator aborts it (Kafka's default is 60 s). */
    public static final Duration TIMEOUT = TransactionalSender.DEMO_TIMEOUT;

    private final BiFunction<String, Duration, TransactionalSender> open;
    private final Executor ui;
    private final ExecutorService work = Threads.single("kafka-lab-transactions");
    private final StringProperty transactionalId = new SimpleStringProperty("lab-tx");
    private final IntegerProperty count = new SimpleIntegerProperty(5);
    private final BooleanProperty inTransaction = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty(
            "Records sent in a transaction stay invisible to read_committed consumers until the commit.");
    private TransactionalSender sender;
    private int sentInThisTransaction;
    private int transactions;

    /** {@code open}: makes a registered transactional producer for an id, with its transaction timeout. */
    public TransactionViewModel(BiFunction<String, Duration, TransactionalSender> open, Executor ui) {
        this.open = open;
        this.ui = ui;
    }

    public StringProperty transactionalId() {
        return transactionalId;
    }

    public IntegerProperty count() {
        return count;
    }

    public ReadOnlyBooleanProperty inTransaction() {
        return inTransaction;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** Begins a transaction, first registering the id (which fences an earlier producer of it). */
    public void begin() {
        String id = transactionalId.get() == null ? "" : transactionalId.get().trim();
        if (id.isEmpty()) {
            status.set("A transaction needs a transactional.id: type one, such as lab-tx.");
            return;
        }
        run("begin", () -> {
            if (sender == null || !sender.transactionalId().equals(id)) {
                closeSender();
                sender = open.apply(id, TIMEOUT);
            }
            sender.begin();
            sentInThisTransaction = 0;
            transactions++;
            return "Transaction of " + id + " begun: send records, then commit or abort. Left open, its"
                    + " coordinator aborts it " + TIMEOUT.toSeconds() + " s after it began.";
        }, true);
    }

    /** Sends {@code count} records to {@code topic} inside the transaction. */
    public void send(String topic) {
        if (topic == null || topic.isBlank()) {
            status.set("Choose a topic above to send the transaction's records to.");
            return;
        }
        int n = Math.max(1, count.get());
        run("send", () -> {
            // Values lab-tx-t2-1, lab-tx-t2-2, ...: the transaction they belong to, read back by a consumer.
            List<RecordMetadata> written = sender.send(topic, sender.transactionalId() + "-t" + transactions, n);
            sentInThisTransaction += n;
            RecordMetadata last = written.get(written.size() - 1);
            return "Sent " + n + " records to " + topic + " (the last at partition " + last.partition() + ", offset "
                    + last.offset() + "): the high watermark moved on, the last stable offset stays at the"
                    + " transaction's first record, and read_committed consumers read none of them yet.";
        }, true);
    }

    public void commit() {
        run("commit", () -> {
            sender.commit();
            return "Committed " + sentInThisTransaction + " records: a commit marker (an offset of its own in each"
                    + " partition) makes them readable, and the last stable offset catches up.";
        }, false);
    }

    public void abort() {
        run("abort", () -> {
            sender.abort();
            return "Aborted: an abort marker in each partition; read_committed consumers skip the "
                    + sentInThisTransaction + " records for good, read_uncommitted ones still read them.";
        }, false);
    }

    /** Ends the producer at once, its transaction open: it holds the LSO until the coordinator aborts it. */
    public void crash() {
        run("crash", () -> {
            sender.crash();
            sender = null;
            return "The producer ended with its transaction open: the last stable offset stays put until the"
                    + " coordinator aborts the transaction, " + TIMEOUT.toSeconds() + " s after it began, or until"
                    + " a producer registers the same transactional.id (Begin): that fences the crashed one and"
                    + " aborts its transaction at once.";
        }, false);
    }

    private interface Step {
        String run() throws Exception;
    }

    private void run(String what, Step step, boolean openAfter) {
        busy.set(true);
        work.execute(() -> {
            String said;
            boolean open;
            try {
                said = step.run();
                open = openAfter;
            } catch (Exception e) {
                LOG.warn("Transaction step {} failed", what, e);
                said = "The " + what + " failed: " + Failures.message(e) + " (details in the log).";
                open = false;
                closeSender();
            }
            String message = said;
            boolean stillOpen = open;
            ui.execute(() -> {
                status.set(message);
                inTransaction.set(stillOpen);
                busy.set(false);
            });
        });
    }

    private void closeSender() {
        if (sender != null) {
            try {
                sender.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the transactional producer failed", e);
            }
            sender = null;
        }
    }

    /** Closes the producer (an open transaction is aborted by the close) and the worker. */
    @Override
    public void close() {
        if (work.isShutdown()) {
            return;
        }
        work.execute(this::closeSender);
        work.shutdown();
        try {
            work.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
