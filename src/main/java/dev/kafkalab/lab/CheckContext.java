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
 * @param programs    the last run of the programs the check names, by name
 * @param configs     by topic, the configs read recently of topics whose check names some (name to value)
 * @param clients     what the app's own clients saw: share-group deliveries, records groups read, transactions
 */
public record CheckContext(ClusterSnapshot now, ClusterSnapshot baseline, Ledger ledger, Map<String, Integer> brokers,
        ProducerMetrics metrics, String stockSender, Map<String, TopicScan> scans, Map<String, ProgramSeen> programs,
        Map<String, Map<String, String>> configs, Clients clients) {

    public CheckContext {
        brokers = Map.copyOf(brokers);
        scans = Map.copyOf(scans);
        programs = Map.copyOf(programs);
        configs = Map.copyOf(configs);
        clients = clients == null ? Clients.NONE : clients;
    }

    public CheckContext(ClusterSnapshot now, ClusterSnapshot baseline, Ledger ledger, Map<String, Integer> brokers,
            ProducerMetrics metrics, String stockSender, Map<String, TopicScan> scans, Map<String, ProgramSeen> programs,
            Map<String, Map<String, String>> configs) {
        this(now, baseline, ledger, brokers, metrics, stockSender, scans, programs, configs, Clients.NONE);
    }

    /**
     * What the app's own clients saw, by group id or transactional id: facts no snapshot holds.
     *
     * @param shareDeliveries each record the members of a share group got, oldest first
     * @param crashed         the members of a share group that crashed, by name
     * @param reads           records the members of an in-app consumer group received, with its isolation level
     * @param transactions    the state of each transactional producer the labs run: open, committed, aborted, crashed
     * @param lastWritten     by transactional id, the last offset its last transaction wrote in each partition
     *                        ("payments-0"): the transaction's marker, once written, is after it
     */
    public record Clients(Map<String, java.util.List<dev.kafkalab.share.Delivery>> shareDeliveries,
            Map<String, java.util.Set<String>> crashed, Map<String, GroupRead> reads, Map<String, String> transactions,
            Map<String, Map<String, Long>> lastWritten) {

        public static final Clients NONE = new Clients(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public Clients {
            shareDeliveries = Map.copyOf(shareDeliveries);
            crashed = Map.copyOf(crashed);
            reads = Map.copyOf(reads);
            transactions = Map.copyOf(transactions);
            lastWritten = Map.copyOf(lastWritten);
        }
    }

    /**
     * An in-app consumer group's reading.
     *
     * @param isolation read_committed or read_uncommitted
     * @param records   records its members received, all of them, since the group started
     * @param live      members running now
     */
    public record GroupRead(String isolation, long records, int live) {
    }

    public CheckContext(ClusterSnapshot now, ClusterSnapshot baseline, Ledger ledger, Map<String, Integer> brokers,
            ProducerMetrics metrics, String stockSender, Map<String, TopicScan> scans, Map<String, ProgramSeen> programs) {
        this(now, baseline, ledger, brokers, metrics, stockSender, scans, programs, Map.of());
    }

    public CheckContext(ClusterSnapshot now, ClusterSnapshot baseline, Ledger ledger, Map<String, Integer> brokers,
            ProducerMetrics metrics, String stockSender, Map<String, TopicScan> scans) {
        this(now, baseline, ledger, brokers, metrics, stockSender, scans, Map.of());
    }

    /**
     * A program's last run as the app saw it.
     *
     * @param exitCode null while it runs
     * @param output   the newest lines it printed on its standard output
     */
    public record ProgramSeen(Integer exitCode, java.util.List<dev.kafkalab.code.Programs.Line> output) {
        public ProgramSeen {
            output = java.util.List.copyOf(output);
        }
    }

    /** Where the step began in a partition: its high watermark then (0 for a partition not there yet). */
    public long stepStart(String topic, int partition) {
        return baseline.partition(topic, partition).map(p -> Math.max(0, p.highWatermark())).orElse(0L);
    }

    public Optional<TopicScan> scan(String topic) {
        return Optional.ofNullable(scans.get(topic));
    }
}
