package io.lodestar.app.testing;

import io.lodestar.app.shell.MainWindow;
import io.lodestar.app.shell.Session;
import io.lodestar.app.shell.ShellViewModel;
import io.lodestar.app.shell.Theme;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.NodeClient;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The console's main window on a TestFX stage, managing {@code client}, in English and the light theme. */
public final class Windows {

    private Windows() {
    }

    public static MainWindow show(Stage stage, NodeClient client, UiTasks tasks) {
        Session session = new Session(client, tasks, new Messages(Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
        MainWindow window = new MainWindow(session, new ShellViewModel(session), client, () -> { }, l -> { });
        Scene scene = new Scene(window, 1280, 800);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /**
     * Clicks the node {@code find} answers until {@code done} holds (at most {@code tries} times): a
     * table refilled from the node between finding a cell and clicking it loses the click, so the
     * user would click again, and so does the test.
     */
    public static void clickUntil(org.testfx.api.FxRobot robot, java.util.function.Supplier<javafx.scene.Node> find,
                                  Callable<Boolean> done, int tries) throws Exception {
        for (int i = 0; i < tries && !done.call(); i++) {
            try {
                waitFor(10, () -> find.get() != null && find.get().getScene() != null);
                robot.clickOn(find.get());
            } catch (RuntimeException | TimeoutException refilled) {
                // found again on the next round
            }
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        }
        if (!done.call()) {
            throw new AssertionError("clicking " + tries + " times did not do it");
        }
    }

    /** Waits up to {@code seconds} for {@code condition}, checked on the test's thread. */
    public static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
