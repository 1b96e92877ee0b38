package io.lodestar.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.NodeClient;
import io.lodestar.engine.api.client.Simulation;
import io.lodestar.resources.region.ProvinceShapes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScheduleMapViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();
    static final MapLayout LAYOUT = new MapLayout(LocalNode.REGIONS, ProvinceShapes.load());

    private static ScheduleMapViewModel twoEndpoints(String domain) {
        var admin = NODE.node().admin();
        admin.createDomain(domain, true);
        admin.addEndpoints(List.of(
                EndpointInfo.of(domain, "192.0.2.10", "A", "beijing.CN", "ct", "", 1, true, false),
                EndpointInfo.of(domain, "192.0.2.20", "A", "guangdong.CN", "cu", "", 1, true, false)));
        admin.recommendStrategy(domain);
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set(domain);
        ScheduleMapViewModel vm = new ScheduleMapViewModel(s, LAYOUT);
        vm.refresh();
        return vm;
    }

    @Test
    void eachProvinceIsColouredByItsMainAnswerAndTheLegendNamesEveryEndpoint() {
        ScheduleMapViewModel vm = twoEndpoints("colour.example.com");
        MapFrame f = vm.frameProperty().get();
        int beijing = LAYOUT.provinceIndex("beijing.CN");
        int guangdong = LAYOUT.provinceIndex("guangdong.CN");
        assertEquals("192.0.2.10", f.dominant(beijing, LAYOUT.ispChoice("ct")));
        assertEquals("192.0.2.20", f.dominant(guangdong, LAYOUT.ispChoice("cu")));
        assertEquals(List.of("192.0.2.10", "192.0.2.20"), vm.legend().stream().map(LegendRow::endpoint).toList());
        assertEquals("ls-map-c0", vm.legend().get(0).styleClass());
        double total = vm.legend().stream().mapToDouble(LegendRow::share).sum();
        assertEquals(1.0, total, 1e-3, "shares of the mainland answers add up");
    }

    @Test
    void theHoverTextListsEachIspsAnswersAndThePanelListsThem() {
        ScheduleMapViewModel vm = twoEndpoints("hover.example.com");
        String t = vm.tooltip("beijing.CN");
        assertTrue(t.startsWith("Beijing\nChina Telecom: 192.0.2.10 100%\nChina Unicom: "), t);
        assertEquals(7, t.split("\n").length, t);
        assertEquals(1, vm.tooltip("macau.CN").split("\n").length - 1, "one line: Macau has only 'other'");
        List<String> detail = vm.detail("beijing.CN");
        assertEquals(6, detail.size(), detail.toString());
        assertTrue(detail.get(0).startsWith("China Telecom: 192.0.2.10"), detail.toString());
    }

    @Test
    void choosingAProvinceShowsTheNodesOwnTraceOfItsPathAndAnswers() {
        ScheduleMapViewModel vm = twoEndpoints("path.example.com");
        NodeClient client = NODE.node().admin();
        vm.choice().ispProperty().set("cu");
        assertTrue(vm.path().isEmpty(), "nothing chosen, no path");
        vm.selectedProperty().set("guangdong.CN");
        Simulation expected = client.simulate("path.example.com", Simulation.Request.group("guangdong.CN", "cu"));
        assertEquals(List.of(new IspPath("cu", expected)), List.copyOf(vm.path()));
        IspPath p = vm.path().get(0);
        assertEquals(List.of(new Distribution.Share("192.0.2.20", 1.0)), p.simulation().answers());
        List<IspPath.Row> rows = p.rows();
        assertEquals(0, rows.get(0).depth(), "the root first");
        assertEquals("", rows.get(0).step().parent());
        IspPath.Row last = rows.stream().filter(r -> r.step().share() > 0).reduce((a, b) -> b).orElseThrow();
        assertEquals("192.0.2.20", last.label(), "the path ends at the answered endpoint: " + rows);
        assertTrue(last.depth() > 0);
        for (IspPath.Row r : rows) {
            assertTrue(r.step().share() > 0 || List.of("dead", "absent").contains(r.step().state()), r.toString());
        }

        vm.choice().ispProperty().set(MapLayout.ALL);
        assertEquals(LAYOUT.isps(), vm.path().stream().map(IspPath::isp).toList(), "all ISPs: one path each");
        for (IspPath each : vm.path()) {
            assertEquals(client.simulate("path.example.com", Simulation.Request.group("guangdong.CN", each.isp())),
                    each.simulation());
        }
        vm.selectedProperty().set("macau.CN");
        assertEquals(List.of("other"), vm.path().stream().map(IspPath::isp).toList(), "Macau's users are all 'other'");
        vm.selectedProperty().set("");
        assertTrue(vm.path().isEmpty());
    }

    @Test
    void choosingAnIspChangesTheLegendAndTheCsvHasEveryProvinceAndIsp() {
        ScheduleMapViewModel vm = twoEndpoints("isp.example.com");
        vm.choice().ispProperty().set("ct");
        assertEquals(1, vm.choice().ispChoice());
        String csv = vm.csv();
        assertTrue(csv.startsWith("time,area,isp,endpoint,share\n"), csv);
        assertTrue(csv.contains("now,beijing.CN,ct,192.0.2.10,1.0\n"), csv);
        assertTrue(csv.lines().filter(l -> l.contains(",beijing.CN,")).count() >= 6);
        assertTrue(csv.contains(",hongkong.CN,other,"), csv);
        assertTrue(vm.abroad().stream().anyMatch(r -> r.area().equals("europe.abroad") && !r.children().isEmpty()));
    }

    @Test
    void aRefreshThatFindsNothingNewKeepsTheFrameAndANewEndpointChangesIt() {
        ScheduleMapViewModel vm = twoEndpoints("same.example.com");
        MapFrame first = vm.frameProperty().get();
        vm.refresh();
        assertSame(first, vm.frameProperty().get());
        NODE.node().admin().addEndpoints(List.of(
                EndpointInfo.of("same.example.com", "192.0.2.30", "A", "sichuan.CN", "ct", "", 1, true, false)));
        NODE.node().admin().recommendStrategy("same.example.com");
        vm.refresh();
        assertEquals("192.0.2.30", vm.frameProperty().get().dominant(LAYOUT.provinceIndex("sichuan.CN"), 0));
    }
}
