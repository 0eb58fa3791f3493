package dev.kafkalab.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown drawn as JavaFX nodes (not a WebView): headings, paragraphs with emphasis, code and
 * links, lists, block quotes, code blocks, tables and images. Sizes are in em, so the app's
 * font scale (projector mode) scales it all.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String CSS = Markdown.class.getResource("/dev/kafkalab/ui/common/markdown.css")
            .toExternalForm();

    private final Path imageBase;
    private final Consumer<String> onLink;

    /**
     * @param imageBase where relative image paths are resolved (the repo root for {@code assets/...})
     * @param onLink    what a click on a link does with its target
     */
    public Markdown(Path imageBase, Consumer<String> onLink) {
        this.imageBase = imageBase;
        this.onLink = onLink;
    }

    public Markdown() {
        this(Path.of("."), target -> { });
    }

    /** A table column whose cells are all at most this long never wraps. */
    private static final int SHORT_COLUMN = 24;

    /** A box holding the rendered text; it wraps to the width it is given. */
    public VBox render(String markdown) {
        VBox box = new VBox();
        box.getStyleClass().add("markdown");
        box.getStylesheets().add(CSS);
        blocks(PARSER.parse(markdown == null ? "" : markdown), box);
        return box;
    }

    private void blocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) {
                into.getChildren().add(block);
            }
        }
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = inline(h);
            flow.getStyleClass().addAll("md-heading", "md-h" + Math.min(h.getLevel(), 4));
            return flow;
        }
        if (n instanceof Paragraph p) {
            if (p.getFirstChild() instanceof Image image && p.getFirstChild().getNext() == null) {
                return image(image);
            }
            TextFlow flow = inline(p);
            flow.getStyleClass().add("md-paragraph");
            return flow;
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            return list(n);
        }
        if (n instanceof FencedCodeBlock f) {
            return codeBlock(f.getLiteral(), f.getInfo());
        }
        if (n instanceof IndentedCodeBlock c) {
            return codeBlock(c.getLiteral(), "");
        }
        if (n instanceof BlockQuote q) {
            VBox quote = new VBox();
            quote.getStyleClass().add("md-quote");
            blocks(q, quote);
            return quote;
        }
        if (n instanceof ThematicBreak) {
            return new Separator();
        }
        if (n instanceof TableBlock t) {
            return table(t);
        }
        return null;
    }

    private Node list(org.commonmark.node.Node list) {
        VBox box = new VBox();
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? number++ + "." : "•");
            marker.getStyleClass().add("md-marker");
            marker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add("md-item");
            blocks(item, content);
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(marker, content);
            row.getStyleClass().add("md-list-row");
            box.getChildren().add(row);
        }
        return box;
    }

    private Node codeBlock(String code, String language) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-code-block");
        String text = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        for (String line : text.split("\n", -1)) {
            CodeHighlighter.line(line, language).forEach(flow.getChildren()::add);
            flow.getChildren().add(new Text("\n"));
        }
        if (!flow.getChildren().isEmpty()) {
            flow.getChildren().remove(flow.getChildren().size() - 1);
        }
        return flow;
    }

    private Node table(TableBlock t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        // As wide as its columns, not the text column: its border ends where the table does.
        grid.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        int row = 0;
        java.util.Map<Integer, Integer> longest = new java.util.HashMap<>();
        java.util.List<TextFlow> cells = new java.util.ArrayList<>();
        for (org.commonmark.node.Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    TextFlow cell = inline(c);
                    cell.getStyleClass().add(((TableCell) c).isHeader() ? "md-th" : "md-td");
                    longest.merge(col, plain(c).length(), Math::max);
                    cells.add(cell);
                    grid.add(cell, col++, row);
                }
                row++;
            }
        }
        // Short columns (names, numbers) keep their width; the long ones wrap.
        for (TextFlow cell : cells) {
            if (longest.get(GridPane.getColumnIndex(cell)) <= SHORT_COLUMN) {
                cell.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return grid;
    }

    private Node image(Image image) {
        String dest = image.getDestination();
        Path file = imageBase.resolve(dest).normalize();
        if (!Files.isRegularFile(file)) {
            Label missing = new Label("[image not found: " + dest + "]");
            missing.getStyleClass().add("md-missing");
            return missing;
        }
        ImageView view = new ImageView(new javafx.scene.image.Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        view.getStyleClass().add("md-image");
        VBox box = new VBox(view);
        box.getStyleClass().add("md-image-box");
        // Never wider than the text column.
        view.fitWidthProperty().bind(javafx.beans.binding.Bindings.min(box.widthProperty(),
                view.getImage().widthProperty().add(0)));
        box.setMinWidth(0);
        return box;
    }

    private TextFlow inline(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        inlines(parent, flow, List.of());
        return flow;
    }

    private void inlines(org.commonmark.node.Node parent, TextFlow flow, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), styles));
            } else if (n instanceof Emphasis) {
                inlines(n, flow, with(styles, "md-em"));
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, with(styles, "md-strong"));
            } else if (n instanceof Code c) {
                Text code = text(c.getLiteral(), with(styles, "md-code"));
                flow.getChildren().add(code);
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (n instanceof Link link) {
                Hyperlink h = new Hyperlink(plain(link));
                h.getStyleClass().add("md-link");
                h.setPadding(Insets.EMPTY);
                h.setOnAction(e -> onLink.accept(link.getDestination()));
                flow.getChildren().add(h);
            } else if (n instanceof Image image) {
                flow.getChildren().add(text("[" + plain(image) + "]", styles));
            } else {
                inlines(n, flow, styles);
            }
        }
    }

    private static Text text(String s, List<String> styles) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(styles);
        return t;
    }

    private static List<String> with(List<String> styles, String more) {
        List<String> out = new java.util.ArrayList<>(styles);
        out.add(more);
        return out;
    }

    /** The plain text of a node's inline children. */
    public static String plain(org.commonmark.node.Node parent) {
        StringBuilder b = new StringBuilder();
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak) {
                b.append(' ');
            } else {
                b.append(plain(n));
            }
        }
        return b.toString();
    }
}
