package dev.kafkalab.topics;

import dev.kafkalab.common.Failures;
import dev.kafkalab.topics.TopicService.TopicException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.PolicyViolationException;

/** The configs of a new topic: the form's fields and any others, and what Kafka's refusal of one means. */
final class TopicConfigs {

    private TopicConfigs() {
    }

    /** The request's min.insync.replicas and cleanup.policy, then {@code extra}; a name given twice must agree. */
    static Map<String, String> merge(TopicRequest r, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>();
        r.minIsr().ifPresent(m -> all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(m)));
        if (r.cleanupPolicy() != null && !r.cleanupPolicy().isBlank()) {
            all.put(TopicConfig.CLEANUP_POLICY_CONFIG, r.cleanupPolicy().trim());
        }
        Map<String, String> fromForm = Map.copyOf(all);
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().trim();
            if (key.isEmpty()) {
                throw new TopicException(TopicRules.CONFIGS, "A topic config needs a name (the value was '"
                        + e.getValue() + "').");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new TopicException(TopicRules.CONFIGS, "The topic config " + key + " needs a value.");
            }
            String value = e.getValue().trim();
            String form = fromForm.get(key);
            if (form != null && !form.equals(value)) {
                throw new TopicException(fieldOf(key), key + " is " + form + " in the form and " + value
                        + " in the configs: give it once.");
            }
            all.put(key, value);
        }
        return all;
    }

    /**
     * Kafka refuses a whole CreateTopics request with one message; when it names one of the
     * configs given, say which config it is, its value and Kafka's reason.
     */
    static Optional<TopicException> refused(Map<String, String> configs, Throwable failure) {
        Throwable c = Failures.rootCause(failure);
        if (configs.isEmpty() || !(c instanceof InvalidConfigurationException || c instanceof PolicyViolationException
                || c instanceof InvalidRequestException)) {
            return Optional.empty();
        }
        String reason = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        // The longest name that occurs as a whole word: segment.ms is not segment.ms.jitter.
        Optional<String> named = configs.keySet().stream()
                .filter(k -> Pattern.compile("(^|[^a-z0-9.])" + Pattern.quote(k) + "($|[^a-z0-9.]|\\.(\\s|$))")
                        .matcher(reason).find())
                .max(Comparator.comparingInt(String::length));
        if (named.isPresent()) {
            String key = named.get();
            return Optional.of(new TopicException(fieldOf(key), "Kafka refused the topic config " + key + "="
                    + configs.get(key) + ": " + reason));
        }
        if (c instanceof InvalidConfigurationException) {
            return Optional.of(new TopicException(TopicRules.CONFIGS, "Kafka refused the topic configs "
                    + configs + ": " + reason));
        }
        return Optional.empty();
    }

    private static String fieldOf(String key) {
        return switch (key) {
            case TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG -> TopicRules.MIN_ISR;
            case TopicConfig.CLEANUP_POLICY_CONFIG -> TopicRules.CLEANUP_POLICY;
            default -> TopicRules.CONFIGS;
        };
    }
}
