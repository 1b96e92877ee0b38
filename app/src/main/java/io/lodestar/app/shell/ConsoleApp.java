package io.lodestar.app.shell;

import io.lodestar.app.nodes.RemoteNodes;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.Styles;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The console application: shows "starting the local node" at once, starts the embedded node (and
 * on first run the demo workspace) off the FX thread, then the main window managing it. Launched
 * by {@code io.lodestar.app.Main} when {@code ./lodestar} has no command.
 */
public final class ConsoleApp extends Application {

    /** The console's list of remote nodes, in its data folder (mode 0600: it holds tokens). */
    static final String REMOTES_FILE = "remote-nodes.json";

    private UiTasks tasks;
    private EmbeddedNode node;
    private MainWindow window;
    private Theme theme = Theme.LIGHT;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        tasks = UiTasks.fx();
        Messages m = Messages.forSystem();
        ProgressIndicator spin = new ProgressIndicator();
        Label text = new Label(m.get("shell.starting", EmbeddedNode.dataDir()));
        text.setWrapText(true);
        VBox starting = new VBox(12, spin, text);
        starting.setAlignment(Pos.CENTER);
        starting.getStyleClass().add(Styles.SCREEN);
        scene = new Scene(starting, 1280, 800);
        theme.apply(scene);
        stage.setTitle(m.get("app.title"));
        stage.setScene(scene);
        stage.show();
        NodeLog log = new NodeLog(EmbeddedNode.LOG_LINES);
        LineTee.installOnSystemErr(log::note); // the node logs through slf4j-simple to System.err
        tasks.run(() -> {
            Regions regions = Regions.load();
            IpLocator locator = IpLocator.load(regions);
            return new Started(EmbeddedNode.start(EmbeddedNode.dataDir(), regions, locator, log), regions, locator,
                    strategyFile(getParameters().getRaw()));
        }, s -> {
            node = s.node();
            open(m, s.regions(), s.locator());
            s.strategyFile().ifPresent(window::openStrategy);
        }, e -> text.setText(m.get("shell.startFailed", e.getMessage())));
    }

    private record Started(EmbeddedNode node, Regions regions, IpLocator locator, Optional<String> strategyFile) {
    }

    /** The text of the strategy file the desktop handed over ({@code lodestar FILE.lodestar}), if any and readable. */
    static Optional<String> strategyFile(java.util.List<String> args) {
        if (args.isEmpty() || !args.get(0).endsWith(".lodestar")) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.nio.file.Files.readString(java.nio.file.Path.of(args.get(0))));
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("lodestar: cannot read " + args.get(0) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Shows the main window; on a language switch the node managed, the domain and the screen stay. */
    private void open(Messages m, Regions regions, IpLocator locator) {
        Runnable toggleTheme = () -> {
            theme = theme.other();
            theme.apply(scene);
        };
        java.util.function.Consumer<java.util.Locale> language = l -> open(new Messages(l), regions, locator);
        if (window == null) {
            Session session = new Session(node.client(), tasks, m, regions, locator);
            window = new MainWindow(session, new ShellViewModel(session), node.client(), Optional.of(node),
                    RemoteNodes.in(EmbeddedNode.dataDir().resolve(REMOTES_FILE)), toggleTheme, language);
        } else {
            window = window.inLanguage(m, toggleTheme, language);
        }
        scene.setRoot(window);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        if (node != null) {
            node.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }

    /** For {@code Main}: blocks until the window closes. */
    public static void launchConsole(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
