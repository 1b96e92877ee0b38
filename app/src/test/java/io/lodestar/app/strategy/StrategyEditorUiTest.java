package io.lodestar.app.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.app.shell.Theme;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.NodeClient;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The editor driven by real drags (press, move, release on the canvas's node coordinates) from an
 * empty domain to the seed's 就近接入+自动容错 and 智能解析 trees, published, then checked by DNS
 * queries (with EDNS Client Subnet) to the node on loopback. Refused drops, undo and redo.
 */
@ExtendWith(ApplicationExtension.class)
class StrategyEditorUiTest {

    private static Path dir;
    private static LocalNode node;
    private static UiTasks tasks;
    private Session session;
    private StrategyView view;

    @BeforeAll
    static void startNode() throws Exception {
        dir = Files.createTempDirectory("lodestar-editor-ui");
        node = new LocalNode(dir);
        tasks = UiTasks.fx();
    }

    @AfterAll
    static void stopNode() {
        tasks.close();
        node.close();
    }

    @Start
    void start(Stage stage) {
        session = new Session(node.admin(), tasks, new Messages(Locale.ENGLISH), LocalNode.REGIONS, LocalNode.LOCATOR);
        view = new StrategyView(session, new StrategyViewModel(session));
        Scene scene = new Scene(view, 1280, 800);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void open(FxRobot robot, String domain) throws Exception {
        robot.interact(() -> {
            session.domainsRead(List.of(domain));
            session.domainProperty().set(domain);
        });
        waitFor(15, () -> robot.lookup("#palette-ep-1_1_1_1").tryQuery().isPresent() && !session.readOnlyProperty().get());
    }

    private Node box(String traceName) {
        return view.canvas().box(traceName).orElseThrow(() -> new AssertionError("no box " + traceName));
    }

    /** A real drag: press on {@code from}, move in steps to {@code to}, release there. */
    private static void drag(FxRobot robot, Node from, Node to) {
        robot.moveTo(from).press(MouseButton.PRIMARY).moveBy(8, 8).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void dragToEmptyCanvas(FxRobot robot, String paletteId) {
        Node canvas = view.canvas();
        robot.moveTo(robot.lookup(paletteId).<Node>query()).press(MouseButton.PRIMARY).moveBy(8, 8)
                .moveTo(canvas).moveBy(0, -100).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void publish(FxRobot robot, String domain, int versions) throws Exception {
        robot.clickOn("#publish");
        waitFor(20, () -> !robot.lookup("#confirmPublish").queryButton().isDisabled());
        robot.clickOn("#confirmPublish");
        waitFor(20, () -> node.admin().strategyVersions(domain).size() == versions);
    }

    /** The A answers for a client subnet, asked over UDP with EDNS Client Subnet. */
    private static Set<String> ask(String domain, String subnet) throws Exception {
        SimpleResolver r = new SimpleResolver(node.dns());
        r.setTimeout(Duration.ofSeconds(3));
        String[] p = subnet.split("/");
        r.setEDNS(0, 1232, 0, List.of(new ClientSubnetOption(Integer.parseInt(p[1]), InetAddress.getByName(p[0]))));
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < 12; i++) {
            Message m = r.send(Message.newQuery(org.xbill.DNS.Record.newRecord(
                    Name.fromString(domain + ".gtm.lodestar.test."), Type.A, DClass.IN)));
            for (org.xbill.DNS.Record rec : m.getSection(Section.ANSWER)) {
                if (rec instanceof ARecord) {
                    out.add(((ARecord) rec).getAddress().getHostAddress());
                }
            }
        }
        return out;
    }

    @Test
    void dragsTheSeedsNearestWithFailoverTreeFromAnEmptyDomainAndDnsFollowsIt(FxRobot robot) throws Exception {
        NodeClient c = node.admin();
        StrategyViewModelTest.nearestDomain(c, "near.example.com");
        open(robot, "near.example.com");
        dragToEmptyCanvas(robot, "#palette-geoProximity");
        waitFor(5, () -> view.canvas().box("geoProximity-1").isPresent());
        for (String ip : List.of("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4")) {
            drag(robot, robot.lookup("#palette-ep-" + ip.replace('.', '_')).query(), box("geoProximity-1"));
            waitFor(5, () -> view.canvas().box("geoProximity-1/" + ip).isPresent());
        }
        assertEquals(5, view.canvas().boxCount());
        publish(robot, "near.example.com", 1);
        assertEquals(Set.of("1.1.1.1"), ask("near.example.com", "111.13.100.0/24"), "Beijing goes to Beijing");
        assertEquals(Set.of("2.2.2.2"), ask("near.example.com", "211.136.112.0/24"), "Shanghai goes to Shanghai");
        assertEquals(Set.of("3.3.3.3", "4.4.4.4"), ask("near.example.com", "202.96.128.0/24"), "Guangdong splits");
    }

    @Test
    void dragsTheSeedsSmartResolutionTreeSetsUserGroupsAndDnsFollowsIt(FxRobot robot) throws Exception {
        NodeClient c = node.admin();
        c.createDomain("smart.example.com", true);
        c.addEndpoints(List.of(StrategyViewModelTest.ep("smart.example.com", "1.1.1.1", "shanghai.CN", "ct"),
                StrategyViewModelTest.ep("smart.example.com", "2.2.2.2", "guangdong.CN", "cm"),
                StrategyViewModelTest.ep("smart.example.com", "3.3.3.3", "beijing.CN", "cu")));
        open(robot, "smart.example.com");
        dragToEmptyCanvas(robot, "#palette-userGroupMapping");
        waitFor(5, () -> view.canvas().box("userGroupMapping-1").isPresent());
        for (String ip : List.of("2.2.2.2", "3.3.3.3", "1.1.1.1")) {
            drag(robot, robot.lookup("#palette-ep-" + ip.replace('.', '_')).query(), box("userGroupMapping-1"));
            waitFor(5, () -> view.canvas().box("userGroupMapping-1/" + ip).isPresent());
        }
        robot.clickOn(box("userGroupMapping-1/2.2.2.2"));
        robot.clickOn("#propUsersets").write("*/cm");
        robot.clickOn("#applyProps");
        robot.clickOn(box("userGroupMapping-1/3.3.3.3"));
        robot.clickOn("#groupGrid");
        robot.clickOn("#group-beijing_CN-all");
        robot.clickOn("#group-tianjin_CN-all");
        robot.clickOn("#applyProps");
        waitFor(5, () -> view.canvas().box("userGroupMapping-1/3.3.3.3").isPresent()
                && edgeLabels().contains("beijing.CN/*;tianjin.CN/*") && edgeLabels().contains("*/cm"));
        publish(robot, "smart.example.com", 1);
        assertEquals(Set.of("3.3.3.3"), ask("smart.example.com", "111.13.100.0/24"), "Beijing mobile: the finer area wins");
        assertEquals(Set.of("2.2.2.2"), ask("smart.example.com", "211.136.112.0/24"), "Shanghai mobile: */cm");
        assertEquals(Set.of("1.1.1.1"), ask("smart.example.com", "58.247.0.0/24"), "Shanghai unicom: the default group");
        assertEquals(Set.of("3.3.3.3"), ask("smart.example.com", "218.30.64.0/24"), "Beijing telecom");
    }

    private Set<String> edgeLabels() {
        Set<String> out = new TreeSet<>();
        view.canvas().lookupAll(".ls-tree-edge-label").forEach(n -> out.add(((Label) n).getText()));
        return out;
    }

    @Test
    void refusedDropsSayWhyAtThePointerAndUndoRedoKeysAndTheContextMenuWork(FxRobot robot) throws Exception {
        NodeClient c = node.admin();
        StrategyViewModelTest.nearestDomain(c, "refuse.example.com");
        open(robot, "refuse.example.com");
        dragToEmptyCanvas(robot, "#palette-priority");
        waitFor(5, () -> view.canvas().box("priority-1").isPresent());
        drag(robot, robot.lookup("#palette-wrr").query(), box("priority-1"));
        waitFor(5, () -> view.canvas().box("wrr-1").isPresent());
        drag(robot, robot.lookup("#palette-ep-1_1_1_1").query(), box("wrr-1"));
        waitFor(5, () -> view.canvas().box("wrr-1/1.1.1.1").isPresent());

        drag(robot, robot.lookup("#palette-ep-2_2_2_2").query(), box("wrr-1/1.1.1.1"));
        Label hint = robot.lookup("#dropHint").queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertEquals("Refused: 1.1.1.1 is an endpoint; only rules have children.", hint.getText());
        assertEquals(hint.getText(), robot.lookup("#editorMessage").queryAs(Label.class).getText());

        drag(robot, box("priority-1"), box("wrr-1"));
        assertEquals("Refused: wrr-1 lies inside priority-1; a node cannot go under itself (cycle).", hint.getText());
        assertEquals(3, view.canvas().boxCount(), "refused drops change nothing");

        robot.clickOn("#undo");
        waitFor(5, () -> view.canvas().boxCount() == 2);
        robot.clickOn("#redo");
        waitFor(5, () -> view.canvas().boxCount() == 3);

        drag(robot, box("wrr-1/1.1.1.1"), box("priority-1"));
        waitFor(5, () -> view.canvas().box("priority-1/1.1.1.1").isPresent());
        robot.clickOn(box("wrr-1"));
        robot.type(KeyCode.DELETE);
        waitFor(5, () -> view.canvas().box("wrr-1").isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(5, () -> view.canvas().box("wrr-1").isPresent());
        robot.type(KeyCode.HOME);
        assertEquals(view.canvas().box("priority-1").isPresent(), true);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(5, () -> view.canvas().box("wrr-1/1.1.1.1").isPresent());

        robot.rightClickOn(box("wrr-1"));
        robot.clickOn("Delete");
        waitFor(5, () -> view.canvas().box("wrr-1").isEmpty() && view.canvas().boxCount() == 1);
    }
}
