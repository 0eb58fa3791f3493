package dev.kafkalab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

class PseudoStatesTest {

    private final PseudoStates states = new PseudoStates("in-sync", "out", "offline");

    @Test
    void showingAStateTurnsTheOthersOff() {
        Region chip = new Region();
        states.show(chip, "in-sync");
        states.show(chip, "out");
        assertTrue(PseudoStates.has(chip, "out"));
        assertFalse(PseudoStates.has(chip, "in-sync"), "the previous state is cleared");
        assertEquals(1, chip.getPseudoClassStates().size());
    }

    @Test
    void nullClearsEveryStateOfTheSetAndNoOther() {
        Region chip = new Region();
        javafx.css.PseudoClass other = javafx.css.PseudoClass.getPseudoClass("hover-like");
        chip.pseudoClassStateChanged(other, true);
        states.show(chip, "offline");
        states.show(chip, null);
        assertFalse(PseudoStates.has(chip, "offline"));
        assertTrue(chip.getPseudoClassStates().contains(other), "states outside the set are left alone");
    }

    @Test
    void anUnknownStateIsAProgrammingErrorNamedAsSuch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> states.show(new Region(), "elr"));
        assertTrue(e.getMessage().contains("elr"), e.getMessage());
    }
}
