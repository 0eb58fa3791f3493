package dev.kafkalab.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The one theme: AtlantaFX Primer, light or dark, plus the app's own stylesheet. */
public final class Theme {

    private static final String APP_CSS = Theme.class.getResource("/dev/kafkalab/ui/app.css").toExternalForm();
    private static boolean dark;

    private Theme() {
    }

    public static void apply(Scene scene) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }

    public static void toggleDark(Scene scene) {
        dark = !dark;
        apply(scene);
    }

    public static boolean isDark() {
        return dark;
    }

    /**
     * A dialog over {@code owner} looks like it: the app's stylesheet, and the owner's font size,
     * so a question asked at 150% (projector mode) is as readable as the window behind it.
     */
    public static void follow(javafx.scene.control.Dialog<?> dialog, javafx.stage.Window owner) {
        javafx.scene.control.DialogPane pane = dialog.getDialogPane();
        if (!pane.getStylesheets().contains(APP_CSS)) {
            pane.getStylesheets().add(APP_CSS);
        }
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot() != null) {
            pane.setStyle(owner.getScene().getRoot().getStyle());
        }
    }
}
