package dev.kafkalab.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * A node's one-of-several state (running / killed / frozen..., in sync / out...) shown through CSS
 * pseudo-classes. Switching a pseudo-class only moves the node between styles it already has;
 * swapping a style class makes JavaFX match the whole stylesheet again for the node and all its
 * children, which on a broker kill (hundreds of chips, four cards) was the longest FX-thread work.
 */
public final class PseudoStates {

    private final Map<String, PseudoClass> states = new LinkedHashMap<>();

    public PseudoStates(String... names) {
        for (String name : names) {
            states.put(name, PseudoClass.getPseudoClass(name));
        }
    }

    /** Turns {@code wanted} on and every other state of this set off; {@code null} turns all off. */
    public void show(Node node, String wanted) {
        if (wanted != null && !states.containsKey(wanted)) {
            throw new IllegalArgumentException("unknown state " + wanted + ", expected one of " + states.keySet());
        }
        states.forEach((name, pc) -> node.pseudoClassStateChanged(pc, name.equals(wanted)));
    }

    /** Whether {@code node} shows the pseudo-class {@code name}; for tests and look-ups. */
    public static boolean has(Node node, String name) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(name));
    }
}
