package dev.kafkalab.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast the cluster notices failures and cleans compacted topics. {@link #DEMO} makes a class
 * see a killed broker fenced in about three seconds, a crashed consumer of either group protocol
 * replaced in about ten, and a compacted topic cleaned within a second of its segment rolling;
 * {@link #KAFKA_DEFAULTS} shows real-world timing.
 */
public enum TimingProfile {
    DEMO(3_000, 500, 5_000, 0, 10_000, 1_000, 500),
    KAFKA_DEFAULTS(9_000, 2_000, 30_000, 3_000, 45_000, 5_000, 15_000);

    /** Kafka's own {@code group.consumer.session.timeout.ms}: its minimum is the same 45 s. */
    public static final int KAFKA_CONSUMER_GROUP_SESSION_TIMEOUT_MS = 45_000;
    /** The demo's {@code group.share.record.lock.duration.ms}: Kafka's default is 30 s. */
    public static final int SHARE_RECORD_LOCK_MS = 10_000;
    /** Kafka's own {@code log.cleaner.backoff.ms}. */
    public static final int KAFKA_LOG_CLEANER_BACKOFF_MS = 15_000;

    private final int sessionTimeoutMs;
    private final int heartbeatIntervalMs;
    private final int replicaLagTimeMaxMs;
    private final int initialRebalanceDelayMs;
    private final int consumerGroupSessionTimeoutMs;
    private final int consumerGroupHeartbeatIntervalMs;
    private final int logCleanerBackoffMs;

    TimingProfile(int sessionTimeoutMs, int heartbeatIntervalMs, int replicaLagTimeMaxMs,
            int initialRebalanceDelayMs, int consumerGroupSessionTimeoutMs, int consumerGroupHeartbeatIntervalMs,
            int logCleanerBackoffMs) {
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        this.replicaLagTimeMaxMs = replicaLagTimeMaxMs;
        this.initialRebalanceDelayMs = initialRebalanceDelayMs;
        this.consumerGroupSessionTimeoutMs = consumerGroupSessionTimeoutMs;
        this.consumerGroupHeartbeatIntervalMs = consumerGroupHeartbeatIntervalMs;
        this.logCleanerBackoffMs = logCleanerBackoffMs;
    }

    /** After this long without a heartbeat the controller fences a broker. */
    public int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    /** A follower this far behind the leader leaves the ISR. */
    public int replicaLagTimeMaxMs() {
        return replicaLagTimeMaxMs;
    }

    /**
     * After this long without a heartbeat the group coordinator removes a member of a new-protocol
     * group (KIP-848, {@code group.consumer.session.timeout.ms}). Classic members bring their own
     * {@code session.timeout.ms} instead.
     */
    public int consumerGroupSessionTimeoutMs() {
        return consumerGroupSessionTimeoutMs;
    }

    /** How often the coordinator asks new-protocol members to heartbeat. */
    public int consumerGroupHeartbeatIntervalMs() {
        return consumerGroupHeartbeatIntervalMs;
    }

    /**
     * How long the log cleaner sleeps when it found no compacted partition worth cleaning. A
     * compacted topic is cleaned at most this long after its dirty part became cleanable: a
     * segment rolled (segment.ms or segment.bytes, checked when a record arrives) and the dirty
     * share passed min.cleanable.dirty.ratio. A tombstone goes in a later cleaning, once
     * delete.retention.ms has passed since the first cleaning that kept it.
     */
    public int logCleanerBackoffMs() {
        return logCleanerBackoffMs;
    }

    /** The name used on the command line: {@code demo}, {@code kafka-defaults}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static TimingProfile fromId(String id) {
        for (TimingProfile p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("timing must be 'demo' or 'kafka-defaults', was '" + id + "'");
    }

    /** How long a follower's empty fetch waits at the leader under the demo profile. */
    public static final int REPLICA_FETCH_WAIT_MS = 50;

    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("broker.session.timeout.ms", Integer.toString(sessionTimeoutMs));
        p.put("broker.heartbeat.interval.ms", Integer.toString(heartbeatIntervalMs));
        p.put("replica.lag.time.max.ms", Integer.toString(replicaLagTimeMaxMs));
        p.put("group.initial.rebalance.delay.ms", Integer.toString(initialRebalanceDelayMs));
        if (this == DEMO) {
            // The controller moves leaders back to their preferred replicas on its own when a
            // check finds them in sync: every leader.imbalance.check.interval.seconds (300 s; at
            // once again only after a check that reached its cap of elections).
            // A lab that kills a leader would then see it come back at a moment nobody can
            // predict; here it only comes back when asked (kafka-leader-election.sh).
            p.put("auto.leader.rebalance.enable", "false");
            // A follower's fetch that finds nothing new waits at the leader up to this long (500 ms
            // by Kafka's default). A follower is taken back into the ISR on a fetch after it caught
            // up, so after a restart or a resume the ISR filled up to 500 ms late. bench, two
            // interleaved pairs of 3 runs: a warm start's last step (every follower back in sync)
            // 433 and 452 ms with 500, 79 and 7 ms with 50; a resumed follower back in the ISR
            // 567 ms against 107 and 124. The cost: an idle follower asks each leader 20 times a
            // second instead of 2; the idle cluster's nodes took 3.4 s of CPU in 30 s instead of
            // 3.2 s (two runs each).
            p.put("replica.fetch.wait.max.ms", Integer.toString(REPLICA_FETCH_WAIT_MS));
            // Retention deletes old segments only when the broker looks: every 5 minutes by
            // Kafka's default. The retention lab's topic keeps 20 s of records; looking every
            // second lets it see them go while it watches (a few file listings: nothing to feel).
            p.put("log.retention.check.interval.ms", "1000");
            // A share group's record lock (KIP-932): a record a consumer holds without
            // acknowledging comes back after 30 s by Kafka's default, whose least allowed is 15 s.
            // Here after 10 s, long enough to watch a consumer hold it; groups may set it to 2 s.
            p.put("group.share.min.record.lock.duration.ms", "2000");
            p.put("group.share.record.lock.duration.ms", Integer.toString(SHARE_RECORD_LOCK_MS));
            // A transaction left open past its producer's transaction.timeout.ms is aborted by the
            // coordinator when it next looks: every 10 s by Kafka's default, here every second.
            p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        }
        if (logCleanerBackoffMs != KAFKA_LOG_CLEANER_BACKOFF_MS) {
            // Costs a look at the cleaner checkpoints twice a second per broker: nothing a laptop feels.
            p.put("log.cleaner.backoff.ms", Integer.toString(logCleanerBackoffMs));
        }
        if (consumerGroupSessionTimeoutMs != KAFKA_CONSUMER_GROUP_SESSION_TIMEOUT_MS) {
            // Kafka's minimums equal its defaults (45 s session, 5 s heartbeat), so a shorter value
            // needs a lower minimum too. The broker checks min <= value <= max for both, and
            // heartbeat < session; the maximums (60 s, 15 s) stay Kafka's.
            p.put("group.consumer.min.session.timeout.ms", Integer.toString(consumerGroupSessionTimeoutMs * 6 / 10));
            p.put("group.consumer.session.timeout.ms", Integer.toString(consumerGroupSessionTimeoutMs));
            p.put("group.consumer.min.heartbeat.interval.ms",
                    Integer.toString(consumerGroupHeartbeatIntervalMs / 2));
            p.put("group.consumer.heartbeat.interval.ms", Integer.toString(consumerGroupHeartbeatIntervalMs));
            // Share groups (KIP-932) have the same kind of session, with the same minimums.
            p.put("group.share.min.session.timeout.ms", Integer.toString(consumerGroupSessionTimeoutMs * 6 / 10));
            p.put("group.share.session.timeout.ms", Integer.toString(consumerGroupSessionTimeoutMs));
            p.put("group.share.min.heartbeat.interval.ms", Integer.toString(consumerGroupHeartbeatIntervalMs / 2));
            p.put("group.share.heartbeat.interval.ms", Integer.toString(consumerGroupHeartbeatIntervalMs));
        }
        return p;
    }
}
