package dev.kafkalab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.ui.shell.ShellViewModel.Screen;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreensTest {

    @Test
    void aScreenIsNamedInLowerCaseAndAnUnknownNameIsNone() {
        assertEquals(Optional.of(Screen.MAP), Screens.named("map"));
        assertEquals(Optional.of(Screen.SLIDES), Screens.named("Slides"));
        assertEquals(Optional.empty(), Screens.named("maps"));
        assertEquals("cluster, produce, consume, labs, slides, quizzes, code, map", Screens.NAMES);
    }
}
