package dev.kafkalab.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

/** Topic configs on their way to Kafka and back, and their command line, without a cluster. */
class TopicConfigsTest {

    @Test
    void theFormsFieldsComeFirstThenTheConfigsInTheirOrder() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("segment.ms", " 1000 ");
        configs.put("min.insync.replicas", "2");
        Map<String, String> all = TopicConfigs.merge(new TopicRequest("t", "1", "3", "2", "compact"), configs);
        assertEquals("{min.insync.replicas=2, cleanup.policy=compact, segment.ms=1000}", all.toString());
        TopicService.TopicException blank = assertThrows(TopicService.TopicException.class,
                () -> TopicConfigs.merge(new TopicRequest("t", "1", "3", "", ""), Map.of("retention.ms", " ")));
        assertEquals("The topic config retention.ms needs a value.", blank.getMessage());
        assertEquals(TopicRules.CONFIGS, blank.field());
    }

    @Test
    void kafkasRefusalIsPinnedOnTheConfigItNamesTheLongestNameWinning() {
        Map<String, String> configs = Map.of("segment.ms", "1000", "segment.bytes", "1000", "cleanup.policy", "zip");
        TopicService.TopicException e = TopicConfigs.refused(configs, new CompletionException(
                new InvalidConfigurationException("Invalid value 1000 for configuration segment.bytes: Value must be"
                        + " at least 1048576"))).orElseThrow();
        assertEquals("Kafka refused the topic config segment.bytes=1000: Invalid value 1000 for configuration"
                + " segment.bytes: Value must be at least 1048576", e.getMessage());
        TopicService.TopicException policy = TopicConfigs.refused(configs, new InvalidConfigurationException(
                "Invalid value zip for configuration cleanup.policy: String must be one of: compact, delete"))
                .orElseThrow();
        assertEquals(TopicRules.CLEANUP_POLICY, policy.field());
        assertEquals(Optional.empty(), TopicConfigs.refused(configs, new TopicExistsException("exists")));
        TopicService.TopicException unnamed = TopicConfigs.refused(Map.of("a.b", "1"),
                new InvalidConfigurationException("Something else")).orElseThrow();
        assertEquals("Kafka refused the topic configs {a.b=1}: Something else", unnamed.getMessage());
    }

    @Test
    void theCommandLineHasAConfigFlagForEachQuotedWhenNeeded() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("segment.ms", "1000");
        configs.put("cleanup.policy", "compact");
        configs.put("message.timestamp.type", "Log Append");
        assertEquals("kafka-topics.sh --bootstrap-server localhost:9092 --create --topic prices --partitions 3"
                + " --replication-factor 3 --config min.insync.replicas=2 --config cleanup.policy=compact"
                + " --config segment.ms=1000 --config 'message.timestamp.type=Log Append'",
                CliEquivalents.createTopic("localhost:9092", "prices", 3, 3, Optional.of(2), "compact", configs));
        assertEquals(CliEquivalents.createTopic("localhost:9092", "t", 1, 1, Optional.empty(), "delete"),
                CliEquivalents.createTopic("localhost:9092", "t", 1, 1, Optional.empty(), "delete", Map.of()));
        assertEquals("'it'\\''s=1'", CliEquivalents.shellWord("it's=1"));
        assertTrue(CliEquivalents.createTopic("b", "t", 1, 1, Optional.empty(), null, Map.of("retention.ms", "-1"))
                .endsWith(" --config retention.ms=-1"));
    }
}
