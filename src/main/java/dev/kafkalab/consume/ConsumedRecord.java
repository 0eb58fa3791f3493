package dev.kafkalab.consume;

import java.io.Serializable;
import java.time.Instant;

/** One record a member consumed, as a list of recent records shows it. */
public record ConsumedRecord(int partition, long offset, String key, String value, Instant timestamp)
        implements Serializable {
}
