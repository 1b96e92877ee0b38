package io.lodestar.app.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The editor's view model against a real node: simulation, publish with its diff, versions, recommend. */
class StrategyViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();

    static String resource(String name) throws IOException {
        try (var in = StrategyViewModelTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A domain with the endpoints of the seed's 就近接入 example (scenario 03). */
    static void nearestDomain(NodeClient c, String domain) {
        c.createDomain(domain, true);
        c.addEndpoints(List.of(ep(domain, "1.1.1.1", "beijing.CN", "ct"), ep(domain, "2.2.2.2", "shanghai.CN", "cu"),
                ep(domain, "3.3.3.3", "guangdong.CN", "ct"), ep(domain, "4.4.4.4", "guangdong.CN", "cm")));
    }

    static EndpointInfo ep(String domain, String ip, String area, String isp) {
        return EndpointInfo.of(domain, ip, "A", area, isp, "", 1, true, false);
    }

    private static StrategyViewModel on(String domain) {
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set(domain);
        return new StrategyViewModel(s);
    }

    @Test
    void simulationOfTheDraftEqualsTheScheduleResultForEveryUserGroup() throws Exception {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "sim.example.com");
        StrategyViewModel vm = on("sim.example.com");
        assertTrue(vm.importJson(resource("nearest.json")));
        vm.publish();
        Distribution d = c.distribution("sim.example.com");
        String draft = vm.draftJson().orElseThrow();
        Simulation whole = c.simulate("sim.example.com", new Simulation.Request(null, "beijing.CN", "ct", List.of(),
                Optional.of(draft), true));
        assertEquals(d.groups(), whole.distribution().orElseThrow().groups(), "the draft's whole schedule result");
        int checked = 0;
        for (Distribution.Group g : d.groups()) {
            if (!g.family().equals("A") || !g.cidr().isEmpty()) {
                continue;
            }
            Simulation ofDraft = c.simulate("sim.example.com",
                    new Simulation.Request(null, g.area(), g.isp(), List.of(), Optional.of(draft), false));
            assertEquals(g.shares(), ofDraft.answers(), g.area() + "/" + g.isp());
            checked++;
        }
        assertTrue(checked > 250, "every user group: " + checked);
        assertEquals(d.groups().get(0).shares(), c.simulate("sim.example.com",
                Simulation.Request.group(d.groups().get(0).area(), d.groups().get(0).isp())).answers(), "the live path");
    }

    @Test
    void aWhatIfFailureMovesThePathAndTheAnswersWithoutPublishing() throws Exception {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "whatif.example.com");
        StrategyViewModel vm = on("whatif.example.com");
        vm.importJson(resource("nearest.json"));
        vm.failed().add("1.1.1.1");
        vm.simulate("beijing.CN", "ct", "");
        assertEquals(List.of("2.2.2.2  100 %"), vm.answers());
        assertEquals("dead", vm.traceProperty().get().get("就近接入/1.1.1.1").state());
        assertEquals(1.0, vm.traceProperty().get().get("就近接入/2.2.2.2").share(), 1e-9);
        assertTrue(c.strategyVersions("whatif.example.com").isEmpty());
    }

    @Test
    void publishShowsTheDiffThenKeepsVersionsAndRollsBack() throws Exception {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "pub.example.com");
        StrategyViewModel vm = on("pub.example.com");
        vm.importJson(resource("nearest.json"));
        vm.preparePublish();
        DraftDiff first = vm.diffProperty().get().orElseThrow();
        assertTrue(first.added().contains("就近接入/1.1.1.1"), first.toString());
        assertTrue(first.moves().stream().anyMatch(m -> m.group().equals("beijing.CN/ct") && m.after().equals("1.1.1.1 100%")));
        vm.publish();
        assertEquals(1, vm.versions().size());
        String root = vm.draftProperty().get().root();
        String beijing = vm.draftProperty().get().require(root).children().get(0);
        assertTrue(vm.edit(new Edit.Delete(beijing)).ok());
        vm.preparePublish();
        DraftDiff second = vm.diffProperty().get().orElseThrow();
        assertEquals(List.of("就近接入/1.1.1.1"), second.removed());
        assertEquals(List.of("就近接入"), second.changed());
        assertTrue(second.moves().stream().anyMatch(m -> m.group().equals("beijing.CN/ct") && m.before().equals("1.1.1.1 100%")
                && m.after().equals("2.2.2.2 100%")), second.toString());
        vm.publish();
        assertEquals(2, vm.versions().size());
        assertFalse(vm.draftProperty().get().traceName(vm.draftProperty().get().require(root).children().get(0)).endsWith("1.1.1.1"));
        vm.rollback(1);
        assertEquals(3, vm.versions().size());
        assertEquals(4, vm.draftProperty().get().require(vm.draftProperty().get().root()).children().size());
    }

    @Test
    void recommendLoadsTheEnginesRecommendationAsAnUndoableDraft() {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "rec.example.com");
        StrategyViewModel vm = on("rec.example.com");
        vm.load();
        assertTrue(vm.draftProperty().get().isEmpty());
        vm.recommend();
        assertEquals("根规则", vm.draftProperty().get().require(vm.draftProperty().get().root()).name());
        assertTrue(c.strategyVersions("rec.example.com").isEmpty(), "nothing published");
        vm.undo();
        assertTrue(vm.draftProperty().get().isEmpty());
    }

    @Test
    void aStrategyFileOpenedFromTheDesktopBecomesTheDraftOverTheLiveStrategyUnpublished() throws Exception {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "file.example.com");
        c.recommendStrategy("file.example.com"); // the live strategy: the recommendation's 根规则
        int versions = c.strategyVersions("file.example.com").size();
        StrategyViewModel vm = on("file.example.com");
        vm.openFile(resource("nearest.json")); // handed over before the screen has loaded anything
        assertTrue(vm.draftProperty().get().isEmpty(), "waits for the live strategy");
        vm.load();
        assertEquals("就近接入", vm.draftProperty().get().require(vm.draftProperty().get().root()).name());
        assertEquals(versions, c.strategyVersions("file.example.com").size(), "nothing published");
        vm.undo();
        assertEquals("根规则", vm.draftProperty().get().require(vm.draftProperty().get().root()).name(),
                "undo returns to the live strategy");
    }

    @Test
    void eachNodesShareIsOfTheQueriesReallyAnsweredSinceTheLastLook() throws Exception {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "share.example.com");
        StrategyViewModel vm = on("share.example.com");
        assertTrue(vm.importJson(resource("nearest.json")));
        vm.publish();
        vm.refreshLive(); // the first look: counters read, shares of the schedule result
        assertFalse(vm.sharesFromQueriesProperty().get());
        assertEquals(4, vm.endpointSharesProperty().get().size(), "every endpoint has groups in the schedule result");

        // 40 queries from Beijing telecom: the nearest answer is 1.1.1.1 every time
        org.xbill.DNS.SimpleResolver r = new org.xbill.DNS.SimpleResolver(NODE.node().dns());
        r.setTimeout(java.time.Duration.ofSeconds(3));
        r.setEDNS(0, 1232, 0, List.of(new org.xbill.DNS.ClientSubnetOption(24, java.net.InetAddress.getByName("219.141.200.0"))));
        for (int i = 0; i < 40; i++) {
            r.send(org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(
                    org.xbill.DNS.Name.fromString("share.example.com.gtm.lodestar.test."), org.xbill.DNS.Type.A,
                    org.xbill.DNS.DClass.IN)));
        }
        vm.refreshLive();
        assertTrue(vm.sharesFromQueriesProperty().get());
        assertEquals(1.0, vm.endpointSharesProperty().get().get("1.1.1.1"), 1e-9);
        vm.refreshLive(); // nothing asked since: back to the schedule result
        assertFalse(vm.sharesFromQueriesProperty().get());
    }

    @Test
    void aDomainWithoutAStrategyOpensOnAnEmptyCanvasWithoutAnError() {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "fresh.example.com");
        StrategyViewModel vm = on("fresh.example.com");
        vm.load();
        assertTrue(vm.draftProperty().get().isEmpty());
        assertEquals("", vm.messageProperty().get() == null ? "" : vm.messageProperty().get());
    }

    @Test
    void aDomainAnsweredFromPoolsShowsTheTreeTheyCompileToReadOnly() {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "pools.example.com");
        c.recommendStrategy("pools.example.com");
        StrategyViewModel vm = on("pools.example.com");
        vm.load();
        assertEquals("根规则", vm.draftProperty().get().require(vm.draftProperty().get().root()).name(), "loaded");
        assertEquals("", vm.compiledNoticeProperty().get());
        assertFalse(vm.compiledProperty().get());
        c.putTrafficPolicy("pools.example.com", "{\"pools\":[{\"name\":\"north\",\"tier\":1,"
                + "\"members\":[{\"endpoint\":\"1.1.1.1\"}]}]}");
        vm.load();
        assertTrue(vm.compiledNoticeProperty().get().startsWith("This domain is answered from its address pools (north)"),
                vm.compiledNoticeProperty().get() + " / " + vm.messageProperty().get());
        assertTrue(vm.compiledNoticeProperty().get().contains("Edit the pools on the Traffic screen"));
        assertTrue(vm.compiledProperty().get());
        Draft tree = vm.draftProperty().get();
        assertEquals("pools", tree.require(tree.root()).name(), "the tree that answers, not the stored one");
        assertEquals(java.util.Set.of("pools", "tier-1", "pool-north"), tree.ruleNames());
        assertFalse(vm.edit(new Edit.Replace(Draft.EMPTY)).ok(), "read-only");
        assertEquals(tree, vm.draftProperty().get());
        vm.preparePublish();
        assertTrue(vm.diffProperty().get().isEmpty(), "nothing to publish");

        c.putTrafficPolicy("pools.example.com", "{}");
        vm.load();
        assertFalse(vm.compiledProperty().get());
        assertEquals("根规则", vm.draftProperty().get().require(vm.draftProperty().get().root()).name(), "the stored tree again");
    }

    @Test
    void aDomainAnsweredFromProvidersShowsTheProvidersTreeAndSaysWhereToEditThem() {
        NodeClient c = NODE.node().admin();
        nearestDomain(c, "cdn.example.com");
        c.putProviders("cdn.example.com", new io.lodestar.engine.api.client.Traffic.Providers(true, "one", List.of(
                new io.lodestar.engine.api.client.Traffic.Provider("one", "1.1.1.1"),
                new io.lodestar.engine.api.client.Traffic.Provider("two", "2.2.2.2")), List.of(
                new io.lodestar.engine.api.client.Traffic.RegionRule("beijing.CN/*",
                        List.of(new io.lodestar.engine.api.client.Traffic.Target("two", 1))))));
        StrategyViewModel vm = on("cdn.example.com");
        vm.load();
        assertTrue(vm.compiledProperty().get());
        assertTrue(vm.compiledNoticeProperty().get().startsWith("This domain is answered from its multi-CDN providers"),
                vm.compiledNoticeProperty().get());
        Draft tree = vm.draftProperty().get();
        assertEquals("providers", tree.require(tree.root()).name());
        assertTrue(tree.ruleNames().containsAll(java.util.Set.of("providers-rule-0", "providers-default")), tree.ruleNames().toString());
    }

    @Test
    void aBadImportIsRefusedWithItsReasonAndTheDraftStays() {
        NodeClient c = NODE.node().admin();
        c.createDomain("bad.example.com", true);
        StrategyViewModel vm = on("bad.example.com");
        assertFalse(vm.importJson("{\"strategy\": {\"start\": \"a\", \"rules\": [{\"type\": \"nope\"}]}}"));
        assertTrue(vm.messageProperty().get().startsWith("Not imported"), vm.messageProperty().get());
        assertTrue(vm.draftProperty().get().isEmpty());
    }
}
