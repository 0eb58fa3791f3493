package dev.kafkalab.course;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.storage.internals.log.LogConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka configs the course names, held to the Kafka the app runs: every dotted name in
 * backticks in labs/ and slides/ is a producer, consumer, admin, topic, broker or Streams config of that
 * version (or one of the few named below, and why), and every default the text states for one
 * ("`linger.ms` (5 ms by default)", "its default is `latest`") is that version's {@code ConfigDef}
 * default.
 */
class ConfigClaimsTest {

    /** Dotted names the course writes that are not the seven kinds of config, and what they are. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "plugin.path", "a Kafka Connect worker config",
            "auto.register.schemas", "a config of Confluent's Avro serializer",
            "org.apache.avro", "a Java package",
            "parse.key", "a property of the console producer (--property)",
            "transaction.version", "a feature, finalized when the cluster is formatted (kafka-features.sh)",
            "dlq.jobs", "a topic: lab 16's dead-letter topic, named with the brokers' dlq. prefix");
    /** Configs that no longer exist, which the course names only as what older material says. */
    private static final Set<String> REMOVED = Set.of("zookeeper.connect", "zookeeper.session.timeout.ms",
            "replica.lag.max.messages");
    /** A file's name, such as {@code meta.properties}: not a config. */
    private static final Pattern FILE = Pattern.compile("\\.(properties|sh|avsc|java|md|json|log|jar)$");
    private static final Pattern AS_HISTORY = Pattern.compile("(?i)zookeeper|older|no longer|removed");

