package io.lodestar.engine.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.api.NodeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic operations' typed calls against a real node on loopback (docs/traffic.md). */
class HttpNodeClientTrafficIT {

    private static final String D = "www.example.com";
    private static final String POOLS = "{\"allDown\":\"fallback\",\"downTtl\":5,\"pools\":["
            + "{\"name\":\"main\",\"tier\":1,\"members\":[{\"endpoint\":\"192.0.2.1\"},{\"endpoint\":\"192.0.2.2\"}]},"
            + "{\"name\":\"sorry\",\"fallback\":true,\"members\":[{\"endpoint\":\"192.0.2.3\"}]}]}";

    @TempDir
    Path dir;
    private NodeFixture f;
    private NodeClient client;

    @BeforeEach
    void start() throws Exception {
        f = new NodeFixture(dir);
        client = new HttpNodeClient("http://127.0.0.1:" + f.uri("/").getPort(), NodeFixture.ADMIN);
        client.createDomain(D, true);
        client.addEndpoints(List.of(row("192.0.2.1"), row("192.0.2.2"), row("192.0.2.3")));
        client.setStatus(D, "start");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static EndpointInfo row(String ip) {
        return EndpointInfo.of(D, ip, "A", "beijing.CN", "ct", "", 1, true, true);
    }

    @Test
    void thePoolPolicyReadsAsTheDefaultsUntilOneIsPut() {
        Traffic.Policy none = client.trafficPolicy(D);
        assertEquals("failOpen", none.allDown());
        assertTrue(none.pools().isEmpty());
        Traffic.Policy put = client.putTrafficPolicy(D, POOLS);
        assertEquals(List.of("main", "sorry"), put.pools());
        assertEquals("fallback", client.trafficPolicy(D).allDown());
        assertEquals(5, client.trafficPolicy(D).downTtl());
    }

    @Test
    void providersArePutReadDisabledAndDeletedAndTheEffectiveTreeFollowsThem() {
        assertTrue(client.providers(D).isEmpty(), "none yet: empty, not an error");
        assertEquals("strategy", client.effectiveStrategy(D).source());
        Traffic.Providers doc = new Traffic.Providers(true, "a",
                List.of(new Traffic.Provider("a", "192.0.2.1"), new Traffic.Provider("b", "192.0.2.2")),
                List.of(new Traffic.RegionRule("guangdong.CN/cm", List.of(new Traffic.Target("b", 3), new Traffic.Target("a", 1)))));
        assertEquals(doc, client.putProviders(D, doc));
        assertEquals(doc, client.providers(D).orElseThrow());
        EffectiveStrategy e = client.effectiveStrategy(D);
        assertTrue(e.replacesTree());
        assertEquals("providers", e.source());
        assertEquals(3, e.document().rules(), "root, the rule, the default");
        NodeClientException refused = assertThrows(NodeClientException.class, () -> client.deleteProviders(D));
        assertEquals(java.util.Optional.of("enable"), refused.field());
        assertFalse(client.enableProviders(D, false).enable());
        client.deleteProviders(D);
        assertTrue(client.providers(D).isEmpty());
        assertFalse(client.effectiveStrategy(D).replacesTree());
    }

    @Test
    void pausingSwitchingSaysWhoAndWhenAndResumingClearsIt() {
        assertFalse(client.switching(D).paused());
        Traffic.Switching p = client.setSwitching(D, true);
        assertTrue(p.paused());
        assertEquals("admin", p.by());
        assertFalse(p.at().isEmpty());
        assertEquals(p, client.switching(D));
        assertEquals("pause", client.domains().get(0).status());
        Traffic.Switching r = client.setSwitching(D, false);
        assertFalse(r.paused());
        assertFalse(client.switching(D).paused());
    }

    @Test
    void aRampIsStartedPausedAndResumedWithItsTimeline() {
        assertTrue(client.ramp(D).isEmpty(), "no gray migration yet");
        Traffic.Ramp r = client.startRamp(D, new Traffic.RampInput("192.0.2.1", "192.0.2.2", "", List.of(10, 50, 100), 300, 0));
        assertEquals("running", r.status());
        assertEquals(0, r.step());
        assertEquals(10, r.percent());
        assertEquals(List.of(10, 50, 100), r.steps());
        assertEquals("paused", client.pauseRamp(D, true).status());
        Traffic.Ramp resumed = client.pauseRamp(D, false);
        assertEquals("running", resumed.status());
        assertEquals(List.of("started", "paused", "resumed"), resumed.timeline().stream().map(Traffic.RampEvent::event).toList());
        NodeClientException twice = assertThrows(NodeClientException.class, () -> client.pauseRamp(D, false));
        assertEquals(400, twice.status());
    }

    @Test
    void aDrillOnAnEndpointIsExecutedMeasuredAndRolledBack() {
        client.putTrafficPolicy(D, POOLS);
        assertTrue(client.drill(D).isEmpty(), "no drill planned yet");
        Traffic.Drill plan = client.planDrill(D, List.of("192.0.2.1"), List.of(), "force");
        assertFalse(plan.executed());
        assertTrue(plan.measuredMs().isEmpty());
        Traffic.Drill x = client.executeDrill(D);
        assertTrue(x.executed());
        assertEquals(List.of("192.0.2.1"), x.forced());
        assertEquals("admin", x.executedBy());
        assertTrue(x.measuredMs().isPresent());
        Traffic.Drill back = client.rollbackDrill(D);
        assertTrue(back.forced().isEmpty());
        assertEquals("admin", back.rolledBackBy());
        assertEquals(back, client.drill(D).orElseThrow());
    }

    @Test
    void theExpectedFailoverTimeFollowsTheMonitorAndTheLastDrill() {
        Traffic.FailoverTime none = client.failoverTime(D);
        assertTrue(none.expectedSeconds().isEmpty(), "no monitor: no expectation");
        client.putMonitor(D, new MonitorSettings("tcp", 80, "/", "", "", 2, 10, 80, 5, 3, "", "", false, true));
        client.putTrafficPolicy(D, POOLS);
        client.planDrill(D, List.of("192.0.2.1"), List.of(), "force");
        client.executeDrill(D);
        Traffic.FailoverTime t = client.failoverTime(D);
        assertEquals((10 + 2) * 3 + 60, t.expectedSeconds().getAsInt());
        assertEquals(60, t.ttl());
        assertTrue(t.drillMeasuredMs().isPresent());
        assertEquals(t.drillMeasuredMs().getAsLong() / 1000.0 + 60, t.drillMeasuredSeconds().getAsDouble(), 1e-9);
    }

    @Test
    void anUnknownDomainIsRefusedNotReadAsHavingNoRamp() {
        NodeClientException e = assertThrows(NodeClientException.class, () -> client.ramp("nope.example.com"));
        assertEquals(404, e.status());
    }
}
