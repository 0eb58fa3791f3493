package dev.kafkalab.ui.code;

import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramRun;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The Code screen: the learner's programs on the left; the editor (Java highlighting, line
 * numbers, undo and redo, find, indent, comment a line, compile errors marked at their lines)
 * with Run and Stop; and the running program's console, each line with its time.
 *
 * <p>Keys: F5 runs, Shift+F5 stops, Ctrl+F finds (Enter: the next one), Ctrl+/ comments or
 * uncomments the line, Tab indents by four spaces; Ctrl+Z and Ctrl+Y undo and redo.
 */
public final class CodeScreen extends SplitPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final String INDENT = "    ";

    private final CodeViewModel vm;
    private final CodeArea editor = new CodeArea();
    private final TextField find = new TextField();
    private boolean loading;
    /** Typed since the last save; and which file of which program the editor holds. */
    private boolean dirty;
    private String editingProgram;
    private String editingFile;

    public CodeScreen(CodeViewModel vm) {
        this.vm = vm;
        setId("codeScreen");
        getStyleClass().add("code-screen");
        SplitPane right = new SplitPane(editorPane(), consolePane());
        right.setOrientation(Orientation.VERTICAL);
        dev.kafkalab.ui.common.Proportions.keep(right, 0.62);
        getItems().setAll(programsPane(), right);
        dev.kafkalab.ui.common.Proportions.keep(this, 0.18);
        vm.refresh();
    }

    // --- Programs

    private VBox programsPane() {
        Label title = new Label("Programs");
        title.getStyleClass().add("section-title");
        ListView<String> list = new ListView<>(vm.programs());
        list.setId("codePrograms");
        list.setPlaceholder(new Label("No program yet: New makes one, and a code lab makes its own."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(vm.program().get())) {
                vm.open(now);
            }
        });
        vm.program().addListener((o, was, now) -> list.getSelectionModel().select(now));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button create = new Button("New program");
        create.setId("codeNew");
        create.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog("my-producer");
            ask.setTitle("New program");
            ask.setHeaderText("A name for the program (letters, digits, - and _)");
            ask.initOwner(getScene() == null ? null : getScene().getWindow());
            dev.kafkalab.ui.common.Theme.follow(ask, getScene() == null ? null : getScene().getWindow());
            ask.showAndWait().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(vm::create);
        });
        VBox box = new VBox(6, title, list, create);
        box.setPadding(new Insets(10));
        // Wide enough for a lab program's name ("steady-producer") and New program, beside a lab too.
        box.setMinWidth(160);
        create.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    // --- The editor

    private VBox editorPane() {
        Button run = new Button("Run");
        run.setId("codeRun");
        run.setTooltip(new Tooltip("Save, compile and run the program (F5)"));
        run.setOnAction(e -> runProgram());
        run.disableProperty().bind(vm.running().or(vm.program().isNull()));
        Button stop = new Button("Stop");
        stop.setId("codeStop");
        stop.setTooltip(new Tooltip("Stop the program: its shutdown hooks run, then it is killed (Shift+F5)"));
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.running().not());
        ComboBox<String> fileBox = new ComboBox<>(vm.files());
        fileBox.setId("codeFile");
        vm.file().addListener((o, was, now) -> fileBox.setValue(now));
        fileBox.valueProperty().addListener((o, was, now) -> vm.showFile(now));
        find.setId("codeFind");
        find.setPromptText("find (Ctrl+F)");
        find.setPrefColumnCount(12);
        find.setOnAction(e -> findNext());
        Label status = new Label();
        status.setId("codeStatus");
        status.getStyleClass().add("message");
        status.textProperty().bind(vm.status());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button starter = new Button("Reset to starter");
        starter.setId("codeResetStarter");
        starter.setOnAction(e -> confirm("Put the lab's starter back? Your code in " + vm.program().get()
                + " is replaced.", vm::resetToStarter));
        Button solution = new Button("Show solution");
        solution.setId("codeShowSolution");
        solution.setOnAction(e -> confirm("Replace your code in " + vm.program().get() + " with this step's solution?",
                vm::showSolution));
        for (Button b : List.of(starter, solution)) {
            b.visibleProperty().bind(vm.labProgram());
            b.managedProperty().bind(b.visibleProperty());
            b.disableProperty().bind(vm.running());
        }
        Button export = new Button("Open in my IDE...");
        export.setId("codeExport");
        export.setTooltip(new Tooltip("Save the program as a Maven project (pom with kafka-clients 4.4.0) in a folder"));
        export.disableProperty().bind(vm.program().isNull());
        export.setOnAction(e -> {
            javafx.stage.DirectoryChooser choose = new javafx.stage.DirectoryChooser();
            choose.setTitle("An empty folder for " + vm.program().get());
            java.io.File picked = choose.showDialog(getScene() == null ? null : getScene().getWindow());
            if (picked != null) {
                vm.export(picked.toPath());
            }
        });
        for (javafx.scene.control.Control c : List.of(run, stop, starter, solution, export)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        fileBox.setMinWidth(110);
        find.setMinWidth(90);
        // Two rows: beside a lab's steps one row cut every button to "...".
        HBox actions = new HBox(6, run, stop, fileBox, find, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        HBox lab = new HBox(6, starter, solution, status);
        lab.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, actions, lab);

        editor.setId("codeEditor");
        editor.getStyleClass().add("code-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.plainTextChanges().subscribe(change -> {
            if (!loading) {
                dirty = true;
            }
        });
        editor.multiPlainChanges().successionEnds(java.time.Duration.ofMillis(250)).subscribe(changes -> {
            editor.setStyleSpans(0, JavaHighlighter.spans(editor.getText()));
            markProblems();
            savePending();
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        vm.loaded().addListener((o, was, text) -> {
            // Another file comes: what was typed into the one shown goes to that one first.
            savePending();
            if (text == null) {
                return;
            }
            loading = true;
            editor.replaceText(text);
            editor.getUndoManager().forgetHistory();
            editor.moveTo(0);
            editor.requestFollowCaret();
            editor.setStyleSpans(0, JavaHighlighter.spans(text));
            editingProgram = vm.program().get();
            editingFile = vm.file().get();
            loading = false;
        });
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(editor);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        ListView<ProgramCompiler.Problem> problems = new ListView<>(vm.problems());
        problems.setId("codeProblems");
        problems.getStyleClass().add("code-problems");
        problems.setPrefHeight(90);
        problems.setMinHeight(0);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        problems.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            if (p != null && p.line() > 0 && p.line() <= editor.getParagraphs().size()) {
                editor.moveTo((int) p.line() - 1, Math.max(0, (int) p.column() - 1));
                editor.requestFollowCaret();
                editor.requestFocus();
            }
        });
        vm.problems().addListener((ListChangeListener<ProgramCompiler.Problem>) c -> markProblems());

        VBox box = new VBox(6, bar, scroll, problems);
        box.setPadding(new Insets(10, 10, 6, 10));
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), whenShown(this::runProgram));
                now.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN),
                        whenShown(vm::stop));
                now.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        whenShown(find::requestFocus));
            }
        });
        return box;
    }

    private void confirm(String question, Runnable action) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                question, javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        ask.setHeaderText(null);
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        dev.kafkalab.ui.common.Theme.follow(ask, getScene() == null ? null : getScene().getWindow());
        ask.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).ifPresent(ok -> action.run());
    }

    /** Saves what was typed since the last save, into the file it was typed in. */
    private void savePending() {
        if (dirty) {
            dirty = false;
            vm.edited(editingProgram, editingFile, editor.getText());
        }
    }

    private Runnable whenShown(Runnable action) {
        return () -> {
            if (isVisible()) {
                action.run();
            }
        };
    }

    private void runProgram() {
        if (!vm.running().get() && vm.program().get() != null) {
            vm.run(editor.getText());
        }
    }

    /** Tab indents, Ctrl+/ comments the caret's line or takes the comment away. */
    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isShortcutDown()) {
            editor.replaceSelection(INDENT);
            e.consume();
        } else if (e.getCode() == KeyCode.SLASH && e.isShortcutDown()) {
            int line = editor.getCurrentParagraph();
            String text = editor.getParagraph(line).getText();
            int indent = text.length() - text.stripLeading().length();
            if (text.stripLeading().startsWith("//")) {
                int at = text.indexOf("//");
                int end = at + (text.startsWith("// ", at) ? 3 : 2);
                editor.deleteText(line, at, line, end);
            } else {
                editor.insertText(line, indent, "// ");
            }
            e.consume();
        }
    }

    private void findNext() {
        String wanted = find.getText();
        if (wanted.isEmpty()) {
            return;
        }
        String text = editor.getText();
        int from = editor.getSelection().getEnd();
        int at = text.indexOf(wanted, from);
        if (at < 0) {
            at = text.indexOf(wanted);
        }
        if (at >= 0) {
            editor.selectRange(at, at + wanted.length());
            editor.requestFollowCaret();
        }
    }

    /** The lines with compile errors get a red band; the others none. */
    private void markProblems() {
        Set<Long> bad = new java.util.HashSet<>();
        String shown = vm.file().get();
        for (ProgramCompiler.Problem p : vm.problems()) {
            if (p.file() != null && p.file().getFileName().toString().equals(shown)) {
                bad.add(p.line());
            }
        }
        for (int i = 0; i < editor.getParagraphs().size(); i++) {
            Collection<String> style = bad.contains((long) i + 1) ? List.of("error-line") : List.of();
            if (!editor.getParagraph(i).getParagraphStyle().equals(style)) {
                editor.setParagraphStyle(i, style);
            }
        }
    }

    // --- The console

    private final javafx.scene.control.CheckBox follow = new javafx.scene.control.CheckBox("Follow");

    private VBox consolePane() {
        follow.setId("codeFollow");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest line in view; untick to read while the program prints"));
        Label title = new Label("Console");
        title.getStyleClass().add("section-title");
        Button clear = new Button("Clear");
        clear.setId("codeClearConsole");
        clear.setOnAction(e -> vm.clearConsole());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, gap, follow, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        ListView<ConsoleLine> list = new ListView<>(vm.console());
        list.setId("codeConsole");
        list.getStyleClass().add("code-console");
        Label none = new Label("What the program prints shows here, each line with its time.");
        none.setWrapText(true);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ConsoleCell());
        dev.kafkalab.ui.common.Ems.follow(none, 1.45, list::setFixedCellSize);
        // Follows the newest line, unless the learner unticks Follow to read while it prints.
        vm.console().addListener((ListChangeListener<ConsoleLine>) c -> {
            int size = vm.console().size();
            if (size > 0 && follow.isSelected()) {
                list.scrollTo(size - 1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(4, header, list);
        box.setPadding(new Insets(6, 10, 10, 10));
        return box;
    }

    private static final class ConsoleCell extends ListCell<ConsoleLine> {
        private static final List<String> TONES = List.of("console-log", "console-warn", "console-err");

        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(TONES);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(TIME.format(line.at()) + "  " + line.text());
            if (line.stream() == ProgramRun.Stream.ERR) {
                // The Kafka client's own log lines are on stderr too: only its warnings and errors stand out.
                String text = line.text();
                getStyleClass().add(text.startsWith("INFO ") ? "console-log"
                        : text.startsWith("WARN ") ? "console-warn" : "console-err");
            }
        }
    }
}
