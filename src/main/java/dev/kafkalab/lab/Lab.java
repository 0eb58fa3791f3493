package dev.kafkalab.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guided lab as loaded from {@code labs/}: what it is about and its steps in order.
 *
 * @param id      the file name without {@code .md}; progress is stored under it
 * @param module  the course module it belongs to (CURRICULUM.md numbering)
 * @param intro   Markdown shown before the first step
 */
public record Lab(String id, Path file, String title, int module, int minutes, String goal, String intro,
        List<Step> steps) {

    public Lab {
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(int number) {
        return number >= 1 && number <= steps.size() ? Optional.of(steps.get(number - 1)) : Optional.empty();
    }

    /**
     * Topics the lab's actions create (a share group's dead-letter topic too), and those its topic
     * checks name (a program's own, such as a Streams changelog): a reset deletes them.
     */
    public List<String> topics() {
        java.util.stream.Stream<String> created = steps.stream().flatMap(s -> s.actions().stream())
                .filter(a -> a.name().equals("create-topic")).map(a -> a.text("topic"));
        java.util.stream.Stream<String> checked = steps.stream().map(Step::check)
                .filter(c -> c.name().equals("topic-exists")).map(c -> c.text("topic"));
        // A share group's dead-letter topic, made when the group starts.
        java.util.stream.Stream<String> deadLetters = steps.stream().flatMap(s -> s.actions().stream())
                .filter(a -> a.name().equals("start-share-group")).map(a -> a.optional("dead-letter"))
                .flatMap(Optional::stream);
        return java.util.stream.Stream.of(created, checked, deadLetters).flatMap(t -> t).distinct().toList();
    }

    /**
     * Consumer groups the lab's actions start, and those its programs form (named by the checks of
     * its code steps): a reset stops and deletes them, committed offsets and all.
     */
    public List<String> groups() {
        java.util.stream.Stream<String> started = steps.stream().flatMap(s -> s.actions().stream())
                .filter(a -> a.name().equals("start-group")).map(a -> a.text("group"));
        java.util.stream.Stream<String> programs = steps.stream().filter(Lab::runsCode)
                .map(s -> s.check().optional("group")).flatMap(Optional::stream);
        return java.util.stream.Stream.concat(started, programs).distinct().toList();
    }

    /** Share groups the lab's actions start: a reset stops and deletes them. */
    public List<String> shareGroups() {
        return steps.stream().flatMap(s -> s.actions().stream()).filter(a -> a.name().equals("start-share-group"))
                .map(a -> a.text("group")).distinct().toList();
    }

    /** The programs the lab's steps run: a reset stops them, before it deletes their topics. */
    public List<String> programs() {
        return steps.stream().flatMap(s -> s.actions().stream()).filter(a -> a.name().equals("run-solution"))
                .map(a -> a.text("program")).distinct().toList();
    }

    /** What the lab's actions do to brokers, as verbs of {@code KafkaCluster.whyNot}: stop, kill, pause, resume, start. */
    public List<String> brokerVerbs() {
        Map<String, String> verbs = Map.of("stop-broker", "stop", "kill-broker", "kill", "freeze-broker", "pause",
                "resume-broker", "resume", "start-broker", "start");
        return steps.stream().flatMap(s -> s.actions().stream()).map(a -> verbs.get(a.name()))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** Whether a step runs the durability demo, which freezes and kills brokers and reads their log end offsets. */
    public boolean needsOwnCluster() {
        return steps.stream().flatMap(s -> s.actions().stream()).anyMatch(a -> a.name().equals("durability-demo"));
    }

    /** A step whose work is the learner's code: its program, not the app, makes its groups. */
    public static boolean runsCode(Step step) {
        return step.actions().stream().anyMatch(a -> a.name().equals("run-solution"));
    }
}
