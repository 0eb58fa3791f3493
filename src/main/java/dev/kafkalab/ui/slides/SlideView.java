package dev.kafkalab.ui.slides;

import dev.kafkalab.content.ContentLink;
import dev.kafkalab.slides.Deck;
import dev.kafkalab.slides.Slide;
import dev.kafkalab.ui.common.Markdown;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

/**
 * A slide drawn on a 1280x720 canvas and scaled to whatever holds it, so the same slide reads
 * the same from a laptop window, a projector, or a thumbnail.
 */
public final class SlideView extends Region {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 720;
    static final String CSS = SlideView.class.getResource("/dev/kafkalab/ui/slides/slides.css").toExternalForm();

    private final VBox canvas = new VBox();
    private final Scale scale = new Scale(1, 1, 0, 0);

    /**
     * @param widgets the live widgets, or null for a still picture (thumbnails, "next slide")
     * @param onLink  what a link or an {@code @open} button does
     */
    public SlideView(Deck deck, Slide slide, LiveWidgets widgets, Consumer<ContentLink> onLink) {
        getStyleClass().add("slide-frame");
        getStylesheets().add(CSS);
        canvas.getStyleClass().add("slide");
        canvas.setPrefSize(WIDTH, HEIGHT);
        canvas.setMinSize(WIDTH, HEIGHT);
        canvas.setMaxSize(WIDTH, HEIGHT);
        canvas.getTransforms().add(scale);
        Markdown markdown = new Markdown(deck.file().toAbsolutePath().getParent(),
                target -> ContentLink.parse(target).ifPresent(onLink));
        VBox body = new VBox();
        body.getStyleClass().add("slide-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        for (Slide.Part part : slide.parts()) {
            Node node;
            if (part instanceof Slide.Text t) {
                node = text(markdown, t);
            } else if (part instanceof Slide.Live l) {
                node = widgets == null ? placeholder(l) : widgets.create(l);
            } else {
                node = open((Slide.Open) part, onLink);
            }
            if (part instanceof Slide.Live) {
                VBox.setVgrow(node, Priority.ALWAYS);
            }
            body.getChildren().add(node);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label where = new Label("Module " + deck.module() + " · " + deck.title());
        Label number = new Label(slide.number() + " / " + deck.slides().size());
        number.setId("slideNumber");
        HBox footer = new HBox(where, gap, number);
        footer.getStyleClass().add("slide-footer");
        canvas.getChildren().addAll(body, footer);
        getChildren().add(canvas);
        setMinSize(0, 0);
    }

    private static Node text(Markdown markdown, Slide.Text t) {
        VBox box = markdown.render(t.markdown());
        box.getStyleClass().add("slide-text");
        // A picture takes the room it has, never more than the slide.
        box.lookupAll(".md-image").forEach(n -> {
            ImageView view = (ImageView) n;
            view.setFitHeight(470);
        });
        return box;
    }

    private static Node placeholder(Slide.Live live) {
        String what = switch (live.widget()) {
            case BROKERS -> "the brokers, live";
            case PARTITIONS -> "partitions of " + live.args().get("topic") + ", live";
            case GROUP -> "group " + live.args().get("group") + ", live";
            case TIMELINE -> "the timeline, live";
            case MAP -> "the map of " + live.args().get("topic") + ", live";
        };
        Label label = new Label("▶ " + what);
        label.getStyleClass().add("live-placeholder");
        label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static Node open(Slide.Open o, Consumer<ContentLink> onLink) {
        Button button = new Button(o.label());
        button.getStyleClass().addAll("accent", "slide-open");
        button.setOnAction(e -> onLink.accept(o.link()));
        button.setFocusTraversable(false);
        return button;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double s = Math.max(0.01, Math.min(w / WIDTH, h / HEIGHT));
        scale.setX(s);
        scale.setY(s);
        canvas.resize(WIDTH, HEIGHT);
        canvas.relocate(snappedLeftInset() + (w - WIDTH * s) / 2, snappedTopInset() + (h - HEIGHT * s) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH / 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEIGHT / 2;
    }
}
