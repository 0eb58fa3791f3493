package dev.kafkalab.ui.slides;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.course.Course;
import dev.kafkalab.progress.ProgressStore;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.ui.common.Markdown;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The decks: a list on the left, the current slide in the middle (live widgets and all), and
 * the keys a presenter expects: arrows, space, Page Up/Down (what clickers send), Home/End,
 * G for the overview grid, F5 to present full screen, Esc to leave the grid or the presentation.
 * The last slide shown of each deck is remembered.
 */
public final class SlidesScreen extends BorderPane {

    private static final String POSITION = "deck.%s.slide";

    private final LiveWidgets widgets;
    private final ProgressStore store;
    private final Executor io;
    private final Consumer<ContentLink> onLink;
    private final ListView<Course.Entry<Deck>> decks = new ListView<>();
    private final StackPane host = new StackPane();
    private final Label position = new Label();
    private final Label message = new Label();
    private final VBox notes = new VBox();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    /** One view per slide, so going back and forth reuses its live widgets instead of making new ones. */
    private final Map<Integer, SlideView> views = new HashMap<>();
    private Deck deck;
    private Node grid;
    private Presentation presentation;

    /**
     * @param widgets the live widgets slides embed
     * @param io      where the remembered slide is written (file work, off the FX thread)
     * @param onLink  opens a lab step; slide links are followed here
     * @param reload  reads the course again (the Reload button)
     */
    public SlidesScreen(LiveWidgets widgets, ProgressStore store, Executor io, Consumer<ContentLink> onLink,
            Runnable reload) {
        this.widgets = widgets;
        this.store = store;
        this.io = io;
        this.onLink = link -> {
            if (link.kind() == ContentLink.Kind.SLIDE) {
                open(link.id(), link.number());
            } else {
                endPresentation();
                onLink.accept(link);
            }
        };
        setId("slidesScreen");
        getStylesheets().add(SlideView.CSS);

        Label title = new Label("Slides");
        title.getStyleClass().add("section-title");
        decks.setId("deckList");
        decks.getStyleClass().add("deck-list");
        decks.setCellFactory(v -> new DeckCell());
        decks.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.ok() && (deck == null || !deck.id().equals(now.item().id()))) {
                open(now.item().id(), remembered(now.item()));
            }
        });
        VBox.setVgrow(decks, Priority.ALWAYS);
        Button reloadButton = new Button("Reload");
        reloadButton.setId("reloadSlides");
        reloadButton.setOnAction(e -> reload.run());
        VBox left = new VBox(8, title, decks, reloadButton);
        left.setPrefWidth(270);
        left.setMinWidth(180);
        left.setPadding(new Insets(0, 10, 0, 0));
        setLeft(left);

        host.setId("slideHost");
        host.setFocusTraversable(true);
        host.setMinSize(0, 0);
        host.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                host.requestFocus();
            }
        });
        VBox.setVgrow(host, Priority.ALWAYS);
        position.setId("slidePosition");
        message.setId("slidesMessage");
        message.getStyleClass().add("message");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(button("◀", "slidePrevious", "Previous slide (Left, Page Up)", () -> go(index.get() - 1)),
                position, button("▶", "slideNext", "Next slide (Right, Space, Page Down)", () -> go(index.get() + 1)),
                button("Overview", "slideOverview", "All slides (G)", this::toggleGrid), message, gap,
                button("Present", "present", "Full screen for the room (F5); Esc ends it", this::present));
        bar.getStyleClass().add("slides-bar");
        notes.setId("slideNotes");
        ScrollPane notesScroll = new ScrollPane(notes);
        notesScroll.setFitToWidth(true);
        notesScroll.setPrefHeight(130);
        TitledPane notesPane = new TitledPane("Speaker notes", notesScroll);
        notesPane.setExpanded(false);
        notesPane.setAnimated(false);
        setCenter(new VBox(8, host, bar, notesPane));
        setPadding(new Insets(10));

        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        index.addListener((o, was, now) -> showSlide());
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                host.requestFocus();
            }
        });
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Shows a (re)loaded course; the deck on screen stays if it is still there. */
    public void show(Course course) {
        String current = deck == null ? null : deck.id();
        int at = index.get() + 1;
        endPresentation();
        deck = null;
        views.clear();
        decks.getItems().setAll(course.deckEntries());
        Optional<Deck> again = current == null ? Optional.empty() : course.deck(current);
        if (again.isPresent()) {
            open(current, at);
        } else if (!course.decks().isEmpty()) {
            Deck first = course.decks().get(0);
            open(first.id(), remembered(first));
        } else {
            host.getChildren().setAll(new Label("No decks in slides/."));
        }
    }

    /** Opens a deck at a slide (1-based, clamped to the deck). */
    public void open(String deckId, int number) {
        Course.Entry<Deck> entry = decks.getItems().stream().filter(e -> e.ok() && e.item().id().equals(deckId))
                .findFirst().orElse(null);
        if (entry == null) {
            message.setText("No deck " + deckId + " in slides/.");
            return;
        }
        if (deck == null || !deck.id().equals(deckId)) {
            endPresentation();
            deck = entry.item();
            views.clear();
            index.set(-1);
            decks.getSelectionModel().select(entry);
        }
        closeGrid();
        go(number - 1);
        host.requestFocus();
    }

    public Optional<Deck> deck() {
        return Optional.ofNullable(deck);
    }

    /** The slide on screen, 1-based, or 0 with no deck. */
    public int slideNumber() {
        return index.get() + 1;
    }

    /** The audience window while presenting, else null. */
    public Stage audienceWindow() {
        return presentation == null ? null : presentation.audience();
    }

    /** The presenter window while presenting, once it was shown, else null. */
    public Stage presenterWindow() {
        return presentation == null ? null : presentation.presenter();
    }

    private int remembered(Deck d) {
        return store.get(String.format(POSITION, d.id())).map(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 1;
            }
        }).orElse(1);
    }

    private void go(int i) {
        if (deck == null) {
            return;
        }
        index.set(Math.max(0, Math.min(i, deck.slides().size() - 1)));
    }

    private void showSlide() {
        int i = index.get();
        if (deck == null || i < 0) {
            return;
        }
        Slide slide = deck.slides().get(i);
        position.setText((i + 1) + " / " + deck.slides().size());
        String text = slide.notes();
        notes.getChildren().setAll(text.isBlank() ? new Label("No notes for this slide.")
                : new Markdown(deck.file().toAbsolutePath().getParent(), t -> { }).render(text));
        if (presentation == null) {
            host.getChildren().setAll(views.computeIfAbsent(i, n -> new SlideView(deck, slide, widgets, onLink)));
            widgets.shown(slide);
        }
        if (grid != null) {
            closeGrid();
            toggleGrid();
        }
        String key = String.format(POSITION, deck.id());
        String value = Integer.toString(i + 1);
        io.execute(() -> {
            try {
                store.update(Map.of(key, value));
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> message.setText("Could not remember the slide: "
                        + e.getMessage()));
            }
        });
    }

    // --- Keys, the grid, presenting

    private void key(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()
                || e.getTarget() instanceof TextInputControl || deck == null) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case RIGHT, DOWN, PAGE_DOWN, SPACE -> go(index.get() + 1);
            case LEFT, UP, PAGE_UP, BACK_SPACE -> go(index.get() - 1);
            case HOME -> go(0);
            case END -> go(deck.slides().size() - 1);
            case G -> toggleGrid();
            case F5 -> present();
            case P -> {
                if (presentation != null) {
                    presentation.togglePresenter();
                }
            }
            case ESCAPE -> {
                if (grid != null) {
                    closeGrid();
                } else if (presentation != null) {
                    endPresentation();
                } else {
                    handled = false;
                }
            }
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void toggleGrid() {
        if (deck == null) {
            return;
        }
        if (grid != null) {
            closeGrid();
            return;
        }
        TilePane tiles = new TilePane(12, 12);
        tiles.setPadding(new Insets(12));
        tiles.setPrefColumns(4);
        for (Slide s : deck.slides()) {
            SlideView thumb = new SlideView(deck, s, null, l -> { });
            thumb.setPrefSize(SlideView.WIDTH / 5, SlideView.HEIGHT / 5);
            thumb.setMouseTransparent(true);
            Label caption = new Label(s.number() + ". " + s.title());
            caption.setMaxWidth(SlideView.WIDTH / 5);
            VBox cell = new VBox(4, thumb, caption);
            cell.setId("overview-" + s.number());
            cell.getStyleClass().add("overview-cell");
            if (s.number() == index.get() + 1) {
                cell.getStyleClass().add("current");
            }
            cell.setOnMouseClicked(ev -> {
                closeGrid();
                go(s.number() - 1);
            });
            tiles.getChildren().add(cell);
        }
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("overview");
        scroll.setId("overviewGrid");
        grid = scroll;
        StackPane where = presentation != null ? (StackPane) presentation.audience().getScene().getRoot() : host;
        where.getChildren().add(grid);
    }

    private void closeGrid() {
        if (grid != null) {
            ((StackPane) grid.getParent()).getChildren().remove(grid);
            grid = null;
        }
    }

    private void present() {
        if (deck == null || presentation != null) {
            return;
        }
        closeGrid();
        host.getChildren().setAll(new Label("Presenting " + deck.title() + " full screen. Esc there ends it;"
                + " P shows the presenter window."));
        presentation = new Presentation(deck, index, widgets, onLink, this::key, this::endPresentation);
        presentation.start();
    }

    private void endPresentation() {
        if (presentation == null) {
            return;
        }
        closeGrid();
        Presentation p = presentation;
        presentation = null;
        p.end();
        showSlide();
        // Keys go back to the app's window, not to wherever the closed windows left the focus.
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().requestFocus();
        }
    }

    private static final class DeckCell extends ListCell<Course.Entry<Deck>> {
        @Override
        protected void updateItem(Course.Entry<Deck> entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().remove("deck-problem");
            if (empty || entry == null) {
                setText(null);
                return;
            }
            if (entry.ok()) {
                Deck d = entry.item();
                setText(String.format("%02d  %s  (%d)", d.module(), d.title(), d.slides().size()));
                setPrefWidth(0);
            } else {
                setText(entry.problem().getMessage());
                getStyleClass().add("deck-problem");
                setWrapText(true);
                setPrefWidth(0);
            }
        }
    }
}
