package dev.kafkalab.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.LocalClusterExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Topics created with configs, and configs Kafka refuses explained by name, on the real cluster. */
class TopicConfigsIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static TopicService topics;

    @BeforeAll
    static void service() {
        topics = new TopicService(kafka.clients());
    }

    @AfterAll
    static void close() {
        topics.close();
    }

    @Test
    void theConfigsGivenAreTheTopicsConfigs() throws Exception {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("retention.ms", "60000");
        configs.put("segment.bytes", "1048576");
        configs.put("min.cleanable.dirty.ratio", "0.01");
        topics.create(new TopicRequest("configured", "2", "3", "2", "compact"), configs).get(30, TimeUnit.SECONDS);

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "configured");
        // Every broker learns of a new topic a moment after the controller answered.
        java.util.concurrent.atomic.AtomicReference<Config> described = new java.util.concurrent.atomic.AtomicReference<>();
        dev.kafkalab.testkit.Await.until(() -> {
            try {
                described.set(kafka.admin().describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource));
                return true;
            } catch (Exception e) {
                return false;
            }
        }, LocalClusterExtension.WAIT, "the configs of the new topic 'configured'");
        Config config = described.get();
        assertEquals("60000", config.get("retention.ms").value());
        assertEquals("1048576", config.get("segment.bytes").value());
        assertEquals("0.01", config.get("min.cleanable.dirty.ratio").value());
        assertEquals("2", config.get("min.insync.replicas").value());
        assertEquals("compact", config.get("cleanup.policy").value());
    }

    @Test
    void aConfigKafkaRefusesIsNamedWithKafkasReasonAndNoTopicIsMade() throws Exception {
        String unknown = refused("unknown-config", Map.of("retention.ms", "60000", "no.such.config", "1"));
        String notANumber = refused("bad-value", Map.of("segment.bytes", "1048576", "retention.ms", "soon"));
        String tooSmall = refused("small-segments", Map.of("segment.ms", "1000", "segment.bytes", "1000"));
        System.out.println(unknown + "\n" + notANumber + "\n" + tooSmall);
        assertTrue(unknown.startsWith("Kafka refused the topic config no.such.config=1: "), unknown);
        assertTrue(notANumber.startsWith("Kafka refused the topic config retention.ms=soon: "), notANumber);
        assertTrue(tooSmall.startsWith("Kafka refused the topic config segment.bytes=1000: "), tooSmall);
        assertTrue(tooSmall.contains("1048576"), "Kafka's reason gives the minimum: " + tooSmall);
        assertFalse(tooSmall.contains("\tat "), "no stack trace: " + tooSmall);

        java.util.Set<String> names = kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS);
        assertFalse(names.contains("unknown-config") || names.contains("bad-value") || names.contains("small-segments"),
                "no refused topic was created: " + names);
    }

    @Test
    void aFormFieldAndAConfigThatDisagreeAreRefusedBeforeAskingKafka() throws Exception {
        ExecutionException e = failure(topics.create(new TopicRequest("twice", "1", "3", "2", "delete"),
                Map.of("min.insync.replicas", "3")));
        TopicService.TopicException refused = assertInstanceOf(TopicService.TopicException.class, e.getCause());
        assertEquals(TopicRules.MIN_ISR, refused.field());
        assertEquals("min.insync.replicas is 2 in the form and 3 in the configs: give it once.", refused.getMessage());
    }

    private static String refused(String topic, Map<String, String> configs) throws Exception {
        ExecutionException e = failure(topics.create(new TopicRequest(topic, "1", "3", "", ""), configs));
        TopicService.TopicException refused = assertInstanceOf(TopicService.TopicException.class, e.getCause(),
                () -> "a TopicException, not " + e.getCause());
        assertEquals(TopicRules.CONFIGS, refused.field());
        return refused.getMessage();
    }

    private static ExecutionException failure(java.util.concurrent.CompletableFuture<Void> f) throws Exception {
        try {
            f.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected Kafka to refuse");
        } catch (ExecutionException e) {
            return e;
        }
    }
}
