package dev.kafkalab.ui.slides;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.ui.common.Markdown;
import dev.kafkalab.ui.common.Theme;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A deck presented: the audience window full screen (on the second screen when there is one)
 * and the presenter window (current and next slide, notes, elapsed time) on the first. With one
 * screen the audience gets it and P shows the presenter window for a rehearsal. Both windows
 * take the same keys; Esc ends the presentation. The slide shown is the view model's: a
 * presentation follows it and ends before the view model opens another deck.
 */
final class Presentation {

    private final Deck deck;
    private final ReadOnlyIntegerProperty index;
    private final LiveWidgets widgets;
    private final Consumer<ContentLink> onLink;
    private final Consumer<KeyEvent> keys;
    private final Runnable onEnd;
    private final Stage audience = new Stage();
    private Stage presenter;
    private final StackPane audienceSlide = new StackPane();
    private final Map<Integer, SlideView> shown = new HashMap<>();
    private final Map<Integer, SlideView> desk = new HashMap<>();
    private final long started = System.nanoTime();
    private final Timeline clock = new Timeline();
    private final Label elapsed = new Label("00:00");
    private final StackPane presenterCurrent = new StackPane();
    private final StackPane presenterNext = new StackPane();
    private final VBox notes = new VBox();
    private final Label position = new Label();
    private final Markdown markdown;

    Presentation(SlidesViewModel vm, LiveWidgets widgets, Consumer<ContentLink> onLink, Consumer<KeyEvent> keys,
            Runnable onEnd) {
        this.deck = vm.deck().get();
        this.index = vm.index();
        this.widgets = widgets;
        this.onLink = onLink;
        this.keys = keys;
        this.onEnd = onEnd;
        this.markdown = new Markdown(deck.file().toAbsolutePath().getParent(), t -> ContentLink.parse(t).ifPresent(onLink));
    }

    void start() {
        audienceSlide.getStyleClass().add("audience");
        audienceSlide.setId("audienceSlide");
        dress(audience, audienceSlide);
        audience.setTitle("Kafka Lab: " + deck.title());
        audience.setFullScreenExitHint("");
        audience.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        List<Screen> screens = Screen.getScreens();
        Screen target = screens.size() > 1 ? screens.stream().filter(s -> !s.equals(Screen.getPrimary())).findFirst()
                .orElse(Screen.getPrimary()) : Screen.getPrimary();
        Rectangle2D bounds = target.getBounds();
        audience.setX(bounds.getMinX());
        audience.setY(bounds.getMinY());
        audience.setFullScreen(true);
        audience.setOnCloseRequest(e -> {
            e.consume();
            onEnd.run();
        });
        index.addListener(follow);
        show();
        audience.show();
        clock.getKeyFrames().add(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        if (screens.size() > 1) {
            togglePresenter();
        }
    }

    /** A presentation window: the app's theme, the slides' stylesheet, the presenter's keys. */
    private void dress(Stage stage, javafx.scene.Parent root) {
        Scene scene = new Scene(root, 1280, 720);
        Theme.apply(scene);
        scene.getStylesheets().add(SlideView.CSS);
        // On the window, ahead of the scene: a full-screen stage's scene does not see Esc.
        stage.addEventFilter(KeyEvent.KEY_PRESSED, keys::accept);
        stage.setScene(scene);
    }

    private final javafx.beans.value.ChangeListener<Number> follow = (o, was, now) -> show();

    boolean isShowing() {
        return audience.isShowing();
    }

    Stage audience() {
        return audience;
    }

    /** The presenter window: shown at once with two screens, with P on one. */
    void togglePresenter() {
        if (presenter != null && presenter.isShowing()) {
            presenter.hide();
            return;
        }
        if (presenter == null) {
            presenter = new Stage();
            presenter.setTitle("Presenter: " + deck.title());
            elapsed.getStyleClass().add("clock");
            elapsed.setId("presenterClock");
            position.setId("presenterPosition");
            Label nextCaption = new Label("Next");
            nextCaption.getStyleClass().add("caption");
            Label notesCaption = new Label("Notes");
            notesCaption.getStyleClass().add("caption");
            notes.setId("presenterNotes");
            notes.getStyleClass().add("notes");
            ScrollPane notesScroll = new ScrollPane(notes);
            notesScroll.setFitToWidth(true);
            VBox.setVgrow(notesScroll, Priority.ALWAYS);
            presenterNext.setPrefSize(SlideView.WIDTH / 3.2, SlideView.HEIGHT / 3.2);
            presenterNext.setMinSize(SlideView.WIDTH / 3.2, SlideView.HEIGHT / 3.2);
            VBox side = new VBox(8, new HBox(16, elapsed, position), nextCaption, presenterNext, notesCaption, notesScroll);
            side.setPrefWidth(SlideView.WIDTH / 3.2);
            BorderPane desk = new BorderPane(presenterCurrent);
            desk.setRight(side);
            BorderPane.setMargin(side, new javafx.geometry.Insets(0, 0, 0, 12));
            desk.getStyleClass().add("presenter");
            desk.setId("presenterView");
            dress(presenter, desk);
            presenter.setOnCloseRequest(e -> presenter.hide());
            List<Screen> screens = Screen.getScreens();
            if (screens.size() > 1) {
                Rectangle2D b = Screen.getPrimary().getVisualBounds();
                presenter.setX(b.getMinX());
                presenter.setY(b.getMinY());
                presenter.setMaximized(true);
            }
            showPresenter();
        }
        presenter.show();
        presenter.toFront();
    }

    Stage presenter() {
        return presenter;
    }

    private void show() {
        int i = index.get();
        SlideView view = shown.computeIfAbsent(i, n -> new SlideView(deck, deck.slides().get(n), widgets, onLink));
        audienceSlide.getChildren().setAll(view);
        widgets.shown(deck.slides().get(i));
        showPresenter();
    }

    private void showPresenter() {
        if (presenter == null) {
            return;
        }
        int i = index.get();
        // Live here too: with two screens the instructor's mouse is on this one.
        presenterCurrent.getChildren().setAll(desk.computeIfAbsent(i, n -> new SlideView(deck, deck.slides().get(n),
                widgets, onLink)));
        presenterNext.getChildren().setAll(i + 1 < deck.slides().size()
                ? new SlideView(deck, deck.slides().get(i + 1), null, onLink) : new Label("End of the deck"));
        String text = deck.slides().get(i).notes();
        notes.getChildren().setAll(text.isBlank() ? new Label("No notes for this slide.") : markdown.render(text));
        position.setText("slide " + (i + 1) + " of " + deck.slides().size());
    }

    private void tick() {
        Duration d = Duration.ofNanos(System.nanoTime() - started);
        elapsed.setText(d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%02d:%02d", d.toMinutesPart(), d.toSecondsPart()));
    }

    void end() {
        clock.stop();
        index.removeListener(follow);
        audience.setFullScreen(false);
        audience.hide();
        if (presenter != null) {
            presenter.hide();
        }
        shown.clear();
        desk.clear();
    }
}
