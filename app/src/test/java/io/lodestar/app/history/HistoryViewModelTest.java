package io.lodestar.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.app.map.MapFrame;
import io.lodestar.app.map.MapLayout;
import io.lodestar.app.map.ShareInterner;
import io.lodestar.app.shell.Session;
import io.lodestar.app.testing.LocalNode;
import io.lodestar.app.testing.LocalNodeExtension;
import io.lodestar.engine.api.client.Distribution;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.resources.region.ProvinceShapes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryViewModelTest {

    @RegisterExtension
    static final LocalNodeExtension NODE = new LocalNodeExtension();
    static final MapLayout LAYOUT = new MapLayout(LocalNode.REGIONS, ProvinceShapes.load());
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static HistoryViewModel vm() {
        Session s = NODE.node().sameThreadSession();
        return new HistoryViewModel(s, LAYOUT, () -> T0.plusSeconds(3600));
    }

    /** Every mainland group answered by {@code endpoint}. */
    private static MapFrame all(String endpoint) {
        List<Distribution.Group> groups = new java.util.ArrayList<>();
        for (String p : LAYOUT.provinces()) {
            for (String isp : LAYOUT.isps()) {
                groups.add(new Distribution.Group(p, isp, "", "A", false, List.of(new Distribution.Share(endpoint, 1))));
            }
        }
        return MapFrame.of(new Distribution("d", groups), LAYOUT, new ShareInterner());
    }

    private static List<HistoryViewModel.Moment> twoChanges() {
        return List.of(new HistoryViewModel.Moment(T0.plusSeconds(600), "published", all("192.0.2.1")),
                new HistoryViewModel.Moment(T0.plusSeconds(1800), "health: 192.0.2.1 ok → fail", all("192.0.2.2")));
    }

    @Test
    void movingThePositionShowsTheResultInForceThenAndNothingBeforeTheFirst() {
        HistoryViewModel vm = vm();
        vm.show(twoChanges());
        int beijing = LAYOUT.provinceIndex("beijing.CN");
        assertEquals("192.0.2.2", vm.frameProperty().get().dominant(beijing, 0), "starts at the range's end");
        vm.positionProperty().set(T0.plusSeconds(1799).toEpochMilli());
        assertEquals("192.0.2.1", vm.frameProperty().get().dominant(beijing, 0));
        vm.positionProperty().set(T0.plusSeconds(1800).toEpochMilli());
        assertEquals(1, vm.indexProperty().get());
        vm.positionProperty().set(T0.plusSeconds(10).toEpochMilli());
        assertEquals(-1, vm.indexProperty().get());
        assertEquals("", vm.frameProperty().get().dominant(beijing, 0));
        assertEquals("Before the first recorded result", vm.momentTextProperty().get());
    }

    @Test
    void playbackMovesAtTheChosenSpeedAndStopsAtTheEnd() {
        HistoryViewModel vm = vm();
        vm.fromProperty().set(T0);
        vm.show(twoChanges());
        vm.play();
        assertEquals(vm.fromProperty().get().toEpochMilli(), vm.positionProperty().get(), 0.5, "from the start when at the end");
        vm.speedProperty().set(600);
        vm.tick(1.0);
        assertEquals(T0.plusSeconds(600).toEpochMilli(), vm.positionProperty().get(), 0.5);
        assertEquals(0, vm.indexProperty().get());
        for (int i = 0; i < 100 && vm.playingProperty().get(); i++) {
            vm.tick(1.0);
        }
        assertFalse(vm.playingProperty().get());
        assertEquals(vm.toProperty().get().toEpochMilli(), vm.positionProperty().get(), 0.5);
    }

    @Test
    void compareModePinsTheMomentShownAndTheCsvIsOfTheMomentAtTheSlider() {
        HistoryViewModel vm = vm();
        vm.show(twoChanges());
        vm.positionProperty().set(T0.plusSeconds(900).toEpochMilli());
        vm.compareProperty().set(true);
        assertEquals(T0.plusSeconds(600), vm.pinnedProperty().get().at());
        vm.positionProperty().set(T0.plusSeconds(2000).toEpochMilli());
        int beijing = LAYOUT.provinceIndex("beijing.CN");
        assertTrue(vm.frameProperty().get().differs(vm.pinnedProperty().get().frame(), beijing, 0));
        assertTrue(vm.csv().contains(T0.plusSeconds(1800) + ",beijing.CN,ct,192.0.2.2,1.0\n"), vm.csv());
        vm.compareProperty().set(false);
        assertNull(vm.pinnedProperty().get());
    }

    @Test
    void loadsTheNodesHistoryOfTheDomain() {
        var admin = NODE.node().admin();
        admin.createDomain("hist.example.com", true);
        admin.addEndpoints(List.of(EndpointInfo.of("hist.example.com", "192.0.2.10", "A", "beijing.CN", "ct", "", 1, true, false)));
        admin.recommendStrategy("hist.example.com");
        Session s = NODE.node().sameThreadSession();
        s.domainProperty().set("hist.example.com");
        HistoryViewModel vm = new HistoryViewModel(s, LAYOUT, Instant::now);
        vm.last(java.time.Duration.ofHours(1));
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.momentsProperty().get().isEmpty());
        assertEquals("192.0.2.10", vm.frameProperty().get().dominant(LAYOUT.provinceIndex("beijing.CN"), 0));
        assertEquals("192.0.2.10", vm.legend().get(0).endpoint());
    }
}
