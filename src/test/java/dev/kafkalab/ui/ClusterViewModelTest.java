package dev.kafkalab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.cluster.ClusterException;
import dev.kafkalab.cluster.NodeActions;
import dev.kafkalab.cluster.NodeRole;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.cluster.NodeStatus;
import dev.kafkalab.monitor.ClusterEvent;
import dev.kafkalab.monitor.ClusterSnapshot;
import dev.kafkalab.monitor.NodeView;
import dev.kafkalab.monitor.PartitionView;
import dev.kafkalab.monitor.TopicView;
import dev.kafkalab.topics.TopicOperations;
import dev.kafkalab.topics.TopicRequest;
import dev.kafkalab.ui.cluster.ClusterViewModel;
import dev.kafkalab.ui.cluster.NodeCardState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The cluster screen's logic with hand-made snapshots and a direct executor: no toolkit. */
class ClusterViewModelTest {

    private final List<String> calls = new ArrayList<>();
    private CompletableFuture<Void> nextAction = new CompletableFuture<>();

    private final NodeActions actions = new NodeActions() {
        public CompletableFuture<Void> stop(int id) { calls.add("stop " + id); return nextAction; }
        public CompletableFuture<Void> kill(int id) { calls.add("kill " + id); return nextAction; }
        public CompletableFuture<Void> pause(int id) { calls.add("pause " + id); return nextAction; }
        public CompletableFuture<Void> resume(int id) { calls.add("resume " + id); return nextAction; }
        public CompletableFuture<Void> start(int id) { calls.add("start " + id); return nextAction; }
    };

    private final TopicOperations topics = new TopicOperations() {
        public CompletableFuture<Void> create(TopicRequest r) { calls.add("create " + r.name()); return CompletableFuture.completedFuture(null); }
        public CompletableFuture<Void> delete(String name) { calls.add("delete " + name); return CompletableFuture.completedFuture(null); }
    };

    private final ClusterViewModel vm = new ClusterViewModel(List.of(
            status(100, NodeRole.CONTROLLER), status(1, NodeRole.BROKER), status(2, NodeRole.BROKER),
            status(3, NodeRole.BROKER)), actions, topics, "127.0.0.1:9092,127.0.0.1:9093", Runnable::run);

    @Test
    void whereThereIsNoSigstopFreezeSaysSoAndWhatWorksAndSendsNothing() {
        dev.kafkalab.ui.common.LastAction said = new dev.kafkalab.ui.common.LastAction();
        ClusterViewModel windows = new ClusterViewModel(List.of(status(1, NodeRole.BROKER)), actions, topics,
                "127.0.0.1:9092", Runnable::run, said).on(dev.kafkalab.common.Os.WINDOWS);
        assertTrue(windows.freeze(1).isDone());
        assertTrue(windows.resume(1).isDone());
        assertEquals(List.of(), calls, "no signal sent, no node action asked");
        assertEquals("Freezing needs SIGSTOP, which Windows does not have: stop or kill the broker instead.",
                said.message().get());
        assertEquals("running", windows.card(1).get().stateWord(), "the card shows no 'freezing...'");
        windows.kill(1);
        assertEquals(List.of("kill 1"), calls, "what works still does");
    }

    @Test
    void cardsCountLeadershipsAndFollowFencing() {
        vm.onSnapshot(snapshot(1, false, partition(0, 1), partition(1, 2), partition(2, 1)));
        assertEquals(2, vm.card(1).get().leads());
        assertEquals(1, vm.card(1).get().follows());
        assertEquals("running", vm.card(1).get().stateWord());

        vm.onSnapshot(snapshot(1, true, partition(0, 2), partition(1, 2), partition(2, 3)));
        assertEquals("fenced", vm.card(1).get().stateWord());
        assertEquals(0, vm.card(1).get().leads());
    }

