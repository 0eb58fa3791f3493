package dev.kafkalab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A question asked in projector mode is as large as the window behind it. */
@ExtendWith(ApplicationExtension.class)
class ThemeDialogTest {

    private Stage stage;
    private FontScale scale;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StackPane root = new StackPane(new Label("behind"));
        scale = new FontScale(root);
        Scene scene = new Scene(root, 400, 300);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aDialogTakesItsOwnersFontSizeAndTheAppsStylesheet() throws Exception {
        double[] sizes = WaitForAsyncUtils.asyncFx(() -> {
            scale.bigger();
            scale.bigger();
            scale.bigger();
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete topic orders and all its records?");
            alert.initOwner(stage);
            Theme.follow(alert, stage);
            alert.getDialogPane().applyCss();
            Label content = (Label) alert.getDialogPane().lookup(".content");
            return new double[] {scale.px().get(), content == null ? -1 : content.getFont().getSize(),
                    alert.getDialogPane().getStylesheets().isEmpty() ? 0 : 1};
        }).get(10, TimeUnit.SECONDS);
        assertTrue(sizes[0] > FontScale.DEFAULT_PX, "projector mode made the window's font larger");
        assertEquals(sizes[0], sizes[1], 0.01, "the dialog's text at the window's size");
        assertEquals(1, sizes[2], "the app's stylesheet on the dialog");
    }
}
