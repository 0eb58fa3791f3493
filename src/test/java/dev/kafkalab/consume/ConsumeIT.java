package dev.kafkalab.consume;

import static dev.kafkalab.testkit.LocalClusterExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * In-app consumer groups of both protocols on the real cluster: sharing partitions, a graceful
 * leave against a crash, a stalled member, the new protocol's group states, and offset resets.
 */
class ConsumeIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    private static final int PARTITIONS = 6;
    private static final Set<Integer> ALL = IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toSet());
    /** The demo session timeout, the same for both protocols (the cluster runs the demo profile). */
    private static final long SESSION_MS = GroupSettings.DEMO_SESSION_TIMEOUT_MS;

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void aLeavingMemberHandsOverAtOnceACrashedOneOnlyAfterItsSessionTimesOut(GroupProtocol protocol)
            throws Exception {
        String topic = "handover-" + protocol;
        kafka.createTopic(topic, PARTITIONS, 3, Map.of());
        // Auto-commit, but not within this test's time: only rebalances and a graceful close commit.
        GroupSettings settings = GroupSettings.demo("handover-" + protocol, topic, protocol)
                .withAutoCommit(true, 600_000).withMaxPollIntervalMs(5_000);
        List<GroupEvent> events = new CopyOnWriteArrayList<>();
        try (InAppGroup group = new InAppGroup(kafka.clients(), settings)) {
            group.addListener(events::add);
            assertEquals(SESSION_MS, group.sessionTimeout().get(10, TimeUnit.SECONDS).value().toMillis(),
                    "the session timeout that applies, read from " + protocol + "'s source");
            for (int i = 0; i < 3; i++) {
                group.addMember();
            }
            ClusterSnapshot shared = awaitGroup(group, m -> active(m, 3) && m.stream().allMatch(s -> s.assigned()
                    .size() == 2) && covered(m), g -> g.state() == GroupState.STABLE && g.members().size() == 3
                    && g.members().stream().allMatch(v -> v.assignment().size() == 2),
                    "3 members of " + settings.groupId() + " with 2 partitions each, as the monitor shows too");
            assertEquals(protocol == GroupProtocol.CLASSIC ? GroupType.CLASSIC : GroupType.CONSUMER,
                    shared.group(settings.groupId()).orElseThrow().type());

            produce(topic, 10);
            awaitGroup(group, m -> m.stream().mapToLong(MemberSnapshot::consumed).sum() == 60, g -> true,
                    "the 60 records consumed, 10 per partition");
            assertTrue(group.commit("member-1").get().message().contains("auto-commit is on"));

            // A crash: nothing is sent, nothing committed; the coordinator waits for the session timeout.
            List<Integer> crashedOwned = group.member("member-3").orElseThrow().assigned();
            Outcome crash = group.crash("member-3").get(10, TimeUnit.SECONDS);
            assertTrue(crash.ok(), crash.message());
            Instant crashedAt = group.member("member-3").orElseThrow().crashedAt();
            assertNotNull(crashedAt);
            assertEquals(crashedOwned, group.member("member-3").orElseThrow().assigned(),
                    "the crashed member holds its partitions until the coordinator drops it");
            awaitGroup(group, m -> covered(m.subList(0, 2)), g -> true, Duration.ofMillis(SESSION_MS).plus(WAIT),
                    "members 1 and 2 owning all partitions after member-3's session timed out");
            long crashMoved = firstAssignedAfter(events, crashedAt, crashedOwned).toEpochMilli()
                    - crashedAt.toEpochMilli();
            System.out.printf("MEASURED %s crash -> partitions moved in %d ms%n", protocol, crashMoved);
            assertTrue(crashMoved >= SESSION_MS * 6 / 10, "a crashed member's partitions stay until about the session"
                    + " timeout (" + SESSION_MS + " ms), moved after " + crashMoved + " ms");
            assertTrue(crashMoved <= SESSION_MS + 5_000, "moved within the session timeout and a rebalance, took "
                    + crashMoved + " ms");
            // The group asks the coordinator every 250 ms, so it may see the removal just after the move.
            awaitGroup(group, m -> m.get(2).expiredAt() != null && m.get(2).assigned().isEmpty(), g -> true,
                    "the group seeing the coordinator drop member-3");
            assertTrue(events.stream().anyMatch(e -> e.kind() == GroupEvent.Kind.EXPIRED
                    && e.member().equals("member-3") && e.partitions().equals(crashedOwned)), events.toString());
            // It committed nothing, so the new owners read its 20 records again: 40 of their own, 20 again.
            awaitGroup(group, m -> m.get(0).consumed() + m.get(1).consumed() == 60, g -> true,
                    "the crashed member's 20 records read again by the new owners (at-least-once)");
            assertTrue(group.members().subList(0, 2).stream().flatMap(m -> m.recent().stream())
                    .anyMatch(r -> crashedOwned.contains(r.partition()) && r.offset() == 0),
                    "a new owner started the crashed member's partitions from offset 0");

            // A graceful leave: LeaveGroup (or epoch -1) at once, and the close commits.
            Instant leaving = Instant.now();
            List<Integer> leftOwned = group.member("member-2").orElseThrow().assigned();
            assertTrue(group.leave("member-2").get(10, TimeUnit.SECONDS).ok());
            awaitGroup(group, m -> new TreeSet<>(m.get(0).assigned()).equals(new TreeSet<>(ALL)),
                    g -> g.members().size() == 1 && g.state() == GroupState.STABLE
                            && ALL.stream().allMatch(p -> Long.valueOf(10).equals(committed(g, topic, p))),
                    "member-1 owning every partition, every partition committed at 10 (the leaver's close committed)");
            long leaveMoved = firstAssignedAfter(events, leaving, leftOwned).toEpochMilli() - leaving.toEpochMilli();
            System.out.printf("MEASURED %s leave -> partitions moved in %d ms%n", protocol, leaveMoved);
            assertTrue(leaveMoved < SESSION_MS / 2, "a graceful leave hands over well under the session timeout,"
                    + " took " + leaveMoved + " ms");

            assertTrue(group.crash("member-2").get().message().contains("member-2 already left the group"));
            assertTrue(group.leave("member-3").get().message().contains("member-3 already crashed"));
            assertTrue(group.stall("member-9").get().message().contains("has no member called member-9"));

            if (protocol == GroupProtocol.CONSUMER) {
                // The stall test runs thread members; here a member process stalls, is removed, comes back.
                assertTrue(group.stall("member-1").get().ok());
                awaitGroup(group, m -> m.get(0).kickedAt() != null, g -> g.members().isEmpty(),
                        Duration.ofMillis(settings.maxPollIntervalMs()).plus(WAIT), "member-1 removed after"
                                + " max.poll.interval.ms");
                assertTrue(group.resume("member-1").get().ok());
                awaitGroup(group, m -> m.get(0).state() == MemberState.ACTIVE && m.get(0).assigned().size()
                        == PARTITIONS, g -> g.state() == GroupState.STABLE && g.members().size() == 1,
                        "member-1 back in the group with every partition");
            }
        }
        assertNothingLeft(settings.groupId());
    }

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void aStalledMemberHoldsTheRebalanceUntilMaxPollIntervalThenSevenMembersLeaveOneIdle(GroupProtocol protocol)
            throws Exception {
        String topic = "stall-" + protocol;
        String groupId = "stall-" + protocol;
        kafka.createTopic(topic, PARTITIONS, 3, Map.of());
        boolean newProtocol = protocol == GroupProtocol.CONSUMER;
        if (newProtocol) {
            // The coordinator then computes a target assignment at most every 3 s: a member that joins
            // right after another waits in ASSIGNING (Kafka's default interval, 1 s, is too short to see).
            assignmentInterval(groupId, 3_000);
        }
        int maxPollMs = 5_000;
        GroupSettings settings = GroupSettings.demo(groupId, topic, protocol).withMaxPollIntervalMs(maxPollMs);
        List<ClusterSnapshot> seen = new CopyOnWriteArrayList<>();
        Consumer<ClusterSnapshot> recorder = s -> s.group(groupId).ifPresent(g -> seen.add(s));
        kafka.poller().addSnapshotListener(recorder);
        List<GroupEvent> events = new CopyOnWriteArrayList<>();
        // Members on threads: a newcomer joins within a second, well inside the stalled member's
        // max.poll.interval.ms (a member process can take several seconds to start on a busy machine).
        try (InAppGroup group = new InAppGroup(kafka.clients(), settings,
                InAppGroup.Hosting.THREADS)) {
            group.addListener(events::add);
            group.addMember();
            group.addMember();
            awaitGroup(group, m -> active(m, 2) && m.stream().allMatch(s -> s.assigned().size() == 3) && covered(m),
                    g -> g.state() == GroupState.STABLE, "2 members of " + groupId + " with 3 partitions each");
            if (newProtocol) {
                assertTrue(seen.stream().anyMatch(s -> group(s, groupId).state() == GroupState.ASSIGNING
                        && group(s, groupId).members().size() == 2), "the second member waited in ASSIGNING: "
                                + states(seen, groupId));
                // From here on, new assignments at once: the rest of the test need not wait for them.
                assignmentInterval(groupId, 0);
            }

            assertTrue(group.stall("member-1").get().ok());
            Instant stalledAt = group.member("member-1").orElseThrow().stalledAt();
            String stalledClient = group.member("member-1").orElseThrow().clientId();
            String newClient = group.addMember().clientId();
            awaitGroup(group, m -> m.get(0).kickedAt() != null && active(m.subList(1, 3), 2)
                    && m.get(1).assigned().size() == 3 && m.get(2).assigned().size() == 3, g -> g.state()
                    == GroupState.STABLE && g.members().size() == 2, Duration.ofMillis(maxPollMs).plus(WAIT),
                    "member-1 removed after max.poll.interval.ms, members 2 and 3 with 3 partitions each");
            long kicked = group.member("member-1").orElseThrow().kickedAt().toEpochMilli() - stalledAt.toEpochMilli();
            System.out.printf("MEASURED %s stall -> removed after %d ms%n", protocol, kicked);
            assertTrue(kicked >= maxPollMs && kicked <= maxPollMs + 5_000, "removed " + kicked + " ms after it stopped"
                    + " polling; max.poll.interval.ms=" + maxPollMs);

            // While the stalled member was still listed next to the newcomer, the group could not settle.
            List<ClusterSnapshot> window = seen.stream().filter(s -> listed(s, groupId, newClient)
                    && listed(s, groupId, stalledClient)).toList();
            assertFalse(window.isEmpty(), "snapshots with both the stalled member and the newcomer: "
                    + states(seen, groupId) + "\nevents: " + events);
            Set<GroupState> states = window.stream().map(s -> group(s, groupId).state()).collect(Collectors.toSet());
            System.out.printf("MEASURED %s states while stalled: %s%n", protocol, states(window, groupId));
            assertFalse(states.contains(GroupState.STABLE), "no STABLE while a stalled member holds partitions: "
                    + states(window, groupId));
            if (newProtocol) {
                // KIP-848: the others go on consuming; the stalled member cannot revoke, so it reconciles.
                assertTrue(window.stream().anyMatch(s -> group(s, groupId).state() == GroupState.RECONCILING
                        && member(s, groupId, stalledClient).assignment().size() == 3
                        && member(s, groupId, newClient).assignment().size() < 2), "RECONCILING while the stalled"
                                + " member keeps its 3 partitions: " + states(window, groupId));
                assertTrue(states.stream().allMatch(st -> st == GroupState.RECONCILING || st == GroupState.ASSIGNING),
                        states(window, groupId));
            } else {
                // Classic: the whole group waits for the stalled member to rejoin; nobody consumes.
                assertTrue(states.contains(GroupState.PREPARING_REBALANCE), states(window, groupId));
            }

            assertTrue(group.resume("member-1").get().ok());
            awaitGroup(group, m -> active(m, 3) && m.stream().allMatch(s -> s.assigned().size() == 2) && covered(m),
                    g -> g.state() == GroupState.STABLE && g.members().size() == 3,
                    "member-1 back in the group after resume, 2 partitions each");
            assertTrue(happened(events, GroupEvent.Kind.KICKED, "member-1"), events.toString());
            assertTrue(happened(events, GroupEvent.Kind.RESUMED, "member-1"), events.toString());
            if (newProtocol) {
                assertTrue(group.crash("member-2").get().message().contains("needs members that run as processes"));
            }

            long sevenStart = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                group.addMember();
            }
            ClusterSnapshot seven = awaitGroup(group, m -> active(m, 7) && covered(m)
                    && m.stream().filter(s -> s.assigned().isEmpty()).count() == 1,
                    g -> g.state() == GroupState.STABLE && g.members().size() == 7,
                    "7 members on 6 partitions: one of them idle");
            System.out.printf("MEASURED %s 4 more members settled in %d ms%n", protocol,
                    (System.nanoTime() - sevenStart) / 1_000_000);
            GroupView g = group(seven, groupId);
            assertEquals(1, g.members().stream().filter(v -> v.assignment().isEmpty()).count(),
                    "the monitor shows one idle member too: " + g.members());
        } finally {
            kafka.poller().removeSnapshotListener(recorder);
        }
        assertNothingLeft(groupId);
    }

    /**
     * Why new-protocol members run as processes. Should this fail after a Kafka upgrade, the client
     * honours REMAIN_IN_GROUP now, and thread members could crash faithfully under both protocols.
     */
    @Test
    void kafka44sNewProtocolClientLeavesTheGroupEvenWhenClosedToRemainInIt() {
        String topic = "remain";
        kafka.createTopic(topic, PARTITIONS, 3, Map.of());
        GroupSettings settings = GroupSettings.demo("remain", topic, GroupProtocol.CONSUMER);
        try (KafkaConsumer<String, String> first = new KafkaConsumer<>(settings.toProperties(
                kafka.cluster().bootstrapServers(), "remain-1"));
                KafkaConsumer<String, String> second = new KafkaConsumer<>(settings.toProperties(
                        kafka.cluster().bootstrapServers(), "remain-2"))) {
            first.subscribe(List.of(topic));
            second.subscribe(List.of(topic));
            kafka.await(s -> first.assignment().size() == 3 && second.assignment().size() == 3, WAIT, () -> {
                first.poll(Duration.ofMillis(100));
                second.poll(Duration.ofMillis(100));
            }, "two new-protocol consumers with 3 partitions each");
            long closing = System.nanoTime();
            first.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
            kafka.await(s -> second.assignment().size() == PARTITIONS, WAIT, () -> second.poll(Duration.ofMillis(100)),
                    "the second consumer owning every partition");
            long moved = (System.nanoTime() - closing) / 1_000_000;
            System.out.printf("MEASURED CONSUMER close(REMAIN_IN_GROUP) in the app -> partitions moved in %d ms%n",
                    moved);
            assertTrue(moved < SESSION_MS / 2, "moved after " + moved + " ms: the client no longer leaves on a close"
                    + " with REMAIN_IN_GROUP");
        }
    }

    @Test
    void offsetsResetOnlyWhenTheGroupIsEmptyAndTheNextMemberStartsThere() throws Exception {
        String topic = "reset";
        String groupId = "reset-readers";
        kafka.createTopic(topic, 3, 3, Map.of());
        Instant base = Instant.now().minusSeconds(3_600);
        produceTimed(topic, 3, base);
        GroupSettings settings = GroupSettings.demo(groupId, topic, GroupProtocol.CLASSIC).withAutoCommit(false, 0);
        try (GroupOffsets offsets = new GroupOffsets(kafka.clients())) {
            try (InAppGroup group = new InAppGroup(kafka.clients(), settings)) {
                group.addMember();
                awaitGroup(group, m -> m.get(0).consumed() == 30 && m.get(0).positions().size() == 3, g -> true,
                        "member-1 has read all 30 records");
                Outcome commit = group.commit("member-1").get(10, TimeUnit.SECONDS);
                assertEquals(Map.of(0, 10L, 1, 10L, 2, 10L), commit.offsets(), commit.message());
                awaitGroup(group, m -> true, g -> ALL.stream().filter(p -> p < 3)
                        .allMatch(p -> Long.valueOf(10).equals(committed(g, topic, p))),
                        "the commit visible in the monitor");

                ResetResult refused = offsets.reset(groupId, topic, ResetTarget.earliest()).get(30, TimeUnit.SECONDS);
                assertEquals("group reset-readers has 1 active member: stop them first; Kafka only resets offsets of"
                        + " an empty group (a crashed member counts until its session times out)", refused.error());
                ResetResult kafkaRefused = offsets.reset(groupId, topic, ResetTarget.earliest(), false)
                        .get(30, TimeUnit.SECONDS);
                assertEquals(refused.error(), kafkaRefused.error(), "Kafka's own refusal, explained the same way");
            }
            kafka.await(s -> s.group(groupId).map(g -> g.members().isEmpty()).orElse(false), WAIT,
                    "reset-readers empty after its member left");

            assertEquals(Map.of(0, 4L, 1, 4L, 2, 4L), reset(offsets, groupId, ResetTarget.offset(4)).offsets());
            kafka.await(s -> s.group(groupId).map(g -> Long.valueOf(4).equals(committed(g, topic, 0))
                    && Long.valueOf(4).equals(committed(g, topic, 2))).orElse(false), WAIT, "offset 4 committed, as the"
                    + " monitor shows");
            ResetResult clamped = reset(offsets, groupId, ResetTarget.offset(99));
            assertEquals(Map.of(0, 10L, 1, 10L, 2, 10L), clamped.offsets());
            assertTrue(clamped.notes().get(0).contains("holds offsets 0 to 10: set to 10"), clamped.notes().toString());
            // Offsets 0-4 of each partition were written an hour ago, 5-9 a minute later.
            assertEquals(Map.of(0, 5L, 1, 5L, 2, 5L),
                    reset(offsets, groupId, ResetTarget.timestamp(base.plusSeconds(30))).offsets());
            ResetResult future = reset(offsets, groupId, ResetTarget.timestamp(Instant.now().plusSeconds(60)));
            assertEquals(Map.of(0, 10L, 1, 10L, 2, 10L), future.offsets());
            assertEquals(3, future.notes().size(), future.notes().toString());
            assertEquals(Map.of(0, 0L, 1, 0L, 2, 0L), reset(offsets, groupId, ResetTarget.earliest()).offsets());
            assertEquals(Map.of(0, 10L, 1, 10L, 2, 10L), reset(offsets, groupId, ResetTarget.latest()).offsets());
            assertEquals(Map.of(0, 7L, 1, 7L, 2, 7L), reset(offsets, groupId, ResetTarget.offset(7)).offsets());

            try (InAppGroup again = new InAppGroup(kafka.clients(), settings)) {
                again.addMember();
                awaitGroup(again, m -> m.get(0).consumed() == 9, g -> true, "a new member reading offsets 7-9 of each"
                        + " partition, where the reset put the group");
                assertTrue(again.members().get(0).recent().stream().allMatch(r -> r.offset() >= 7),
                        again.members().get(0).recent().toString());
            }
        }
        assertNothingLeft(groupId);
    }

    // Helpers

    /** Sets the group's {@code consumer.assignment.interval.ms}, a dynamic group config of Kafka 4.4. */
    private static void assignmentInterval(String groupId, int ms) throws Exception {
        kafka.admin().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, groupId),
                List.of(new AlterConfigOp(new ConfigEntry("consumer.assignment.interval.ms", Integer.toString(ms)),
                        AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
    }

    private static ClusterSnapshot awaitGroup(InAppGroup group, Predicate<List<MemberSnapshot>> members,
            Predicate<GroupView> view, String what) {
        return awaitGroup(group, members, view, WAIT, what);
    }

    /** Waits on the monitor's snapshots (every 100 ms) for both the members' view and the monitor's. */
    private static ClusterSnapshot awaitGroup(InAppGroup group, Predicate<List<MemberSnapshot>> members,
            Predicate<GroupView> view, Duration timeout, String what) {
        String id = group.settings().groupId();
        try {
            return kafka.await(s -> members.test(group.members()) && s.group(id).map(view::test).orElse(false),
                    timeout, what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nmembers: " + group.members().stream()
                    .map(m -> m.name() + " " + m.state() + " " + m.assigned() + " consumed " + m.consumed())
                    .toList(), e);
        }
    }

    private static boolean happened(List<GroupEvent> events, GroupEvent.Kind kind, String member) {
        return events.stream().anyMatch(e -> e.kind() == kind && e.member().equals(member));
    }

    private static boolean active(List<MemberSnapshot> members, int count) {
        return members.size() == count && members.stream().allMatch(m -> m.state() == MemberState.ACTIVE);
    }

    /** Every partition owned by exactly one of these members. */
    private static boolean covered(List<MemberSnapshot> members) {
        List<Integer> owned = members.stream().flatMap(m -> m.assigned().stream()).toList();
        return owned.size() == PARTITIONS && new TreeSet<>(owned).equals(new TreeSet<>(ALL));
    }

    private static Instant firstAssignedAfter(List<GroupEvent> events, Instant after, List<Integer> partitions) {
        return events.stream().filter(e -> e.kind() == GroupEvent.Kind.ASSIGNED && !e.at().isBefore(after)
                && e.partitions().stream().anyMatch(partitions::contains)).map(GroupEvent::at).min(Instant::compareTo)
                .orElseThrow(() -> new AssertionError("no member was assigned any of " + partitions + ": " + events));
    }

    private static Long committed(GroupView g, String topic, int partition) {
        return g.committedOffsets().get(new TopicPartition(topic, partition));
    }

    private static GroupView group(ClusterSnapshot s, String groupId) {
        return s.group(groupId).orElseThrow();
    }

    private static boolean listed(ClusterSnapshot s, String groupId, String clientId) {
        return s.group(groupId).map(g -> g.members().stream().anyMatch(m -> m.clientId().equals(clientId)))
                .orElse(false);
    }

    private static MemberView member(ClusterSnapshot s, String groupId, String clientId) {
        return group(s, groupId).members().stream().filter(m -> m.clientId().equals(clientId)).findFirst()
                .orElseThrow();
    }

    private static String states(List<ClusterSnapshot> snapshots, String groupId) {
        List<String> out = new ArrayList<>();
        for (ClusterSnapshot s : snapshots) {
            GroupView g = group(s, groupId);
            String line = g.state() + " " + g.members().stream().map(m -> m.clientId().replace(groupId + "-", "") + "="
                    + m.assignment().size()).toList();
            if (out.isEmpty() || !out.get(out.size() - 1).equals(line)) {
                out.add(line);
            }
        }
        return String.join(" | ", out);
    }

    /** Resets the "reset" topic's offsets of the group, which must succeed. */
    private static ResetResult reset(GroupOffsets offsets, String groupId, ResetTarget target) throws Exception {
        ResetResult r = offsets.reset(groupId, "reset", target).get(30, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.error());
        return r;
    }

    /** No member thread, no client thread of the group and no member process left (each given 5 s to end). */
    private static void assertNothingLeft(String groupId) throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("kafka-lab-" + groupId) || t.getName().contains("kafka-lab-group-"
                        + groupId) || t.getName().endsWith("| " + groupId)).toList();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertEquals(List.of(), threads.stream().filter(Thread::isAlive).map(Thread::getName).toList(),
                "threads of group " + groupId + " left after close()");
        List<ProcessHandle> processes = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(MemberProcessMain.class.getName())).toList();
        for (ProcessHandle p : processes) {
            p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join();
        }
        assertEquals(List.of(), processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "member processes left after close()");
    }

    private static void produce(String topic, int perPartition) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, "k" + p, "v" + p + "-" + i));
                }
            }
            producer.flush();
        }
    }

    /** Ten records per partition: offsets 0-4 stamped at base, 5-9 a minute later. */
    private static void produceTimed(String topic, int partitions, Instant base) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < 10; i++) {
                    long ts = base.plusSeconds(i < 5 ? 0 : 60).toEpochMilli();
                    producer.send(new ProducerRecord<>(topic, p, ts, "k" + p, "v" + i)).get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
