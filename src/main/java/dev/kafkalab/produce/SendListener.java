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
}
