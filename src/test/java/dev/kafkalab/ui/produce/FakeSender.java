package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.SendListener;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.StreamRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link Sender} that answers when the test completes its futures or feeds its stream sink,
 * as {@code ProduceService} does once the broker answers; no cluster behind it.
 */
final class FakeSender implements Sender {

    /** "topic key value" of every record sent one at a time. */
    final List<String> sends = new ArrayList<>();
    /** The answer of each of {@link #sends}, for the test to complete. */
    final List<CompletableFuture<SendResult>> answers = new ArrayList<>();
    StreamRequest request;
    Consumer<SendResult> sink;
    final List<SendListener> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What {@link #metrics()} says; null makes it throw. */
    ProducerMetrics metrics = ProducerMetrics.NONE;

    /** An acknowledged record of a three-partition topic; an empty key stands for none. */
    static SendResult acked(String key, int partition, long offset) {
        return new SendResult(key.isEmpty() ? null : key, "hello", partition, offset, 3, ProducerSettings.DEFAULTS,
                null);
    }

    @Override
    public CompletableFuture<SendResult> send(String topic, String key, String value, Map<String, String> headers,
            ProducerSettings settings, Object origin) {
        sends.add(topic + " " + key + " " + value);
        CompletableFuture<SendResult> answer = new CompletableFuture<>();
        // As the service does: every listener hears the answer, with who asked for it.
        answer.thenAccept(r -> watchers.forEach(w -> w.sent(topic, r, origin)));
        answers.add(answer);
        return answer;
    }

    /** A send someone else asked the producer for (a lab step), as the service tells it. */
    void sentByOthers(String topic, SendResult result) {
        watchers.forEach(w -> w.sent(topic, result, "a lab step"));
    }

    @Override
    public void watch(SendListener listener) {
        watchers.add(listener);
    }

    @Override
    public void unwatch(SendListener listener) {
        watchers.remove(listener);
    }

    @Override
    public RecordStream stream(StreamRequest request, Consumer<SendResult> sink) {
        this.request = request;
        this.sink = sink;
        return new RecordStream();
    }

    @Override
    public ProducerMetrics metrics() {
        if (metrics == null) {
            throw new IllegalStateException("metrics unavailable");
        }
        return metrics;
    }
}
