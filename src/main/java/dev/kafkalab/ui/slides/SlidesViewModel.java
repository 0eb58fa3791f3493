package dev.kafkalab.ui.slides;

import dev.kafkalab.course.Course;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.slides.Deck;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The slides screen's state and commands: the course's decks, the deck open and its slide, the
 * overview grid and the presentation being open, and the slide last shown of each deck, which is
 * remembered in the progress file. The file is written on {@code io}; a failure comes back on
 * {@code ui}. No Node here: {@link SlidesScreen} and {@link Presentation} follow these properties.
 */
public final class SlidesViewModel {

    private static final String POSITION = "deck.%s.slide";

    private final ProgressStore store;
    private final Executor io;
    private final Executor ui;

    // Properties
    private final ObservableList<Course.Entry<Deck>> decks = FXCollections.observableArrayList();
    // Made once: an unmodifiable wrapper listens to its source weakly, so one made per call would be collected.
    private final ObservableList<Course.Entry<Deck>> decksView = FXCollections.unmodifiableObservableList(decks);
    private final ObjectProperty<Deck> deck = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final BooleanProperty overview = new SimpleBooleanProperty();
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");

    /**
     * @param store where the slide last shown of each deck is kept
     * @param io    file work (writing the store), off the FX thread
     * @param ui    back on the FX thread (Platform::runLater in the app)
     */
    public SlidesViewModel(ProgressStore store, Executor io, Executor ui) {
        this.store = store;
        this.io = io;
        this.ui = ui;
        index.addListener((o, was, now) -> remember());
    }

    /** The course's deck files, the ones that did not load among them (with their problem). */
    public ObservableList<Course.Entry<Deck>> decks() {
        return decksView;
    }

    /** The deck open; null before a course is shown or when it has no deck. */
    public ReadOnlyObjectProperty<Deck> deck() {
        return deck;
    }

    /**
     * The slide on screen, 0-based; -1 with no deck. When another deck opens it passes through
     * -1, so a view that follows it sees the first slide of the new deck as a change even when
     * its number is the one shown before.
     */
    public ReadOnlyIntegerProperty index() {
        return index;
    }

    /** The slide on screen, 1-based, or 0 with no deck. */
    public int slideNumber() {
        return index.get() + 1;
    }

    /** The grid of all the deck's slides is shown (over the slide, or over the audience's). */
    public ReadOnlyBooleanProperty overview() {
        return overview;
    }

    /** The deck is being presented in windows of its own. */
    public ReadOnlyBooleanProperty presenting() {
        return presenting;
    }

    /** The last thing that went wrong (a deck not found, a position not saved), in words. */
    public ReadOnlyStringProperty message() {
        return message;
    }

    // Commands: decks

    /** Lists a (re)loaded course's decks; the deck open stays at its slide if it is still there. */
    public void show(Course course) {
        Deck current = deck.get();
        int at = slideNumber();
        // Through null: the views drop what they made for the old deck object even when the
        // reloaded deck is equal to it, and a presentation of it ends.
        close();
        decks.setAll(course.deckEntries());
        if (current != null && entry(current.id()).isPresent()) {
            open(current.id(), at);
        } else if (!course.decks().isEmpty()) {
            Deck first = course.decks().get(0);
            open(first.id(), remembered(first.id()));
        }
    }

    /**
     * A deck picked from the list: it opens at the slide last shown of it, unless it is open already.
     *
     * @return whether another deck opened
     */
    public boolean choose(Course.Entry<Deck> picked) {
        if (picked == null || !picked.ok() || isOpen(picked.item().id())) {
            return false;
        }
        return open(picked.item().id(), remembered(picked.item().id()));
    }

    /**
     * Opens a deck at a slide (1-based, clamped to the deck), as a "Show me" link does; the grid
     * closes. Another deck ends the presentation of this one.
     *
     * @return false, with a message, when the course has no such deck
     */
    public boolean open(String deckId, int number) {
        Optional<Course.Entry<Deck>> found = entry(deckId);
        if (found.isEmpty()) {
            message.set("No deck " + deckId + " in slides/.");
            return false;
        }
        if (!isOpen(deckId)) {
            close();
            deck.set(found.get().item());
        }
        overview.set(false);
        goTo(number);
        return true;
    }

    /** The slide number last shown of a deck, 1 when it was never opened. */
    public int remembered(String deckId) {
        return store.get(String.format(POSITION, deckId)).map(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 1;
            }
        }).orElse(1);
    }

    private Optional<Course.Entry<Deck>> entry(String deckId) {
        return decks.stream().filter(e -> e.ok() && e.item().id().equals(deckId)).findFirst();
    }

    private boolean isOpen(String deckId) {
        return deck.get() != null && deck.get().id().equals(deckId);
    }

    private void close() {
        endPresentation();
        overview.set(false);
        index.set(-1);
        deck.set(null);
    }

    // Commands: moving in the deck

    /** Shows slide {@code number} (1-based), clamped to the deck; nothing without a deck. */
    public void goTo(int number) {
        Deck d = deck.get();
        if (d != null) {
            index.set(Math.max(0, Math.min(number - 1, d.slides().size() - 1)));
        }
    }

    public void next() {
        goTo(slideNumber() + 1);
    }

    public void previous() {
        goTo(slideNumber() - 1);
    }

    public void first() {
        goTo(1);
    }

    public void last() {
        Deck d = deck.get();
        if (d != null) {
            goTo(d.slides().size());
        }
    }

    private void remember() {
        Deck d = deck.get();
        if (d == null || index.get() < 0) {
            return;
        }
        String key = String.format(POSITION, d.id());
        String value = Integer.toString(slideNumber());
        io.execute(() -> {
            try {
                store.update(Map.of(key, value));
            } catch (IOException e) {
                ui.execute(() -> message.set("Could not remember the slide: " + e.getMessage()));
            }
        });
    }

    // Commands: the grid and presenting

    /** Shows the overview grid, or hides it when shown; nothing without a deck. */
    public void toggleOverview() {
        if (deck.get() != null) {
            overview.set(!overview.get());
        }
    }

    public void closeOverview() {
        overview.set(false);
    }

    /** Presents the deck open; the grid closes first, so it does not stay behind in the main window. */
    public void present() {
        if (deck.get() != null && !presenting.get()) {
            overview.set(false);
            presenting.set(true);
        }
    }

    public void endPresentation() {
        if (presenting.get()) {
            overview.set(false);
            presenting.set(false);
        }
    }

    /**
     * What Esc does: closes the grid if it is shown, else ends the presentation.
     *
     * @return false when there was neither, so the key is left to others
     */
    public boolean escape() {
        if (overview.get()) {
            overview.set(false);
            return true;
        }
        if (presenting.get()) {
            endPresentation();
            return true;
        }
        return false;
    }
}
