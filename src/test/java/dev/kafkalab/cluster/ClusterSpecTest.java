package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSpecTest {

    @Test
    void defaultsMatchTheCourse() {
        ClusterSpec spec = ClusterSpec.builder().dataDir(Path.of("/tmp/x")).build();
        assertEquals(3, spec.brokers());
        assertEquals(9092, spec.firstBrokerPort());
        assertEquals(TimingProfile.DEMO, spec.timing());
        assertEquals(ClusterSpec.DEFAULT_JVM_FLAGS, spec.jvmFlags());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0    | 9092 | 0     | brokers must be between 1 and 9, was 0
            10   | 9092 | 0     | brokers must be between 1 and 9, was 10
            3    | 80   | 0     | firstBrokerPort must be 0 (any free port) or between 1024 and 65533 for 3 brokers, was 80
            3    | 65535| 0     | firstBrokerPort must be 0 (any free port) or between 1024 and 65533 for 3 brokers, was 65535
            3    | 9092 | 22    | controllerPort must be 0 (any free port) or between 1024 and 65535, was 22
            3    | 9092 | 9093  | controllerPort 9093 collides with the broker ports 9092-9094
            """)
    void badValuesAreRejectedNamingTheField(int brokers, int firstPort, int controllerPort, String message) {
        ClusterSpec.Builder b = ClusterSpec.builder().brokers(brokers).firstBrokerPort(firstPort)
                .controllerPort(controllerPort);
        assertEquals(message, assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void jvmFlagsMustBeOptions() {
        var b = ClusterSpec.builder().jvmFlags(List.of("-Xmx128m", "Xms32m"));
        assertEquals("jvmFlags must be JVM options starting with '-', was [-Xmx128m, Xms32m]",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void startTimeoutMustBePositive() {
        var b = ClusterSpec.builder().startTimeout(Duration.ZERO);
        assertEquals("startTimeout must be positive, was PT0S",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void brokerPropertiesMustBeConfigKeys() {
        var b = ClusterSpec.builder().brokerProperty("Not A Key", "1");
        assertEquals("brokerProperty 'Not A Key' is not a Kafka config key with a value",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void timingIsNamedAsOnTheCommandLine() {
        assertEquals(TimingProfile.KAFKA_DEFAULTS, TimingProfile.fromId("kafka-defaults"));
        assertEquals("timing must be 'demo' or 'kafka-defaults', was 'fast'",
                assertThrows(IllegalArgumentException.class, () -> TimingProfile.fromId("fast")).getMessage());
    }
}
