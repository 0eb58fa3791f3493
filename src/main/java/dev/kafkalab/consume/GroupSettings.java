package dev.kafkalab.consume;

import java.io.Serializable;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How the members of a consumer group are configured, under either group protocol.
 *
 * <p>Under {@link GroupProtocol#CLASSIC} the members bring their own liveness settings:
 * {@code session.timeout.ms} (here {@code sessionTimeoutMs}, which the broker accepts between its
 * {@code group.min.session.timeout.ms} and {@code group.max.session.timeout.ms}, 6 s and 30 min by
 * default) and {@code heartbeat.interval.ms}, derived here as a tenth of it. Under
 * {@link GroupProtocol#CONSUMER} (KIP-848, {@code group.protocol=consumer}) the broker owns them:
 * the session timeout is its {@code group.consumer.session.timeout.ms} and the client rejects
 * {@code session.timeout.ms}, {@code heartbeat.interval.ms} and {@code partition.assignment.strategy},
 * so {@code sessionTimeoutMs} is ignored and the assignor runs on the broker.
 *
 * @param sessionTimeoutMs     classic only: how long the coordinator waits for a heartbeat before it
 *                             removes a member; ignored under the new protocol (see above)
 * @param maxPollIntervalMs    a member that does not call poll for this long leaves the group on its own
 * @param autoCommitIntervalMs with auto-commit on, how often poll commits the positions
 * @param isolation            {@code isolation.level}: whether members read records of transactions
 *                             still open or aborted (read_uncommitted, Kafka's default) or stop at the
 *                             last stable offset and skip aborted ones (read_committed)
 */
public record GroupSettings(String groupId, String topic, GroupProtocol protocol, Assignor assignor,
        boolean autoCommit, int autoCommitIntervalMs, OffsetReset autoOffsetReset, int sessionTimeoutMs,
        int maxPollIntervalMs, Isolation isolation) implements Serializable {

    /**
     * Ten seconds: above the broker's {@code group.min.session.timeout.ms} (6 s) and equal to the
     * demo timing profile's {@code group.consumer.session.timeout.ms}, so a crashed member of either
     * protocol is replaced after the same time.
     */
    public static final int DEMO_SESSION_TIMEOUT_MS = 10_000;
    /** Fifteen seconds, not Kafka's five minutes: a class can watch a stalled member get removed. */
    public static final int DEMO_MAX_POLL_INTERVAL_MS = 15_000;
    /** The broker's default {@code group.min.session.timeout.ms} and {@code group.max.session.timeout.ms}. */
    public static final int MIN_SESSION_TIMEOUT_MS = 6_000;
    public static final int MAX_SESSION_TIMEOUT_MS = 1_800_000;
    /** Kafka's own {@code auto.commit.interval.ms}. */
    public static final int DEFAULT_AUTO_COMMIT_INTERVAL_MS = 5_000;

    /** Who computes the assignment: a class name on the members (classic) or a name the broker knows (new protocol). */
    public enum Assignor {
        RANGE(RangeAssignor.class.getName(), "range"),
        ROUND_ROBIN(RoundRobinAssignor.class.getName(), null),
        STICKY(StickyAssignor.class.getName(), null),
        COOPERATIVE_STICKY(CooperativeStickyAssignor.class.getName(), null),
        UNIFORM(null, "uniform");

        private final String classicClass;
        private final String remoteName;

        Assignor(String classicClass, String remoteName) {
            this.classicClass = classicClass;
            this.remoteName = remoteName;
        }

        public boolean supports(GroupProtocol protocol) {
            return protocol == GroupProtocol.CLASSIC ? classicClass != null : remoteName != null;
        }

        /** {@code partition.assignment.strategy} under the classic protocol, else null. */
        public String classicClass() {
            return classicClass;
        }

        /** {@code group.remote.assignor} under the new protocol, else null. */
        public String remoteName() {
            return remoteName;
        }

        /** Kafka's effective default: range for classic members, the broker's first assignor (uniform) otherwise. */
        public static Assignor defaultFor(GroupProtocol protocol) {
            return protocol == GroupProtocol.CLASSIC ? RANGE : UNIFORM;
        }
    }

    /** {@code auto.offset.reset}: where a member starts in a partition its group has no commit for. */
    public enum OffsetReset {
        EARLIEST, LATEST;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code isolation.level}: what a member reads of transactional records. */
    public enum Isolation {
        /** Kafka's default: every record up to the high watermark, transactions open or aborted included. */
        READ_UNCOMMITTED,
        /** Only committed records, up to the last stable offset: an open transaction holds the reader back. */
        READ_COMMITTED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Kafka's default isolation, read_uncommitted. */
    public GroupSettings(String groupId, String topic, GroupProtocol protocol, Assignor assignor, boolean autoCommit,
            int autoCommitIntervalMs, OffsetReset autoOffsetReset, int sessionTimeoutMs, int maxPollIntervalMs) {
        this(groupId, topic, protocol, assignor, autoCommit, autoCommitIntervalMs, autoOffsetReset, sessionTimeoutMs,
                maxPollIntervalMs, Isolation.READ_UNCOMMITTED);
    }

    public GroupSettings {
        if (isolation == null) {
            throw new IllegalArgumentException("isolation.level is required");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("group.id is required");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
        if (protocol == null || assignor == null || autoOffsetReset == null) {
            throw new IllegalArgumentException("group.protocol, the assignor and auto.offset.reset are required");
        }
        if (!assignor.supports(protocol)) {
            throw new IllegalArgumentException(protocol == GroupProtocol.CLASSIC
                    ? "assignor " + assignor + " runs on the broker, under group.protocol=consumer only; classic"
                            + " members choose RANGE, ROUND_ROBIN, STICKY or COOPERATIVE_STICKY"
                    : "assignor " + assignor + " is a classic client-side assignor (partition.assignment.strategy);"
                            + " under group.protocol=consumer the broker assigns, with UNIFORM or RANGE");
        }
        if (protocol == GroupProtocol.CLASSIC
                && (sessionTimeoutMs < MIN_SESSION_TIMEOUT_MS || sessionTimeoutMs > MAX_SESSION_TIMEOUT_MS)) {
            throw new IllegalArgumentException("session.timeout.ms must be between " + MIN_SESSION_TIMEOUT_MS + " and "
                    + MAX_SESSION_TIMEOUT_MS + " ms, the broker's group.min.session.timeout.ms and"
                    + " group.max.session.timeout.ms; was " + sessionTimeoutMs);
        }
        if (maxPollIntervalMs < 1) {
            throw new IllegalArgumentException("max.poll.interval.ms must be at least 1, was " + maxPollIntervalMs);
        }
        if (autoCommit && autoCommitIntervalMs < 1) {
            throw new IllegalArgumentException("auto.commit.interval.ms must be at least 1, was "
                    + autoCommitIntervalMs);
        }
    }

    /** A demo group: the protocol's default assignor, auto-commit on, from the earliest offset, short timeouts. */
    public static GroupSettings demo(String groupId, String topic, GroupProtocol protocol) {
        return new GroupSettings(groupId, topic, protocol, Assignor.defaultFor(protocol), true,
                DEFAULT_AUTO_COMMIT_INTERVAL_MS, OffsetReset.EARLIEST, DEMO_SESSION_TIMEOUT_MS,
                DEMO_MAX_POLL_INTERVAL_MS);
    }

    /** Another protocol; the assignor becomes that protocol's default if the current one does not exist there. */
    public GroupSettings withProtocol(GroupProtocol value) {
        Assignor a = assignor.supports(value) ? assignor : Assignor.defaultFor(value);
        return new GroupSettings(groupId, topic, value, a, autoCommit, autoCommitIntervalMs, autoOffsetReset,
                sessionTimeoutMs, maxPollIntervalMs, isolation);
    }

    public GroupSettings withAssignor(Assignor value) {
        return new GroupSettings(groupId, topic, protocol, value, autoCommit, autoCommitIntervalMs, autoOffsetReset,
                sessionTimeoutMs, maxPollIntervalMs, isolation);
    }

    public GroupSettings withAutoCommit(boolean value, int intervalMs) {
        return new GroupSettings(groupId, topic, protocol, assignor, value, intervalMs, autoOffsetReset,
                sessionTimeoutMs, maxPollIntervalMs, isolation);
    }

    public GroupSettings withAutoOffsetReset(OffsetReset value) {
        return new GroupSettings(groupId, topic, protocol, assignor, autoCommit, autoCommitIntervalMs, value,
                sessionTimeoutMs, maxPollIntervalMs, isolation);
    }

    public GroupSettings withMaxPollIntervalMs(int value) {
        return new GroupSettings(groupId, topic, protocol, assignor, autoCommit, autoCommitIntervalMs, autoOffsetReset,
                sessionTimeoutMs, value, isolation);
    }

    public GroupSettings withSessionTimeoutMs(int value) {
        return new GroupSettings(groupId, topic, protocol, assignor, autoCommit, autoCommitIntervalMs, autoOffsetReset,
                value, maxPollIntervalMs, isolation);
    }

    public GroupSettings withIsolation(Isolation value) {
        return new GroupSettings(groupId, topic, protocol, assignor, autoCommit, autoCommitIntervalMs, autoOffsetReset,
                sessionTimeoutMs, maxPollIntervalMs, value);
    }

    /** The classic heartbeat: a tenth of the session, as the demo broker asks of new-protocol members. */
    public int heartbeatIntervalMs() {
        return sessionTimeoutMs / 10;
    }

    /** The client configuration, keys and values as strings, with String deserializers. */
    public Properties toProperties(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol.name().toLowerCase(Locale.ROOT));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, Boolean.toString(autoCommit));
        if (autoCommit) {
            p.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, Integer.toString(autoCommitIntervalMs));
        }
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset.value());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.value());
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.toString(maxPollIntervalMs));
        if (protocol == GroupProtocol.CLASSIC) {
            p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.toString(sessionTimeoutMs));
            p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Integer.toString(heartbeatIntervalMs()));
            p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor.classicClass());
        } else {
            p.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, assignor.remoteName());
        }
        return p;
    }
}
