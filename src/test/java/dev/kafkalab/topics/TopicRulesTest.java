package dev.kafkalab.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicRulesTest {

    @Test
    void aGoodRequestHasNoProblems() {
        assertEquals(Map.of(), TopicRules.check(new TopicRequest("my-failsafe-topic", "3", "3", "2", "delete"), 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ''          | 1 | 1 | NULL | name              | A topic needs a name.
            ..          | 1 | 1 | NULL | name              | Kafka does not allow '.' or '..' as a topic name.
            orders!     | 1 | 1 | NULL | name              | Kafka allows only letters, digits, '.', '_' and '-' in a topic name.
            __mine      | 1 | 1 | NULL | name              | Names starting with '__' are for Kafka's internal topics.
            t           | 0 | 1 | NULL | partitions        | Partitions must be at least 1.
            t           | x | 1 | NULL | partitions        | Partitions must be a whole number, not 'x'.
            t           | 1 | 4 | NULL | replicationFactor | The replication factor 4 needs 4 brokers, but only 3 are running: each replica lives on a different broker.
            t           | 1 | 2 | 3    | minInsyncReplicas | min.insync.replicas 3 is above the replication factor 2: every acks=all write would fail with NotEnoughReplicas.
            """)
    void kafkasRulesAreExplainedOnTheirField(String name, String partitions, String rf, String minIsr, String field,
            String message) {
        Map<String, String> problems = TopicRules.check(new TopicRequest(name, partitions, rf, minIsr, ""), 3);
        assertEquals(Map.of(field, message), problems);
    }

    @Test
    void oneRunningBrokerIsSaidInTheSingular() {
        assertEquals("The replication factor 3 needs 3 brokers, but only 1 is running: each replica lives on a"
                + " different broker.", TopicRules.check(new TopicRequest("t", "1", "3", "", ""), 1)
                .get(TopicRules.REPLICATION_FACTOR));
    }

    @Test
    void nameLengthIsKafkasLimit() {
        assertEquals(Map.of(), TopicRules.check(new TopicRequest("a".repeat(249), "1", "1", "", ""), 1));
        assertEquals("Kafka allows at most 249 characters; this name has 250.",
                TopicRules.check(new TopicRequest("a".repeat(250), "1", "1", "", ""), 1).get(TopicRules.NAME));
    }

    @Test
    void cliEquivalentsUseTheCoursesBootstrap() {
        String bootstrap = CliEquivalents.courseBootstrap("127.0.0.1:9092,127.0.0.1:9093");
        assertEquals("localhost:9092", bootstrap);
        assertEquals("kafka.team.example:9093", CliEquivalents.courseBootstrap("kafka.team.example:9093,kafka-2:9093"),
                "another machine's broker keeps its name");
        assertEquals("kafka-topics.sh --bootstrap-server localhost:9092 --create --topic my-failsafe-topic"
                + " --partitions 3 --replication-factor 3 --config min.insync.replicas=2",
                CliEquivalents.createTopic(bootstrap, "my-failsafe-topic", 3, 3, Optional.of(2), "delete"));
    }
}
