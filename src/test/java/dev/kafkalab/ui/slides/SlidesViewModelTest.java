package dev.kafkalab.ui.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.course.Course;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.slides.Deck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slides screen's state without a window: direct executors, decks and a progress file in a temp folder. */
class SlidesViewModelTest {

    private static final String BASICS = "01-basics";
    private static final String CLUSTER = "02-cluster";

    @TempDir
    Path dir;

    private Path slides;
    private Path progress;
    private SlidesViewModel vm;

    @BeforeEach
    void setUp() throws IOException {
        slides = Files.createDirectories(dir.resolve("slides"));
        deck(BASICS, "Basics", 1, 3);
        deck(CLUSTER, "Cluster", 2, 2);
        Files.writeString(slides.resolve("03-broken.md"), "---\ntitle: Broken\nmodule: 3\n---\n# Broken\n@live sparkles\n",
                StandardCharsets.UTF_8);
        progress = dir.resolve("progress.properties");
        vm = model(new ProgressStore(progress));
        vm.show(course());
    }

    private SlidesViewModel model(ProgressStore store) {
        return new SlidesViewModel(store, Runnable::run, Runnable::run);
    }

    private void deck(String id, String title, int module, int count) throws IOException {
        StringBuilder text = new StringBuilder("---\ntitle: " + title + "\nmodule: " + module + "\n---\n");
        for (int i = 1; i <= count; i++) {
            text.append(i > 1 ? "---\n" : "").append("# ").append(title).append(' ').append(i).append('\n');
        }
        Files.writeString(slides.resolve(id + ".md"), text, StandardCharsets.UTF_8);
    }

    private Course course() {
        return Course.load(Path.of("labs"), slides);
    }

    private String open() {
        return vm.deck().get() == null ? null : vm.deck().get().id() + "#" + vm.slideNumber();
    }

    @Test
    void aShownCourseListsEveryDeckFileAndOpensTheFirstDeckAtItsFirstSlide() {
        assertEquals(List.of(BASICS, CLUSTER, "03-broken"), vm.decks().stream()
                .map(e -> e.file().getFileName().toString().replace(".md", "")).toList());
        assertFalse(vm.decks().get(2).ok(), "the broken file is listed, with its problem");
        assertEquals(BASICS + "#1", open());
        assertEquals(0, vm.index().get());
    }

    @Test
    void movingStaysInsideTheDeck() {
        vm.previous();
        assertEquals(1, vm.slideNumber(), "no slide before the first");
        vm.next();
        vm.next();
        vm.next();
        assertEquals(3, vm.slideNumber(), "no slide after the last");
        vm.first();
        assertEquals(1, vm.slideNumber());
        vm.last();
        assertEquals(3, vm.slideNumber());
        vm.goTo(2);
        assertEquals(2, vm.slideNumber());
        vm.goTo(0);
        assertEquals(1, vm.slideNumber());
        vm.goTo(99);
        assertEquals(3, vm.slideNumber());
    }

    @Test
    void withoutADeckNothingMovesOrOpens() throws IOException {
        SlidesViewModel empty = model(new ProgressStore(progress));
        empty.next();
        empty.last();
        empty.goTo(2);
        empty.toggleOverview();
        empty.present();
        assertEquals(-1, empty.index().get());
        assertEquals(0, empty.slideNumber());
        assertFalse(empty.overview().get());
        assertFalse(empty.presenting().get());

        Path none = Files.createDirectories(dir.resolve("none"));
        empty.show(Course.load(Path.of("labs"), none));
        assertNull(empty.deck().get());
        assertTrue(empty.decks().isEmpty());
    }

    @Test
    void theSlideShownOfEachDeckIsRememberedByANewViewModelOnTheSameFile() {
        vm.goTo(3);
        assertTrue(vm.open(CLUSTER, 2));
        assertEquals(Optional.of("3"), new ProgressStore(progress).get("deck." + BASICS + ".slide"));

        SlidesViewModel again = model(new ProgressStore(progress));
        again.show(course());
        assertEquals(BASICS, again.deck().get().id());
        assertEquals(3, again.slideNumber(), "the first deck opens where it was left");
        assertTrue(again.choose(entry(again, CLUSTER)));
        assertEquals(2, again.slideNumber());
        assertEquals(2, again.remembered(CLUSTER));
        assertEquals(1, again.remembered("never-opened"));
    }

