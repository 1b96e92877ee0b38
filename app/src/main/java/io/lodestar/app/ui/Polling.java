package io.lodestar.app.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/** Runs a refresh on a timer while a screen is on the window, and not while it is not. */
public final class Polling {

    private Polling() {
    }

    /**
     * Calls {@code refresh} every {@code every} while {@code screen} is in a scene that is in a window
     * (a window that took another scene, or a screen taken off the window, stops it).
     */
    public static Timeline whileShown(Node screen, Duration every, Runnable refresh) {
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(every, e -> {
            if (screen.getScene() == null || screen.getScene().getWindow() == null) {
                poll.stop();
            } else {
                refresh.run();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        screen.sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        if (screen.getScene() != null) {
            poll.play();
        }
        return poll;
    }
}
