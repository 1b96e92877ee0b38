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

    /** Waits up to {@code seconds} for {@code condition}, checked on the test's thread. */
    public static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
