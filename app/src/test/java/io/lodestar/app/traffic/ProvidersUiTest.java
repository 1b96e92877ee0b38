package io.lodestar.app.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.MainWindow;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.Windows;
import io.lodestar.app.ui.UiTasks;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.Traffic;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The Traffic screen's multi-CDN providers section driven as a user drives it, against a real node and its DNS. */
@ExtendWith(ApplicationExtension.class)
class ProvidersUiTest {

    @TempDir
    static Path dir;
    private static LocalNode node;
    private static UiTasks tasks;
    private MainWindow window;

    private static final String BEIJING = "111.13.100.0/24";
    private static final String US = "8.8.8.0/24";

    @BeforeAll
    static void startNode() throws Exception {
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
        window = Windows.show(stage, node.admin(), tasks);
    }

    @AfterEach
    void dispose() {
        window.dispose();
    }

    /** A started domain whose endpoints are the CNAMEs of a CDN, an origin and a second CDN. */
    private static void cdnDomain(String d) {
        NodeClient c = node.admin();
        c.createDomain(d, true);
        c.addEndpoints(List.of(cname(d, "site.eo.dnse1.com"), cname(d, "origin.example.com"), cname(d, "a.cdn-a.net")));
        c.setStatus(d, "start");
    }

    private static EndpointInfo cname(String d, String target) {
        return EndpointInfo.of(d, target, "CNAME", "none.CN", "other", "", 1, true, false);
    }

