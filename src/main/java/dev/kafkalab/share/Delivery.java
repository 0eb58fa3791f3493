package dev.kafkalab.share;

import java.time.Instant;
import org.apache.kafka.clients.consumer.AcknowledgeType;

/**
 * One record as a share-group member got it.
 *
 * @param deliveryCount how many times the group has delivered it, this time included (1 the first time)
 * @param acknowledged  what the member answered; null while it holds the record unacknowledged
 * @param byHand        the answer was a person's, given on the screen (a record listed again, answered)
 */
public record Delivery(String member, int partition, long offset, String key, String value, int deliveryCount,
        AcknowledgeType acknowledged, Instant at, boolean byHand) {

    /** The member's own answer (or none yet). */
    public Delivery(String member, int partition, long offset, String key, String value, int deliveryCount,
            AcknowledgeType acknowledged, Instant at) {
        this(member, partition, offset, key, value, deliveryCount, acknowledged, at, false);
    }
}
