package dev.kafkalab.produce;

import dev.kafkalab.clients.ClientFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A transactional producer, step by step as the course shows it: begin, send, then commit or
 * abort, or end at once with the transaction open, as a crash leaves it. Until the commit, a
 * {@code read_committed} consumer reads none of the records, and the partition's last stable
 * offset (LSO) stays at the transaction's first record while the high watermark moves on. An
 * abort, or the coordinator after {@code transaction.timeout.ms}, writes an abort marker: those
 * records are then skipped by {@code read_committed} consumers for good.
 */
public final class TransactionalSender implements AutoCloseable {

    private static final long SEND_TIMEOUT_S = 30;
    /**
     * The app's {@code transaction.timeout.ms}: 30 s, not Kafka's 60 s, so that a class can watch
     * the coordinator abort a transaction left open.
     */
    public static final Duration DEMO_TIMEOUT = Duration.ofSeconds(30);

    /** Closes producers that crashed, once their coordinator has aborted what they left open. */
    private static final java.util.concurrent.ScheduledExecutorService REAPER =
            dev.kafkalab.common.Threads.scheduler("kafka-lab-tx-reaper");

    private final KafkaProducer<String, String> producer;
    private final String transactionalId;
    private final Duration transactionTimeout;
    private volatile boolean crashed;

    /** Registers {@code transactionalId} with its coordinator, fencing an earlier producer of the same id. */
    public TransactionalSender(ClientFactory clients, String transactionalId, Duration transactionTimeout) {
        this.transactionalId = transactionalId;
        this.transactionTimeout = transactionTimeout;
        Properties settings = new Properties();
        settings.put("transactional.id", transactionalId);
        settings.put("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()));
        settings.put("client.id", "kafka-lab-tx-" + transactionalId);
        this.producer = clients.producer(settings, new StringSerializer(), new StringSerializer());
        producer.initTransactions();
    }

    public String transactionalId() {
        return transactionalId;
    }

    public void begin() {
        producer.beginTransaction();
    }

    /** Sends {@code count} records, {@code prefix}-1 to {@code prefix}-N, and waits until the leaders have them. */
    public List<RecordMetadata> send(String topic, String prefix, int count) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, prefix + "-" + i, prefix + "-" + i)));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>();
        for (Future<RecordMetadata> f : sent) {
            written.add(f.get(SEND_TIMEOUT_S, TimeUnit.SECONDS));
        }
        return written;
    }

    public void commit() {
        producer.commitTransaction();
    }

    public void abort() {
        producer.abortTransaction();
    }

    /**
     * Stops the producer dead with its transaction open, as a crash would: it sends nothing more,
     * so the transaction stays open, holding the LSO, until the coordinator aborts it {@code
     * transaction.timeout.ms} after it began. Not closed now: Kafka's close, even one that waits
     * for nothing, may still abort the transaction as its sender thread shuts down. It is closed
     * once the coordinator has aborted the transaction.
     */
    public void crash() {
        crashed = true;
        // The coordinator looks for timed-out transactions every 10 s by Kafka's default (1 s under the
        // demo timing): closed after both, the close finds nothing left to abort.
        REAPER.schedule(() -> producer.close(Duration.ofSeconds(5)), transactionTimeout.toMillis() + 15_000,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Closes it; a transaction still open is aborted first (Kafka's close does that). */
    @Override
    public void close() {
        if (crashed) {
            // Its reaper closes it once the coordinator has aborted the transaction.
            return;
        }
        producer.close(Duration.ofSeconds(10));
    }
}
