package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.coordinator.group.GroupCoordinatorConfig;
import org.junit.jupiter.api.Test;

/** The profiles' group settings pass the broker's own validation, which refuses to start otherwise. */
class TimingProfileTest {

    @Test
    void theDemoProfileGivesNewProtocolGroupsATenSecondSessionThatTheBrokerAccepts() {
        GroupCoordinatorConfig config = GroupCoordinatorConfig.fromProps(TimingProfile.DEMO.properties());
        assertEquals(10_000, config.consumerGroupSessionTimeoutMs());
        assertEquals(1_000, config.consumerGroupHeartbeatIntervalMs());
        assertEquals(TimingProfile.DEMO.consumerGroupSessionTimeoutMs(), config.consumerGroupSessionTimeoutMs());
    }

    @Test
    void kafkaDefaultsLeaveTheNewProtocolTimingAlone() {
        Map<String, String> p = TimingProfile.KAFKA_DEFAULTS.properties();
        assertFalse(p.keySet().stream().anyMatch(k -> k.startsWith("group.consumer.")), p.toString());
        GroupCoordinatorConfig config = GroupCoordinatorConfig.fromProps(p);
        assertEquals(TimingProfile.KAFKA_CONSUMER_GROUP_SESSION_TIMEOUT_MS, config.consumerGroupSessionTimeoutMs());
        assertEquals(TimingProfile.KAFKA_DEFAULTS.consumerGroupSessionTimeoutMs(),
                config.consumerGroupSessionTimeoutMs());
    }

    @Test
    void onlyTheDemoProfileKeepsLeadersWhereTheFailoverPutThem() {
        assertEquals("false", TimingProfile.DEMO.properties().get("auto.leader.rebalance.enable"));
        assertFalse(TimingProfile.KAFKA_DEFAULTS.properties().containsKey("auto.leader.rebalance.enable"),
                "Kafka's default (true) shows real-world behaviour");
    }

    @Test
    void underTheDemoProfileAFollowersIdleFetchComesBackSoonButWithinTheLagTime() {
        Map<String, String> demo = TimingProfile.DEMO.properties();
        int wait = Integer.parseInt(demo.get("replica.fetch.wait.max.ms"));
        assertEquals(TimingProfile.REPLICA_FETCH_WAIT_MS, wait);
        // Kafka refuses a fetch wait longer than the lag time (a follower would drop out while it waits).
        assertTrue(wait < Integer.parseInt(demo.get("replica.lag.time.max.ms")), demo.toString());
        assertFalse(TimingProfile.KAFKA_DEFAULTS.properties().containsKey("replica.fetch.wait.max.ms"),
                "Kafka's default (500 ms) under kafka-defaults");
    }

    @Test
    void withoutLoweringTheMinimumTheBrokerWouldRefuseATenSecondSession() {
        // Why the demo profile sets group.consumer.min.session.timeout.ms too: Kafka's minimum is 45 s.
        Map<String, String> p = Map.of("group.consumer.session.timeout.ms", "10000");
        assertThrows(IllegalArgumentException.class, () -> GroupCoordinatorConfig.fromProps(p));
    }

    @Test
    void theDemoProfileWakesTheLogCleanerTwiceASecondAndKafkaDefaultsLeaveItAlone() {
        assertEquals("500", TimingProfile.DEMO.properties().get("log.cleaner.backoff.ms"));
        assertEquals("1000", TimingProfile.DEMO.properties().get("log.retention.check.interval.ms"));
        assertFalse(TimingProfile.KAFKA_DEFAULTS.properties().containsKey("log.retention.check.interval.ms"));
        assertFalse(TimingProfile.KAFKA_DEFAULTS.properties().containsKey("log.cleaner.backoff.ms"));
        assertEquals(TimingProfile.KAFKA_LOG_CLEANER_BACKOFF_MS, TimingProfile.KAFKA_DEFAULTS.logCleanerBackoffMs());
        // The broker's own definition of the setting accepts the demo's value.
        Map<String, Object> parsed = org.apache.kafka.storage.internals.log.CleanerConfig.CONFIG_DEF
                .parse(Map.of("log.cleaner.backoff.ms", TimingProfile.DEMO.properties().get("log.cleaner.backoff.ms")));
        assertEquals(500L, parsed.get("log.cleaner.backoff.ms"));
    }
}
