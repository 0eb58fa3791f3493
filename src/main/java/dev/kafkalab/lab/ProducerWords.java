package dev.kafkalab.lab;

import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;

/** The words lab files use for producer settings, as the settings: one reading for actions and checks. */
final class ProducerWords {

    private ProducerWords() {
    }

    /** {@code 0}, {@code 1} or {@code all} (the vocabulary allows no other). */
    static Acks acks(String word) {
        return switch (word) {
            case "0" -> Acks.NONE;
            case "1" -> Acks.LEADER;
            default -> Acks.ALL;
        };
    }

    /** {@code round-robin}, {@code priority}, or {@code default}: Kafka's built-in partitioner. */
    static PartitionerChoice partitioner(String word) {
        return switch (word) {
            case "round-robin" -> PartitionerChoice.ROUND_ROBIN;
            case "priority" -> PartitionerChoice.PRIORITY;
            default -> PartitionerChoice.BUILT_IN;
        };
    }
}