    @Test
    void aBrokerOutOfEveryIsrFollowsNothingAndSaysWhatWaitsForIt() {
        PartitionView withoutThree = new PartitionView("t", 0, 1, List.of(1, 2, 3), List.of(1, 2), List.of(), 0, 10,
                Map.of());
        PartitionView alsoWithoutThree = new PartitionView("t", 1, 2, List.of(1, 2, 3), List.of(1, 2), List.of(), 0, 10,
                Map.of());
        vm.onSnapshot(snapshot(3, false, withoutThree, alsoWithoutThree));
        NodeCardState three = vm.card(3).get();
        assertEquals(0, three.leads());
        assertEquals(0, three.follows(), "a broker out of the ISR fetches nothing: it follows none");
        assertEquals(2, three.outOfSync());
        assertEquals("leads 0 · follows 0 · 2 out of sync", three.share());
        assertEquals("leads 1 · follows 1", vm.card(1).get().share());
    }

    @Test
    void anActionAnswersAtOnceAndTheCardFollowsWhatHappens() {
        vm.onSnapshot(snapshot(1, false, partition(0, 1)));
        vm.kill(1);
        assertEquals(List.of("kill 1"), calls);
        assertEquals("killing...", vm.card(1).get().stateWord(), "the card answers before the kill completes");
        assertFalse(vm.card(1).get().canKill(), "no second action while one is under way");
        assertTrue(vm.cliEquivalent().get().startsWith("kill -9 "), vm.cliEquivalent().get());

        vm.onNodeStatus(new NodeStatus(1, NodeRole.BROKER, NodeState.KILLED, 9092, 42, Path.of("b1.log"), 137));
        nextAction.complete(null);
        assertEquals("killed", vm.card(1).get().stateWord());
        assertTrue(vm.card(1).get().canStart());
        assertEquals("Broker 1: killed.", vm.message().get());
    }

    @Test
    void aRefusalIsShownInWords() {
        vm.onSnapshot(snapshot(1, false));
        vm.resume(2);
        nextAction.completeExceptionally(new ClusterException("Broker 2 is not frozen (running): nothing to resume."));
        assertEquals("Broker 2 is not frozen (running): nothing to resume.", vm.message().get());
        assertEquals("running", vm.card(2).get().stateWord());
    }

    @Test
    void aBadReplicationFactorIsExplainedOnItsFieldAndNothingIsSent() {
        vm.onSnapshot(snapshot(1, true));
        vm.createTopic(new TopicRequest("orders", "3", "3", "", "delete"));
        assertEquals(Map.of("replicationFactor", "The replication factor 3 needs 3 brokers, but only 2 are running:"
                + " each replica lives on a different broker."), vm.topicFormErrors());
        assertEquals(List.of(), calls, "nothing is sent to the cluster");
    }

    @Test
    void theFormValidatesAsTheLearnerTypes() {
        vm.onSnapshot(snapshot(1, false));
        vm.createTopic(new TopicRequest("", "0", "3", "", "delete"));
        assertEquals(Map.of("name", "A topic needs a name.", "partitions", "Partitions must be at least 1."),
                vm.topicFormErrors(), "Create blames every field at fault");
        vm.reviseTopicForm(new TopicRequest("orders", "0", "3", "", "delete"));
        assertEquals(List.of("partitions"), List.copyOf(vm.topicFormErrors().keySet()), "a name typed in clears its error");
        vm.reviseTopicForm(new TopicRequest("orders", "3", "3", "", "delete"));
        assertEquals(Map.of(), vm.topicFormErrors(), "every field right: no error left");
        vm.reviseTopicForm(new TopicRequest("orders", "3", "3", "4", "delete"));
        assertEquals(List.of("minInsyncReplicas"), List.copyOf(vm.topicFormErrors().keySet()),
                "a value typed in that Kafka would refuse says so at once");
        vm.reviseTopicForm(new TopicRequest("", "3", "3", "", "delete"));
        assertEquals(Map.of(), vm.topicFormErrors(), "an emptied name is not blamed before Create");
        assertEquals(List.of(), calls, "nothing is sent while typing");
    }

