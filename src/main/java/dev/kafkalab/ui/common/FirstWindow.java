package dev.kafkalab.ui.common;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs something once, the first time a node is in a scene that is in a window, or once after a
 * scene's next layout pass. Pulses only come to such scenes: work that waits for the next layout
 * pass (making a list's cells ahead) must not start in an off-screen scene, such as the cluster
 * screen's rehearsal, where it would never end.
 */
public final class FirstWindow {

    private FirstWindow() {
    }

    /** FX thread. */
    public static void whenShown(Node node, Consumer<Scene> action) {
        node.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                node.sceneProperty().removeListener(this);
                if (scene.getWindow() != null) {
                    action.accept(scene);
                    return;
                }
                scene.windowProperty().addListener(new ChangeListener<Window>() {
                    @Override
                    public void changed(ObservableValue<? extends Window> w, Window before, Window window) {
                        if (window != null) {
                            scene.windowProperty().removeListener(this);
                            action.accept(scene);
                        }
                    }
                });
            }
        });
    }

    /**
     * Runs {@code action} once, after the scene's next layout pass (a screen just switched to is
     * laid out, a list has made its cells), and asks for that pass. FX thread.
     */
    public static void afterNextLayout(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
        javafx.application.Platform.requestNextPulse();
    }
}
