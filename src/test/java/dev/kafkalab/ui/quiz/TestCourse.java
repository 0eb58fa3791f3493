package dev.kafkalab.ui.quiz;

import dev.kafkalab.course.Course;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small course for the quiz tests: the repository's labs, a two-slide deck and its quiz of four
 * questions (single, multiple, true/false, single with code), a second quiz of two, and a quiz
 * file with a mistake.
 */
final class TestCourse {

    static final String QUIZ_ID = "03-replication.quiz";

    static final String DECK = """
            ---
            title: Replication
            module: 3
            ---
            # Replication
            Every partition has a leader and followers.
            ---
            ## Who picks the partition?
            The producer's partitioner, from the key.
            """;

    /** Right answers: 1; 1 and 3; True; 2. */
    static final String QUIZ = """
            ---
            title: Replication
            module: 3
            ---
            ## What picks the partition of a record with a key?
            ```java
            producer.send(new ProducerRecord<>("orders", "customer-42", order));
            ```
            - [x] The producer's partitioner, from a hash of the key
            - [ ] The broker that leads the topic
            - [ ] The controller, which assigns every record to a partition when it arrives at the cluster, before any broker writes it to its log (`log.segment.bytes` permitting)
            @see slide:03-replication#2

            ### Why
            The producer computes the partition and sends the record to **that partition's leader**.

            ## What happens when the leader of a partition is killed?
            - [x] An in-sync follower becomes the leader
            - [ ] The partition is lost until the broker comes back
            - [x] The dead broker drops out of the ISR
            - [ ] Every consumer group rebalances
            @see lab:03-replication-failover#3

            ### Why
            The controller picks a new leader from the **ISR**, and the dead broker leaves it.
            See it on the cluster: [lab 3, step 3](lab:03-replication-failover#3).

            ## A follower that is out of the ISR can be elected leader with the default settings.
            - [ ] True
            - [x] False
            @see lab:03-replication-failover#3

            ### Why
            `unclean.leader.election.enable` is `false` by default: only in-sync replicas become leaders.

            ## Which `acks` setting waits for every in-sync replica?
            - [ ] `acks=1`
            - [x] `acks=all`
            - [ ] `acks=0`
            @see slide:03-replication#1

            ### Why
            `acks=all` (or `-1`) waits until every replica in the ISR has the record.
            """;

    static final String SECOND_ID = "05-groups.quiz";

    /** A second quiz, so the list has more than one to choose from. Right answers: 2; False. */
    static final String SECOND = """
            ---
            title: Consumer groups
            module: 5
            ---
            ## How many members of one group read a partition at a time?
            - [ ] Every member
            - [x] One
            @see lab:04-consumer-groups#2

            ### Why
            A partition is assigned to one member of the group.

            ## Adding members beyond the number of partitions makes the group read faster.
            - [ ] True
            - [x] False
            @see lab:04-consumer-groups#2

            ### Why
            The extra members get no partition and stay idle.
            """;

    static final String BROKEN = """
            ---
            title: Broken on purpose
            module: 4
            ---
            ## Which of these is right?
            - [ ] Neither
            - [ ] Of them
            @see lab:03-replication-failover#1

            ### Why
            None.
            """;

    private TestCourse() {
    }

    /** Writes the slides folder under {@code dir} and loads the course with the repository's labs. */
    static Course write(Path dir) throws IOException {
        Path slides = Files.createDirectories(dir.resolve("slides"));
        Files.writeString(slides.resolve("03-replication.md"), DECK, StandardCharsets.UTF_8);
        Files.writeString(slides.resolve("03-replication.quiz.md"), QUIZ, StandardCharsets.UTF_8);
        Files.writeString(slides.resolve("04-broken.quiz.md"), BROKEN, StandardCharsets.UTF_8);
        Files.writeString(slides.resolve("05-groups.quiz.md"), SECOND, StandardCharsets.UTF_8);
        return Course.load(Path.of("labs"), slides);
    }
}
