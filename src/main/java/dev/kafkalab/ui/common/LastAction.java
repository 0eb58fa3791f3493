package dev.kafkalab.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The command line under every screen: the Kafka command for the last action, whichever screen
 * did it, and what came of it. Screens' view models announce; the shell shows.
 */
public final class LastAction {

    // Properties
    private final ReadOnlyStringWrapper cliEquivalent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** The Kafka command that does what the last action did, ready to copy; empty before any. */
    public ReadOnlyStringProperty cliEquivalent() {
        return cliEquivalent.getReadOnlyProperty();
    }

    /** What came of the last action, or what it is doing now. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    // Commands

    /** A new action: its command line and its first word on how it went. On the FX thread. */
    public void announce(String cli, String outcome) {
        cliEquivalent.set(cli);
        message.set(outcome);
    }

    /** A later word on the same action. On the FX thread. */
    public void say(String outcome) {
        message.set(outcome);
    }

    /** The same action's command line, when it is known only later. On the FX thread. */
    public void command(String cli) {
        cliEquivalent.set(cli);
    }
}
