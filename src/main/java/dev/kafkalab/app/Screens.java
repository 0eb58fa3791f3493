package dev.kafkalab.app;

import dev.kafkalab.ui.shell.ShellViewModel.Screen;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The screens by the names {@code --screen} takes: cluster, map, produce, ... */
final class Screens {

    /** Every name, for the message that lists them. */
    static final String NAMES = Arrays.stream(Screen.values()).map(Screens::name).collect(Collectors.joining(", "));

    private Screens() {
    }

    static Optional<Screen> named(String name) {
        return Arrays.stream(Screen.values()).filter(s -> name(s).equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    static String name(Screen s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
