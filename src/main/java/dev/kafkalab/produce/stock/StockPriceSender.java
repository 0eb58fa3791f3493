package dev.kafkalab.produce.stock;

import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A steady stream of made-up stock prices for the labs: a handful of symbols whose prices walk at
 * random, keyed by symbol, acks=all. Sends on its own daemon thread until {@link #stop()}.
 */
public final class StockPriceSender implements AutoCloseable {

    public enum State { RUNNING, STOPPED, FAILED }

    public static final int MAX_RATE = 10_000;
    /** Fictional companies; the symbol is the key, so all prices of one symbol share a partition, in order. */
    public static final List<String> SYMBOLS = List.of("ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI");
    private static final long[] OPENING_CENTS = {12_500, 4_210, 880, 31_075, 150_000};
    /** About 0.2 % per step, so a price visibly moves in a minute and never runs off. */
    private static final double STEP = 0.002;

    private final String topic;
    private final int ratePerSecond;
    private final KafkaProducer<String, StockPrice> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile State state = State.RUNNING;
    private volatile boolean stopping;
    private final Thread thread;

    private StockPriceSender(String topic, int ratePerSecond, KafkaProducer<String, StockPrice> producer) {
        this.topic = topic;
        this.ratePerSecond = ratePerSecond;
        this.producer = producer;
        this.thread = Threads.daemon("kafka-lab-stock-prices", this::sendUntilStopped);
    }

    /**
     * Starts sending {@code ratePerSecond} prices a second to {@code topic}. Bad arguments fail
     * here with a message; a cluster that refuses the records turns the sender {@link State#FAILED}.
     */
    public static StockPriceSender start(ClientFactory clients, String topic, int ratePerSecond) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Choose a topic for the stock prices.");
        }
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE) {
            throw new IllegalArgumentException("Send between 1 and " + MAX_RATE + " prices a second, not "
                    + ratePerSecond + ".");
        }
        KafkaProducer<String, StockPrice> producer;
        try {
            producer = clients.producer(properties(), new StringSerializer(), new StockPriceSerializer());
        } catch (KafkaException e) {
            throw new IllegalArgumentException("Cannot send stock prices to '" + clients.bootstrapServers() + "': "
                    + Failures.message(e.getCause() != null ? e.getCause() : e));
        }
        StockPriceSender sender = new StockPriceSender(topic.trim(), ratePerSecond, producer);
        sender.thread.start();
        return sender;
    }

    /** Prices handed to the producer. */
    public long sent() {
        return sent.get();
    }

    /** Prices the cluster acknowledged: all in-sync replicas have them. */
    public long acked() {
        return acked.get();
    }

    public State state() {
        return state;
    }

    /** Why it stopped by itself: the first send the cluster refused, in Kafka's words. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Stops sending, waits for the answers to what was sent (up to 10 s) and closes the producer,
     * on the sender's thread: the future completes when that is done. A sender that failed stays
     * {@link State#FAILED}. Calling it again gives the same future.
     */
    public CompletableFuture<Void> stop() {
        stopping = true;
        LockSupport.unpark(thread);
        return stopped;
    }

    @Override
    public void close() {
        stop().join();
    }

    private void sendUntilStopped() {
        Random random = new Random();
        long[] cents = OPENING_CENTS.clone();
        long start = System.nanoTime();
        long n = 0;
        try {
            while (!stopping && failure.get() == null) {
                long due = start + n * 1_000_000_000L / ratePerSecond;
                long wait = due - System.nanoTime();
                if (wait < -1_000_000_000L) {
                    // More than a second behind (send blocked while the cluster was away): a ticker
                    // goes on from now rather than fire the missed prices in one burst.
                    start = System.nanoTime() - n * 1_000_000_000L / ratePerSecond;
                    continue;
                }
                if (wait > 0) {
                    // Pacing, not synchronisation; stop() unparks.
                    LockSupport.parkNanos(wait);
                    continue;
                }
                int i = (int) (n % cents.length);
                cents[i] = Math.max(1, Math.round(cents[i] * Math.exp(random.nextGaussian() * STEP)));
                StockPrice price = new StockPrice(SYMBOLS.get(i), cents[i], Instant.now());
                n++;
                sent.incrementAndGet();
                producer.send(new ProducerRecord<>(topic, price.symbol(), price), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failed(error);
                    }
                });
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            try {
                producer.flush();
            } catch (RuntimeException e) {
                failed(e);
            }
            producer.close(Duration.ofSeconds(10));
            state = failure.get() == null ? State.STOPPED : State.FAILED;
            stopped.complete(null);
        }
    }

    private void failed(Throwable error) {
        failure.compareAndSet(null, "Stock prices to '" + topic + "' stopped: " + Failures.message(error));
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "kafka-lab-stock-prices");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A topic that does not exist, or a cluster that is down, fails the sender in 10 s, not 60.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return p;
    }
}
