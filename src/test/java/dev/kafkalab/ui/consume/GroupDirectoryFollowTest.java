package dev.kafkalab.ui.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.consume.GroupSettings;
import dev.kafkalab.testkit.ManualScheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consume screen follows every group the app runs: a lab step's group shows at once, the
 * screen can start another beside it, and one stopped elsewhere stops showing.
 */
class GroupDirectoryFollowTest {

    /** The app's running groups, as the registry holds them; the test starts and stops them "elsewhere". */
    private final Map<String, HandMadeGroup> running = new LinkedHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Deque<Runnable> blocking = new ArrayDeque<>();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final GroupDirectory directory = new GroupDirectory() {
        @Override
        public List<String> running() {
            return List.copyOf(running.keySet());
        }

        @Override
        public Optional<MemberGroup> find(String id) {
            return Optional.ofNullable(running.get(id));
        }

        @Override
        public void onChange(Runnable changed) {
            listeners.add(changed);
        }
    };
    private final ConsumeViewModel vm = new ConsumeViewModel(settings -> {
        HandMadeGroup g = new HandMadeGroup(settings);
        startedElsewhere(g);
        return g;
    }, r -> CompletableFuture.failedFuture(new AssertionError("no resets here")), Runnable::run, scheduler,
            blocking::add, "localhost:9092", (cli, m) -> { });

    @AfterEach
    void close() {
        vm.close();
    }

    private void startedElsewhere(HandMadeGroup g) {
        running.put(g.settings().groupId(), g);
        listeners.forEach(Runnable::run);
    }

    private void stoppedElsewhere(String id) {
        running.remove(id).close();
        listeners.forEach(Runnable::run);
    }

    private static HandMadeGroup labGroup(String id, GroupProtocol protocol) {
        HandMadeGroup g = new HandMadeGroup(GroupSettings.demo(id, "orders", protocol));
        g.addMember();
        g.addMember();
        return g;
    }

    @Test
    void aGroupALabStepStartsIsShownWithItsMembersAndProtocol() {
        vm.follow(directory);
        HandMadeGroup orders = labGroup("orders-new", GroupProtocol.CONSUMER);
        startedElsewhere(orders);

        assertEquals("orders-new", vm.shownGroup().get());
        assertEquals(List.of("orders-new"), vm.runningGroups());
        assertTrue(vm.running().get());
        assertEquals("orders-new", vm.form().groupId().get());
        assertEquals(GroupProtocol.CONSUMER, vm.form().protocol().get());
        assertEquals(1, orders.listeners(), "the screen hears the group's rebalances");
        scheduler.tick();
        assertEquals(2, vm.members().size(), "its cards show");
    }

    @Test
    void theScreenStartsAnotherGroupBesideItAndCanGoBack() {
        vm.follow(directory);
        HandMadeGroup orders = labGroup("orders-new", GroupProtocol.CONSUMER);
        startedElsewhere(orders);

        vm.newGroup();
        assertNull(vm.shownGroup().get());
        assertFalse(vm.running().get(), "the form is free for a new group");
        assertEquals(0, orders.listeners(), "the group out of view is not listened to");
        assertFalse(orders.closed, "and goes on running");

        vm.form().groupId().set("readers");
        vm.form().topic().set("orders");
        assertTrue(vm.startGroup());
        blocking.poll().run();
        assertEquals("readers", vm.shownGroup().get(), "the screen's own group is shown, not taken for a lab's");
        assertEquals(List.of("orders-new", "readers"), vm.runningGroups());

        vm.show("orders-new");
        assertEquals("orders-new", vm.shownGroup().get());
        assertFalse(running.get("readers").closed, "switching only changes what is shown");
    }

    @Test
    void aGroupStoppedElsewhereStopsShowingAndAnIdInUseIsRefused() {
        vm.follow(directory);
        startedElsewhere(labGroup("orders-new", GroupProtocol.CLASSIC));
        vm.newGroup();
        vm.form().groupId().set("orders-new");
        vm.form().topic().set("orders");
        assertFalse(vm.startGroup(), "two groups with one id would be one group");
        assertEquals("Group orders-new is running: stop it first, or give the new group another id.",
                vm.status().get());

        vm.show("orders-new");
        stoppedElsewhere("orders-new");
        assertFalse(vm.running().get());
        assertEquals(List.of(), vm.runningGroups());
        assertEquals("Group orders-new was stopped elsewhere (a lab step): every member left.", vm.status().get());
    }

    @Test
    void aGroupStartedAgainUnderTheSameIdIsFollowedNotTheClosedOne() {
        vm.follow(directory);
        HandMadeGroup first = labGroup("orders-classic", GroupProtocol.CLASSIC);
        startedElsewhere(first);
        HandMadeGroup second = labGroup("orders-classic", GroupProtocol.CLASSIC);

        // Stopped and started again before the screen looked: one change heard for both.
        running.remove("orders-classic").close();
        startedElsewhere(second);

        assertEquals("orders-classic", vm.shownGroup().get());
        assertEquals(0, first.listeners(), "the closed group is let go");
        assertEquals(1, second.listeners(), "the new group's rebalances are heard");
        assertEquals("Group orders-classic was started again elsewhere (a lab step): showing its new members.",
                vm.status().get());
    }

    @Test
    void stoppingTheShownGroupFromTheScreenClosesIt() {
        vm.follow(directory);
        HandMadeGroup orders = labGroup("orders-new", GroupProtocol.CLASSIC);
        startedElsewhere(orders);
        vm.stopGroup();
        blocking.poll().run();
        assertTrue(orders.closed);
        assertFalse(vm.running().get());
    }
}
