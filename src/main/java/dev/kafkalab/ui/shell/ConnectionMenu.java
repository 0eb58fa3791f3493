package dev.kafkalab.ui.shell;

import dev.kafkalab.clients.Connection;
import dev.kafkalab.clients.ConnectionCheck;
import dev.kafkalab.clients.RecentConnections;
import dev.kafkalab.cluster.BrokerCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The Connection menu in the strip: the local cluster (the default), the clusters connected to
 * lately, and a form for a new one. A connection is tested before the app switches to it; the
 * test runs off the FX thread and answers within {@link ConnectionCheck#LIMIT}.
 */
public final class ConnectionMenu {

    /** Where to switch: the local cluster (connection null), or a remote one with its broker commands file. */
    public record Target(Connection connection, Path brokerCommands) {

        public static final Target LOCAL = new Target(null, null);

        public boolean local() {
            return connection == null;
        }

        public String label() {
            return local() ? "local cluster" : connection.name();
        }
    }

    private final MenuButton button = new MenuButton();
    private final Target current;
    private final RecentConnections recent;
    private final Executor io;
    private final Executor ui;
    private final Consumer<Target> switchTo;

    public ConnectionMenu(Target current, RecentConnections recent, Executor io, Executor ui, Consumer<Target> switchTo) {
        this.current = current;
        this.recent = recent;
        this.io = io;
        this.ui = ui;
        this.switchTo = switchTo;
        button.setId("connectionMenu");
        button.setText(current.local() ? "local" : current.label());
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip((current.local() ? "The cluster this app runs on this machine (full control)"
                : current.connection().describe()) + ". Another one: Ctrl+Shift+K"));
        button.setOnShowing(e -> fill());
        fill();
        // Ctrl+Shift+K (Cmd on macOS) opens the form from any screen.
        button.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.K,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN),
                        () -> open(null, null));
            }
        });
    }

    public MenuButton node() {
        return button;
    }

    private void fill() {
        MenuItem local = new MenuItem("This machine's cluster (local, full control)");
        local.setId("connectLocal");
        local.setDisable(current.local());
        local.setOnAction(e -> switchTo.accept(Target.LOCAL));
        MenuItem other = new MenuItem("Connect to a cluster...   (Ctrl+Shift+K)");
        other.setId("connectOther");
        other.setOnAction(e -> open(null, null));
        button.getItems().setAll(local, new SeparatorMenuItem());
        // A small properties file, read on the FX thread; the keyring (a process) is asked off it.
        for (RecentConnections.Entry entry : recent.list()) {
            MenuItem item = new MenuItem(entry.connection().describe());
            item.setOnAction(e -> CompletableFuture.supplyAsync(() -> recent.withPassword(entry), io)
                    .thenAcceptAsync(c -> open(c, entry.brokerCommands()), ui));
            button.getItems().add(item);
        }
        button.getItems().add(other);
    }

    /** The form, filled with {@code start} when given; Connect tests, remembers and switches. */
    void open(Connection start, Path commandsFile) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Connect to a Kafka cluster");
        Window owner = button.getScene() == null ? null : button.getScene().getWindow();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dev.kafkalab.ui.common.Theme.follow(dialog, owner);
        TextField name = field("connName", start == null ? "" : start.name(), "e.g. class or team-dev");
        TextField bootstrap = field("connBootstrap", start == null ? "" : start.bootstrapServers(),
                "host1:9092,host2:9092");
        ComboBox<String> protocol = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Connection.PROTOCOLS));
        protocol.setId("connProtocol");
        protocol.setValue(start == null ? "SASL_PLAINTEXT" : start.securityProtocol());
        ComboBox<String> mechanism = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Connection.MECHANISMS));
        mechanism.setId("connMechanism");
        mechanism.setValue(start == null ? "SCRAM-SHA-256" : start.properties().getOrDefault("sasl.mechanism",
                "SCRAM-SHA-256"));
        TextField user = field("connUser", start == null ? "" : start.user(), "your user name");
        PasswordField password = new PasswordField();
        password.setId("connPassword");
        password.setText(start == null ? "" : start.password());
        TextField truststore = field("connTruststore", start == null ? "" : start.properties()
                .getOrDefault("ssl.truststore.location", ""), "for SSL and SASL_SSL: the CA's truststore file");
        PasswordField truststorePassword = new PasswordField();
        truststorePassword.setId("connTruststorePassword");
        truststorePassword.setText(start == null ? "" : start.properties().getOrDefault("ssl.truststore.password", ""));
        TextField commands = field("connCommands", commandsFile == null ? "" : commandsFile.toString(),
                "optional: a file of broker commands (stop=..., kill=..., start=...)");
        CheckBox remember = new CheckBox("Remember the password");
        remember.setTooltip(new Tooltip(recent.keyring().available() ? "Kept in " + recent.keyring().name()
                : "There is no keyring here: kept in a file only you can read"));
        remember.setId("connRemember");
        Label result = new Label();
        result.setId("connResult");
        result.setWrapText(true);
        // Whole, on as many lines as it takes: the sentence is the answer.
        // 40 em (560 px at the default size): the form grows with projector mode instead of cutting its buttons.
        dev.kafkalab.ui.common.Ems.follow(result, 40, w -> {
            result.setPrefWidth(w);
            result.setMaxWidth(w);
        });
        result.setMinHeight(Region.USE_PREF_SIZE);
        Button test = new Button("Test");
        test.setId("connTest");
        Button load = new Button("Read a client.properties file...");
        load.setId("connLoad");
        test.setMinWidth(Region.USE_PREF_SIZE);
        load.setMinWidth(Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.addRow(row++, label("Name"), name);
        grid.addRow(row++, label("Bootstrap servers"), bootstrap);
        grid.addRow(row++, label("Security protocol"), protocol);
        grid.addRow(row++, label("SASL mechanism"), mechanism);
        grid.addRow(row++, label("User"), user);
        grid.addRow(row++, label("Password"), password);
        grid.addRow(row++, label("Truststore"), truststore);
        grid.addRow(row++, label("Truststore password"), truststorePassword);
        grid.addRow(row++, label("Broker commands"), commands);
        grid.add(remember, 1, row++);
        grid.add(new javafx.scene.layout.HBox(8, test, load), 1, row++);
        grid.add(result, 0, row, 2, 1);
        mechanism.disableProperty().bind(protocol.valueProperty().isNotNull().and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !protocol.getValue().startsWith("SASL"),
                        protocol.valueProperty())));
        dialog.getDialogPane().setContent(grid);
        ButtonType connect = new ButtonType("Connect", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        Button connectButton = (Button) dialog.getDialogPane().lookupButton(connect);
        connectButton.setId("connConnect");

        // Settings the fields do not show (a client certificate's keystore, say) ride along unchanged.
        java.util.concurrent.atomic.AtomicReference<java.util.Map<String, String>> extra =
                new java.util.concurrent.atomic.AtomicReference<>(start == null ? java.util.Map.of() : extras(start));
        java.util.function.Supplier<Form> form = () -> new Form(name.getText(), bootstrap.getText(), protocol.getValue(),
                mechanism.getValue(), user.getText(), password.getText(), truststore.getText(),
                truststorePassword.getText(), commands.getText(), extra.get());
        load.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("A client properties file (bootstrap.servers, security.protocol, sasl.*, ssl.*)");
            java.io.File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen == null) {
                return;
            }
            try {
                Connection c = Connection.fromFile(chosen.toPath());
                name.setText(c.name());
                bootstrap.setText(c.bootstrapServers());
                protocol.setValue(c.securityProtocol());
                mechanism.setValue(c.properties().getOrDefault("sasl.mechanism", mechanism.getValue()));
                user.setText(c.user());
                password.setText(c.password());
                truststore.setText(c.properties().getOrDefault("ssl.truststore.location", ""));
                truststorePassword.setText(c.properties().getOrDefault("ssl.truststore.password", ""));
                extra.set(extras(c));
                result.setText("Read " + chosen + (extra.get().isEmpty() ? "." : "; kept as they are: "
                        + String.join(", ", extra.get().keySet()) + "."));
            } catch (java.io.IOException | IllegalArgumentException ex) {
                result.setText("Could not read " + chosen + ": " + ex.getMessage());
            }
        });
        test.setOnAction(e -> check(form.get(), result, test, connectButton, null));
        // Connect tests first; the dialog stays open on a failure, with the sentence that says why.
        connectButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            boolean keep = remember.isSelected();
            check(form.get(), result, test, connectButton, made -> {
                dialog.close();
                // The keyring is a process: asked off the FX thread.
                CompletableFuture.runAsync(() -> org.slf4j.LoggerFactory.getLogger(ConnectionMenu.class).info(
                        "Connecting to {}; password kept: {}", made.connection(),
                        recent.remember(made.connection(), made.brokerCommands(), keep)), io);
                switchTo.accept(made);
            });
        });
        dialog.show();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, String text, String prompt) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(32);
        return f;
    }

    /** Tests the form's connection off the FX thread; on success, {@code then} gets the target (on the FX thread). */
    private void check(Form form, Label result, Button test, Button connect, Consumer<Target> then) {
        Target target;
        try {
            target = form.target();
        } catch (IllegalArgumentException ex) {
            result.setText(ex.getMessage());
            return;
        }
        result.setText("Testing " + target.connection().bootstrapServers() + " (at most "
                + ConnectionCheck.LIMIT.toSeconds() + " s)...");
        test.setDisable(true);
        connect.setDisable(true);
        CompletableFuture.supplyAsync(() -> ConnectionCheck.run(target.connection()), io).whenCompleteAsync((r, t) -> {
            test.setDisable(false);
            connect.setDisable(false);
            if (t != null) {
                org.slf4j.LoggerFactory.getLogger(ConnectionMenu.class).warn("The connection check failed", t);
                result.setText("The check itself failed: " + dev.kafkalab.common.Failures.message(t));
                return;
            }
            result.setText(r.message());
            boolean stillOpen = result.getScene() != null && result.getScene().getWindow() != null
                    && result.getScene().getWindow().isShowing();
            // The dialog grows to show the whole sentence and keep its buttons.
            if (result.getScene() != null && result.getScene().getWindow() != null) {
                result.getScene().getWindow().sizeToScene();
            }
            // Cancelled while the check ran: nothing is remembered or switched to.
            if (r.ok() && then != null && stillOpen) {
                then.accept(target);
            }
        }, ui);
    }

    /** The settings the form's fields do not show. */
    static java.util.Map<String, String> extras(Connection c) {
        java.util.Map<String, String> rest = new java.util.LinkedHashMap<>(c.properties());
        rest.keySet().removeAll(FIELDS);
        return rest;
    }

    private static final List<String> FIELDS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.location", "ssl.truststore.password");

    /** The form's fields (and the settings it does not show), turned into a target with one-sentence errors. */
    record Form(String name, String bootstrap, String protocol, String mechanism, String user, String password,
            String truststore, String truststorePassword, String commands, java.util.Map<String, String> extra) {

        Target target() {
            String label = name.isBlank() ? bootstrap.strip().split(",")[0] : name.strip();
            Connection fields = Connection.of(label, bootstrap, protocol, mechanism, user, password, truststore,
                    truststorePassword);
            java.util.Map<String, String> all = new java.util.LinkedHashMap<>(extra);
            all.putAll(fields.properties());
            Connection c = new Connection(label, fields.bootstrapServers(), all);
            Path file = null;
            if (!commands.isBlank()) {
                file = Path.of(commands.strip());
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("There is no broker commands file " + file + ".");
                }
                try {
                    BrokerCommands.read(file);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("Could not read " + file + ": " + e.getMessage());
                }
            }
            return new Target(c, file);
        }
    }
}
