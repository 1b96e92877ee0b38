package io.lodestar.app.shell;

import io.lodestar.app.nodes.RemoteNode;
import io.lodestar.app.nodes.RemoteNodes;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private static LocalNode remote;
    private static LocalNode member;
    private static final RemoteNodes remotes = RemoteNodes.inMemory();
    private Stage stage;
    private MainWindow window;

    @BeforeAll
    static void startNode() throws Exception {
        node = EmbeddedNode.start(dir, LocalNode.REGIONS, LocalNode.LOCATOR);
        tasks = UiTasks.fx();
        remote = new LocalNode(dir.resolve("remote"));
        remotes.save(List.of(new RemoteNode(remote.admin().baseUrl(), LocalNode.ADMIN),
                new RemoteNode("http://127.0.0.1:1", "a-node-that-is-gone")));
        member = new LocalNode(dir.resolve("member"), "--site", "shanghai.CN/ct");
        node.client().addNode(member.admin().baseUrl(), LocalNode.ADMIN);
        Thread.sleep(6000); // let the demo's first probes come in, so health is measured, not unknown
    }

    @AfterAll
    static void stopNode() {
        remote.close();
        member.close();
        tasks.close();
        node.close();
    }

    @org.junit.jupiter.api.AfterEach
    void dispose() {
        if (window != null) {
            javafx.application.Platform.runLater(window::dispose);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Session open(FxRobot robot, Locale locale, Theme theme) {
        Session s = new Session(node.client(), tasks, new Messages(locale), LocalNode.REGIONS, LocalNode.LOCATOR);
        robot.interact(() -> {
            if (window != null) {
                window.dispose();
            }
            window = new MainWindow(s, new ShellViewModel(s), node.client(), Optional.of(node), remotes,
                    () -> { }, l -> { });
            Scene scene = new Scene(window, 1280, 760);
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

    /** Scrolls the Nodes screen down to the cluster members and selects the member. */
    private static void showMembers(FxRobot robot) {
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        robot.interact(() -> {
            robot.lookup("#nodesScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1);
            javafx.scene.control.TableView<?> t = robot.lookup("#membersTable").queryTableView();
            if (t.getItems().size() > 1) {
                t.getSelectionModel().select(1);
            }
        });
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
        robot.clickOn("#nav-contacts");
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        robot.interact(() -> {
            robot.lookup("#contactsTable").queryTableView().getSelectionModel().select(0);
            robot.lookup("#groupsTable").queryTableView().getSelectionModel().select(0);
        });
        robot.clickOn("#testContact");
        shoot(robot, "contacts");
        robot.clickOn("#nav-nodes");
        showMembers(robot);
        shoot(robot, "nodes");
        robot.clickOn("#nav-audit");
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        robot.interact(() -> robot.lookup("#auditTable").queryTableView().getSelectionModel().select(2));
        shoot(robot, "audit");
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
        robot.clickOn("#nav-nodes");
        showMembers(robot);
        shoot(robot, "nodes-zh");
    }

    @Test
    void scheduleMapAndHistory(FxRobot robot) throws Exception {
        Session s = open(robot, Locale.ENGLISH, Theme.LIGHT);
        robot.interact(() -> s.domainProperty().set("www.example.com"));
        robot.clickOn("#nav-schedule_map");
        robot.clickOn("#mapLines");
        robot.clickOn("#province-guangdong");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".ls-map-path-isp").queryAll().isEmpty());
        robot.moveTo("#province-beijing");
        shoot(robot, "map");
        robot.clickOn("#isp-cu");
        robot.interact(() -> s.domainProperty().set("api.example.com"));
        // Zhejiang's own endpoint 127.0.0.7 is down: its path shows the dead alternative
        robot.clickOn("#province-zhejiang");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".ls-map-path-isp").queryAll().isEmpty());
        robot.moveTo("#province-sichuan");
        shoot(robot, "map-isp");

        // a failover to compare with: Guangdong's endpoint stops answering its health checks
        robot.interact(() -> s.domainProperty().set("www.example.com"));
        long beforeFailure = System.currentTimeMillis();
        node.demo().stopServer("127.0.0.3");
        try {
            WaitForAsyncUtils.sleep(10, TimeUnit.SECONDS);
            robot.clickOn("#nav-history");
            robot.clickOn("#historyLast1h");
            WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
            javafx.scene.control.Slider slider = robot.lookup("#historySlider").queryAs(javafx.scene.control.Slider.class);
            robot.interact(() -> slider.setValue(beforeFailure));
            robot.clickOn("#historyCompare");
            robot.interact(() -> slider.setValue(slider.getMax()));
            robot.moveTo("#historyMoment");
            shoot(robot, "history-compare");
        } finally {
            node.demo().startServer("127.0.0.3");
            // the other screenshots show every demo server up: wait for the verdict to recover
            LocalNode.await(30, () -> node.client().endpoints("www.example.com").stream()
                    .allMatch(e -> e.status().equals("ok")), "127.0.0.3 ok again");
        }
    }

    @Test
    void trafficOperations(FxRobot robot) throws Exception {
        io.lodestar.engine.api.client.NodeClient c = node.client();
        String d = "shop.example.com";
        c.createDomain(d, true);
        try {
            c.addEndpoints(List.of(io.lodestar.engine.api.client.EndpointInfo.of(d, "127.0.0.2", "A", "beijing.CN", "ct", "origin", 1, true, true),
                    io.lodestar.engine.api.client.EndpointInfo.of(d, "127.0.0.3", "A", "guangdong.CN", "ct", "cdn", 1, true, true),
                    io.lodestar.engine.api.client.EndpointInfo.of(d, "127.0.0.4", "A", "shanghai.CN", "cu", "origin", 1, true, true)));
            c.putMonitor(d, c.monitor("www.example.com"));
            c.recommendStrategy(d);
            c.setStatus(d, "start");
            c.startRamp(d, new io.lodestar.engine.api.client.Traffic.RampInput("127.0.0.2", "127.0.0.3", "guangdong.CN/*",
                    List.of(1, 5, 25, 100), 600, 200));
            c.pauseRamp(d, true);
            c.pauseRamp(d, false);
            c.planDrill(d, List.of("127.0.0.4"), List.of(), "force");
            c.executeDrill(d);
            c.rollbackDrill(d);
            c.setSwitching(d, true);
            c.putProviders(d, new io.lodestar.engine.api.client.Traffic.Providers(true, "origin", List.of(
                    new io.lodestar.engine.api.client.Traffic.Provider("origin", "127.0.0.2"),
                    new io.lodestar.engine.api.client.Traffic.Provider("cdn-a", "127.0.0.3"),
                    new io.lodestar.engine.api.client.Traffic.Provider("cdn-b", "127.0.0.4")), List.of(
                    new io.lodestar.engine.api.client.Traffic.RegionRule("beijing.CN/*",
                            List.of(new io.lodestar.engine.api.client.Traffic.Target("origin", 1))),
                    new io.lodestar.engine.api.client.Traffic.RegionRule("mainland.CN/*", List.of(
                            new io.lodestar.engine.api.client.Traffic.Target("cdn-a", 3),
                            new io.lodestar.engine.api.client.Traffic.Target("cdn-b", 1))))));
            Session s = open(robot, Locale.ENGLISH, Theme.LIGHT);
            robot.interact(() -> s.domainProperty().set(d));
            robot.clickOn("#nav-traffic");
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            robot.interact(() -> robot.lookup("#drillEndpoints").queryListView().getSelectionModel().select(2));
            shoot(robot, "traffic");
            robot.interact(() -> {
                javafx.scene.control.ScrollPane sp = robot.lookup("#trafficScroll").queryAs(javafx.scene.control.ScrollPane.class);
                javafx.scene.Node section = robot.lookup("#providersSection").query();
                double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(Math.min(1, section.getBoundsInParent().getMinY() / room));
                robot.lookup("#providerRules").queryTableView().getSelectionModel().select(1);
            });
            shoot(robot, "traffic-providers");
            robot.clickOn("#nav-strategy");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#editorPools").queryLabeled().isVisible());
            shoot(robot, "strategy-compiled");
        } finally {
            c.setSwitching(d, false);
            c.setStatus(d, "stop");
            c.deleteDomain(d);
        }
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
