package dev.kafkalab.produce;

import dev.kafkalab.common.Safely;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.common.Threads;
import dev.kafkalab.common.BackgroundNiceness;
import dev.kafkalab.common.Failures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends records for the produce screen and says where each landed and why.
 *
 * <p>One producer at a time, made for the current settings and replaced when they change. All
 * client calls run on the service's own thread: {@code send} can block while it fetches
 * metadata, and nothing here may run on the FX thread.
 */
public final class ProduceService implements AutoCloseable {

    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);
    /** Records a stream may have sent without an answer yet. */
    static final int MAX_OUTSTANDING = 20_000;

    private final ClientFactory clients;
    /**
     * Makes the producers, so their network threads start at its nice value: like the stream
     * threads, it yields the CPU to the window's (see {@link BackgroundNiceness}).
     */
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        return Threads.daemon("kafka-lab-producer", () -> {
            BackgroundNiceness.lowerThisThread();
            r.run();
        });
    });
    private final Admin admin;
    private volatile KafkaProducer<String, String> producer;
    private final java.util.Set<RecordStream> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<SendListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ProducerSettings current;
    private int made;

    /**
     * A transactional producer of its own (not the screen's one producer), registered with its
     * coordinator: a transaction left open is aborted {@code timeout} after it began.
     */
    public TransactionalSender transactional(String transactionalId, Duration timeout) {
        return new TransactionalSender(clients, transactionalId, timeout);
    }

    /** Producers from {@code clients}; ISR look-ups through the actions' shared Admin client. */
    public ProduceService(ClientFactory clients) {
        this.clients = clients;
        this.admin = clients.actions();
    }

    /**
     * Sends one record and completes with where it landed and why, or with the error explained.
     * Never completes exceptionally: a failed send is a result the screen shows. A null
     * {@code value} sends a tombstone; null {@code headers} means none.
     */
    public CompletableFuture<SendResult> send(String topic, String key, String value, Map<String, String> headers,
            ProducerSettings settings) {
        return send(topic, key, value, headers, settings, null);
    }

    /** The same, telling the send listeners who asked for it ({@link SendListener#sent(String, SendResult, Object)}). */
    public CompletableFuture<SendResult> send(String topic, String key, String value, Map<String, String> headers,
            ProducerSettings settings, Object origin) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                KafkaProducer<String, String> p = producerFor(settings);
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                if (headers != null) {
                    headers.forEach((k, v) -> record.headers().add(new RecordHeader(k,
                            v == null ? null : v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                }
                int partitions = p.partitionsFor(topic).size();
                p.send(record, (metadata, failure) -> {
                    if (failure == null) {
                        completed(result, topic, new SendResult(key, value, metadata.partition(), metadata.offset(),
                                partitions, settings, null), origin);
                    } else {
                        thread.execute(() -> completed(result, topic, SendResult.failed(key, value, settings,
                                explain(topic, settings, failure, true)), origin));
                    }
                });
            } catch (RuntimeException e) {
                completed(result, topic, SendResult.failed(key, value, settings, explain(topic, settings, e, true)),
                        origin);
            }
        });
        return result;
    }

    /**
     * {@code listener} hears of every send that completes from now on, from {@link #send},
     * {@link #sendAll} and {@link #stream}, on the thread that completed it.
     */
    public void addSendListener(SendListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void removeSendListener(SendListener listener) {
        listeners.remove(listener);
    }

    /** Listeners first, so whoever waits on the future sees the listeners already told. */
    private void completed(CompletableFuture<SendResult> future, String topic, SendResult result, Object origin) {
        tell(topic, result, origin);
        future.complete(result);
    }

    private void tell(String topic, SendResult result, Object origin) {
        for (SendListener listener : listeners) {
            // A listener's bug must not lose the answer for the screen.
            Safely.run("A send listener", () -> listener.sent(topic, result, origin));
        }
    }

    /**
     * Starts a burst or a steady stream on its own thread and hands every answer to {@code sink},
     * on the producer's I/O thread: the sink must only take note, never block. While it runs
     * the producer settings are fixed; sends with other settings are refused.
     */
    public RecordStream stream(StreamRequest request, java.util.function.Consumer<SendResult> sink) {
        RecordStream stream = new RecordStream();
        Thread sender = Threads.daemon("kafka-lab-stream", () -> {
            BackgroundNiceness.lowerThisThread();
            runStream(request, sink, stream);
        });
        stream.done().whenComplete((s, e) -> streams.remove(stream));
        sender.start();
        return stream;
    }

    private void runStream(StreamRequest request, java.util.function.Consumer<SendResult> sink, RecordStream stream) {
        ProducerSettings settings = request.settings();
        String topic = request.topic();
        KafkaProducer<String, String> p;
        int partitions;
        try {
            // Made (or reused) on the service's thread, like every producer change.
            p = thread.submit(() -> {
                KafkaProducer<String, String> made = producerFor(settings);
                streams.add(stream);
                return made;
            }).get(MAX_BLOCK.toSeconds() + 20, TimeUnit.SECONDS);
            partitions = p.partitionsFor(topic).size();
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            stream.startNanos = System.nanoTime();
            stream.failed.incrementAndGet();
            stream.sent.incrementAndGet();
            SendResult failed = SendResult.failed(null, null, settings, explain(topic, settings, cause, true));
            tell(topic, failed, sink);
            sink.accept(failed);
            stream.sending = false;
            stream.maybeFinish();
            return;
        }
        String fixedValue = request.valueBytes() > 0 ? "x".repeat(request.valueBytes()) : null;
        java.util.concurrent.atomic.AtomicBoolean explainedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        long rate = request.rate();
        long start = System.nanoTime();
        stream.startNanos = start;
        long seq = 0;
        try {
            while (!stream.stopped && (request.limit() == 0 || seq < request.limit())) {
                if (rate > 0) {
                    long due = (System.nanoTime() - start) * rate / 1_000_000_000L + 1;
                    if (seq >= due) {
                        // Pacing, not synchronisation: wait for the next record's turn.
                        long nextAt = start + (seq * 1_000_000_000L) / rate;
                        java.util.concurrent.locks.LockSupport.parkNanos(
                                Math.min(5_000_000L, Math.max(50_000L, nextAt - System.nanoTime())));
                        continue;
                    }
                }
                if (stream.sent.get() - stream.acked.get() - stream.failed.get() >= MAX_OUTSTANDING) {
                    // The cluster is behind: wait for answers rather than fill the producer's buffer,
                    // so a stop takes effect in about a second, not after hundreds of thousands of records.
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000L);
                    continue;
                }
                String key = request.keys().keyFor(seq);
                String value = fixedValue != null ? fixedValue : "record-" + seq;
                seq++;
                stream.sent.incrementAndGet();
                try {
                    p.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
                        if (failure == null) {
                            stream.acked.incrementAndGet();
                            SendResult acked = new SendResult(key, value, metadata.partition(), metadata.offset(),
                                    partitions, settings, null);
                            tell(topic, acked, sink);
                            sink.accept(acked);
                        } else {
                            stream.failed.incrementAndGet();
                            // Asking the cluster why takes a round trip: once per stream, off the I/O thread.
                            boolean ask = explainedOnce.compareAndSet(false, true);
                            SendResult failed = SendResult.failed(key, value, settings,
                                    explain(topic, settings, failure, false));
                            // The explained copy below is the same send told again: listeners hear it once.
                            tell(topic, failed, sink);
                            sink.accept(failed);
                            if (ask) {
                                thread.execute(() -> sink.accept(SendResult.failed(key, value, settings,
                                        explain(topic, settings, failure, true))));
                            }
                        }
                        stream.maybeFinish();
                    });
                } catch (RuntimeException e) {
                    stream.failed.incrementAndGet();
                    SendResult failed = SendResult.failed(key, value, settings, explain(topic, settings, e, false));
                    tell(topic, failed, sink);
                    sink.accept(failed);
                    stream.stop();
                }
            }
        } finally {
            stream.sending = false;
            stream.maybeFinish();
        }
    }

    /**
     * Closes the current producer (it flushes first) so the next send makes a new one: fresh
     * metrics and connections, as a lab starting over wants. Refused while a stream runs.
     */
    public CompletableFuture<Void> fresh() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread.execute(() -> {
            if (!streams.isEmpty()) {
                done.completeExceptionally(new IllegalStateException("a stream is running: stop it first"));
                return;
            }
            KafkaProducer<String, String> p = producer;
            producer = null;
            current = null;
            if (p != null) {
                p.close(Duration.ofSeconds(5));
            }
            done.complete(null);
        });
        return done;
    }

    /** The current producer's metrics, or {@link ProducerMetrics#NONE} before the first send. */
    public ProducerMetrics metrics() {
        KafkaProducer<String, String> p = producer;
        return p == null ? ProducerMetrics.NONE : ProducerMetrics.of(p.metrics());
    }

    /** Sends one record per key (null for no key), in a row, and completes with their results in order. */
    public CompletableFuture<List<SendResult>> sendAll(String topic, List<String> keys, String valuePrefix,
            ProducerSettings settings) {
        List<CompletableFuture<SendResult>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sends.add(send(topic, keys.get(i), valuePrefix + i, Map.of(), settings));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenApply(v -> sends.stream().map(CompletableFuture::join).toList());
    }

    private KafkaProducer<String, String> producerFor(ProducerSettings settings) {
        if (producer == null || !settings.equals(current)) {
            if (!streams.isEmpty() && producer != null) {
                throw new IllegalStateException("A stream is running with other producer settings: stop it first.");
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            java.util.Properties props = settings.toProperties(clients.bootstrapServers(), "kafka-lab-producer-" + (++made));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(MAX_BLOCK.toMillis()));
            producer = clients.producer(props);
            current = settings;
        }
        return producer;
    }

    /** What a failure means; {@code askCluster} looks up the ISR, a round trip not to make on the I/O thread. */
    private String explain(String topic, ProducerSettings settings, Throwable failure, boolean askCluster) {
        Throwable cause = Failures.rootCause(failure);
        String explained;
        if (cause instanceof NotEnoughReplicasException || cause instanceof NotEnoughReplicasAfterAppendException) {
            explained = askCluster ? notEnoughReplicas(topic, settings, cause)
                    : "NotEnoughReplicas: acks=" + settings.acks().value() + " needs min.insync.replicas in-sync"
                    + " replicas, and the partition has fewer.";
        } else if (cause instanceof IllegalStateException) {
            explained = cause.getMessage();
        } else if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            explained = "No acknowledgement in time (" + cause.getMessage() + "). With acks=" + settings.acks().value()
                    + " the leader of the record's partition must answer: is it stopped, killed or frozen?";
        } else {
            explained = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return explained;
    }

    /** "acks=all needs min.insync.replicas=2 in-sync replicas; partition 0 has 1 ([3])." */
    private String notEnoughReplicas(String topic, ProducerSettings settings, Throwable cause) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String minIsr = admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
            StringBuilder isrs = new StringBuilder();
            d.partitions().forEach(p -> isrs.append(isrs.isEmpty() ? "" : ", ").append("partition ")
                    .append(p.partition()).append(" has ").append(p.isr().size()).append(" ")
                    .append(p.isr().stream().map(n -> n.id()).toList()));
            return "acks=" + settings.acks().value() + " needs min.insync.replicas=" + minIsr
                    + " in-sync replicas; " + isrs + ". The leader refused the write rather than keep it on too few"
                    + " brokers (NotEnoughReplicas).";
        } catch (Exception e) {
            return "acks=" + settings.acks().value() + " needs min.insync.replicas in-sync replicas, and the"
                    + " partition has fewer (" + cause.getClass().getSimpleName() + ").";
        }
    }

    @Override
    public void close() {
        streams.forEach(RecordStream::stop);
        thread.execute(() -> {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
