package io.lodestar.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.EmbeddedNode;
import io.lodestar.app.shell.MainWindow;
import io.lodestar.app.shell.Session;
import io.lodestar.app.shell.ShellViewModel;
import io.lodestar.app.shell.Theme;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The schedule map and its history driven as a user drives them (headless Monocle), against an
 * embedded node with the demo workspace: www.example.com answers 127.0.0.2 (Beijing), 127.0.0.3
 * (Guangdong) and 127.0.0.4 (Shanghai), each behind a local HTTP server, so failing one is real.
 */
@ExtendWith(ApplicationExtension.class)
class MapUiTest {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path dir;
    private static EmbeddedNode node;
    private static UiTasks tasks;
    private static Instant started;
    private Session session;
    private MainWindow window;

    @BeforeAll
    static void startNode() throws Exception {
        started = Instant.now().minusSeconds(2);
        node = EmbeddedNode.start(dir, LocalNode.REGIONS, LocalNode.LOCATOR);
        tasks = UiTasks.fx();
    }

    @AfterAll
    static void stopNode() {
        tasks.close();
        node.close();
    }

    @Start
    void start(Stage stage) {
        session = new Session(node.client(), tasks, new Messages(Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
        window = new MainWindow(session, new ShellViewModel(session), node.client(), () -> { }, l -> { });
        Scene scene = new Scene(window, 1280, 800);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void dispose() {
        window.dispose();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void openMapOf(FxRobot robot, String domain) throws Exception {
        robot.clickOn("#nav-schedule_map");
        ComboBox<String> combo = robot.lookup("#mapDomain").queryComboBox();
        waitFor(10, () -> combo.getItems().contains(domain));
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(n -> domain.equals(((javafx.scene.control.Labeled) n).getText())).<Node>query());
        waitFor(5, () -> domain.equals(session.domainProperty().get()));
    }

    /** The colour class of a province on the map with this id ({@code ls-map-c1} …). */
    private static String colour(FxRobot robot, String mapId, String province) {
        return robot.lookup(mapId + " #province-" + province).query().getStyleClass().get(1);
    }

    @Test
    void hoveringBeijingShowsEachIspsAnswersForTheChosenDomain(FxRobot robot) throws Exception {
        openMapOf(robot, "www.example.com");
        waitFor(20, () -> colour(robot, ".ls-map", "beijing").equals("ls-map-c0"));
        robot.moveTo("#province-beijing");
        Label tip = robot.lookup("#mapTooltip").queryAs(Label.class);
        waitFor(5, tip::isVisible);
        assertTrue(tip.getText().startsWith("Beijing\nChina Telecom: 127.0.0.2 100%\n"), tip.getText());
        assertEquals(7, tip.getText().split("\n").length, tip.getText());
        robot.moveTo("#mapLines");
        waitFor(5, () -> !tip.isVisible());

        Path png = dir.resolve("map.png");
        ChinaMap map = robot.lookup(".ls-map").queryAs(ChinaMap.class);
        robot.interact(() -> {
            try {
                MapWidgets.writePng(map, png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(map.getWidth()), img.getWidth(), "the export is the map as shown");
    }

    @Test
    void clickingGuangdongShowsItsPathThroughTheStrategyTreeForTheChosenIsp(FxRobot robot) throws Exception {
        openMapOf(robot, "www.example.com");
        robot.clickOn("#isp-ct");
        robot.clickOn("#province-guangdong");
        Label title = robot.lookup("#provinceTitle").queryAs(Label.class);
        waitFor(5, () -> title.getText().equals("Guangdong"));
        javafx.scene.layout.VBox detail = robot.lookup("#provinceDetail").queryAs(javafx.scene.layout.VBox.class);
        // the panel's path is the node's own trace: its rows are the trace's steps with a share, its answers the trace's
        waitFor(10, () -> {
            var sim = node.client().simulate("www.example.com",
                    io.lodestar.engine.api.client.Simulation.Request.group("guangdong.CN", "ct"));
            List<String> shown = robot.lookup("#provinceDetail .ls-map-path-step").queryAll().stream()
                    .map(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(0)).getText()).toList();
            List<String> traced = sim.trace().stream().filter(st -> st.share() > 0)
                    .map(st -> st.node().substring(st.node().lastIndexOf('/') + 1)).toList();
            Node last = detail.getChildren().get(detail.getChildren().size() - 1);
            return shown.containsAll(traced) && !traced.isEmpty()
                    && ((Label) detail.getChildren().get(0)).getText().equals("China Telecom")
                    && last instanceof Label l && l.getText().startsWith("Answers: " + sim.answers().get(0).endpoint());
        });
        assertEquals(1, robot.lookup("#provinceDetail .ls-map-path-isp").queryAll().size(), "one ISP chosen, one path");
        assertTrue(!robot.lookup("#provinceDetail .ls-map-state-alive").queryAll().isEmpty());

        // all ISPs: Guangdong's users of every ISP take the same path in the demo, so one block for all
        robot.clickOn("#isp-all");
        waitFor(10, () -> robot.lookup("#provinceDetail .ls-map-path-isp").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList().equals(List.of("All ISPs")));
    }

    @Test
    void failingAnEndpointRecoloursItsProvincesAndTheHistorySliderShowsTheOldColours(FxRobot robot) throws Exception {
        openMapOf(robot, "www.example.com");
        // 127.0.0.3 is the domain's second endpoint: colour slot 1, Guangdong's answer while it is up
        waitFor(30, () -> colour(robot, ".ls-map", "guangdong").equals("ls-map-c1"));
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        Instant beforeFailure = Instant.now();
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertTrue(node.demo().stopServer("127.0.0.3"));
        try {
            waitFor(20, () -> !colour(robot, ".ls-map", "guangdong").equals("ls-map-c1"));
            String after = colour(robot, ".ls-map", "guangdong");
            assertTrue(after.equals("ls-map-c0") || after.equals("ls-map-c2"), after);
            waitFor(5, () -> robot.lookup(".ls-map-marker-fail").tryQuery().isPresent());

            robot.clickOn("#nav-history");
            robot.doubleClickOn("#historyFrom").push(KeyCode.CONTROL, KeyCode.A)
                    .write(FIELD.format(LocalDateTime.ofInstant(started, ZoneId.systemDefault())));
            robot.doubleClickOn("#historyTo").push(KeyCode.CONTROL, KeyCode.A)
                    .write(FIELD.format(LocalDateTime.ofInstant(Instant.now().plusSeconds(1), ZoneId.systemDefault())));
            robot.clickOn("#historyLoad");
            Slider slider = robot.lookup("#historySlider").queryAs(Slider.class);
            long from = started.toEpochMilli() / 1000 * 1000;
            waitFor(10, () -> slider.getMin() == from && colour(robot, "#historyMap", "guangdong").equals(after));

            // drag the thumb back to a moment between the first results and the failure
            Bounds track = robot.lookup("#historySlider .track").query().localToScreen(
                    robot.lookup("#historySlider .track").query().getBoundsInLocal());
            double f = (beforeFailure.toEpochMilli() - slider.getMin()) / (slider.getMax() - slider.getMin());
            Point2D target = new Point2D(track.getMinX() + f * track.getWidth(), track.getCenterY());
            robot.drag("#historySlider .thumb").dropTo(target);
            try {
                waitFor(5, () -> colour(robot, "#historyMap", "guangdong").equals("ls-map-c1"));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("at " + Instant.ofEpochMilli((long) slider.getValue()) + " aimed " + beforeFailure
                        + " range " + Instant.ofEpochMilli((long) slider.getMin()) + ".." + Instant.ofEpochMilli((long) slider.getMax())
                        + " colour " + colour(robot, "#historyMap", "guangdong") + " moment "
                        + robot.lookup("#historyMoment").queryAs(Label.class).getText() + " history "
                        + node.client().distributionHistory("www.example.com", started, Instant.now()).moments().stream()
                        .map(m -> m.at() + " " + m.reason()).toList());
            }
            assertTrue(Math.abs(slider.getValue() - beforeFailure.toEpochMilli()) < 3000, "thumb near the moment aimed at");
            assertTrue(robot.lookup("#historyMoment").queryAs(Label.class).getText().contains("2"));
        } finally {
            node.demo().startServer("127.0.0.3");
        }
    }
}
