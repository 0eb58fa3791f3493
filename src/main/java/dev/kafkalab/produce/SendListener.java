package dev.kafkalab.produce;

/**
 * Told of every send of a {@link ProduceService} once it completed, acknowledged or failed, so a
 * lab can check what was produced without owning the producer.
 *
 * <p>Called on whatever thread completed the send, often the producer's I/O thread: take note
 * and return, never block or call back into the service.
 */
@FunctionalInterface
public interface SendListener {

    void sent(String topic, SendResult result);

    /**
     * The same, with who asked for the send: the {@code origin} handed to
     * {@link ProduceService#send(String, String, String, java.util.Map, ProducerSettings, Object)},
     * the sink of a stream, or null. A screen that shows every send of the app's producer tells
     * its own from a lab step's by it.
     */
    default void sent(String topic, SendResult result, Object origin) {
        sent(topic, result);
    }
}