    private static final Pattern TICKED = Pattern.compile("`([^`\n]+)`");
    private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9]*(?:\\.[a-z0-9]+)+)(?:=(\\S+))?");
    /** "5 ms", "16 KB", "2 minutes", "true", "`latest`", "2147483647", "0.5". */
    private static final String VALUE = "(`[^`]+`|-?[0-9][0-9.,]*(?: ?(?:ms|s|seconds?|min|minutes?|h|hours?|days?"
            + "|KB|KiB|MB|MiB|bytes)\\b)?|true|false|all|none)";
    /** A default stated as what it was: "older texts say the default is `acks=1`", a table of older material. */
    private static final Pattern WAS = Pattern.compile("(?i)older|before [0-9]|was true|used to");
    private static final List<Pattern> DEFAULTS = List.of(
            // "(16 KB by default", "9 s by Kafka's default", "(true by default)"
            Pattern.compile(VALUE + " by (?:Kafka's )?default"),
            // "Kafka's default is 45 s", "its default is `latest`", "defaults to `producer`", "broker default 1"
            Pattern.compile("(?:default(?:s)? (?:is |to )?(?:still )?)" + VALUE),
            // "`unclean.leader.election.enable=false` (the default)"
            Pattern.compile("(`[a-z][a-z0-9.]*=[^`]+`) \\((?:the |Kafka's )?default\\b"));
    /** A config and its value, dotted or not: `acks=all`. */
    private static final Pattern SETTING = Pattern.compile("([a-z][a-z0-9.]*)=(\\S+)");
    /** A config name, dotted or not: `retries`. */
    private static final Pattern ANY_NAME = Pattern.compile("[a-z][a-z0-9.]*");

    private static List<ConfigDef> defs;
    private static List<Line> lines;

    /** One line of content, and where it is. */
    private record Line(Path file, int number, String text, List<String> before) {

        String where() {
            return file + ":" + number;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        defs = List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef(),
                LogConfig.configDefCopy(), AbstractKafkaConfig.CONFIG_DEF, StreamsConfig.configDef(),
                org.apache.kafka.coordinator.group.GroupConfig.CONFIG_DEF);
        lines = new ArrayList<>();
        for (String folder : List.of("labs", "slides")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    List<String> text = Files.readAllLines(file);
                    for (int i = 0; i < text.size(); i++) {
                        lines.add(new Line(file, i + 1, text.get(i), text.subList(Math.max(0, i - 8), i)));
                    }
                }
            }
        }
    }

    @Test
    void everyConfigTheCourseNamesExistsInThisKafka() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Line line : lines) {
            Matcher ticked = TICKED.matcher(line.text());
            while (ticked.find()) {
                Matcher name = NAME.matcher(ticked.group(1).trim());
                if (!name.matches() || ELSEWHERE.containsKey(name.group(1)) || FILE.matcher(name.group(1)).find()) {
                    continue;
                }
                checked++;
                String config = name.group(1);
                if (REMOVED.contains(config)) {
                    if (!AS_HISTORY.matcher(line.text() + String.join(" ", line.before())).find()) {
                        wrong.add(line.where() + ": `" + config + "` no longer exists; say so where it is named");
                    }
                } else if (def(config) == null) {
                    wrong.add(line.where() + ": `" + config + "` is no producer, consumer, admin, topic, broker, group or Streams"
                            + " config of Kafka 4.4");
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " config names found: the scan is broken");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyDefaultTheCourseStatesIsThisKafkasDefault() {
        List<String> wrong = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Line line : lines) {
            String text = line.text();
            for (Pattern pattern : DEFAULTS) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    String config = configBefore(text, m.start(), m.group(1));
                    if (config == null || REMOVED.contains(config) || ELSEWHERE.containsKey(config)
                            || WAS.matcher(text).find()
                            || text.startsWith("|") && WAS.matcher(String.join(" ", line.before())).find()) {
                        continue;
                    }
                    String written = m.group(1).replace("`", "");
                    Matcher setting = SETTING.matcher(written);
                    String stated = setting.matches() ? setting.group(2) : written;
                    List<Object> defaults = defaults(config);
                    checked.add(config + "=" + stated);
                    if (defaults.stream().noneMatch(d -> same(config, stated, d))) {
                        wrong.add(line.where() + ": says `" + config + "` defaults to " + stated
                                + ", but Kafka 4.4's default is " + defaults);
                    }
                }
            }
        }
        assertTrue(checked.size() > 25, "only " + checked.size() + " stated defaults found: the scan is broken: "
                + checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * The config a default is stated for: the name inside the value ("`acks=all` by default"),
     * else the last config named before it on the line.
     */
    private static String configBefore(String text, int at, String value) {
        Matcher setting = SETTING.matcher(value.replace("`", ""));
        if (setting.matches() && def(setting.group(1)) != null) {
            return setting.group(1);
        }
        String config = null;
        Matcher ticked = TICKED.matcher(text);
        while (ticked.find() && ticked.start() < at) {
            String name = ticked.group(1).trim();
            Matcher s = SETTING.matcher(name);
            String candidate = s.matches() ? s.group(1) : name;
            if (ANY_NAME.matcher(candidate).matches() && (candidate.contains(".") || def(candidate) != null)) {
                config = candidate;
            }
        }
        return config;
    }

    private static ConfigDef def(String config) {
        return defs.stream().filter(d -> d.configKeys().containsKey(config)).findFirst().orElse(null);
    }

    private static List<Object> defaults(String config) {
        return defs.stream().filter(d -> d.configKeys().containsKey(config))
                .map(d -> d.configKeys().get(config).defaultValue).toList();
    }

    /** Whether the text's value ("16 KB", "2 minutes", "latest") is the default {@code actual}. */
    static boolean same(String config, String stated, Object actual) {
        String s = stated.trim().toLowerCase(Locale.ROOT).replaceAll("[.,]$", "");
        if (actual == null) {
            return s.equals("null") || s.equals("none");
        }
        if (actual instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList()).equalsIgnoreCase(s);
        }
        if (actual instanceof Boolean || actual instanceof String) {
            return actual.toString().equalsIgnoreCase(s);
        }
        Matcher m = Pattern.compile("(-?[0-9][0-9,]*(?:\\.[0-9]+)?) ?([a-z]*)").matcher(s);
        if (!m.matches()) {
            return false;
        }
        double number = Double.parseDouble(m.group(1).replace(",", ""));
        double unit = unit(config, m.group(2));
        return unit > 0 && Math.abs(number * unit - ((Number) actual).doubleValue()) < 1e-6;
    }

    /** What one of {@code word} is in the config's own unit (ms for *.ms, s for *.seconds, bytes, ...). */
    private static double unit(String config, String word) {
        double ms = switch (word) {
            case "ms" -> 1;
            case "s", "second", "seconds" -> 1_000;
            case "min", "minute", "minutes" -> 60_000;
            case "h", "hour", "hours" -> 3_600_000;
            case "day", "days" -> 86_400_000;
            default -> -1;
        };
        if (ms > 0) {
            return config.endsWith(".ms") ? ms : config.endsWith(".seconds") ? ms / 1_000
                    : config.endsWith(".hours") ? ms / 3_600_000 : -1;
        }
        return switch (word) {
            case "", "bytes", "records" -> 1;
            case "kb", "kib" -> 1024;
            case "mb", "mib" -> 1024 * 1024;
            default -> -1;
        };
    }
}
