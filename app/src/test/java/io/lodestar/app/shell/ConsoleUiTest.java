package io.lodestar.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.endpoints.EndpointRow;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.ui.Messages;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.DomainInfo;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * The console driven as a user drives it (headless Monocle), against a real embedded node with the
 * demo workspace: its loopback HTTP servers make health real.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {

    @TempDir
    static Path dir;
    private static EmbeddedNode node;
    private static UiTasks tasks;
    private Session session;
    private MainWindow window;

    @BeforeAll
    static void startNode() throws Exception {
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

    private void chooseDomain(FxRobot robot, String comboId, String domain) throws Exception {
        ComboBox<String> combo = robot.lookup(comboId).queryComboBox();
        waitFor(10, () -> combo.getItems().contains(domain));
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(n -> domain.equals(((javafx.scene.control.Labeled) n).getText()))
                .<Node>query());
        waitFor(5, () -> domain.equals(session.domainProperty().get()));
    }

    @Test
    void createsADomainByTypingItsNameAndShowsItsCnameRecord(FxRobot robot) throws Exception {
        robot.clickOn("#nav-domains");
        robot.clickOn("#newDomain").write("shop.example.com");
        robot.clickOn("#createDomain");
        TableView<DomainInfo> table = robot.lookup("#domainsTable").queryTableView();
        waitFor(10, () -> table.getItems().stream().anyMatch(d -> d.domain().equals("shop.example.com")));
        waitFor(5, () -> robot.lookup("#cnameRecord").queryAs(Label.class).getText()
                .equals("shop.example.com. 60 IN CNAME shop.example.com.gtm.lodestar.test."));
        assertEquals("", robot.lookup("#newDomain").queryAs(TextField.class).getText());
    }

    @Test
    void addsEndpointsByTypingAnIpWithAreaAndIspFilledAtOnce(FxRobot robot) throws Exception {
        node.client().createDomain("typed.example.com", true);
        robot.clickOn("#nav-endpoints");
        chooseDomain(robot, "#endpointsDomain", "typed.example.com");
        robot.clickOn("#newValue").write("202.96.128.86");
        assertEquals("guangdong.CN", robot.lookup("#newArea").queryAs(TextField.class).getText());
        assertEquals("ct", robot.lookup("#newIsp").queryAs(TextField.class).getText());
        robot.clickOn("#addEndpoint");
        TableView<EndpointRow> table = robot.lookup("#endpointsTable").queryTableView();
        waitFor(10, () -> table.getItems().size() == 1);
        assertEquals("202.96.128.86", table.getItems().get(0).value());
        assertEquals("guangdong.CN", node.client().endpoints("typed.example.com").get(0).area());
    }

    @Test
    void configuresAMonitorAndShowsTheNodesMessageBesideTheField(FxRobot robot) throws Exception {
        node.client().createDomain("watched.example.com", true);
        robot.clickOn("#nav-monitors");
        chooseDomain(robot, "#monitorsDomain", "watched.example.com");
        waitFor(10, () -> "60".equals(robot.lookup("#monitor-interval").queryAs(TextField.class).getText()));
        robot.clickOn("#monitor-port").push(KeyCode.CONTROL, KeyCode.A).write("70000");
        robot.clickOn("#saveMonitor");
        Label portError = robot.lookup("#monitor-port-error").queryAs(Label.class);
        waitFor(10, () -> portError.getText().contains("65535"));
        assertEquals("70000", robot.lookup("#monitor-port").queryAs(TextField.class).getText());
        robot.clickOn("#monitor-port").push(KeyCode.CONTROL, KeyCode.A).write("8080");
        robot.clickOn("#monitor-interval").push(KeyCode.CONTROL, KeyCode.A).write("5");
        robot.clickOn("#monitor-timeout").push(KeyCode.CONTROL, KeyCode.A).write("2");
        robot.clickOn("#saveMonitor");
        waitFor(10, () -> node.client().monitor("watched.example.com").configured());
        assertEquals(8080, node.client().monitor("watched.example.com").port());
        assertEquals(5, node.client().monitor("watched.example.com").interval());
        waitFor(5, portError.getText()::isEmpty);
    }

    @Test
    void anEndpointGoesFailWhenItsLocalServerStops(FxRobot robot) throws Exception {
        robot.clickOn("#nav-endpoints");
        chooseDomain(robot, "#endpointsDomain", "www.example.com");
        TableView<EndpointRow> table = robot.lookup("#endpointsTable").queryTableView();
        Callable<String> status = () -> table.getItems().stream().filter(r -> r.value().equals("127.0.0.3"))
                .map(r -> r.statusProperty().get()).findFirst().orElse("");
        waitFor(20, () -> status.call().equals("ok"));
        assertTrue(node.demo().stopServer("127.0.0.3"));
        try {
            waitFor(20, () -> status.call().equals("fail"));
            waitFor(5, () -> robot.lookup(".ls-health-fail").tryQuery().isPresent());
            waitFor(5, () -> robot.lookup("#statusFailing").queryAs(Label.class).getText().matches("[2-9] failing endpoints"));
        } finally {
            node.demo().startServer("127.0.0.3");
        }
    }

    @Test
    void aReadOnlyTokenDisablesEditingEverywhereAndSaysWhy(FxRobot robot) throws Exception {
        robot.clickOn("#nav-access");
        robot.clickOn("#newTokenName").write("viewer");
        robot.clickOn("#createToken");
        waitFor(10, () -> !robot.lookup("#issuedSecret").queryAs(TextField.class).getText().isEmpty());
        robot.clickOn("#useToken");
        Label banner = robot.lookup("#readOnlyBanner").queryAs(Label.class);
        waitFor(10, () -> banner.isVisible() && banner.getText().contains("'viewer' has role read"));
        robot.clickOn("#nav-domains");
        waitFor(5, () -> robot.lookup("#createDomain").queryButton().isDisabled());
        assertTrue(robot.lookup("#newDomain").query().isDisabled());
        assertTrue(robot.lookup("#startDomain").queryAs(Button.class).isDisabled());
        robot.clickOn("#nav-endpoints");
        assertTrue(robot.lookup("#addEndpoint").queryButton().isDisabled());
        assertTrue(!robot.lookup("#endpointsTable").queryTableView().isEditable());
        robot.clickOn("#nav-monitors");
        assertTrue(robot.lookup("#saveMonitor").queryButton().isDisabled());
        robot.clickOn("#nav-contacts");
        assertTrue(robot.lookup("#saveContact").queryButton().isDisabled());
        assertTrue(robot.lookup("#saveNotifications").queryButton().isDisabled());
        assertTrue(robot.lookup("#contact-name").query().isDisabled());
        robot.clickOn("#nav-traffic");
        assertTrue(robot.lookup("#toggleSwitching").queryButton().isDisabled());
        assertTrue(robot.lookup("#pauseRamp").queryButton().isDisabled());
        assertTrue(robot.lookup("#executeDrill").queryButton().isDisabled());
        assertTrue(robot.lookup("#rollbackDrill").queryButton().isDisabled());
        robot.clickOn("#nav-nodes");
        assertTrue(robot.lookup("#addMember").queryButton().isDisabled());
        assertTrue(robot.lookup("#memberUrl").query().isDisabled());
        assertTrue(robot.lookup("#removeMember").queryButton().isDisabled());
        assertTrue(robot.lookup("#retryPush").queryButton().isDisabled());
        robot.clickOn("#nav-access");
        robot.clickOn("#useHomeToken");
        waitFor(10, () -> !banner.isVisible());
    }

    @Test
    void theLanguageSwitchKeepsTheScreenAndTheDomain(FxRobot robot) throws Exception {
        node.client().createDomain("kept.example.com", true);
        robot.clickOn("#nav-monitors");
        chooseDomain(robot, "#monitorsDomain", "kept.example.com");
        MainWindow old = window;
        robot.interact(() -> {
            window = old.inLanguage(new Messages(Locale.SIMPLIFIED_CHINESE), () -> { }, l -> { });
            old.getScene().setRoot(window);
        });
        assertEquals(Screen.MONITORS, window.screen());
        assertEquals("kept.example.com", window.session().domainProperty().get());
        assertEquals(node.client(), window.session().client());
        waitFor(10, () -> "kept.example.com".equals(robot.lookup("#monitorsDomain").queryComboBox().getValue()));
        assertEquals("保存", robot.lookup("#saveMonitor").queryButton().getText());
    }
}
