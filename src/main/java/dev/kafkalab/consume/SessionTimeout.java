package dev.kafkalab.consume;

import java.time.Duration;

/**
 * The session timeout that applies to a group's members, and where it comes from: the members'
 * own {@code session.timeout.ms} under the classic protocol, the broker's
 * {@code group.consumer.session.timeout.ms} under the new one.
 */
public record SessionTimeout(Duration value, String source) {
}
