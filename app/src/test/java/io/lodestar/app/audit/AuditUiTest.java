package io.lodestar.app.audit;

import static io.lodestar.app.testing.Windows.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.MainWindow;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.Windows;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.AuditRecord;
import io.lodestar.engine.api.client.EndpointInfo;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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

/** The audit log screen driven as a user drives it, against a real node. */
@ExtendWith(ApplicationExtension.class)
class AuditUiTest {

    @TempDir
    static Path dir;
    private static LocalNode node;
    private static UiTasks tasks;
    private MainWindow window;

    @BeforeAll
    static void startNode() throws Exception {
        node = new LocalNode(dir);
        tasks = UiTasks.fx();
        node.admin().createDomain("a.example.com", true);
        node.admin().createDomain("b.example.com", true);
        node.admin().addEndpoints(List.of(EndpointInfo.of("a.example.com", "192.0.2.10", "A", "beijing.CN", "ct", "", 1, true, true)));
    }

    @AfterAll
    static void stopNode() {
        tasks.close();
        node.close();
    }

    @Start
    void start(Stage stage) {
        window = Windows.show(stage, node.admin(), tasks);
    }

    @AfterEach
    void dispose() {
        window.dispose();
    }

    @Test
    void typingAnActionFamilyFiltersTheLogAndAnEntryShowsWhatItChanged(FxRobot robot) throws Exception {
        robot.clickOn("#nav-audit");
        TableView<AuditRecord> table = robot.lookup("#auditTable").queryTableView();
        waitFor(10, () -> table.getItems().size() >= 4);
        robot.clickOn("#auditAction").write("endpoint");
        robot.clickOn("#auditApply");
        waitFor(10, () -> table.getItems().size() == 1 && table.getItems().get(0).action().equals("endpoint.add"));
        TextArea after = robot.lookup("#auditAfter").queryAs(TextArea.class);
        Windows.clickUntil(robot, () -> robot.lookup("#auditTable .table-cell")
                .match(n -> "endpoint.add".equals(((Labeled) n).getText())).<Node>tryQuery().orElse(null),
                () -> after.getText().contains("192.0.2.10"), 5);
        robot.clickOn("#auditClear");
        waitFor(10, () -> table.getItems().size() >= 4);
        assertTrue(table.getItems().stream().anyMatch(r -> r.target().equals("b.example.com")));
    }
}
