package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.ProducerSettings.Acks;
import dev.kafkalab.produce.ProducerSettings.Compression;
import dev.kafkalab.produce.ProducerSettings.PartitionerChoice;
import dev.kafkalab.produce.SendResult;
import dev.kafkalab.produce.SendTally;
import dev.kafkalab.ui.common.CellRehearsal;
import dev.kafkalab.ui.common.Forms;
import dev.kafkalab.ui.common.HoverTooltip;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The produce screen: a record, a burst or a stream on the left with the producer's settings;
 * every record's partition, offset and why in the middle; records per partition, keys and the
 * producer's own metrics around it. Ctrl+Enter sends, Ctrl+B sends a burst, Ctrl+R starts or
 * stops the stream.
 */
public final class ProduceScreen extends SplitPane {

    private final ProduceViewModel vm;
    private final ProduceForm form;
    private final ProducerSettingsForm settings;

    public ProduceScreen(ProduceViewModel vm, ObservableList<String> topics) {
        this.vm = vm;
        this.form = vm.form();
        this.settings = vm.settingsForm();
        setId("produceScreen");
        getStyleClass().add("produce-screen");
        ScrollPane left = new ScrollPane(form(topics));
        left.setId("produceForm");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(330);
        SplitPane middle = new SplitPane(recordTable(), countsAndKeys(), metricCharts());
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.45, 0.76);
        getItems().setAll(left, middle);
        setDividerPositions(0.31);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                var acc = now.getAccelerators();
                acc.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), whenShown(vm::sendOne));
                acc.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), whenShown(vm::sendBurst));
                acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), whenShown(this::toggleStream));
            }
        });
    }

    private Runnable whenShown(java.util.function.BooleanSupplier action) {
        return () -> {
            if (isVisible()) {
                action.getAsBoolean();
            }
        };
    }

    private boolean toggleStream() {
        if (vm.streaming().get()) {
            vm.stopStream();
            return true;
        }
        return vm.startStream(false);
    }

    // --- Left: what to send, and how

    private VBox form(ObservableList<String> topics) {
        ComboBox<String> topic = new ComboBox<>(topics);
        topic.setId("produceTopic");
        topic.setPromptText("choose a topic");
        topic.setMaxWidth(Double.MAX_VALUE);
        topic.valueProperty().bindBidirectional(form.topic());

        TextField key = text("produceKey", "no key", form.key().get());
        key.textProperty().bindBidirectional(form.key());
        TextField value = text("produceValue", "value", form.value().get());
        value.textProperty().bindBidirectional(form.value());
        TextField headers = text("produceHeaders", "name=value, ...", "");
        headers.textProperty().bindBidirectional(form.headers());
        Button send = new Button("Send");
        send.setId("sendOne");
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send this record (Ctrl+Enter)"));
        send.setOnAction(e -> vm.sendOne());
        send.disableProperty().bind(vm.streaming());

        ChoiceBox<KeyPattern.Kind> pattern = new ChoiceBox<>();
        pattern.getItems().setAll(KeyPattern.Kind.values());
        pattern.setId("keyPattern");
        pattern.valueProperty().bindBidirectional(form.keyKind());
        TextField fixed = text("fixedKey", "key", form.fixedKey().get());
        fixed.textProperty().bindBidirectional(form.fixedKey());
        fixed.visibleProperty().bind(form.keyKind().isEqualTo(KeyPattern.Kind.FIXED));
        fixed.managedProperty().bind(fixed.visibleProperty());
        TextField distinct = Forms.intField("distinctKeys", form.distinctKeys(), 10);
        distinct.setPrefColumnCount(4);
        Label distinctHint = new Label("keys employee-1..N");
        HBox distinctRow = new HBox(6, distinct, distinctHint);
        distinctRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        distinctRow.visibleProperty().bind(form.keyKind().isEqualTo(KeyPattern.Kind.DISTINCT));
        distinctRow.managedProperty().bind(distinctRow.visibleProperty());

        TextField size = Forms.intField("valueBytes", form.valueBytes(), 10);
        size.setPrefColumnCount(5);
        Label sizeHint = new Label("bytes (0: record-N)");
        sizeHint.getStyleClass().add("message");
        HBox sizeRow = new HBox(6, size, sizeHint);
        sizeRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextField count = Forms.intField("burstCount", form.burstCount(), 10);
        count.setPrefColumnCount(6);
        Button burst = new Button("Send burst");
        burst.setId("sendBurst");
        burst.setTooltip(new Tooltip("Send this many records as fast as the cluster takes them (Ctrl+B)"));
        burst.setOnAction(e -> vm.sendBurst());
        burst.disableProperty().bind(vm.streaming());
        HBox burstRow = new HBox(6, count, burst);
        burstRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Slider rate = new Slider(0, 4.7, Math.log10(form.rate().get()));
        rate.setId("streamRate");
        rate.setMaxWidth(Double.MAX_VALUE);
        rate.valueProperty().addListener((o, was, now) -> form.rate().set(ProduceForm.niceRate(now.doubleValue())));
        rate.disableProperty().bind(form.unlimitedRate().or(vm.streaming()));
        Label rateLabel = new Label();
        rateLabel.setMinWidth(Region.USE_PREF_SIZE);
        rateLabel.textProperty().bind(Bindings.createStringBinding(() -> form.unlimitedRate().get() ? "max"
                : String.format(Locale.ROOT, "%,d/s", form.rate().get()), form.rate(), form.unlimitedRate()));
        HBox.setHgrow(rate, Priority.ALWAYS);
        CheckBox unlimited = new CheckBox("as fast as it goes");
        unlimited.setId("unlimitedRate");
        unlimited.selectedProperty().bindBidirectional(form.unlimitedRate());
        unlimited.disableProperty().bind(vm.streaming());
        Button stream = new Button();
        stream.setId("toggleStream");
        stream.textProperty().bind(Bindings.when(vm.streaming()).then("Stop stream").otherwise("Start stream"));
        stream.setTooltip(new Tooltip("Start or stop a steady stream (Ctrl+R)"));
        stream.setOnAction(e -> toggleStream());
        HBox rateRow = new HBox(6, rate, rateLabel);
        rateRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("produceStatus");
        status.setWrapText(true);
        status.getStyleClass().add("message");
        status.textProperty().bind(vm.status());

        VBox box = new VBox(6,
                Forms.title("Send to"), topic,
                Forms.title("One record"), Forms.labelled("Key", key), Forms.labelled("Value", value),
                Forms.labelled("Headers", headers),
                send,
                Forms.title("Many records"), Forms.labelled("Keys", pattern), fixed, distinctRow,
                Forms.labelled("Value size", sizeRow),
                Forms.labelled("Burst", burstRow), Forms.labelled("Stream rate", rateRow), unlimited, stream,
                status, settingsPane(), new TransactionPane(vm.transaction(), form.topic()));
        box.setPadding(new Insets(0, 10, 10, 0));
        return box;
    }

    private TitledPane settingsPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, controls);
        ProducerSettings d = ProducerSettings.DEFAULTS;
        int row = 0;
        ChoiceBox<Acks> acks = Forms.choice("acks", Acks::value);
        acks.getItems().setAll(Acks.values());
        acks.valueProperty().bindBidirectional(settings.acks());
        row = setting(grid, row, "acks", acks, d.acks().value());
        CheckBox idempotence = new CheckBox();
        idempotence.setId("idempotence");
        idempotence.selectedProperty().bindBidirectional(settings.idempotence());
        row = setting(grid, row, "enable.idempotence", idempotence, Boolean.toString(d.idempotence()));
        row = setting(grid, row, "linger.ms", Forms.intField("lingerMs", settings.lingerMs(), 10),
                Integer.toString(d.lingerMs()));
        row = setting(grid, row, "batch.size", Forms.intField("batchSize", settings.batchSize(), 10),
                Integer.toString(d.batchSize()));
        ChoiceBox<Compression> compression = Forms.choice("compression", Compression::value);
        compression.getItems().setAll(Compression.values());
        compression.valueProperty().bindBidirectional(settings.compression());
        row = setting(grid, row, "compression.type", compression, d.compression().value());
        ChoiceBox<PartitionerChoice> partitioner = Forms.choice("partitioner", ProduceScreen::partitionerName);
        partitioner.getItems().setAll(PartitionerChoice.values());
        partitioner.valueProperty().bindBidirectional(settings.partitioner());
        row = setting(grid, row, "partitioner", partitioner, partitionerName(d.partitioner()));
        CheckBox ignoreKeys = new CheckBox();
        ignoreKeys.setId("ignoreKeys");
        ignoreKeys.selectedProperty().bindBidirectional(settings.ignoreKeys());
        row = setting(grid, row, "partitioner.ignore.keys", ignoreKeys, Boolean.toString(d.ignoreKeys()));
        row = setting(grid, row, "retries", Forms.intField("retries", settings.retries(), 10), "MAX_INT");
        row = setting(grid, row, "delivery.timeout.ms", Forms.intField("deliveryTimeout", settings.deliveryTimeoutMs(), 10),
                Integer.toString(d.deliveryTimeoutMs()));
        row = setting(grid, row, "max.in.flight", Forms.intField("maxInFlight", settings.maxInFlight(), 10),
                Integer.toString(d.maxInFlight()));
        Label error = new Label();
        error.setId("settingsError");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(settings.settingsError());
        Label note = new Label();
        note.setWrapText(true);
        note.getStyleClass().add("message");
        note.textProperty().bind(settings.settingsNote());
        Button reset = new Button("Kafka's defaults");
        reset.setId("resetSettings");
        reset.setOnAction(e -> settings.reset());
        error.setWrapText(true);
        grid.add(error, 0, row++, 2, 1);
        grid.add(note, 0, row++, 2, 1);
        grid.add(reset, 0, row, 2, 1);
        grid.disableProperty().bind(vm.streaming());
        TitledPane pane = new TitledPane("Producer settings", grid);
        pane.setId("producerSettings");
        pane.setExpanded(true);
        return pane;
    }

    private static int setting(GridPane grid, int row, String name, Node control, String kafkaDefault) {
        Label label = new Label(name);
        Label hint = new Label("default " + kafkaDefault);
        hint.getStyleClass().addAll("message", "setting-default");
        VBox names = new VBox(0, label, hint);
        Tooltip.install(names, new Tooltip(name + ": Kafka's default is " + kafkaDefault));
        if (control instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        grid.addRow(row, names, control);
        return row + 1;
    }

    static String partitionerName(PartitionerChoice p) {
        return switch (p) {
            case BUILT_IN -> "built-in";
            case ROUND_ROBIN -> "RoundRobinPartitioner";
            case PRIORITY -> "priority (urgent → p0)";
        };
    }

    private static TextField text(String id, String prompt, String initial) {
        TextField f = new TextField(initial);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    // --- Middle: the records, where they went, and the producer's metrics

    private VBox recordTable() {
        TableView<SendResult> table = new TableView<>(vm.records());
        table.setId("producedRecords");
        CellRehearsal.onFirstWindow(table, table.itemsProperty(), javafx.scene.control.TableRow.class,
                n -> new SendResult("employee-" + n, "value " + n, n % 3, n, 3, ProducerSettings.DEFAULTS, null));
        Label none = new Label("Records you send appear here, newest first, with where they landed and why.");
        none.setWrapText(true);
        table.setPlaceholder(none);
        dev.kafkalab.ui.common.Ems.follow(none, 1.85, table::setFixedCellSize);
        TableColumn<SendResult, String> key = column("Key", r -> r.key() == null ? "(none)" : r.key(), 9);
        TableColumn<SendResult, String> value = column("Value", SendResult::value, 8);
        TableColumn<SendResult, String> partition = column("Partition",
                r -> r.ok() ? Integer.toString(r.partition()) : "–", 8);
        partition.setId("partitionColumn");
        TableColumn<SendResult, String> offset = column("Offset", r -> r.ok() ? Long.toString(r.offset()) : "–", 6.5);
        TableColumn<SendResult, String> why = column("Why", r -> r.ok() ? r.why() : r.error(), 37);
        why.setCellFactory(c -> {
            TableCell<SendResult, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    SendResult r = empty || getTableRow() == null ? null : getTableRow().getItem();
                    pseudoClassStateChanged(FAILED, r != null && !r.ok());
                }
            };
            HoverTooltip.install(cell, cell::getText);
            return cell;
        });
        table.getColumns().setAll(java.util.List.of(key, value, partition, offset, why));
        // The why of the selected record in full, wrapped: a row only has room for its start.
        Label detail = new Label("Select a record to read in full why it went where it went.");
        detail.setId("recordWhy");
        detail.setWrapText(true);
        detail.getStyleClass().add("record-why");
        detail.setMinHeight(Region.USE_PREF_SIZE);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                detail.setText((now.key() == null ? "No key" : "Key " + now.key()) + (now.ok()
                        ? " → partition " + now.partition() + ", offset " + now.offset() + ". " + now.why()
                        : ": not sent. " + now.error()));
            }
        });
        Button clear = new Button("Clear");
        clear.setId("clearRecords");
        clear.setOnAction(e -> vm.clear());
        Label heading = Forms.title("Records sent");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, heading, gap, clear);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, top, table, detail);
        box.setPadding(new Insets(0, 6, 6, 6));
        return box;
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    /** A column {@code ems} wide, so its heading and numbers stay whole at any font size. */
    private static <T> TableColumn<T, String> column(String name, Function<T, String> text, double ems) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        dev.kafkalab.ui.common.Ems.width(c, ems);
        c.setSortable(false);
        return c;
    }

    private HBox countsAndKeys() {
        BarChart<String, Number> chart = ProduceCharts.partitions(vm.partitionCounts());
        HBox.setHgrow(chart, Priority.ALWAYS);

        TableView<SendTally.KeyRow> keys = new TableView<>(vm.keys());
        keys.setId("keyTable");
        Label empty = new Label("Send keyed records: each key, its partition, and how many.");
        empty.setWrapText(true);
        keys.setPlaceholder(empty);
        dev.kafkalab.ui.common.Ems.follow(empty, 1.7, keys::setFixedCellSize);
        TableColumn<SendTally.KeyRow, String> k = column("Key", SendTally.KeyRow::key, 9);
        TableColumn<SendTally.KeyRow, String> p = column("Partition",
                r -> Integer.toString(r.partition()), 8);
        TableColumn<SendTally.KeyRow, String> n = column("Records", r -> Long.toString(r.records()), 7.5);
        keys.getColumns().setAll(java.util.List.of(k, p, n));
        dev.kafkalab.ui.common.Ems.follow(empty, 26, keys::setPrefWidth);
        Label note = new Label();
        note.getStyleClass().add("message");
        note.setWrapText(true);
        note.textProperty().bind(vm.keysNote());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        VBox.setVgrow(keys, Priority.ALWAYS);
        VBox keyBox = new VBox(4, keys, note);
        keyBox.setMinWidth(200);
        HBox box = new HBox(8, chart, keyBox);
        box.setPadding(new Insets(6, 6, 6, 6));
        return box;
    }

    /**
     * The metric charts scroll sideways on their own when the screen is narrow (beside a lab):
     * five of them at their least width made the whole screen wider than the space, and the
     * Records sent table ran off the edge.
     */
    private ScrollPane metricCharts() {
        ScrollPane row = new ScrollPane(ProduceCharts.metrics(vm.metrics()));
        row.setFitToHeight(true);
        row.setFitToWidth(true);
        row.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        row.setMinWidth(0);
        row.getStyleClass().add("edge-to-edge");
        return row;
    }
}
