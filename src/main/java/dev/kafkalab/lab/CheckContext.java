package dev.kafkalab.lab;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.produce.ProducerMetrics;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a check may look at: the cluster now and when the step began, what the app's
 * producer sent, the brokers earlier actions remembered, and the few facts snapshots do not hold.
 *
 * @param stockSender {@code running}, {@code stopped} (closed cleanly), {@code failed}, or {@code none}
 * @param scans       topics read from the beginning recently, for the compaction checks
 */
public record CheckContext(ClusterSnapshot now, ClusterSnapshot baseline, Ledger ledger, Map<String, Integer> brokers,
        ProducerMetrics metrics, String stockSender, Map<String, TopicScan> scans) {

    public CheckContext {
        brokers = Map.copyOf(brokers);
        scans = Map.copyOf(scans);
    }

    public Optional<TopicScan> scan(String topic) {
        return Optional.ofNullable(scans.get(topic));
    }
}
