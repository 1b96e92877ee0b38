package io.lodestar.app.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.engine.api.client.EndpointInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.lodestar.app.testing.LocalNodeExtension;

class MonitorsViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    private static MonitorsViewModel on(String domain) {
        NODE.node().admin().createDomain(domain, true);
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set(domain);
        MonitorsViewModel vm = new MonitorsViewModel(s);
        vm.load();
        return vm;
    }

    @Test
    void anUnconfiguredDomainShowsTheSeedDefaults() {
        MonitorsViewModel vm = on("fresh.example.com");
        assertEquals("60", vm.value("interval").get());
        assertEquals("10", vm.value("timeout").get());
        assertEquals("80", vm.value("threshold").get());
        assertEquals("5", vm.value("window").get());
        assertEquals("3", vm.value("minFailures").get());
        assertTrue(vm.stateProperty().get().startsWith("Not configured"));
    }

    @Test
    void aNumberFieldSaysSoWhileTheUserTypesLetters() {
        MonitorsViewModel vm = on("typing.example.com");
        vm.value("port").set("80a");
        assertEquals("a whole number, please", vm.error("port").get());
        assertFalse(vm.typedCorrectly());
        vm.value("port").set("8080");
        assertEquals("", vm.error("port").get());
    }

    @Test
    void theNodesRefusalIsShownBesideTheFieldItNamesAndTheInputStays() {
        MonitorsViewModel vm = on("refused.example.com");
        vm.value("port").set("70000");
        vm.save();
        assertTrue(vm.error("port").get().contains("65535"), vm.error("port").get());
        assertEquals("70000", vm.value("port").get());
        assertEquals("", vm.errorProperty().get());
        vm.value("port").set("443");
        vm.value("minFailures").set("9");
        vm.save();
        assertTrue(vm.error("minFailures").get().contains("window"), vm.error("minFailures").get());
    }

    @Test
    void savedSettingsAreConfiguredOnTheNode() {
        MonitorsViewModel vm = on("saved.example.com");
        vm.value("protocol").set("tcp");
        vm.value("port").set("8443");
        vm.value("interval").set("5");
        vm.value("timeout").set("2");
        vm.save();
        assertEquals("Configured.", vm.stateProperty().get());
        assertEquals(8443, NODE.node().admin().monitor("saved.example.com").port());
    }

    @Test
    void probeNowListsEachPointsResultPerEndpoint() {
        MonitorsViewModel vm = on("probe.example.com");
        NODE.node().admin().addEndpoints(List.of(EndpointInfo.of("probe.example.com", "127.0.0.1", "A", "beijing.CN", "ct", "", 1,
                true, true)));
        vm.value("protocol").set("tcp");
        vm.value("port").set("1");
        vm.value("timeout").set("1");
        vm.save();
        vm.probeNow();
        assertEquals(1, vm.probes().size());
        MonitorsViewModel.ProbeLine l = vm.probes().get(0);
        assertEquals("127.0.0.1", l.endpoint());
        assertFalse(l.ok());
        assertFalse(l.failure().isEmpty());
    }

    @Test
    void aDisposedViewModelNoLongerFollowsTheSessionsDomain() {
        NODE.node().admin().createDomain("left.example.com", true);
        NODE.node().admin().putMonitor("left.example.com", new io.lodestar.engine.api.client.MonitorSettings("tcp", 8443,
                "/", "", "", 2, 5, 80, 5, 3, "", "", false, true));
        NODE.node().admin().createDomain("right.example.com", true);
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set("right.example.com");
        MonitorsViewModel vm = new MonitorsViewModel(s);
        vm.load();
        assertEquals("80", vm.value("port").get());
        vm.dispose();
        s.domainProperty().set("left.example.com");
        assertEquals("80", vm.value("port").get(), "the dropped screen did not ask the node again");
        MonitorsViewModel live = new MonitorsViewModel(s);
        s.domainProperty().set("right.example.com");
        s.domainProperty().set("left.example.com");
        assertEquals("8443", live.value("port").get());
    }
}
