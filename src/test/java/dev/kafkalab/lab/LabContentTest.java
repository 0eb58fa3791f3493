package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The course's labs in {@code labs/}: they load, they are the nine the course needs, and each
 * can be run by itself on a shared cluster (its own topics and groups, brokers named before
 * they are used, every broker running again at the end).
 */
class LabContentTest {

    /** Kafka's own rule for topic names (org.apache.kafka.common.internals.Topic). */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern BROKER_ROLE = Pattern.compile("(?:leader-of|follower-of):(.+)/\\d+");

    private static LabCatalog catalog;
    private static List<Lab> labs;

    @BeforeAll
    static void load() {
        catalog = LabCatalog.load(Path.of("labs"));
        labs = catalog.labs();
    }

    @Test
    void everyLabFileLoads() {
        List<String> problems = catalog.entries().stream().filter(e -> !e.ok())
                .map(e -> e.problem().getMessage()).toList();

        assertEquals(List.of(), problems);
    }

    @Test
    void theCourseHasItsSeventeenLabsInOrder() {
        assertEquals(List.of("01-first-contact", "02-where-records-land", "03-replication-failover",
                "04-consumer-groups", "05-durability-acks", "06-frozen-follower", "07-producer-tuning",
                "08-log-compaction", "09-stock-prices", "10-producer-in-java", "11-consumer-in-java",
                "12-producer-through-failures", "13-avro-schemas", "14-retention", "15-stream-processor",
                "16-queues-for-kafka", "17-exactly-once"), labs.stream().map(Lab::id).toList());
    }

    @ParameterizedTest(name = "{0} is module {1}")
    @CsvSource(textBlock = """
            01-first-contact,         4
            02-where-records-land,    2
            03-replication-failover,  5
            04-consumer-groups,       3
            05-durability-acks,      11
            06-frozen-follower,      11
            07-producer-tuning,       8
            08-log-compaction,       12
            09-stock-prices,          9
            10-producer-in-java,      7
            11-consumer-in-java,     14
            12-producer-through-failures, 10
            13-avro-schemas,         13
            14-retention,            11
            """)
    void eachLabBelongsToItsCurriculumModule(String id, int module) {
        assertEquals(module, catalog.lab(id).orElseThrow(() -> new AssertionError(id + " is missing")).module());
    }

    @Test
    void everyLabHasFourToNineSteps() {
        List<String> wrong = labs.stream().filter(l -> l.steps().size() < 4 || l.steps().size() > 9)
                .map(l -> l.id() + " has " + l.steps().size() + " steps").toList();

        assertEquals(List.of(), wrong);
    }