    @Test
    void thePositionIsWrittenOnTheIoExecutorAndAFailureComesBackAsAMessage() throws IOException {
        List<Runnable> io = new ArrayList<>();
        Path file = dir.resolve("queued.properties");
        SlidesViewModel queued = new SlidesViewModel(new ProgressStore(file), io::add, Runnable::run);
        queued.show(course());
        queued.goTo(2);
        assertEquals(Optional.empty(), new ProgressStore(file).get("deck." + BASICS + ".slide"),
                "nothing written before io runs");
        io.forEach(Runnable::run);
        assertEquals(Optional.of("2"), new ProgressStore(file).get("deck." + BASICS + ".slide"));

        // A store whose folder is a file: every write fails.
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "");
        SlidesViewModel failing = model(new ProgressStore(notAFolder.resolve("progress.properties")));
        failing.show(course());
        failing.next();
        assertTrue(failing.message().get().startsWith("Could not remember the slide: "), failing.message().get());
        assertEquals(2, failing.slideNumber(), "the slide moves all the same");
    }

    @Test
    void aLinkOpensADeckAtItsSlideClampedToTheDeck() {
        List<Integer> indexes = new ArrayList<>();
        vm.index().addListener((o, was, now) -> indexes.add(now.intValue()));
        assertTrue(vm.open(CLUSTER, 1));
        assertEquals(CLUSTER + "#1", open());
        assertEquals(List.of(-1, 0), indexes, "another deck passes through -1, so its first slide is news");

        assertTrue(vm.open(CLUSTER, 9));
        assertEquals(CLUSTER + "#2", open());
        assertTrue(vm.open(BASICS, 2));
        assertEquals(BASICS + "#2", open());
    }

    @Test
    void aLinkToADeckThatIsNotThereLeavesTheDeckOpenAndSaysSo() {
        vm.goTo(2);
        assertFalse(vm.open("09-missing", 1));
        assertEquals(BASICS + "#2", open());
        assertEquals("No deck 09-missing in slides/.", vm.message().get());
        assertFalse(vm.open("03-broken", 1), "a file that did not load is no deck to open");
    }

    @Test
    void pickingTheOpenDeckOrABrokenFileChangesNothing() {
        vm.goTo(2);
        assertFalse(vm.choose(entry(vm, BASICS)));
        assertFalse(vm.choose(vm.decks().get(2)));
        assertFalse(vm.choose(null));
        assertEquals(BASICS + "#2", open());
    }

    @Test
    void aReloadKeepsTheChosenDeckAtItsSlide() throws IOException {
        vm.choose(entry(vm, CLUSTER));
        vm.goTo(2);
        Deck before = vm.deck().get();
        List<Deck> decks = new ArrayList<>();
        vm.deck().addListener((o, was, now) -> decks.add(now));

        deck("00-intro", "Intro", 0, 1);
        vm.show(course());
        assertEquals(CLUSTER + "#2", open(), "still the chosen deck, though another one now comes first");
        assertEquals(4, vm.decks().size());
        assertNotSame(before, vm.deck().get(), "the deck as read again");
        assertEquals(2, decks.size(), "through null, so views drop what they made for the old deck");
        assertNull(decks.get(0));
    }

    @Test
    void aReloadWithoutTheChosenDeckOpensTheFirstWhereItWasLeft() throws IOException {
        vm.goTo(3);
        vm.open(CLUSTER, 2);
        Files.delete(slides.resolve(CLUSTER + ".md"));
        vm.show(course());
        assertEquals(BASICS + "#3", open());
    }

    @Test
    void escClosesTheGridFirstThenThePresentation() {
        vm.present();
        vm.toggleOverview();
        assertTrue(vm.presenting().get() && vm.overview().get());
        assertTrue(vm.escape());
        assertFalse(vm.overview().get());
        assertTrue(vm.presenting().get(), "Esc in the grid leaves the presentation on");
        assertTrue(vm.escape());
        assertFalse(vm.presenting().get());
        assertFalse(vm.escape(), "nothing left for Esc to close");
    }

    @Test
    void presentingClosesTheGridAndAnotherDeckEndsThePresentation() {
        vm.toggleOverview();
        vm.present();
        assertFalse(vm.overview().get());
        assertTrue(vm.presenting().get());
        vm.open(BASICS, 3);
        assertTrue(vm.presenting().get(), "a link within the deck presented moves the presentation along");
        assertEquals(3, vm.slideNumber());
        vm.toggleOverview();
        vm.open(CLUSTER, 1);
        assertFalse(vm.presenting().get());
        assertFalse(vm.overview().get());
    }

    private static Course.Entry<Deck> entry(SlidesViewModel model, String id) {
        return model.decks().stream().filter(e -> e.ok() && e.item().id().equals(id)).findFirst().orElseThrow();
    }
}
