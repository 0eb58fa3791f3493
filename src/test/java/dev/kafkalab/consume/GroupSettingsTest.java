package dev.kafkalab.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.consume.GroupSettings.OffsetReset;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GroupSettingsTest {

    private static final String BOOTSTRAP = "127.0.0.1:1";

    @Test
    void classicMembersCarryTheirOwnSessionHeartbeatAndAssignor() {
        Properties p = GroupSettings.demo("g", "orders", GroupProtocol.CLASSIC).toProperties(BOOTSTRAP, "c-1");
        assertEquals("classic", p.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG));
        assertEquals("10000", p.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertEquals("1000", p.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertEquals(RangeAssignor.class.getName(), p.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        assertNull(p.get(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG));
        assertEquals("15000", p.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG));
        assertEquals("g", p.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("c-1", p.get(ConsumerConfig.CLIENT_ID_CONFIG));
    }

    @Test
    void newProtocolMembersLeaveSessionHeartbeatAndAssignmentToTheBroker() {
        Properties p = GroupSettings.demo("g", "orders", GroupProtocol.CONSUMER).withAssignor(Assignor.RANGE)
                .toProperties(BOOTSTRAP, "c-1");
        assertEquals("consumer", p.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG));
        assertEquals("range", p.get(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG));
        assertFalse(p.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertFalse(p.containsKey(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertFalse(p.containsKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
    }

    @Test
    void isolationIsKafkasDefaultUntilAGroupAsksForCommittedRecordsOnly() {
        GroupSettings demo = GroupSettings.demo("g", "orders", GroupProtocol.CONSUMER);
        assertEquals("read_uncommitted", demo.toProperties(BOOTSTRAP, "c-1").get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        GroupSettings committed = demo.withIsolation(GroupSettings.Isolation.READ_COMMITTED).withAssignor(Assignor.RANGE)
                .withProtocol(GroupProtocol.CLASSIC);
        assertEquals("read_committed", committed.toProperties(BOOTSTRAP, "c-1").get(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
                "the isolation survives other changes to the settings");
    }

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void theClientAcceptsTheProperties(GroupProtocol protocol) {
        GroupSettings s = GroupSettings.demo("g", "orders", protocol).withAutoCommit(false, 1)
                .withIsolation(GroupSettings.Isolation.READ_COMMITTED);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(s.toProperties(BOOTSTRAP, "accept-" + protocol))) {
            assertTrue(c.assignment().isEmpty());
            c.close(Duration.ZERO);
        }
    }

    @Test
    void theNewProtocolClientRejectsAClassicSessionTimeoutWhichIsWhyItIsNeverSet() {
        Properties p = GroupSettings.demo("g", "orders", GroupProtocol.CONSUMER).toProperties(BOOTSTRAP, "reject");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        KafkaException e = assertThrows(KafkaException.class, () -> new KafkaConsumer<String, String>(p).close());
        assertTrue(String.valueOf(e.getMessage()).contains("session.timeout.ms")
                || String.valueOf(e.getCause()).contains("session.timeout.ms"), e.toString());
    }

    @Test
    void autoCommitAndOffsetResetMapToTheirConfigs() {
        GroupSettings s = GroupSettings.demo("g", "orders", GroupProtocol.CLASSIC).withAutoCommit(true, 60_000)
                .withAutoOffsetReset(OffsetReset.LATEST);
        Properties p = s.toProperties(BOOTSTRAP, "c");
        assertEquals("true", p.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("60000", p.get(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG));
        assertEquals("latest", p.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        Properties manual = s.withAutoCommit(false, 0).toProperties(BOOTSTRAP, "c");
        assertEquals("false", manual.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertFalse(manual.containsKey(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            CLASSIC,  RANGE,              org.apache.kafka.clients.consumer.RangeAssignor,
            CLASSIC,  ROUND_ROBIN,        org.apache.kafka.clients.consumer.RoundRobinAssignor,
            CLASSIC,  STICKY,             org.apache.kafka.clients.consumer.StickyAssignor,
            CLASSIC,  COOPERATIVE_STICKY, org.apache.kafka.clients.consumer.CooperativeStickyAssignor,
            CONSUMER, UNIFORM,            ,                                                           uniform
            CONSUMER, RANGE,              ,                                                           range
            """)
    void eachAssignorMapsToItsProtocolsSetting(GroupProtocol protocol, Assignor assignor, String strategy,
            String remote) {
        Properties p = GroupSettings.demo("g", "t", protocol).withAssignor(assignor).toProperties(BOOTSTRAP, "c");
        assertEquals(strategy, p.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        assertEquals(remote, p.get(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            CLASSIC,  UNIFORM,            'assignor UNIFORM runs on the broker, under group.protocol=consumer only'
            CONSUMER, ROUND_ROBIN,        'assignor ROUND_ROBIN is a classic client-side assignor'
            CONSUMER, STICKY,             'assignor STICKY is a classic client-side assignor'
            CONSUMER, COOPERATIVE_STICKY, 'under group.protocol=consumer the broker assigns, with UNIFORM or RANGE'
            """)
    void anAssignorOfTheOtherProtocolIsRefused(GroupProtocol protocol, Assignor assignor, String message) {
        GroupSettings s = GroupSettings.demo("g", "t", protocol);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.withAssignor(assignor));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void switchingProtocolKeepsAnAssignorBothKnowAndReplacesTheOthers() {
        GroupSettings classic = GroupSettings.demo("g", "t", GroupProtocol.CLASSIC);
        assertEquals(Assignor.RANGE, classic.withProtocol(GroupProtocol.CONSUMER).assignor());
        assertEquals(Assignor.UNIFORM, classic.withAssignor(Assignor.COOPERATIVE_STICKY)
                .withProtocol(GroupProtocol.CONSUMER).assignor());
        assertEquals(Assignor.RANGE, GroupSettings.demo("g", "t", GroupProtocol.CONSUMER)
                .withProtocol(GroupProtocol.CLASSIC).assignor());
        assertEquals(CooperativeStickyAssignor.class.getName(), classic.withAssignor(Assignor.COOPERATIVE_STICKY)
                .assignor().classicClass());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',     orders, 10000, 15000, 5000, group.id is required
            g,      ' ',    10000, 15000, 5000, topic is required
            g,      orders, 3000,  15000, 5000, 'session.timeout.ms must be between 6000 and 1800000 ms'
            g,      orders, 10000, 0,     5000, max.poll.interval.ms must be at least 1
            g,      orders, 10000, 15000, 0,    auto.commit.interval.ms must be at least 1
            """)
    void invalidSettingsAreRefusedWithTheFieldNamed(String group, String topic, int session, int maxPoll,
            int commitInterval, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GroupSettings(group, topic,
                GroupProtocol.CLASSIC, Assignor.RANGE, true, commitInterval, OffsetReset.EARLIEST, session, maxPoll));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void theNewProtocolIgnoresTheClassicSessionTimeoutSoItIsNotValidated() {
        GroupSettings s = new GroupSettings("g", "t", GroupProtocol.CONSUMER, Assignor.UNIFORM, true, 5000,
                OffsetReset.EARLIEST, 0, 15000);
        assertFalse(s.toProperties(BOOTSTRAP, "c").containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
    }

    @Test
    void theDemoSessionTimeoutMatchesTheDemoClusterSoBothProtocolsCrashAlike() {
        assertEquals(dev.kafkalab.cluster.TimingProfile.DEMO.consumerGroupSessionTimeoutMs(),
                GroupSettings.DEMO_SESSION_TIMEOUT_MS);
    }
}
