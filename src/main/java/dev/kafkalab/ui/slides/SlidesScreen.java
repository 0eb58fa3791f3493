package dev.kafkalab.ui.slides;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.course.Course;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.ui.common.Forms;
import dev.kafkalab.ui.common.Markdown;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
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
 * The state (deck, slide, grid, presenting, the slide remembered per deck) is the
 * {@link SlidesViewModel}'s; this view draws it and turns clicks and keys into its commands.
 */
public final class SlidesScreen extends BorderPane {

    private final SlidesViewModel vm;
    private final LiveWidgets widgets;
    private final Consumer<ContentLink> onLink;
    private final ListView<Course.Entry<Deck>> decks = new ListView<>();
    private final StackPane host = new StackPane();
    private final Label position = new Label();
    private final Label message = new Label();
    private final VBox notes = new VBox();
    /** One view per slide, so going back and forth reuses its live widgets instead of making new ones. */
    private final Map<Integer, SlideView> views = new HashMap<>();
    private Node grid;
    private Presentation presentation;

    /**
     * @param vm      the decks, the slide shown and the positions remembered
     * @param widgets the live widgets slides embed
     * @param onLink  opens a lab step; slide links are followed here
     * @param reload  reads the course again (the Reload button)
     */
    public SlidesScreen(SlidesViewModel vm, LiveWidgets widgets, Consumer<ContentLink> onLink, Runnable reload) {
        this.vm = vm;
        this.widgets = widgets;
        this.onLink = link -> {
            if (link.kind() == ContentLink.Kind.SLIDE) {
                open(link.id(), link.number());
            } else {
                vm.endPresentation();
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
        decks.setItems(vm.decks());
        decks.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (vm.choose(now)) {
                host.requestFocus();
            }
        });
        VBox.setVgrow(decks, Priority.ALWAYS);
        Button reloadButton = new Button("Reload");
        reloadButton.setId("reloadSlides");
        reloadButton.setOnAction(e -> reload.run());
        VBox left = new VBox(8, title, decks, reloadButton);
        // Room for a deck's title on two lines at any font size.
        dev.kafkalab.ui.common.Ems.follow(reloadButton, 20, left::setPrefWidth);
        dev.kafkalab.ui.common.Ems.follow(reloadButton, 13, left::setMinWidth);
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
        message.textProperty().bind(vm.message());
        message.getStyleClass().add("message");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(Forms.button("◀", "slidePrevious", "Previous slide (Left, Page Up)", vm::previous),
                position, Forms.button("▶", "slideNext", "Next slide (Right, Space, Page Down)", vm::next),
                Forms.button("Overview", "slideOverview", "All slides (G)", vm::toggleOverview), message, gap,
                Forms.button("Present", "present", "Full screen for the room (F5); Esc ends it", vm::present));
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
        vm.deck().addListener((o, was, now) -> deckChanged(now));
        vm.index().addListener((o, was, now) -> showSlide());
        vm.overview().addListener((o, was, now) -> {
            if (now) {
                openGrid();
            } else {
                closeGrid();
            }
        });
        vm.presenting().addListener((o, was, now) -> {
            if (now) {
                present();
            } else {
                endPresentation();
            }
        });
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                host.requestFocus();
            }
        });
    }

    /** Shows a (re)loaded course; the deck on screen stays if it is still there. */
    public void show(Course course) {
        vm.show(course);
        if (vm.deck().get() == null) {
            host.getChildren().setAll(new Label("No decks in slides/."));
        } else {
            host.requestFocus();
        }
    }

    /** Opens a deck at a slide (1-based, clamped to the deck). */
    public void open(String deckId, int number) {
        if (vm.open(deckId, number)) {
            host.requestFocus();
        }
    }

    /** The screen's state and commands, for tests and for the shell to peek at. */
    public SlidesViewModel viewModel() {
        return vm;
    }

    public Optional<Deck> deck() {
        return Optional.ofNullable(vm.deck().get());
    }

    /** The slide on screen, 1-based, or 0 with no deck. */
    public int slideNumber() {
        return vm.slideNumber();
    }

    /** The audience window while presenting, else null. */
    public Stage audienceWindow() {
        return presentation == null ? null : presentation.audience();
    }

    /** The presenter window while presenting, once it was shown, else null. */
    public Stage presenterWindow() {
        return presentation == null ? null : presentation.presenter();
    }

    /** Another deck (or the same one read again): what was made for the old one goes. */
    private void deckChanged(Deck now) {
        views.clear();
        if (now != null) {
            vm.decks().stream().filter(e -> e.ok() && e.item() == now).findFirst()
                    .ifPresent(decks.getSelectionModel()::select);
        }
    }

    private void showSlide() {
        Deck deck = vm.deck().get();
        int i = vm.index().get();
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
        // The grid marks the slide shown: made again around the new one.
        if (grid != null) {
            closeGrid();
            openGrid();
        }
    }

    // --- Keys, the grid, presenting

    private void key(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()
                || e.getTarget() instanceof TextInputControl || vm.deck().get() == null) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case RIGHT, DOWN, PAGE_DOWN, SPACE -> vm.next();
            case LEFT, UP, PAGE_UP, BACK_SPACE -> vm.previous();
            case HOME -> vm.first();
            case END -> vm.last();
            case G -> vm.toggleOverview();
            case F5 -> vm.present();
            case P -> {
                if (presentation != null) {
                    presentation.togglePresenter();
                }
            }
            case ESCAPE -> handled = vm.escape();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void openGrid() {
        Deck deck = vm.deck().get();
        if (deck == null || grid != null) {
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
            if (s.number() == vm.slideNumber()) {
                cell.getStyleClass().add("current");
            }
            cell.setOnMouseClicked(ev -> {
                vm.closeOverview();
                vm.goTo(s.number());
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
            // Already gone when the next slide replaced the host's children under it.
            if (grid.getParent() instanceof StackPane parent) {
                parent.getChildren().remove(grid);
            }
            grid = null;
        }
    }

    private void present() {
        Deck deck = vm.deck().get();
        if (deck == null || presentation != null) {
            return;
        }
        closeGrid();
        host.getChildren().setAll(new Label("Presenting " + deck.title() + " full screen. Esc there ends it;"
                + " P shows the presenter window."));
        presentation = new Presentation(vm, widgets, onLink, this::key, vm::endPresentation);
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
            } else {
                setText(entry.problem().getMessage());
                getStyleClass().add("deck-problem");
            }
            // Whole titles, wrapped to the list's width ("02  Producers: partitions, pace ..." hid the topic).
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
