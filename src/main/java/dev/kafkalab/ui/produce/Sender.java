package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.ProduceService;
import dev.kafkalab.produce.ProducerMetrics;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.RecordStream;
import dev.kafkalab.produce.SendListener;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.StreamRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the produce screen asks of its producer: {@link ProduceService} in the app. A test of the
 * view model hands in answers of its own through the same futures and stream sink, with no broker.
 */
interface Sender {

    /** See {@link ProduceService#send}: never completes exceptionally; {@code origin} tells listeners who sent it. */
    CompletableFuture<SendResult> send(String topic, String key, String value, Map<String, String> headers,
            ProducerSettings settings, Object origin);

    /** See {@link ProduceService#stream}: {@code sink} hears every answer, on the producer's I/O thread. */
    RecordStream stream(StreamRequest request, Consumer<SendResult> sink);

    /** See {@link ProduceService#metrics}. */
    ProducerMetrics metrics();

    /** Hears every send of the producer, whoever asked for it (a lab step too): {@link ProduceService#addSendListener}. */
    void watch(SendListener listener);

    void unwatch(SendListener listener);

    static Sender of(ProduceService service) {
        return new Sender() {
            @Override
            public CompletableFuture<SendResult> send(String topic, String key, String value,
                    Map<String, String> headers, ProducerSettings settings, Object origin) {
                return service.send(topic, key, value, headers, settings, origin);
            }

            @Override
            public void watch(SendListener listener) {
                service.addSendListener(listener);
            }

            @Override
            public void unwatch(SendListener listener) {
                service.removeSendListener(listener);
            }

            @Override
            public RecordStream stream(StreamRequest request, Consumer<SendResult> sink) {
                return service.stream(request, sink);
            }

            @Override
            public ProducerMetrics metrics() {
                return service.metrics();
            }
        };
    }
}