    private static void open(FxRobot robot, String d) throws Exception {
        robot.clickOn("#nav-traffic");
        robot.interact(() -> combo(robot, "#trafficDomain").setValue(d));
        Windows.waitFor(10, () -> robot.lookup("#providersState").queryAs(Label.class).getText().length() > 0
                && combo(robot, "#providerEndpoint").getItems().size() == 3);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    /** Scrolls the Traffic screen so {@code id} is in view, as a user scrolls before clicking. */
    private static void reveal(FxRobot robot, String id) {
        robot.interact(() -> {
            ScrollPane sp = robot.lookup("#trafficScroll").queryAs(ScrollPane.class);
            Node n = robot.lookup(id).query();
            Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        Windows.waitFor(seconds, condition);
    }

    /** The CNAME targets answered to a client subnet, asked over UDP with EDNS Client Subnet. */
    private static Set<String> ask(String domain, String subnet) throws Exception {
        SimpleResolver r = new SimpleResolver(node.dns());
        r.setTimeout(Duration.ofSeconds(3));
        String[] p = subnet.split("/");
        r.setEDNS(0, 1232, 0, List.of(new ClientSubnetOption(Integer.parseInt(p[1]), InetAddress.getByName(p[0]))));
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            Message m = r.send(Message.newQuery(org.xbill.DNS.Record.newRecord(
                    Name.fromString(domain + ".gtm.lodestar.test."), Type.A, DClass.IN)));
            for (org.xbill.DNS.Record rec : m.getSection(Section.ANSWER)) {
                if (rec instanceof CNAMERecord) {
                    out.add(((CNAMERecord) rec).getTarget().toString(true));
                }
            }
        }
        return out;
    }

    @Test
    void providersAndARegionRuleAreMadeInTheFormAndTheNodeAndDnsFollowThem(FxRobot robot) throws Exception {
        String d = "cdn.example.com";
        cdnDomain(d);
        open(robot, d);
        assertTrue(robot.lookup("#providersState").queryAs(Label.class).getText().startsWith("No providers policy"));
        reveal(robot, "#providerName");
        robot.clickOn("#providerName").write("edgeone");
        robot.clickOn("#providerEndpoint").write("site.eo.dnse1.com");
        robot.clickOn("#saveProvider");
        waitFor(10, () -> node.admin().providers(d).isPresent());
        assertEquals("edgeone", node.admin().providers(d).orElseThrow().defaultProvider(), "the first provider is the default");

        robot.clickOn("#newProvider");
        robot.clickOn("#providerName").write("origin");
        robot.clickOn("#providerEndpoint").write("origin.example.com");
        robot.clickOn("#saveProvider");
        waitFor(10, () -> node.admin().providers(d).orElseThrow().providers().size() == 2);
        TableView<ProvidersViewModel.ProviderRow> table = robot.lookup("#providersTable").queryTableView();
        waitFor(5, () -> table.getItems().equals(List.of(new ProvidersViewModel.ProviderRow("edgeone", "site.eo.dnse1.com", true),
                new ProvidersViewModel.ProviderRow("origin", "origin.example.com", false))));

        reveal(robot, "#ruleUsers");
        robot.interact(() -> {
            ComboBox<RegionTerms.Choice> area = robot.lookup("#ruleArea").queryAs(ComboBox.class);
            area.setValue(area.getItems().stream().filter(c -> c.code().equals("beijing.CN")).findFirst().orElseThrow());
        });
        robot.clickOn("#addTerm");
        assertEquals("beijing.CN/*", robot.lookup("#ruleUsers").queryTextInputControl().getText());
        robot.clickOn("#weight-origin").write("1");
        robot.clickOn("#saveRule");
        waitFor(10, () -> !node.admin().providers(d).orElseThrow().rules().isEmpty());

        Traffic.Providers p = node.admin().providers(d).orElseThrow();
        assertTrue(p.enable());
        assertEquals(List.of(new Traffic.RegionRule("beijing.CN/*", List.of(new Traffic.Target("origin", 1)))), p.rules());
        waitFor(10, () -> robot.lookup("#providersState").queryAs(Label.class).getText().startsWith("Enabled: 1 rules"));
        assertEquals(Set.of("origin.example.com"), ask(d, BEIJING), "Beijing goes to the origin");
        assertEquals(Set.of("site.eo.dnse1.com"), ask(d, US), "everyone else to the default provider");
    }

    @Test
    void aRefusedEditShowsTheNodesMessageBesideTheFieldAndChangesNothing(FxRobot robot) throws Exception {
        String d = "refused.example.com";
        cdnDomain(d);
        Traffic.Providers before = node.admin().putProviders(d, new Traffic.Providers(true, "edgeone",
                List.of(new Traffic.Provider("edgeone", "site.eo.dnse1.com"), new Traffic.Provider("origin", "origin.example.com")),
                List.of(new Traffic.RegionRule("beijing.CN/*", List.of(new Traffic.Target("origin", 1))))));
        open(robot, d);
        TableView<ProvidersViewModel.ProviderRow> table = robot.lookup("#providersTable").queryTableView();
        waitFor(10, () -> table.getItems().size() == 2);
        reveal(robot, "#providersTable");
        Windows.clickUntil(robot, () -> robot.lookup("#providersTable .table-cell")
                .match(n -> "origin".equals(((javafx.scene.control.Labeled) n).getText())).tryQuery().orElse(null),
                () -> "origin".equals(robot.lookup("#providerName").queryTextInputControl().getText()), 5);
        robot.interact(() -> combo(robot, "#providerEndpoint").getEditor().clear());
        robot.clickOn("#providerEndpoint").write("typo.example.net");
        robot.clickOn("#saveProvider");
        Label endpointError = robot.lookup("#provider-endpoint-error").queryAs(Label.class);
        waitFor(10, () -> endpointError.isVisible()
                && endpointError.getText().startsWith("providers[1].endpoint: 'typo.example.net' is not an endpoint of the domain"));
        assertEquals("typo.example.net", combo(robot, "#providerEndpoint")
                .getEditor().getText(), "what was typed stays");
        assertEquals(Optional.of(before), node.admin().providers(d), "nothing changed on the node");

        Windows.clickUntil(robot, () -> robot.lookup("#providersTable .table-cell")
                .match(n -> "edgeone".equals(((javafx.scene.control.Labeled) n).getText())).tryQuery().orElse(null),
                () -> "edgeone".equals(robot.lookup("#providerName").queryTextInputControl().getText()), 5);
        robot.clickOn("#deleteProvider");
        Label listError = robot.lookup("#providers-list-error").queryAs(Label.class);
        waitFor(10, () -> listError.isVisible() && listError.getText().startsWith("defaultProvider: 'edgeone' is the default provider"));
        assertEquals(Optional.of(before), node.admin().providers(d), "the default provider was not deleted");
        assertEquals(Set.of("origin.example.com"), ask(d, BEIJING));
    }

    @Test
    void thePolicyIsDisabledSendingEveryoneToTheDefaultAndOnlyThenDeleted(FxRobot robot) throws Exception {
        String d = "toggle.example.com";
        cdnDomain(d);
        node.admin().putProviders(d, new Traffic.Providers(true, "edgeone",
                List.of(new Traffic.Provider("edgeone", "site.eo.dnse1.com"), new Traffic.Provider("origin", "origin.example.com")),
                List.of(new Traffic.RegionRule("beijing.CN/*", List.of(new Traffic.Target("origin", 1))))));
        open(robot, d);
        reveal(robot, "#toggleProviders");
        assertTrue(robot.lookup("#deleteProviders").queryButton().isDisabled(), "an enabled policy cannot be deleted");
        robot.clickOn("#toggleProviders");
        Label state = robot.lookup("#providersState").queryAs(Label.class);
        waitFor(10, () -> state.getText().startsWith("DISABLED: every user goes to the default provider edgeone"));
        assertEquals(Set.of("site.eo.dnse1.com"), ask(d, BEIJING), "disabled: Beijing too goes to the default");
        assertEquals("Enable policy", robot.lookup("#toggleProviders").queryButton().getText());
        robot.clickOn("#deleteProviders");
        waitFor(10, () -> node.admin().providers(d).isEmpty());
        waitFor(10, () -> state.getText().startsWith("No providers policy"));
    }
}
