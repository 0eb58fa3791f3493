package dev.kafkalab.cluster;

import dev.kafkalab.common.AppDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What local cluster to run: immutable, built and validated by {@link #builder()}.
 *
 * @param brokers          number of brokers, node ids 1..brokers (the course's server-1..3)
 * @param dataDir          where node data, configs and logs live; kept across runs
 * @param firstBrokerPort  broker N listens on firstBrokerPort + N - 1, or any free port when
 *                         that one is taken; 0 means any free port for every broker
 * @param controllerPort   the controller's port, 0 for any free port
 * @param timing           failure-detection timeouts
 * @param jvmFlags         flags for every broker JVM
 * @param controllerJvmFlags flags for the controller JVM, which holds only metadata
 * @param classDataSharing share an AppCDS archive of the broker classpath between node JVMs
 * @param startTimeout     how long start may take before it fails with a message
 * @param brokerOverrides  extra server.properties for every broker (and the controller)
 * @param classroom        a second listener per broker for a class, with logins and ACLs; null for none
 */
public record ClusterSpec(
        int brokers,
        Path dataDir,
        int firstBrokerPort,
        int controllerPort,
        TimingProfile timing,
        List<String> jvmFlags,
        List<String> controllerJvmFlags,
        boolean classDataSharing,
        Duration startTimeout,
        Map<String, String> brokerOverrides,
        Classroom classroom) {

    public static final int MAX_BROKERS = 9;
    public static final int DEFAULT_FIRST_BROKER_PORT = 9092;
    /**
     * Measured on 2 cores: about 160 MiB RSS per broker, and a start twice as fast as with Kafka's
     * own defaults (G1, 1 GiB heap). C1 only: a broker's start is short, C2 never pays back.
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of(
            "-Xmx128m", "-Xms32m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /** The controller holds only metadata: half a broker's heap is plenty for a classroom cluster. */
    public static final List<String> DEFAULT_CONTROLLER_JVM_FLAGS = List.of(
            "-Xmx64m", "-Xms32m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    private static final Pattern CONFIG_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public ClusterSpec {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(startTimeout, "startTimeout");
        jvmFlags = List.copyOf(jvmFlags);
        controllerJvmFlags = List.copyOf(controllerJvmFlags);
        brokerOverrides = Map.copyOf(brokerOverrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.brokers = brokers;
        b.dataDir = dataDir;
        b.firstBrokerPort = firstBrokerPort;
        b.controllerPort = controllerPort;
        b.timing = timing;
        b.jvmFlags = new ArrayList<>(jvmFlags);
        b.controllerJvmFlags = new ArrayList<>(controllerJvmFlags);
        b.classDataSharing = classDataSharing;
        b.startTimeout = startTimeout;
        b.brokerOverrides = new LinkedHashMap<>(brokerOverrides);
        b.classroom = classroom;
        return b;
    }

    /** Builds a {@link ClusterSpec}; {@link #build()} rejects bad values naming the field. */
    public static final class Builder {
        private int brokers = 3;
        private Path dataDir = AppDirs.data().resolve("cluster");
        private int firstBrokerPort = DEFAULT_FIRST_BROKER_PORT;
        private int controllerPort = 0;
        private TimingProfile timing = TimingProfile.DEMO;
        private List<String> jvmFlags = new ArrayList<>(DEFAULT_JVM_FLAGS);
        private List<String> controllerJvmFlags = new ArrayList<>(DEFAULT_CONTROLLER_JVM_FLAGS);
        private boolean classDataSharing = true;
        private Duration startTimeout = Duration.ofSeconds(90);
        private Map<String, String> brokerOverrides = new LinkedHashMap<>();
        private Classroom classroom;

        private Builder() {
        }

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** 0: every broker on any free port (what tests use, so they never meet a user's cluster). */
        public Builder firstBrokerPort(int port) {
            this.firstBrokerPort = port;
            return this;
        }

        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        public Builder timing(TimingProfile timing) {
            this.timing = timing;
            return this;
        }

        public Builder jvmFlags(List<String> flags) {
            this.jvmFlags = flags == null ? null : new ArrayList<>(flags);
            return this;
        }

        public Builder controllerJvmFlags(List<String> flags) {
            this.controllerJvmFlags = flags == null ? null : new ArrayList<>(flags);
            return this;
        }

        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder brokerProperty(String key, String value) {
            brokerOverrides.put(key, value);
            return this;
        }

        /** Opens the cluster to a class ({@link Classroom}); null: loopback only, no logins, as usual. */
        public Builder classroom(Classroom classroom) {
            this.classroom = classroom;
            return this;
        }

        public ClusterSpec build() {
            if (brokers < 1 || brokers > MAX_BROKERS) {
                throw new IllegalArgumentException(
                        "brokers must be between 1 and " + MAX_BROKERS + ", was " + brokers);
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("dataDir must be set");
            }
            if (firstBrokerPort != 0 && (firstBrokerPort < 1024 || firstBrokerPort + brokers - 1 > 65535)) {
                throw new IllegalArgumentException("firstBrokerPort must be 0 (any free port) or between 1024 and "
                        + (65536 - brokers) + " for " + brokers + " brokers, was " + firstBrokerPort);
            }
            if (controllerPort != 0 && (controllerPort < 1024 || controllerPort > 65535)) {
                throw new IllegalArgumentException(
                        "controllerPort must be 0 (any free port) or between 1024 and 65535, was " + controllerPort);
            }
            if (firstBrokerPort != 0 && controllerPort >= firstBrokerPort && controllerPort < firstBrokerPort + brokers) {
                throw new IllegalArgumentException("controllerPort " + controllerPort
                        + " collides with the broker ports " + firstBrokerPort + "-" + (firstBrokerPort + brokers - 1));
            }
            if (timing == null) {
                throw new IllegalArgumentException("timing must be set (demo or kafka-defaults)");
            }
            if (jvmFlags == null || jvmFlags.stream().anyMatch(f -> f == null || !f.startsWith("-"))) {
                throw new IllegalArgumentException("jvmFlags must be JVM options starting with '-', was " + jvmFlags);
            }
            if (controllerJvmFlags == null || controllerJvmFlags.stream().anyMatch(f -> f == null || !f.startsWith("-"))) {
                throw new IllegalArgumentException(
                        "controllerJvmFlags must be JVM options starting with '-', was " + controllerJvmFlags);
            }
            if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
            }
            for (Map.Entry<String, String> e : brokerOverrides.entrySet()) {
                if (!CONFIG_KEY.matcher(e.getKey()).matches() || e.getValue() == null) {
                    throw new IllegalArgumentException("brokerProperty '" + e.getKey() + "' is not a Kafka config key"
                            + " with a value");
                }
            }
            if (classroom != null && classroom.firstPort() != 0
                    && (classroom.firstPort() < 1024 || classroom.firstPort() + brokers - 1 > 65535)) {
                throw new IllegalArgumentException("the class port must be 0 (any free port) or between 1024 and "
                        + (65536 - brokers) + " for " + brokers + " brokers, was " + classroom.firstPort());
            }
            return new ClusterSpec(brokers, dataDir.toAbsolutePath().normalize(), firstBrokerPort, controllerPort,
                    timing, jvmFlags, controllerJvmFlags, classDataSharing, startTimeout, brokerOverrides, classroom);
        }
    }
}
