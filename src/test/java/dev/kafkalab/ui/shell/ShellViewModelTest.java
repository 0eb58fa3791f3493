package dev.kafkalab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkalab.cluster.ClusterException;
import dev.kafkalab.content.ContentLink;
import dev.kafkalab.ui.shell.ShellViewModel.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window's life without a window or a cluster: starting, failing, retrying, quitting. */
class ShellViewModelTest {

    private final List<CompletableFuture<ScreenModels>> desks = new ArrayList<>();
    private final List<CompletableFuture<ClusterModels>> starts = new ArrayList<>();
    private final AtomicInteger quits = new AtomicInteger();
    private final ShellViewModel vm = new ShellViewModel(Runnable::run, Runnable::run, () -> {
        CompletableFuture<ScreenModels> desk = new CompletableFuture<>();
        desks.add(desk);
        return desk;
    }, () -> {
        CompletableFuture<ClusterModels> start = new CompletableFuture<>();
        starts.add(start);
        return start;
    }, quits::incrementAndGet);

    @Test
    void aFailedStartSaysWhyAndATryAgainStartsAgain() {
        vm.start();
        assertEquals(Phase.STARTING, vm.phase().get());
        starts.get(0).completeExceptionally(new java.util.concurrent.CompletionException(
                new ClusterException("Broker 1 stopped before it was ready (exit code 1). Its log: /tmp/broker-1.log")));
        assertEquals(Phase.FAILED, vm.phase().get());
        assertEquals("Broker 1 stopped before it was ready (exit code 1). Its log: /tmp/broker-1.log", vm.failure().get());

        vm.start();
        assertEquals(2, starts.size(), "a retry starts the cluster again");
        assertEquals(1, desks.size(), "the screens that need no cluster are made once");
        assertEquals(Phase.STARTING, vm.phase().get());
        assertEquals("", vm.failure().get(), "the old failure is gone while the new start runs");
    }

    @Test
    void quittingWhileTheClusterStartsStopsOnceAndIgnoresTheLateStart() {
        vm.start();
        vm.quit();
        vm.quit();
        assertEquals(1, quits.get(), "Ctrl+Q twice stops once");
        assertEquals(Phase.STOPPING, vm.phase().get());
        starts.get(0).completeExceptionally(new ClusterException("The cluster was closed while it was starting."));
        assertEquals(Phase.STOPPING, vm.phase().get(), "a start that ends after the quit changes nothing");
        assertNull(vm.clusterScreens().get());
    }

    @Test
    void aStartThatEndsWithNothingLeavesTheScreensAlone() {
        vm.start();
        // The context answers null when the window closed meanwhile.
        desks.get(0).complete(null);
        starts.get(0).complete(null);
        assertNull(vm.screens().get());
        assertNull(vm.clusterScreens().get());
        assertEquals(Phase.STARTING, vm.phase().get());
    }

    @Test
    void nodesFollowTheCluster() {
        vm.onNodes(List.of());
        assertEquals(List.of(), vm.nodes());
    }

    @Test
    void labsNeedTheirScreenAndSaySo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> vm.openLab("03-failover"));
        assertEquals("The labs are not loaded yet.", e.getMessage());
    }

    @Test
    void screensThatCouldNotBeMadeAreSaidOnTheCommandLine() {
        vm.start();
        desks.get(0).completeExceptionally(new java.io.UncheckedIOException(new java.io.IOException("labs: permission denied")));
        assertNull(vm.screens().get());
        assertEquals("The labs, slides and code could not be loaded: java.io.IOException: labs: permission denied",
                vm.lastAction().message().get());
        assertEquals(Phase.STARTING, vm.phase().get(), "the cluster starts all the same");
    }

    @Test
    void aLinkToASlideShowsTheSlidesAtThatSlideEvenTwice() {
        ContentLink link = new ContentLink(ContentLink.Kind.SLIDE, "02-brokers", 4);
        List<ContentLink> opened = new ArrayList<>();
        vm.deckToOpen().addListener((o, was, now) -> {
            if (now != null) {
                opened.add(now);
            }
        });
        vm.showMe(link);
        vm.showMe(link);
        assertEquals(ShellViewModel.Screen.SLIDES, vm.screen().get());
        assertEquals(List.of(link, link), opened, "the same link followed twice opens the deck twice");
    }

    @Test
    void theCommandLineStartsEmptyAndShowsTheLastAction() {
        assertEquals("", vm.lastAction().cliEquivalent().get());
        vm.lastAction().announce("kafka-topics.sh --create ...", "Creating topic orders...");
        vm.lastAction().say("Created topic orders.");
        assertEquals("kafka-topics.sh --create ...", vm.lastAction().cliEquivalent().get());
        assertEquals("Created topic orders.", vm.lastAction().message().get());
    }
}
