package dev.kafkalab.cluster;

import java.util.Map;

/**
 * How fast the cluster notices failures. {@link #DEMO} makes a class see a killed broker fenced
 * in about three seconds; {@link #KAFKA_DEFAULTS} shows real-world timing.
 */
public enum TimingProfile {
    DEMO(3_000, 500, 5_000, 0),
    KAFKA_DEFAULTS(9_000, 2_000, 30_000, 3_000);

    private final int sessionTimeoutMs;
    private final int heartbeatIntervalMs;
    private final int replicaLagTimeMaxMs;
    private final int initialRebalanceDelayMs;

    TimingProfile(int sessionTimeoutMs, int heartbeatIntervalMs, int replicaLagTimeMaxMs,
            int initialRebalanceDelayMs) {
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        this.replicaLagTimeMaxMs = replicaLagTimeMaxMs;
        this.initialRebalanceDelayMs = initialRebalanceDelayMs;
    }

    /** After this long without a heartbeat the controller fences a broker. */
    public int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    /** A follower this far behind the leader leaves the ISR. */
    public int replicaLagTimeMaxMs() {
        return replicaLagTimeMaxMs;
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

    Map<String, String> properties() {
        return Map.of(
                "broker.session.timeout.ms", Integer.toString(sessionTimeoutMs),
                "broker.heartbeat.interval.ms", Integer.toString(heartbeatIntervalMs),
                "replica.lag.time.max.ms", Integer.toString(replicaLagTimeMaxMs),
                "group.initial.rebalance.delay.ms", Integer.toString(initialRebalanceDelayMs));
    }
}
