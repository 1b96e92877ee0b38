package io.lodestar.app.shell;

import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders each built screen to a PNG in the folder named by {@code -Dlodestar.screens} (bench/screens.sh),
 * against an embedded node with the demo workspace. Skipped in the normal test run.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "lodestar.screens", matches = ".+")
class ScreenTour {

    @TempDir
    static Path dir;
    private static EmbeddedNode node;
    private static UiTasks tasks;
    private Stage stage;

    @BeforeAll
    static void startNode() throws Exception {
        node = EmbeddedNode.start(dir, LocalNode.REGIONS, LocalNode.LOCATOR);
        tasks = UiTasks.fx();
        Thread.sleep(6000); // let the demo's first probes come in, so health is measured, not unknown
    }

    @AfterAll
    static void stopNode() {
        tasks.close();
        node.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Session open(FxRobot robot, Locale locale, Theme theme) {
        Session s = new Session(node.client(), tasks, new Messages(locale), LocalNode.REGIONS, LocalNode.LOCATOR);
        robot.interact(() -> {
            Scene scene = new Scene(new MainWindow(s, new ShellViewModel(s), node.client(), () -> { }, l -> { }), 1280, 760);
            theme.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        return s;
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.sleep(2500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        Path out = Path.of(System.getProperty("lodestar.screens"));
        Files.createDirectories(out);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot write " + name, e);
        }
    }

    @Test
    void everyBuiltScreen(FxRobot robot) throws Exception {
        Session s = open(robot, Locale.ENGLISH, Theme.LIGHT);
        shoot(robot, "domains");
        robot.interact(() -> s.domainProperty().set("api.example.com"));
        robot.clickOn("#nav-endpoints");
        shoot(robot, "endpoints");
        robot.interact(() -> s.domainProperty().set("www.example.com"));
        robot.clickOn("#nav-monitors");
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        robot.clickOn("#probeNow");
        shoot(robot, "monitors");
        robot.clickOn("#nav-access");
        robot.clickOn("#newTokenName").write("viewer");
        robot.clickOn("#createToken");
        shoot(robot, "access");
        java.util.Optional<Screen> notBuilt = java.util.Arrays.stream(Screen.values()).filter(x -> !x.built()).findFirst();
        if (notBuilt.isPresent()) {
            robot.clickOn("#nav-" + notBuilt.get().name().toLowerCase(Locale.ROOT));
            shoot(robot, "coming-later");
        }
        robot.clickOn("#nav-access");
        robot.clickOn("#useToken");
        robot.clickOn("#nav-domains");
        shoot(robot, "read-only");

        Session dark = open(robot, Locale.ENGLISH, Theme.DARK);
        robot.interact(() -> dark.domainProperty().set("api.example.com"));
        robot.clickOn("#nav-endpoints");
        shoot(robot, "endpoints-dark");

        open(robot, Locale.SIMPLIFIED_CHINESE, Theme.LIGHT);
        shoot(robot, "domains-zh");
    }

    @Test
    void strategyEditor(FxRobot robot) throws Exception {
        Session s = open(robot, Locale.ENGLISH, Theme.LIGHT);
        robot.interact(() -> s.domainProperty().set("www.example.com"));
        robot.clickOn("#nav-strategy");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#strategyCanvas")
                .queryAs(io.lodestar.app.strategy.TreeCanvas.class).boxCount() >= 7);
        io.lodestar.app.strategy.TreeCanvas canvas = robot.lookup("#strategyCanvas").queryAs(io.lodestar.app.strategy.TreeCanvas.class);
        javafx.scene.Node root = canvas.lookupAll(".ls-tree-rule").iterator().next();
        robot.clickOn(root);
        shoot(robot, "strategy-editor");
        robot.clickOn("Simulate");
        robot.clickOn(robot.lookup("#simFailed .check-box").<javafx.scene.Node>query()); // 127.0.0.2 fails (what-if)
        robot.clickOn("#simulate");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !canvas.lookupAll(".ls-tree-path").isEmpty());
        shoot(robot, "strategy-simulation");
        robot.clickOn("#clearSimulation");
        robot.clickOn(canvas.box("上海").orElseThrow());
        robot.type(javafx.scene.input.KeyCode.DELETE);
        robot.clickOn("#publish");
        shoot(robot, "strategy-publish");
    }
}
