package dev.kafkalab.ui.consume;

import static dev.kafkalab.ui.consume.HandMadeGroup.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupEvent;
import dev.kafkalab.consume.GroupEvent.Kind;
import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.consume.MemberSnapshot;
import dev.kafkalab.consume.MemberState;
import dev.kafkalab.consume.Outcome;
import dev.kafkalab.consume.ResetResult;
import dev.kafkalab.consume.ResetTarget;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.GroupView;
import dev.kafkalab.monitor.MemberView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.testkit.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consume view model on the test's thread: UI work runs at once, the refresh when the test
 * ticks it, blocking work when the test lets it. Groups are hand-made, their events fired through
 * the listener an in-app group's members call, and the cluster's snapshots are hand-made too.
 */
class ConsumeViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final String CONSOLE_CONSUMER = "kafka-console-consumer.sh --bootstrap-server localhost:9092"
            + " --topic orders --group readers --from-beginning --property print.key=true"
            + " --property print.partition=true";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Deque<Runnable> blocking = new ArrayDeque<>();
    private final List<GroupSettings> made = new ArrayList<>();
    private final HandMadeGroup group = new HandMadeGroup();
    private final List<ConsumeViewModel.ResetRequest> resetsAsked = new ArrayList<>();
    private CompletableFuture<ResetResult> resetAnswer = new CompletableFuture<>();
    private final List<String> announced = new ArrayList<>();
    private int posts;
    private final Executor ui = task -> {
        posts++;
        task.run();
    };
    private final ConsumeViewModel consume = new ConsumeViewModel(settings -> {
        made.add(settings);
        return group;
    }, r -> {
        resetsAsked.add(r);
        return resetAnswer;
    }, ui, scheduler, blocking::add, "localhost:9092", (cli, message) -> announced.add(cli + " | " + message));

    private final ConsumeViewModel vm = new ConsumeViewModel(s -> {
        throw new AssertionError("no group is started here");
    }, r -> CompletableFuture.failedFuture(new AssertionError()), Runnable::run, new ManualScheduler(), Runnable::run,
            "localhost:9092", (cli, m) -> { });

    @AfterEach
    void close() {
        vm.close();
        consume.close();
    }

    @Test
    void anAssignmentSaysHowLongItsPartitionsHadNoReader() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        String revoked = vm.describe(new GroupEvent(t0, Kind.REVOKED, "member-1", List.of(2, 3), 1, ""));
        assertTrue(revoked.endsWith("member-1  revoked p2, p3 (generation 1)"), revoked);
        String assigned = vm.describe(new GroupEvent(t0.plusMillis(1400), Kind.ASSIGNED, "member-2", List.of(3, 4), 2,
                ""));
        assertTrue(assigned.endsWith("member-2  assigned p3, p4 (generation 2); p3 had no reader for 1.4 s"), assigned);
        String later = vm.describe(new GroupEvent(t0.plusMillis(3000), Kind.ASSIGNED, "member-3", List.of(2), 3, ""));
        assertTrue(later.endsWith("p2 had no reader for 3.0 s"), later);
        String again = vm.describe(new GroupEvent(t0.plusMillis(4000), Kind.ASSIGNED, "member-3", List.of(2), 4, ""));
        assertTrue(again.endsWith("assigned p2 (generation 4)"), "a gap is told once: " + again);
    }

    @Test
    void aCrashIsToldWithTheSessionTimeoutAndAnIdleMemberWithNothing() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        assertTrue(vm.describe(new GroupEvent(t0, Kind.CRASHED, "member-2", List.of(), 1, ""))
                .endsWith("member-2  crashed: the coordinator waits for the session timeout (10.0 s)"));
        assertTrue(vm.describe(new GroupEvent(t0, Kind.ASSIGNED, "member-7", List.of(), 2, ""))
                .endsWith("member-7  assigned nothing (generation 2)"));
    }

    @Test
    void aResetTimeMustBeATimeOfDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsumeViewModel.parseTime("yesterday"));
        assertEquals("Time: write a time of today, e.g. 09:30 or 09:30:15.", e.getMessage());
        assertTrue(ConsumeViewModel.parseTime("09:30").isBefore(Instant.now().plusSeconds(86_400)));
    }

    // Starting and stopping a group

    @Test
    void aGroupIsMadeOffTheCallersThreadAndSaysItsConsoleConsumer() {
        consume.topic().set("orders");

        assertTrue(consume.startGroup());
        assertTrue(consume.running().get());
        assertEquals("Starting group readers with 3 members...", consume.status().get());
        assertEquals(List.of(), made, "making clients blocks: not on the caller's thread");

        runBlocking();
        assertEquals(1, made.size());
        assertEquals(3, group.members().size());
        assertEquals(1, group.listeners());
        assertEquals("Group readers started: 3 members joining.", consume.status().get());
        assertEquals(List.of(CONSOLE_CONSUMER + " | Starting group readers with 3 members...",
                CONSOLE_CONSUMER + " | Group readers started: 3 members joining."), announced);
        assertEquals(HandMadeGroup.SESSION_TIMEOUT, consume.sessionTimeout().get());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',      3,  Choose a topic first (create one on the Cluster screen).
            orders,  0,  'Members: between 1 and 12, was 0.'
            orders,  13, 'Members: between 1 and 12, was 13.'
            """)
    void theFormSaysWhatToFix(String topic, int members, String message) {
        consume.topic().set(topic);
        consume.form().memberCount().set(members);

        assertFalse(consume.startGroup());
        assertEquals(message, consume.status().get());
        assertFalse(consume.running().get());
        assertTrue(blocking.isEmpty());
    }

    @Test
    void theAssignorsFollowTheProtocolAndTheConsoleConsumerSaysBoth() {
        GroupForm form = consume.form();
        assertEquals(List.of(Assignor.RANGE, Assignor.ROUND_ROBIN, Assignor.STICKY, Assignor.COOPERATIVE_STICKY),
                form.assignors());
        form.assignor().set(Assignor.STICKY);
        form.protocol().set(GroupProtocol.CONSUMER);
        assertEquals(List.of(Assignor.RANGE, Assignor.UNIFORM), form.assignors());
        assertEquals(Assignor.UNIFORM, form.assignor().get(), "sticky is not the broker's: its default instead");
        form.assignor().set(Assignor.RANGE);
        form.groupId().set("  readers ");
        form.autoCommit().set(false);
        consume.topic().set("orders");

        consume.startGroup();
        runBlocking();
        GroupSettings settings = made.get(0);
        assertEquals("readers", settings.groupId());
        assertEquals(Assignor.RANGE, settings.assignor());
        assertFalse(settings.autoCommit());
        assertEquals(CONSOLE_CONSUMER + " --consumer-property group.protocol=consumer"
                + " --consumer-property group.remote.assignor=range | Starting group readers with 3 members...",
                announced.get(0));
    }

    @Test
    void oneGroupAtATime() {
        startedGroup();
        assertFalse(consume.startGroup());
        assertEquals("A group is running: stop it first.", consume.status().get());
        assertEquals(1, made.size());
    }

    @Test
    void aGroupThatCannotStartSaysWhy() {
        ConsumeViewModel failing = new ConsumeViewModel(settings -> {
            throw new IllegalStateException("no broker answers");
        }, r -> resetAnswer, ui, scheduler, Runnable::run, "localhost:9092", (cli, message) -> { });
        failing.topic().set("orders");

        assertTrue(failing.startGroup());
        assertFalse(failing.running().get());
        assertEquals("The group did not start: no broker answers", failing.status().get());
        failing.close();
    }

    @Test
    void stoppingClosesTheGroupOffTheCallersThreadAndKeepsItsMembersShown() {
        startedGroup();
        scheduler.tick();

        consume.stopGroup();
        assertEquals("Stopping the group: every member leaves...", consume.status().get());
        assertFalse(group.closed);
        assertTrue(consume.running().get());
        runBlocking();
        assertTrue(group.closed);
        assertFalse(consume.running().get());
        assertEquals("Group stopped. Its committed offsets stay: its lag shows below while it is empty.",
                consume.status().get());
        assertEquals(3, consume.members().size());
        consume.leave("member-1");
        assertEquals("Start a group first.", consume.status().get());
    }

    @Test
    void aMemberAddedLaterJoinsOffTheCallersThread() {
        consume.addMember();
        assertEquals("Start a group first.", consume.status().get());
        startedGroup();

        consume.addMember();
        assertEquals(3, group.members().size());
        runBlocking();
        assertEquals(4, group.members().size());
        assertEquals("member-4 joins the group.", consume.status().get());
    }

    @Test
    void aMemberCommandSaysWhatItAsksThenWhatHappened() {
        startedGroup();

        consume.leave("member-1");
        consume.crash("member-2");
        consume.stall("member-3");
        consume.resume("member-3");
        consume.commit("member-1");
        assertEquals(List.of("leave member-1", "crash member-2", "stall member-3", "resume member-3",
                "commit member-1"), group.asked);
        assertEquals("member-1 commits...", consume.status().get());
        group.answers.get(1).complete(new Outcome(true, "member-2 crashed without leaving the group", Map.of()));
        assertEquals("member-2 crashed without leaving the group", consume.status().get());
    }

    @Test
    void closingEndsTheRefreshAndTheGroup() {
        startedGroup();
        assertEquals(1, scheduler.scheduled());

        consume.close();
        assertEquals(0, scheduler.scheduled());
        assertTrue(group.closed);
    }

    // The refresh

    @Test
    void eventsReachTheTimelineOnTheNextRefreshNewestFirstInTheirMembersColours() {
        startedGroup();
        group.show(member("member-1", 0, MemberState.ACTIVE, 0, 1), member("member-2", 5, MemberState.ACTIVE));
        group.fire(new GroupEvent(T0, Kind.REVOKED, "member-2", List.of(0), 1, ""));
        group.fire(new GroupEvent(T0.plusMillis(1400), Kind.ASSIGNED, "member-1", List.of(0, 1), 2, ""));
        assertEquals(List.of(), consume.events());

        scheduler.tick();
        assertEquals(List.of("member-1  assigned p0, p1 (generation 2); p0 had no reader for 1.4 s",
                "member-2  revoked p0 (generation 1)"), texts());
        assertEquals(List.of(0, 5), consume.events().stream().map(RebalanceTimeline.Line::colour).toList());
    }

    @Test
    void theTimelineKeepsItsNewestLinesAndANewGroupStartsItAfresh() {
        startedGroup();
        IntStream.range(0, RebalanceTimeline.KEPT + 2).forEach(i -> group.fire(new GroupEvent(T0.plusSeconds(i),
                Kind.JOINED, "member-1", List.of(), i, "")));
        scheduler.tick();
        assertEquals(RebalanceTimeline.KEPT, consume.events().size());
        assertEquals("member-1  joined (generation " + (RebalanceTimeline.KEPT + 1) + ")", texts().get(0));

        consume.stopGroup();
        runBlocking();
        consume.startGroup();
        assertEquals(List.of(), consume.events());
    }

    @Test
    void theRefreshPostsOnlyWhenSomethingChanged() {
        startedGroup();
        int before = posts;
        scheduler.tick();
        assertEquals(before + 1, posts, "the members, first seen");
        assertEquals(3, consume.members().size());
        Instant shownAt = consume.now().get();

        scheduler.tick();
        scheduler.tick();
        assertEquals(before + 1, posts, "nothing changed: nothing posted");
        assertEquals(shownAt, consume.now().get());

        group.show(member("member-1", 0, MemberState.ACTIVE, 0, 1, 2));
        scheduler.tick();
        assertEquals(before + 2, posts);
        assertEquals(List.of(member("member-1", 0, MemberState.ACTIVE, 0, 1, 2)), consume.members());
        group.fire(new GroupEvent(T0, Kind.STALLED, "member-1", List.of(), 1, ""));
        scheduler.tick();
        scheduler.tick();
        assertEquals(before + 3, posts, "the event, once");
    }

    @Test
    void aCrashedMembersCountdownTicksUntilTheCoordinatorDropsIt() {
        startedGroup();
        Instant crashedAt = Instant.now();
        group.show(member("member-1", 0, MemberState.CRASHED, List.of(0), crashedAt, null));
        scheduler.tick();
        int before = posts;

        scheduler.tick();
        scheduler.tick();
        assertEquals(before + 2, posts, "its countdown moves with every refresh");
        MemberSnapshot shown = consume.members().get(0);
        double left = consume.secondsToExpiry(shown).orElseThrow();
        assertTrue(left > 40 && left <= 45, "45 s, the group's session timeout, less what passed: " + left);

        group.show(member("member-1", 0, MemberState.CRASHED, List.of(), crashedAt, crashedAt.plusSeconds(45)));
        scheduler.tick();
        scheduler.tick();
        assertEquals(before + 3, posts, "dropped: no countdown to move");
        assertTrue(consume.secondsToExpiry(consume.members().get(0)).isEmpty());
    }

    @Test
    void aCountdownThatEndedLongAgoDoesNotTick() {
        startedGroup();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        group.show(member("member-1", 0, MemberState.CRASHED, List.of(0), longAgo, null));
        scheduler.tick();
        int before = posts;

        scheduler.tick();
        assertEquals(before, posts);
        assertEquals(0.0, consume.secondsToExpiry(consume.members().get(0)).orElseThrow());
    }

    // The cluster's snapshots

    @Test
    void aSnapshotTellsTheGroupsStateWhoReadsWhatAndTheLag() {
        startedGroup();
        group.show(member("member-1", 0, MemberState.ACTIVE, 0, 1),
                member("member-2", 1, MemberState.CRASHED, List.of(2), Instant.now(), null));
        scheduler.tick();

        consume.onSnapshot(snapshot(GroupState.STABLE, Map.of(0, 5L, 1, 0L, 2, 7L)));
        assertEquals("Stable · classic protocol · 2 members · lag 12", consume.groupState().get());
        assertEquals(List.of(new PartitionOwner(0, "member-1", 0, false, 5L),
                new PartitionOwner(1, "member-1", 0, false, 0L),
                new PartitionOwner(2, "member-2", 1, true, 7L)), consume.owners());
        assertEquals(List.of("p0", "p1", "p2"), consume.lagSeries().get().stream().map(LagHistory.Series::name)
                .toList());

        consume.onSnapshot(snapshot(GroupState.STABLE, Map.of(0, 3L, 2, 9L)));
        List<LagHistory.Series> lag = consume.lagSeries().get();
        assertEquals(List.of(5L, 3L), lag.get(0).points().stream().map(LagHistory.Point::lag).toList());
        assertEquals(List.of(0L), lag.get(1).points().stream().map(LagHistory.Point::lag).toList());
        assertTrue(lag.get(0).points().get(0).seconds() <= lag.get(0).points().get(1).seconds());

        group.show(member("member-1", 0, MemberState.ACTIVE, 0, 1),
                member("member-2", 1, MemberState.CRASHED, List.of(), Instant.now(), Instant.now()),
                member("member-3", 2, MemberState.ACTIVE, 2));
        scheduler.tick();
        assertEquals(new PartitionOwner(2, "member-3", 2, false, 9L), consume.owners().get(2),
                "new owners with the last snapshot's lag");
    }

    @Test
    void aGroupTheCoordinatorDoesNotListIsSaidSo() {
        consume.topic().set("orders");
        consume.onSnapshot(ClusterSnapshot.EMPTY);
        assertEquals("no such group on the cluster", consume.groupState().get());
        consume.startGroup();
        consume.onSnapshot(ClusterSnapshot.EMPTY);
        assertEquals("not known to the coordinator yet", consume.groupState().get());
        assertEquals(List.of(), consume.lagSeries().get());
        assertEquals(List.of(), consume.owners());
    }

    @Test
    void anEmptyGroupStillShowsItsLagAndANewGroupStartsTheChartAfresh() {
        consume.topic().set("orders");
        consume.onSnapshot(snapshot(GroupState.EMPTY, Map.of(0, 4L)));
        assertEquals("Empty · classic protocol · 2 members · lag 4", consume.groupState().get());
        assertEquals(3, consume.lagSeries().get().size());

        consume.startGroup();
        assertEquals(List.of(), consume.lagSeries().get());
    }

    // Resetting offsets

    @Test
    void aResetSaysItsCommandLineAndThenWhatItSet() {
        consume.topic().set("orders");
        consume.form().resetKind().set(ResetTarget.Kind.OFFSET);
        consume.form().resetValue().set(" 5 ");

        consume.resetOffsets();
        assertEquals(List.of(new ConsumeViewModel.ResetRequest("readers", "orders", ResetTarget.offset(5))),
                resetsAsked);
        assertEquals(List.of("kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group readers --topic orders"
                + " --reset-offsets --to-offset 5 --execute | Resetting offsets of readers..."), announced);
        resetAnswer.complete(new ResetResult("readers", "orders", ResetTarget.offset(5), Map.of(0, 5L, 1, 3L),
                List.of("p1 ends at 3."), null));
        assertEquals("Offsets of readers now {0=5, 1=3}: p1 ends at 3.", consume.status().get());
    }

    @Test
    void aRefusedResetSaysWhy() {
        consume.topic().set("orders");
        consume.resetOffsets();
        resetAnswer.complete(new ResetResult("readers", "orders", ResetTarget.earliest(), Map.of(), List.of(),
                "The group is not empty: stop it first."));
        assertEquals("The group is not empty: stop it first.", consume.status().get());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            orders, OFFSET,    five,  'Offset: write an offset, e.g. 5.'
            orders, TIMESTAMP, noon,  'Time: write a time of today, e.g. 09:30 or 09:30:15.'
            ,       LATEST,    '',    Choose the group's topic first.
            """)
    void aResetFormSaysWhatToFix(String topic, ResetTarget.Kind kind, String value, String message) {
        consume.topic().set(topic);
        consume.form().resetKind().set(kind);
        consume.form().resetValue().set(value);

        consume.resetOffsets();
        assertEquals(message, consume.status().get());
        assertEquals(List.of(), resetsAsked);
        assertEquals(List.of(), announced, "nothing asked: no command line either");
    }

    private void startedGroup() {
        consume.topic().set("orders");
        consume.startGroup();
        runBlocking();
    }

    private void runBlocking() {
        while (!blocking.isEmpty()) {
            blocking.poll().run();
        }
    }

    private List<String> texts() {
        return consume.events().stream().map(RebalanceTimeline.Line::text).map(t -> t.substring(t.indexOf("  ") + 2))
                .toList();
    }

    /** Topic orders with three partitions; group readers (classic, two members) with this lag per partition. */
    private static ClusterSnapshot snapshot(GroupState state, Map<Integer, Long> lag) {
        List<PartitionView> partitions = IntStream.range(0, 3).mapToObj(p -> new PartitionView("orders", p, 1,
                List.of(1, 2, 3), List.of(1, 2, 3), List.of(), 0, 10, Map.of())).toList();
        Map<TopicPartition, Long> byPartition = new java.util.HashMap<>();
        lag.forEach((p, l) -> byPartition.put(new TopicPartition("orders", p), l));
        List<MemberView> members = List.of(
                new MemberView("m1", "client-member-1", "/127.0.0.1", null, Set.of(), null),
                new MemberView("m2", "client-member-2", "/127.0.0.1", null, Set.of(), null));
        GroupView group = new GroupView("readers", GroupType.CLASSIC, state, "range", null, members, Map.of(),
                byPartition);
        return new ClusterSnapshot(T0, List.of(), List.of(new TopicView("orders", false, partitions)), List.of(group),
                List.of());
    }
}
