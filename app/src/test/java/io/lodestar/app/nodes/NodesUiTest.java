package io.lodestar.app.nodes;

import static io.lodestar.app.testing.Windows.waitFor;

import io.lodestar.app.shell.MainWindow;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.Windows;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.DomainInfo;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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

/** A second real node on loopback, added on the Nodes screen by URL and token, then managed. */
@ExtendWith(ApplicationExtension.class)
class NodesUiTest {

    @TempDir
    static Path dir;
    private static LocalNode home;
    private static LocalNode remote;
    private static UiTasks tasks;
    private MainWindow window;

    @BeforeAll
    static void startNodes() throws Exception {
        home = new LocalNode(dir.resolve("home"));
        remote = new LocalNode(dir.resolve("remote"));
        home.admin().createDomain("home-only.example.com", true);
        remote.admin().createDomain("remote-only.example.com", true);
        tasks = UiTasks.fx();
    }

    @AfterAll
    static void stopNodes() {
        tasks.close();
        remote.close();
        home.close();
    }

    @Start
    void start(Stage stage) {
        window = Windows.show(stage, home.admin(), tasks);
    }

    @AfterEach
    void dispose() {
        window.dispose();
    }

    @Test
    void addsASecondNodeByUrlAndTokenSwitchesToItAndSeesItsDomains(FxRobot robot) throws Exception {
        robot.clickOn("#nav-nodes");
        robot.clickOn("#remoteUrl").write(remote.admin().baseUrl());
        robot.clickOn("#remoteToken").write(LocalNode.ADMIN);
        robot.clickOn("#addRemote");
        TableView<RemoteStatus> table = robot.lookup("#remotesTable").queryTableView();
        waitFor(10, () -> table.getItems().size() == 1 && table.getItems().get(0).online());
        Windows.clickUntil(robot, () -> robot.lookup("#remotesTable .table-cell")
                .match(n -> "online".equals(((Labeled) n).getText())).<Node>tryQuery().orElse(null),
                () -> table.getSelectionModel().getSelectedItem() != null, 5);
        robot.clickOn("#manageRemote");
        waitFor(10, () -> robot.lookup("#statusNode").queryAs(Label.class).getText().contains(remote.admin().baseUrl()));
        robot.clickOn("#nav-domains");
        TableView<DomainInfo> domains = robot.lookup("#domainsTable").queryTableView();
        waitFor(10, () -> domains.getItems().stream().anyMatch(d -> d.domain().equals("remote-only.example.com")));
        waitFor(5, () -> domains.getItems().stream().noneMatch(d -> d.domain().equals("home-only.example.com")));
        robot.clickOn("#nav-nodes");
        robot.clickOn("#manageLocal");
        waitFor(10, () -> robot.lookup("#managedNode").queryAs(Label.class).getText().contains("this computer's node"));
        robot.clickOn("#nav-domains");
        TableView<DomainInfo> back = robot.lookup("#domainsTable").queryTableView();
        waitFor(10, () -> back.getItems().stream().anyMatch(d -> d.domain().equals("home-only.example.com")));
    }
}
