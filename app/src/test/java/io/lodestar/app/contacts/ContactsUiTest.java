package io.lodestar.app.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.MainWindow;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.WebhookReceiver;
import io.lodestar.app.testing.Windows;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.ContactGroupInfo;
import io.lodestar.engine.api.client.DeliveryInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The Contacts screen driven as a user drives it, against a real node and a loopback webhook receiver. */
@ExtendWith(ApplicationExtension.class)
class ContactsUiTest {

    @TempDir
    static Path dir;
    private static LocalNode node;
    private static UiTasks tasks;
    private static WebhookReceiver receiver;
    private MainWindow window;

    @BeforeAll
    static void startNode() throws Exception {
        node = new LocalNode(dir);
        tasks = UiTasks.fx();
        receiver = new WebhookReceiver();
        node.admin().createDomain("www.example.com", true);
    }

    @AfterAll
    static void stopNode() {
        receiver.close();
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

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        Windows.waitFor(seconds, condition);
    }

    @Test
    void addsAContactByTypingAndItsWebhookTakesTheTestAlert(FxRobot robot) throws Exception {
        robot.clickOn("#nav-contacts");
        robot.clickOn("#contact-name").write("pager");
        robot.clickOn("#contact-email").write("pager");
        Label hint = robot.lookup("#contact-email-error").queryAs(Label.class);
        waitFor(5, () -> hint.isVisible() && hint.getText().contains("@"));
        robot.clickOn("#contact-email").write("@example.com");
        waitFor(5, () -> !hint.isVisible());
        robot.clickOn("#contact-webhook").write(receiver.url());
        robot.clickOn("#saveContact");
        TableView<io.lodestar.engine.api.client.ContactInfo> contacts = robot.lookup("#contactsTable").queryTableView();
        waitFor(10, () -> contacts.getItems().stream().anyMatch(c -> c.name().equals("pager")));
        Windows.clickUntil(robot, () -> robot.lookup("#contactsTable .table-cell")
                .match(n -> "pager".equals(((javafx.scene.control.Labeled) n).getText())).tryQuery().orElse(null),
                () -> contacts.getSelectionModel().getSelectedItem() != null
                        && contacts.getSelectionModel().getSelectedItem().name().equals("pager"), 5);
        robot.clickOn("#testContact");
        TableView<DeliveryInfo> results = robot.lookup("#testResults").queryTableView();
        waitFor(30, () -> results.getItems().size() == 2);
        assertTrue(results.getItems().stream().anyMatch(d -> d.channel().equals("webhook") && d.ok()), results.getItems().toString());
        assertTrue(results.getItems().stream().anyMatch(d -> d.channel().equals("email") && !d.ok()
                && d.detail().contains("no SMTP server")), results.getItems().toString());
        assertEquals("1 of 2 channels took the test alert", robot.lookup("#testState").queryAs(Label.class).getText());
        assertEquals(1, receiver.received());
    }

    @Test
    void aRefusedContactKeepsWhatWasTypedAndSaysWhyBesideTheField(FxRobot robot) throws Exception {
        robot.clickOn("#nav-contacts");
        robot.clickOn("#contact-name").write("shouty");
        robot.clickOn("#contact-phone").write("call me maybe");
        robot.clickOn("#saveContact");
        Label phoneError = robot.lookup("#contact-phone-error").queryAs(Label.class);
        waitFor(10, () -> phoneError.getText().startsWith("phone: 'call me maybe' is not a phone number"));
        assertEquals("call me maybe", robot.lookup("#contact-phone").queryAs(TextField.class).getText());
        assertEquals("shouty", robot.lookup("#contact-name").queryAs(TextField.class).getText());
    }

    @Test
    void aGroupIsMadeByTickingMembersAndChosenToHearADomainsOutages(FxRobot robot) throws Exception {
        node.admin().putContact(new io.lodestar.engine.api.client.ContactInfo("dana", "dana@example.com", "", ""));
        robot.clickOn("#nav-contacts");
        robot.clickOn("#group-name").write("night-shift");
        robot.clickOn("#group-members");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof ListCell && "dana".equals(((ListCell<?>) n).getText()))
                .<ListCell<?>>query().getGraphic());
        robot.clickOn("#group-name");
        robot.clickOn("#saveGroup");
        waitFor(10, () -> node.admin().contactGroups().contains(new ContactGroupInfo("night-shift", List.of("dana"))));
        TableView<NotificationRow> table = robot.lookup("#notificationsTable").queryTableView();
        waitFor(10, () -> table.getItems().stream().anyMatch(r -> r.group().equals("night-shift")));
        Callable<Boolean> ticked = () -> table.getItems().stream()
                .anyMatch(r -> r.group().equals("night-shift") && r.hears("endpoint_down").get());
        Windows.clickUntil(robot, () -> robot.lookup("#notificationsTable .check-box").tryQuery().orElse(null), ticked, 5);
        assertTrue(ticked.call());
        robot.clickOn("#saveNotifications");
        waitFor(10, () -> List.of("endpoint_down").equals(node.admin().notifications("www.example.com").get("night-shift")));
    }
}