    @Test
    void everySchemaACheckNamesIsAnAvroSchemaInTheLabsCodeFolder() {
        List<String> wrong = new ArrayList<>();
        forEachStep((lab, step) -> {
            if (step.check().name().equals("avro-decodes")) {
                try {
                    AvroChecks.schema(AvroChecks.schemaFile(step.check()));
                } catch (java.io.IOException e) {
                    wrong.add(where(lab, step.check()) + ": " + e.getMessage());
                }
            }
        });

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyLabNamesOnlyRegisteredChecksAndActionsWithValidArguments() {
        List<String> wrong = new ArrayList<>();
        forEachStep((lab, step) -> {
            for (Directive a : step.actions()) {
                Vocabulary.problems(Vocabulary.ACTIONS, a.name(), a.args()).forEach(p -> wrong.add(where(lab, a) + ": " + p));
            }
            Directive c = step.check();
            Vocabulary.problems(Vocabulary.CHECKS, c.name(), c.args()).forEach(p -> wrong.add(where(lab, c) + ": " + p));
        });

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyStepHasAnActionAHintAndAnExplanation() {
        List<String> wrong = new ArrayList<>();
        forEachStep((lab, step) -> {
            if (step.actions().isEmpty()) {
                wrong.add(where(lab, step) + " has no @action: a solver could not make its check pass");
            }
            if (step.explanation().isBlank()) {
                wrong.add(where(lab, step) + " has no ### Why");
            }
            if (step.hint().isBlank()) {
                wrong.add(where(lab, step) + " has no ### Hint");
            }
        });

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRememberedBrokerIsNamedInAnEarlierStepOfTheSameLab() {
        List<String> wrong = new ArrayList<>();
        for (Lab lab : labs) {
            Set<String> named = new HashSet<>();
            for (Step step : lab.steps()) {
                for (Directive d : directives(step)) {
                    d.optional("broker").filter(b -> b.startsWith("$")).map(b -> b.substring(1))
                            .filter(name -> !named.contains(name))
                            .ifPresent(name -> wrong.add(where(lab, d) + " names $" + name
                                    + ", which no earlier step remembers with as=" + name));
                }
                step.actions().forEach(a -> a.optional("as").ifPresent(named::add));
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTopicNameIsAValidKafkaTopicName() {
        List<String> wrong = new ArrayList<>();
        forEachStep((lab, step) -> directives(step).forEach(d -> topicsOf(d).forEach(topic -> {
            if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                wrong.add(where(lab, d) + ": '" + topic + "' is not a valid topic name");
            }
        })));

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTopicALabUsesIsCreatedByThatLabNoLaterThanItsFirstUse() {
        List<String> wrong = new ArrayList<>();
        for (Lab lab : labs) {
            Set<String> created = new HashSet<>();
            for (Step step : lab.steps()) {
                for (Directive d : directives(step)) {
                    for (String topic : topicsOf(d)) {
                        // A Streams application makes its own internal topics: the lab checks them, never creates them.
                        boolean internal = topic.endsWith("-changelog") || topic.endsWith("-repartition");
                        if (!created.contains(topic) && !d.name().equals("create-topic") && !internal) {
                            wrong.add(where(lab, d) + " uses topic " + topic + " before the lab creates it");
                        }
                    }
                    if (d.name().equals("create-topic")) {
                        created.add(d.text("topic"));
                    }
                }
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyGroupALabUsesIsStartedByThatLabNoLaterThanItsFirstUse() {
        List<String> wrong = new ArrayList<>();
        for (Lab lab : labs) {
            Set<String> started = new HashSet<>();
            for (Step step : lab.steps()) {
                if (Lab.runsCode(step)) {
                    // The learner's program forms the group its check names.
                    step.check().optional("group").ifPresent(started::add);
                }
                for (Directive d : directives(step)) {
                    Optional<String> group = d.optional("group");
                    if (d.name().equals("start-group") || d.name().equals("start-share-group")) {
                        started.add(d.text("group"));
                    } else if (group.isPresent() && !started.contains(group.get())) {
                        wrong.add(where(lab, d) + " uses group " + group.get() + " before the lab starts it");
                    }
                }
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void noTwoLabsShareATopicOrAGroup() {
        Map<String, String> owner = new HashMap<>();
        List<String> shared = new ArrayList<>();
        for (Lab lab : labs) {
            Stream.concat(lab.topics().stream().map(t -> "topic " + t), lab.groups().stream().map(g -> "group " + g))
                    .forEach(name -> {
                        String before = owner.putIfAbsent(name, lab.id());
                        if (before != null) {
                            shared.add(name + " is used by " + before + " and " + lab.id());
                        }
                    });
        }

        assertEquals(List.of(), shared);
    }

    @Test
    void everyBrokerALabTakesDownIsRunningAgainAtTheEnd() {
        List<String> wrong = new ArrayList<>();
        for (Lab lab : labs) {
            Map<String, String> down = new LinkedHashMap<>();
            for (Step step : lab.steps()) {
                for (Directive a : step.actions()) {
                    String who = a.optional("as").map(n -> "$" + n).orElseGet(() -> a.optional("broker").orElse(""));
                    switch (a.name()) {
                        case "kill-broker", "stop-broker", "freeze-broker" -> down.put(who, where(lab, a));
                        case "durability-demo" -> down.put("the leader the demo killed", where(lab, a));
                        case "start-broker", "resume-broker" -> down.remove(a.text("broker"));
                        case "restore-brokers" -> down.clear();
                        default -> {
                        }
                    }
                }
            }
            down.forEach((who, where) -> wrong.add(where + " takes down " + who + ", and nothing brings it back"));
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void theStockSenderIsStoppedByTheEndOfEveryLab() {
        List<String> wrong = new ArrayList<>();
        for (Lab lab : labs) {
            boolean running = false;
            for (Step step : lab.steps()) {
                for (Directive a : step.actions()) {
                    running = a.name().equals("start-stock-sender") || running && !a.name().equals("stop-stock-sender");
                }
            }
            if (running) {
                wrong.add(lab.id() + " leaves the stock-price sender running");
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void theMurmur2WorkedExampleIsWhatKafkaComputes() {
        Step step = step("02-where-records-land", "One key, one partition");
        byte[] key = "employee-7".getBytes(StandardCharsets.UTF_8);
        int hash = Utils.murmur2(key);
        int positive = Utils.toPositive(hash);

        assertTrue(step.explanation().contains("| " + key.length + " bytes |"), "the key's length");
        assertTrue(step.explanation().contains("| " + hash + " |"), "murmur2 is " + hash);
        assertTrue(step.explanation().contains("| " + positive + " |"), "toPositive is " + positive);
        assertTrue(step.explanation().contains("| **" + positive % 3 + "** |"), "the partition is " + positive % 3);
        assertTrue(step.hint().contains("partition, " + positive % 3), "the hint names partition " + positive % 3);
    }

    @Test
    void theSerializerExampleIsWhatKafkaComputes() {
        Step step = step("02-where-records-land", "Many keys");
        int asString = Utils.murmur2("42".getBytes(StandardCharsets.UTF_8));
        int asInteger;
        try (IntegerSerializer serializer = new IntegerSerializer()) {
            asInteger = Utils.murmur2(serializer.serialize("t", 42));
        }

        assertTrue(step.explanation().contains("| " + asString + " | " + Utils.toPositive(asString) % 3 + " |"),
                "\"42\" as a String: murmur2 " + asString);
        assertTrue(step.explanation().contains("| " + asInteger + " | " + Utils.toPositive(asInteger) % 3 + " |"),
                "42 as an Integer: murmur2 " + asInteger);
    }

    @Test
    void commandLinesUseTheCoursePorts() {
        Pattern bootstrap = Pattern.compile("--bootstrap-server (\\S+)");
        List<String> wrong = new ArrayList<>();
        forEachStep((lab, step) -> {
            Matcher m = bootstrap.matcher(lab.intro() + step.instructions() + step.hint() + step.explanation());
            while (m.find()) {
                for (String server : m.group(1).split(",")) {
                    if (!Set.of("localhost:9092", "localhost:9093", "localhost:9094").contains(server)) {
                        wrong.add(where(lab, step) + ": --bootstrap-server " + server);
                    }
                }
            }
        });

        assertEquals(List.of(), wrong);
    }

    // --- helpers

    private interface StepVisitor {
        void visit(Lab lab, Step step);
    }

    private static void forEachStep(StepVisitor visitor) {
        labs.forEach(lab -> lab.steps().forEach(step -> visitor.visit(lab, step)));
    }

    private static List<Directive> directives(Step step) {
        List<Directive> all = new ArrayList<>(step.actions());
        all.add(step.check());
        return all;
    }

    /** The topics a directive names: its topic= and the topic of a leader-of:/follower-of: broker. */
    private static Set<String> topicsOf(Directive d) {
        Set<String> topics = new LinkedHashSet<>();
        d.optional("topic").ifPresent(topics::add);
        d.optional("broker").map(BROKER_ROLE::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .ifPresent(topics::add);
        return topics;
    }

    private static Step step(String labId, String title) {
        return catalog.lab(labId).orElseThrow().steps().stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(labId + " has no step '" + title + "'"));
    }

    private static String where(Lab lab, Step step) {
        return lab.file().getFileName() + ":" + step.line() + " (step " + step.number() + " '" + step.title() + "')";
    }

    private static String where(Lab lab, Directive d) {
        return lab.file().getFileName() + ":" + d.line() + " (" + d.name() + ")";
    }
}
