package dev.kafkalab.ui;

import static dev.kafkalab.ui.ByHand.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupSettings.Assignor;
import dev.kafkalab.lab.Lab;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.SendTally;
import dev.kafkalab.testkit.ShellUnderTest;
import dev.kafkalab.ui.produce.ProduceViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javafx.stage.Stage;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Labs 3, 4 and 5 solved by hand in one window on one cluster: every step done with the Cluster,
 * Produce and Consume screens' own controls (the lab panel's buttons only for the durability
 * demo, which no screen offers), each step's check seen turning green, and what the step's text
 * says to look at seen on the screens: records and their offsets, leaders, ISRs and offsets bars,
 * member cards and their partitions.
 */
@ExtendWith(ApplicationExtension.class)
class LabsByHandIT {

    private static final String FAILSAFE = "my-failsafe-topic";
    private static final String ORDERS = "group-orders";
    private static final Set<Integer> BROKERS = Set.of(1, 2, 3);
    private static final List<Integer> ALL_SIX = List.of(0, 1, 2, 3, 4, 5);

    private ShellUnderTest app;

    @Start
    void start(Stage stage) throws Exception {
        app = ShellUnderTest.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aLearnerSolvesLabs3To5ByHandOnTheScreens(FxRobot robot) throws Exception {
        ByHand hand = new ByHand(robot);
        hand.awaitCluster();
        for (dev.kafkalab.lab.Vocabulary.Target t : dev.kafkalab.lab.Vocabulary.TARGETS.values()) {
            assertTrue(ByHand.fx(() -> robot.lookup("#" + t.nodeId()).tryQuery().isPresent()),
                    "@look " + t.name() + ": #" + t.nodeId() + " is on " + t.screen() + " for a step to ring");
        }
        failover(hand);
        consumerGroups(hand);
        durability(hand);
    }

    /** Lab 3: a replicated topic keeps working through a kill and a stop of its leader. */
    private void failover(ByHand hand) throws Exception {
        hand.open("labs/03-replication-failover.md", 7);

        hand.step(1);
        hand.createTopic(FAILSAFE, 3, 3, "2");
        hand.passed(60);
        Set<Integer> leaders = new TreeSet<>();
        for (int p = 0; p < 3; p++) {
            leaders.add(hand.leaderOf(FAILSAFE, p));
            hand.awaitInSync(FAILSAFE, p, BROKERS, "the ISR is every replica");
        }
        assertEquals(BROKERS, leaders,
                "Cluster screen, " + FAILSAFE + ": the placement rotates, each broker leads one partition");

        hand.step(2);
        List<SendResult> first = hand.burst(FAILSAFE, 6, 30);
        hand.passed(60);
        long[] firstCounts = assertOffsetsFromZero(first, 3, "after the first 30");
        assertEquals(asList(firstCounts), hand.bars(), "Produce screen, Records per partition: as Records sent counts");
        for (int p = 0; p < 3; p++) {
            long n = firstCounts[p];
            hand.awaitOffsets(FAILSAFE, p, o -> o.settled(3) && o.highWatermark() == n,
                    "every replica's log end at the high watermark, " + n + " records");
        }

        hand.step(3);
        int victim = hand.leaderOf(FAILSAFE, 0);
        hand.card("kill", victim);
        hand.awaitCard(victim, "killed");
        hand.passed(90);
        int successor = hand.awaitLeader(FAILSAFE, 0, l -> l != victim, "another leader than killed broker " + victim);
        for (int p = 0; p < 3; p++) {
            hand.awaitInSync(FAILSAFE, p, others(victim), "the killed broker out of the ISR, two members left");
        }
        hand.awaitEvent(FAILSAFE + "-0: leader " + victim + " -> " + successor, "");
        hand.awaitEvent(FAILSAFE + "-0: ISR shrank", "(broker " + victim + " out)");

        hand.step(4);
        hand.burst(FAILSAFE, 6, 30);
        hand.passed(60);
        List<SendResult> all = hand.recordsSent();
        long[] counts = assertOffsetsFromZero(all, 3, "after 30 more with broker " + victim + " down");
        for (int p = 0; p < 3; p++) {
            assertEquals(2 * firstCounts[p], counts[p], "Produce screen, Records sent, P" + p
                    + ": the same six keys land where they did, twice as many records");
        }
        assertEquals(asList(counts), hand.bars(), "Produce screen, Records per partition: as Records sent counts");
        for (int p = 0; p < 3; p++) {
            long n = counts[p];
            OffsetsLegend o = hand.awaitOffsets(FAILSAFE, p, x -> x.highWatermark() == n && x.down().containsKey(victim)
                    && x.ends().keySet().equals(others(victim)) && x.ends().values().stream().allMatch(e -> e == n),
                    "the two running replicas at the high watermark, " + n + " records, broker " + victim + " down");
            assertEquals(firstCounts[p], o.down().get(victim), "Cluster screen, " + FAILSAFE + " P" + p
                    + ": the killed broker's dashed mark where its log ended, before the 30 new records; " + o);
        }

        hand.step(5);
        hand.card("start", victim);
        hand.passed(180);
        hand.awaitCard(victim, "running");
        for (int p = 0; p < 3; p++) {
            long n = counts[p];
            hand.awaitInSync(FAILSAFE, p, BROKERS, "broker " + victim + " back in the ISR");
            hand.awaitOffsets(FAILSAFE, p, o -> o.settled(3) && o.highWatermark() == n,
                    "broker " + victim + " caught up: every log ends at the high watermark, " + n);
        }
        hand.awaitEvent(FAILSAFE + "-0: ISR expanded", "(broker " + victim + " back)");
        assertNotEquals(victim, hand.leaderOf(FAILSAFE, 0), "Cluster screen, " + FAILSAFE
                + " P0: the restarted broker does not get its leadership back (no automatic rebalancing here)");

        hand.step(6);
        int stopped = hand.leaderOf(FAILSAFE, 0);
        hand.card("stop", stopped);
        hand.passed(60);
        int next = hand.awaitLeader(FAILSAFE, 0, l -> l != stopped, "another leader than stopped broker " + stopped);
        hand.awaitEvent(FAILSAFE + "-0: leader " + stopped + " -> " + next, "");

        hand.step(7);
        // The step says: once the card says it has stopped.
        hand.awaitCard(stopped, "stopped");
        hand.card("start", stopped);
        hand.passed(180);
        hand.awaitCard(stopped, "running");
        for (int p = 0; p < 3; p++) {
            hand.awaitInSync(FAILSAFE, p, BROKERS, "every ISR full again");
        }
        hand.finish();
    }

    /** Lab 4: a classic group shares, hands over and idles; a new-protocol group hands over only what moved. */
    private void consumerGroups(ByHand hand) throws Exception {
        hand.open("labs/04-consumer-groups.md", 7);

        hand.step(1);
        // The form's min.insync.replicas (2) left as it is: the step asks for nothing there.
        hand.createTopic(ORDERS, 6, 3, null);
        List<SendResult> listed = hand.burst(ORDERS, 24, 600);
        hand.passed(90);
        assertEquals(ProduceViewModel.RECORDS_SHOWN, listed.size(),
                "Produce screen, Records sent: the newest 500 of 600");
        List<Long> bars = hand.bars();
        assertEquals(6, bars.size(), "Produce screen, Records per partition: six bars " + bars);
        assertEquals(600, sum(bars), "Produce screen, Records per partition: 600 records " + bars);
        List<SendTally.KeyRow> keys = hand.keyRows();
        assertEquals(24, keys.size(), "Produce screen, key table: 24 keys " + keys);
        assertEquals(600, keys.stream().mapToLong(SendTally.KeyRow::records).sum(),
                "Produce screen, key table: 600 records");

        hand.step(2);
        hand.startGroup("orders-classic", ORDERS, GroupProtocol.CLASSIC, Assignor.RANGE, 3);
        hand.passed(120);
        List<String> three = List.of("member-1", "member-2", "member-3");
        Map<String, List<Integer>> shares = hand.awaitOwned(three, o -> sizes(o).equals(List.of(2, 2, 2))
                && union(o).equals(ALL_SIX), "three cards with two partitions each, every partition once");
        assertEquals(three, hand.memberCards(), "Consume screen: one card per member");
        shares.forEach((m, ps) -> assertEquals(ps.get(0) + 1, ps.get(1),
                "Consume screen, " + m + ": the range assignor gives a contiguous run, not " + ps));

        hand.step(3);
        hand.member("leave", "member-3");
        hand.passed(90);
        hand.awaitOwned(List.of("member-1", "member-2"),
                o -> sizes(o).equals(List.of(3, 3)) && union(o).equals(ALL_SIX),
                "member-1 and member-2 read three partitions each");
        // Its partitions can move before its own close is done (the leave is sent first): its card follows.
        ShellUnderTest.await("Consume screen: member-3's card says it left", 15,
                () -> "left".equals(hand.memberState("member-3")), () -> hand.memberState("member-3"));

        hand.step(4);
        hand.member("crash", "member-2");
        hand.awaitText("#countdown-member-2", t -> t.startsWith("session times out in"),
                "Consume screen: member-2's card counts down to the session timeout", 15);
        hand.passed(90);
        hand.awaitOwned(List.of("member-1"), o -> o.get("member-1").equals(ALL_SIX),
                "member-1 reads all six partitions");
        assertEquals("crashed", hand.memberState("member-2"), "Consume screen: member-2's card says it crashed");
        hand.awaitText("#countdown-member-2", "session timed out: its partitions moved"::equals,
                "Consume screen: member-2's countdown ended", 10);

        hand.step(5);
        for (int i = 0; i < 6; i++) {
            hand.addMember();
        }
        hand.passed(180);
        List<String> seven = new ArrayList<>(List.of("member-1"));
        IntStream.rangeClosed(4, 9).forEach(n -> seven.add("member-" + n));
        // A member still joining owns nothing either: wait for all seven in the group before
        // reading the spread, or a late joiner passes for the idle member.
        for (String m : seven) {
            hand.awaitText("#state-" + m, "active"::equals, "Consume screen: " + m + " is in the group", 120);
        }
        Map<String, List<Integer>> spread = hand.awaitOwned(seven, o -> sizes(o).equals(List.of(0, 1, 1, 1, 1, 1, 1))
                && union(o).equals(ALL_SIX), "six cards with one partition each, one with none");
        String idle = spread.entrySet().stream().filter(e -> e.getValue().isEmpty()).findFirst().orElseThrow().getKey();
        hand.awaitText("#assigned-" + idle, "no partitions: idle"::equals,
                "Consume screen: " + idle + "'s card says idle", 5);

        hand.step(6);
        hand.startGroup("orders-new", ORDERS, GroupProtocol.CONSUMER, Assignor.UNIFORM, 3);
        hand.passed(180);
        hand.awaitOwned(three, o -> sizes(o).equals(List.of(2, 2, 2)) && union(o).equals(ALL_SIX),
                "orders-new's three cards with two partitions each, every partition once");
        assertEquals(three, hand.memberCards(), "Consume screen: the three cards of orders-new, and no other");
        hand.awaitText("#groupState", t -> t.startsWith("Stable · consumer protocol") && t.contains(" · 3 members"),
                "Consume screen, As the coordinator sees it: orders-new stable, consumer protocol, 3 members", 60);

        hand.step(7);
        Map<String, List<Integer>> before = hand.owned(three);
        String crashed = three.stream().filter(m -> !before.get(m).isEmpty()).reduce((a, b) -> b).orElseThrow();
        List<String> survivors = three.stream().filter(m -> !m.equals(crashed)).toList();
        hand.member("crash", crashed);
        hand.passed(120);
        Map<String, List<Integer>> after = hand.awaitOwned(survivors, o -> union(o).equals(ALL_SIX),
                "the two other members read all six partitions");
        assertEquals("crashed", hand.memberState(crashed), "Consume screen: " + crashed + "'s card says it crashed");
        for (String m : survivors) {
            assertTrue(after.get(m).containsAll(before.get(m)), "Consume screen, " + m + ": kept its partitions "
                    + before.get(m) + " through the crash and took some of " + crashed + "'s, has " + after.get(m));
        }
        hand.finish();
        // Both groups would go on reading beside lab 5, whose demo's timing wants the machine quiet.
        hand.stopGroups("orders-new", "orders-classic");
    }

    /** Lab 5: acks=1 loses acknowledged records through a leader's death, acks=all keeps them. */
    private void durability(ByHand hand) throws Exception {
        Lab lab = hand.open("labs/05-durability-acks.md", 8);

        hand.step(1);
        Map<String, Integer> topics = Map.of("acks-levels", 3, "acks-one", 1, "acks-all", 1);
        for (String topic : List.of("acks-levels", "acks-one", "acks-all")) {
            hand.createTopic(topic, topics.get(topic), 3, "2");
        }
        hand.passed(60);
        for (var t : topics.entrySet()) {
            for (int p = 0; p < t.getValue(); p++) {
                hand.awaitInSync(t.getKey(), p, BROKERS, "a row per partition, three replicas in sync");
            }
        }

        hand.step(2);
        for (Acks acks : List.of(Acks.ALL, Acks.LEADER, Acks.NONE)) {
            hand.chooseAcks(acks);
            assertEquals(acks == Acks.ALL, hand.idempotence(),
                    "Produce screen, Producer settings: enable.idempotence with acks=" + acks.value());
            List<SendResult> rows = hand.burst("acks-levels", 0, 100);
            Predicate<SendResult> told = acks == Acks.NONE ? r -> r.offset() == -1 : r -> r.offset() >= 0;
            assertTrue(rows.stream().allMatch(told), "Produce screen, Records sent with acks=" + acks.value() + ": "
                    + (acks == Acks.NONE ? "no offset (-1), nothing was answered" : "each with its offset")
                    + "; " + offsets(rows));
        }
        hand.passed(60);
        assertEquals(300, sum(hand.bars()), "Produce screen, Records per partition: 300 records in acks-levels");

        hand.step(3);
        int records = lab.steps().get(2).actions().get(0).integer("records");
        int oldLeader = hand.leaderOf("acks-one", 0);
        // The durability demo (freeze both followers, write, kill the leader, resume) has no control
        // on the screens: this step's own button is the only way to run it.
        hand.labAction(1);
        hand.passed(180);
        OffsetsLegend lost = hand.awaitOffsets("acks-one", 0, o -> o.down().containsKey(oldLeader) && survivorsAtHw(o),
                "the killed leader " + oldLeader + " down, the two others' logs ending at the HW");
        assertEquals(1, lost.highWatermark(),
                "Cluster screen, acks-one P0: HW 1, no lost record was ever readable; " + lost);
        assertEquals(lost.highWatermark() + records, lost.down().get(oldLeader), "Cluster screen, acks-one P0: broker "
                + oldLeader + "'s dashed mark " + records + " past the HW, its records only it had; " + lost);
        hand.awaitCard(oldLeader, "killed");
        hand.awaitLeader("acks-one", 0, l -> l != oldLeader, "a new leader, not killed broker " + oldLeader);

        hand.step(4);
        hand.card("start", oldLeader);
        hand.passed(180);
        OffsetsLegend truncated = hand.awaitOffsets("acks-one", 0, o -> o.settled(3),
                "no broker down, every log at the HW");
        assertEquals(lost.highWatermark(), truncated.ends().get(oldLeader), "Cluster screen, acks-one P0: broker "
                + oldLeader + " cut its " + records + " records away, its log ends with the others'; " + truncated);
        hand.awaitCard(oldLeader, "running");

        hand.step(5);
        // Step 2 left acks at 0, whose records get no offset and count as acknowledged nowhere: the
        // step does not say so, but its check only passes with acknowledgements. Kafka's defaults.
        hand.kafkasDefaults();
        assertEquals(Acks.ALL, hand.acks(), "Produce screen, Producer settings: Kafka's defaults are acks=all");
        List<SendResult> rewritten = hand.burst("acks-one", 0, 500);
        hand.passed(60);
        long from = truncated.highWatermark();
        assertEquals(range(from, 500), offsets(rewritten), "Produce screen, Records sent: 500 new records from offset "
                + from + ", the offsets the lost records had (up to " + (lost.down().get(oldLeader) - 1) + ")");
        hand.awaitOffsets("acks-one", 0, o -> o.settled(3) && o.highWatermark() == from + 500,
                "500 more, on every replica");

        hand.step(6);
        int allLeader = hand.leaderOf("acks-all", 0);
        // The durability demo again: the step's button, as no screen runs it.
        hand.labAction(1);
        hand.passed(180);
        OffsetsLegend kept = hand.awaitOffsets("acks-all", 0, o -> o.down().containsKey(allLeader) && survivorsAtHw(o),
                "the killed leader " + allLeader + " down, the two others' logs ending at the HW");
        assertEquals(lost.highWatermark() + records, kept.highWatermark(),
                "Cluster screen, acks-all P0: every acknowledged record readable on the new leader; " + kept);
        assertEquals(kept.highWatermark(), kept.down().get(allLeader),
                "Cluster screen, acks-all P0: broker " + allLeader + "'s dashed mark at the HW, nothing only it had; "
                        + kept);
        hand.awaitCard(allLeader, "killed");

        hand.step(7);
        hand.card("start", allLeader);
        hand.passed(180);
        OffsetsLegend back = hand.awaitOffsets("acks-all", 0, o -> o.settled(3), "no broker down, every log at the HW");
        assertEquals(kept.highWatermark(), back.highWatermark(), "Cluster screen, acks-all P0: the old leader's log"
                + " ends where it did, the new leader's copies; " + back);
        hand.awaitCard(allLeader, "running");

        hand.step(8);
        assertEquals(Acks.ALL, hand.acks(), "Produce screen, Producer settings: acks=all still");
        List<SendResult> appended = hand.burst("acks-all", 0, 500);
        hand.passed(60);
        assertEquals(range(back.highWatermark(), 500), offsets(appended), "Produce screen, Records sent: the 500 new"
                + " records after the kept ones, from offset " + back.highWatermark());
        hand.awaitOffsets("acks-all", 0, o -> o.settled(3) && o.highWatermark() == back.highWatermark() + 500,
                "500 more, on every replica");
        hand.finish();
    }

    /**
     * Records sent as the Produce screen lists them: in each partition their offsets run from 0
     * without a gap or a repeat. Returns how many each partition holds.
     */
    private static long[] assertOffsetsFromZero(List<SendResult> rows, int partitions, String when) {
        long[] counts = new long[partitions];
        Map<Integer, List<Long>> byPartition = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(
                SendResult::partition, Collectors.mapping(SendResult::offset, Collectors.toList()))));
        byPartition.forEach((p, offsets) -> {
            assertTrue(p >= 0 && p < partitions, "Produce screen, Records sent " + when + ": partition " + p);
            counts[p] = offsets.size();
            assertEquals(range(0, offsets.size()), offsets.stream().sorted().toList(),
                    "Produce screen, Records sent " + when + ": the offsets of P" + p + " from 0, no gap");
        });
        return counts;
    }

    private static List<Long> offsets(List<SendResult> rows) {
        return rows.stream().map(SendResult::offset).sorted().toList();
    }

    private static List<Long> range(long from, long count) {
        return LongStream.range(from, from + count).boxed().toList();
    }

    private static List<Long> asList(long[] counts) {
        return LongStream.of(counts).boxed().toList();
    }

    /** Two replicas up, the new leader and its follower, each log ending at the high watermark. */
    private static boolean survivorsAtHw(OffsetsLegend o) {
        return o.ends().size() == 2 && o.ends().values().stream().allMatch(e -> e == o.highWatermark());
    }

    private static Set<Integer> others(int broker) {
        return BROKERS.stream().filter(b -> b != broker).collect(Collectors.toSet());
    }

    /** How many partitions each card lists, fewest first. */
    private static List<Integer> sizes(Map<String, List<Integer>> owned) {
        return owned.values().stream().map(List::size).sorted().toList();
    }

    /** Every partition listed on the cards, sorted, a partition on two cards twice. */
    private static List<Integer> union(Map<String, List<Integer>> owned) {
        return owned.values().stream().flatMap(List::stream).sorted().toList();
    }
}
