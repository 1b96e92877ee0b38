package io.lodestar.app.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.MonitorSettings;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Traffic screen's view model against a real local node. */
class TrafficViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    private static final String POOLS = "{\"pools\":[{\"name\":\"main\",\"tier\":1,"
            + "\"members\":[{\"endpoint\":\"192.0.2.1\"},{\"endpoint\":\"192.0.2.2\"}]}]}";

    private static TrafficViewModel on(String domain) {
        NodeClient admin = NODE.node().admin();
        admin.createDomain(domain, true);
        admin.addEndpoints(List.of(row(domain, "192.0.2.1"), row(domain, "192.0.2.2")));
        admin.setStatus(domain, "start");
        admin.putTrafficPolicy(domain, POOLS);
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set(domain);
        TrafficViewModel vm = new TrafficViewModel(s);
        vm.load();
        return vm;
    }

    private static EndpointInfo row(String domain, String ip) {
        return EndpointInfo.of(domain, ip, "A", "beijing.CN", "ct", "", 1, true, true);
    }

    @Test
    void pausingSwitchingShowsWhoAndWhenAndResumingClearsTheBanner() {
        TrafficViewModel vm = on("switch.example.com");
        assertFalse(vm.pausedProperty().get());
        assertTrue(vm.switchingProperty().get().startsWith("Switching runs"), vm.switchingProperty().get());
        vm.toggleSwitching();
        assertTrue(vm.pausedProperty().get());
        Traffic.Switching s = NODE.node().admin().switching("switch.example.com");
        assertTrue(s.paused(), "paused on the node");
        assertTrue(vm.switchingProperty().get().matches("Switching is PAUSED by admin at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: .*"),
                vm.switchingProperty().get());
        vm.toggleSwitching();
        assertFalse(vm.pausedProperty().get());
        assertFalse(NODE.node().admin().switching("switch.example.com").paused());
    }

    @Test
    void aRampShowsItsStepShareAndTimelineAndIsPausedAndResumed() {
        TrafficViewModel vm = on("ramp.example.com");
        assertFalse(vm.hasRampProperty().get());
        assertTrue(vm.rampSummaryProperty().get().startsWith("No gray migration"));
        NODE.node().admin().startRamp("ramp.example.com",
                new Traffic.RampInput("192.0.2.1", "192.0.2.2", "", List.of(5, 25, 100), 600, 0));
        vm.load();
        assertTrue(vm.hasRampProperty().get());
        assertEquals("Step 1 of 3: 5 % to 192.0.2.2", vm.rampStepProperty().get());
        assertEquals(0.05, vm.rampShareProperty().get(), 1e-9);
        assertEquals("Running", vm.rampStatusProperty().get());
        assertTrue(vm.rampPausableProperty().get());
        assertFalse(vm.rampResumableProperty().get());
        vm.pauseRamp();
        assertEquals("Paused", vm.rampStatusProperty().get());
        assertTrue(vm.rampResumableProperty().get());
        assertEquals("paused", NODE.node().admin().ramp("ramp.example.com").orElseThrow().status());
        vm.resumeRamp();
        assertEquals("Running", vm.rampStatusProperty().get());
        assertEquals(List.of("started", "paused", "resumed"),
                vm.timeline().stream().map(TrafficViewModel.TimelineLine::event).toList());
    }

    @Test
    void theTrafficDocumentIsEditedHereAndARefusalKeepsTheTextAndSaysWhy() {
        TrafficViewModel vm = on("doc.example.com");
        assertTrue(vm.policyProperty().get().contains("\"main\""), vm.policyProperty().get());
        String bad = "{\"pools\":[{\"name\":\"main\",\"tier\":9,\"members\":[{\"endpoint\":\"192.0.2.1\"}]}]}";
        vm.policyProperty().set(bad);
        vm.savePolicy();
        assertEquals(bad, vm.policyProperty().get(), "the typed text stays");
        assertFalse(vm.policyErrorProperty().get().isEmpty());
        assertEquals("failOpen", NODE.node().admin().trafficPolicy("doc.example.com").allDown(), "nothing saved");

        vm.policyProperty().set("{\"allDown\":\"servfail\",\"downTtl\":10,\"pools\":[{\"name\":\"main\",\"tier\":1,"
                + "\"members\":[{\"endpoint\":\"192.0.2.1\"},{\"endpoint\":\"192.0.2.2\"}]}]}");
        vm.savePolicy();
        assertEquals("", vm.policyErrorProperty().get());
        assertEquals("servfail", NODE.node().admin().trafficPolicy("doc.example.com").allDown());
        assertEquals(10, NODE.node().admin().trafficPolicy("doc.example.com").downTtl());
    }

    @Test
    void aMigrationIsStartedFromTheFormAndBadStepsAreSaidBeforeAnythingIsSent() {
        TrafficViewModel vm = on("start.example.com");
        vm.startRamp("192.0.2.1", "192.0.2.2", "", "1, five", "600");
        assertEquals("Steps: give whole per cents separated by commas, e.g. 1, 5, 25, 100.", vm.rampErrorProperty().get());
        assertFalse(vm.hasRampProperty().get());
        vm.startRamp("192.0.2.1", "192.0.2.2", "", "1, 5, 25, 100", "600");
        assertEquals("", vm.rampErrorProperty().get());
        assertTrue(vm.hasRampProperty().get());
        assertEquals("Step 1 of 4: 1 % to 192.0.2.2", vm.rampStepProperty().get());
        assertEquals(List.of(1, 5, 25, 100), NODE.node().admin().ramp("start.example.com").orElseThrow().steps());
    }

    @Test
    void aDrillOnChosenEndpointsRunsMeasuresAndRollsBack() {
        TrafficViewModel vm = on("drill.example.com");
        assertEquals(List.of("192.0.2.1", "192.0.2.2"), vm.endpoints());
        assertEquals("No drill has run on this domain.", vm.drillStateProperty().get());
        vm.executeDrill(List.of());
        assertEquals("Choose the endpoints to take out of service first.", vm.errorProperty().get());
        vm.executeDrill(List.of("192.0.2.1"));
        assertTrue(vm.drillRunningProperty().get());
        assertTrue(vm.drillStateProperty().get().startsWith("Drill running: 192.0.2.1 out of service"), vm.drillStateProperty().get());
        assertEquals(List.of("192.0.2.1"), NODE.node().admin().drill("drill.example.com").orElseThrow().forced());
        assertTrue(vm.measuredProperty().get().startsWith("Last drill measured"), vm.measuredProperty().get());
        assertEquals("", vm.errorProperty().get());
        vm.rollbackDrill();
        assertFalse(vm.drillRunningProperty().get());
        assertTrue(vm.drillStateProperty().get().startsWith("Last drill rolled back by admin"), vm.drillStateProperty().get());
        assertTrue(NODE.node().admin().drill("drill.example.com").orElseThrow().forced().isEmpty());
    }

    @Test
    void theExpectedFailoverTimeFollowsTheDomainsMonitor() {
        TrafficViewModel vm = on("failover.example.com");
        assertTrue(vm.expectedProperty().get().startsWith("No monitor"), vm.expectedProperty().get());
        NODE.node().admin().putMonitor("failover.example.com",
                new MonitorSettings("tcp", 443, "/", "", "", 2, 10, 80, 5, 3, "", "", false, true));
        vm.load();
        assertEquals("Monitor tcp:443: (interval 10 s + timeout 2 s) × 3 failures + TTL 60 s = 96 s", vm.expectedProperty().get());
        assertEquals("No drill has measured the failover yet.", vm.measuredProperty().get());
    }

    @Test
    void aRefusalIsShownAsTheScreensError() {
        TrafficViewModel vm = on("refused.example.com");
        vm.rollbackDrill();
        assertTrue(vm.errorProperty().get().contains("no drill plan"), vm.errorProperty().get());
    }
}
