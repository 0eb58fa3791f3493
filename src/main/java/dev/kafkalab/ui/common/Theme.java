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
}
