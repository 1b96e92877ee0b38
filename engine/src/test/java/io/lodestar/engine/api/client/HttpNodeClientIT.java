package io.lodestar.engine.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lodestar.engine.api.NodeFixture;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed client against a real node on loopback: every screen's calls, refusals as values. */
class HttpNodeClientIT {

    @TempDir
    Path dir;
    private NodeFixture f;
    private NodeClient client;

    @BeforeEach
    void start() throws Exception {
        f = new NodeFixture(dir);
        client = new HttpNodeClient("http://127.0.0.1:" + f.uri("/").getPort(), NodeFixture.ADMIN);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static EndpointInfo row(String domain, String ip, String area, int weight) {
        return EndpointInfo.of(domain, ip, "A", area, "ct", "web", weight, true, true);
    }

    @Test
    void domainsAreCreatedListedStartedAndDeleted() {
        client.createDomain("www.example.com", true);
        DomainInfo d = client.domains().get(0);
        assertEquals("www.example.com", d.domain());
        assertEquals("www.example.com.gtm.lodestar.test", d.cname());
        assertEquals("", d.status());
        assertEquals("www.example.com. 60 IN CNAME www.example.com.gtm.lodestar.test.", d.cnameRecord());
        assertEquals("pause", client.setStatus("www.example.com", "pause").status());
        client.deleteDomain("www.example.com");
        assertTrue(client.domains().isEmpty());
    }

    @Test
    void endpointsRoundTripEveryColumnAndModifyChangesOne() {
        client.createDomain("a.example.com", true);
        client.addEndpoints(List.of(row("a.example.com", "192.0.2.10", "beijing.CN", 3)));
        EndpointInfo e = client.endpoints("a.example.com").get(0);
        assertEquals(EndpointInfo.of("a.example.com", "192.0.2.10", "A", "beijing.CN", "ct", "web", 3, true, true), e);
        client.modifyEndpoints(List.of(new EndpointInfo("a.example.com", "192.0.2.10", "A", "guangdong.CN", "ct", "web",
                5, false, true, "unknown")));
        EndpointInfo m = client.endpoints("a.example.com").get(0);
        assertEquals("guangdong.CN", m.area());
        assertEquals(5, m.weight());
        assertFalse(m.enable());
        client.deleteEndpoints(List.of(m));
        assertTrue(client.endpoints("a.example.com").isEmpty());
    }

    @Test
    void anUnconfiguredMonitorReadsAsTheSeedDefaultsAndASavedOneComesBack() {
        client.createDomain("m.example.com", true);
        MonitorSettings d = client.monitor("m.example.com");
        assertFalse(d.configured());
        assertEquals(List.of(60, 10, 80, 5, 3), List.of(d.interval(), d.timeout(), d.threshold(), d.window(), d.minFailures()));
        MonitorSettings saved = client.putMonitor("m.example.com", new MonitorSettings("tcp", 8443, "/", "", "", 2, 5, 80,
                5, 3, "", "", false, true));
        assertTrue(saved.configured());
        assertEquals(8443, client.monitor("m.example.com").port());
    }

    @Test
    void aRefusalCarriesStatusCodeMessageAndTheFieldItNames() {
        client.createDomain("m.example.com", true);
        NodeClientException e = assertThrows(NodeClientException.class, () -> client.putMonitor("m.example.com",
                new MonitorSettings("tcp", 70000, "/", "", "", 2, 5, 80, 5, 3, "", "", false, true)));
        assertEquals(400, e.status());
        assertTrue(e.code().startsWith("InvalidParameter"), e.code());
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
        assertEquals(Optional.of("monitor.port"), e.field());
        assertEquals(Optional.of("port"), e.fieldName());
    }

    @Test
    void aReadTokenSaysSoAndIsRefusedWritesWith403() {
        TokenInfo issued = client.createToken("viewer", "read");
        assertFalse(issued.secret().isEmpty());
        assertTrue(client.tokens().stream().anyMatch(t -> t.name().equals("viewer") && t.secret().isEmpty()));
        NodeClient viewer = new HttpNodeClient(client.baseUrl(), issued.secret());
        assertEquals(new Identity("viewer", "read"), viewer.whoami());
        assertFalse(viewer.whoami().mayWrite());
        NodeClientException e = assertThrows(NodeClientException.class, () -> viewer.createDomain("x.example.com", true));
        assertTrue(e.forbidden());
        assertEquals(new Identity("admin", "full"), client.whoami());
    }

    @Test
    void anUnreachableNodeIsStatusZeroNotAHang() {
        NodeClient gone = new HttpNodeClient("http://127.0.0.1:1", "whatever-token-here");
        NodeClientException e = assertThrows(NodeClientException.class, gone::domains);
        assertTrue(e.unreachable());
    }

    @Test
    void probeNowReportsEachPointAndHealthListsEveryEndpoint() throws Exception {
        HttpServer up = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        up.createContext("/", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        up.start();
        try {
            int port = up.getAddress().getPort();
            client.createDomain("p.example.com", true);
            client.addEndpoints(List.of(row("p.example.com", "127.0.0.1", "beijing.CN", 1)));
            client.putMonitor("p.example.com", new MonitorSettings("http", port, "/", "", "", 1, 60, 80, 5, 3, "", "", false, true));
            List<ProbeOutcome> probed = client.probeNow("p.example.com");
            assertEquals("127.0.0.1", probed.get(0).endpoint());
            PointResult p = probed.get(0).points().get(0);
            assertTrue(p.ok(), p.toString());
            assertEquals("", p.failure());
            assertEquals("127.0.0.1", client.health("p.example.com").get(0).endpoint());
        } finally {
            up.stop(0);
        }
    }

    @Test
    void aRecommendedStrategyHasRulesAndADistribution() {
        client.createDomain("s.example.com", true);
        client.addEndpoints(List.of(row("s.example.com", "192.0.2.10", "beijing.CN", 1),
                row("s.example.com", "192.0.2.20", "guangdong.CN", 1)));
        client.recommendStrategy("s.example.com");
        assertTrue(client.strategy("s.example.com").rules() > 0);
        assertTrue(client.domains().get(0).hasDistribution());
        Distribution d = client.distribution("s.example.com");
        assertFalse(d.groups().isEmpty());
        assertFalse(d.groups().get(0).shares().isEmpty());
    }

    @Test
    void aDraftIsSimulatedPublishedKeptAsAVersionAndRolledBack() {
        client.createDomain("d.example.com", true);
        client.addEndpoints(List.of(row("d.example.com", "192.0.2.10", "beijing.CN", 1),
                row("d.example.com", "192.0.2.20", "guangdong.CN", 1)));
        StrategyDoc draft = client.recommendedStrategy("d.example.com");
        assertTrue(client.strategyVersions("d.example.com").isEmpty());
        Simulation sim = client.simulate("d.example.com", new Simulation.Request(null, "hebei.CN", "ct",
                List.of("192.0.2.10"), Optional.of(draft.json()), true));
        assertEquals("192.0.2.20", sim.answers().get(0).endpoint());
        assertEquals("根规则", sim.trace().get(0).node());
        assertTrue(sim.distribution().isPresent());
        client.publishStrategy("d.example.com", draft.json());
        client.publishStrategy("d.example.com", draft.json());
        List<StrategyVersion> versions = client.strategyVersions("d.example.com");
        assertEquals(2, versions.size());
        assertEquals("根规则", client.strategyVersion("d.example.com", 1).json().contains("根规则") ? "根规则" : "");
        assertEquals(3, client.rollbackStrategy("d.example.com", 1));
        assertEquals("192.0.2.10", client.simulate("d.example.com", Simulation.Request.group("hebei.CN", "ct"))
                .answers().get(0).endpoint());
    }

    @Test
    void historyListsTheResultInForceAtTheStartAndEachChangeAfter() {
        client.createDomain("h.example.com", true);
        client.addEndpoints(List.of(row("h.example.com", "192.0.2.10", "beijing.CN", 1)));
        client.recommendStrategy("h.example.com");
        java.time.Instant between = java.time.Instant.now();
        client.addEndpoints(List.of(row("h.example.com", "192.0.2.20", "guangdong.CN", 1)));
        client.recommendStrategy("h.example.com");
        java.time.Instant end = java.time.Instant.now().plusSeconds(1);

        DistributionHistory all = client.distributionHistory("h.example.com", java.time.Instant.EPOCH, end);
        assertTrue(all.moments().size() >= 2, all.toString());
        DistributionHistory.Moment last = all.moments().get(all.moments().size() - 1);
        assertFalse(last.reason().isEmpty());
        assertTrue(last.result().groups().stream().anyMatch(g -> g.shares().stream()
                .anyMatch(s -> s.endpoint().contains("192.0.2.20"))));
        DistributionHistory later = client.distributionHistory("h.example.com", between, end);
        assertTrue(later.moments().get(0).at().compareTo(between) <= 0, "the result in force at the start comes first");
        assertEquals(between, later.from());
    }

    @Test
    void contactsGroupsNodesAndTheAuditLogAreListed() {
        client.putContact(new ContactInfo("ops", "ops@example.com", "", ""));
        assertEquals("ops@example.com", client.contacts().get(0).email());
        client.putContactGroup(new ContactGroupInfo("oncall", List.of("ops")));
        assertEquals(List.of("ops"), client.contactGroups().get(0).members());
        NodeInfo n = client.nodes().get(0);
        assertTrue(n.online());
        assertEquals("local", n.name());
        List<AuditRecord> audit = client.audit(Optional.of("ops"), 0, 10);
        assertEquals("admin", audit.get(0).actor());
        assertTrue(client.recentAlerts().isEmpty());
    }

    @Test
    void aMemberIsAddedListedWithItsSiteAndRemoved() throws Exception {
        try (NodeFixture m = new NodeFixture(dir.resolve("member"))) {
            String url = "http://127.0.0.1:" + m.uri("/").getPort();
            NodeInfo added = client.addNode(url, NodeFixture.ADMIN);
            assertEquals("member", added.role());
            assertEquals(url, added.url());
            assertEquals("none.CN/other", added.site());
            List<NodeInfo> nodes = client.nodes();
            assertEquals(2, nodes.size());
            assertEquals("control", nodes.get(0).role());
            assertEquals(added.id(), nodes.get(1).id());
            client.retryPush(added.id());
            NodeClientException e = assertThrows(NodeClientException.class, () -> client.retryPush("n-nobody"));
            assertEquals(404, e.status());
            client.removeNode(added.id());
            assertEquals(1, client.nodes().size());
        }
    }
}