    @Test
    void aCreatedTopicIsSelectedAndItsCommandShown() {
        vm.onSnapshot(snapshot(1, false));
        vm.createTopic(new TopicRequest("orders", "3", "3", "2", "delete"));
        assertEquals(List.of("create orders"), calls);
        assertEquals("orders", vm.selectedTopic().get());
        assertEquals("kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3"
                + " --replication-factor 3 --config min.insync.replicas=2", vm.cliEquivalent().get());
    }

    @Test
    void partitionRowsFlashWhenTheirLeaderMoves() {
        vm.onSnapshot(snapshot(1, false, partition(0, 1), partition(1, 2)));
        vm.selectedTopic().set("t");
        assertEquals(2, vm.partitions().size());
        vm.onSnapshot(snapshot(1, false, partition(0, 3), partition(1, 2)));
        assertTrue(vm.partitions().get(0).leaderMoved());
        assertFalse(vm.partitions().get(1).leaderMoved());
    }

    @Test
    void eventsAreNewestFirstFilterableAndClearable() {
        assertEquals(List.of(ClusterEvent.Kind.NOTE), kinds(), "the timeline starts with a note, at its time");
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        vm.onEvent(new ClusterEvent(t, ClusterEvent.Kind.LEADER_MOVED, "t-0", "t-0: leader 1 -> 2"));
        vm.onEvent(new ClusterEvent(t, ClusterEvent.Kind.ISR_SHRANK, "t-0", "t-0: ISR shrank [1, 2] -> [2]"));
        assertEquals(List.of(ClusterEvent.Kind.ISR_SHRANK, ClusterEvent.Kind.LEADER_MOVED, ClusterEvent.Kind.NOTE),
                kinds(), "newest first, the note last");
        vm.eventFilter().set("leader");
        assertEquals(List.of(ClusterEvent.Kind.LEADER_MOVED, ClusterEvent.Kind.NOTE), kinds());
        vm.eventFilter().set("no such words");
        assertEquals(List.of(ClusterEvent.Kind.NOTE), kinds(), "the list never empties: the note stays");
        vm.eventFilter().set("");
        vm.onEvent(new ClusterEvent(t, ClusterEvent.Kind.LEADER_MOVED, "__consumer_offsets-3", "__consumer_offsets-3: leader 1 -> 2"));
        assertEquals(3, vm.events().size(), "internal topics' events are hidden by default");
        vm.showInternalEvents().set(true);
        assertEquals(4, vm.events().size());
        vm.clearEvents();
        assertEquals(List.of(ClusterEvent.Kind.NOTE), kinds());
        assertEquals("Timeline cleared", vm.events().get(0).text());
    }

    private List<ClusterEvent.Kind> kinds() {
        return vm.events().stream().map(ClusterEvent::kind).toList();
    }

    private static NodeStatus status(int id, NodeRole role) {
        return new NodeStatus(id, role, NodeState.RUNNING, 9091 + id, 1000 + id, Path.of("x.log"), null);
    }

    private static PartitionView partition(int p, int leader) {
        return new PartitionView("t", p, leader, List.of(1, 2, 3), List.of(1, 2, 3), List.of(), 0, 10, Map.of());
    }

    private static ClusterSnapshot snapshot(int fencedId, boolean fenced, PartitionView... parts) {
        List<NodeView> nodes = new ArrayList<>();
        nodes.add(new NodeView(100, NodeRole.CONTROLLER, NodeState.RUNNING, 9000, false, false, true));
        for (int id = 1; id <= 3; id++) {
            nodes.add(new NodeView(id, NodeRole.BROKER, NodeState.RUNNING, 9091 + id, true, id == fencedId && fenced,
                    false));
        }
        return new ClusterSnapshot(Instant.now(), nodes, List.of(new TopicView("t", false, List.of(parts))), List.of(),
                List.of());
    }
}
