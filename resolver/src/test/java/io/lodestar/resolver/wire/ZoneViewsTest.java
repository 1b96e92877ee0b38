package io.lodestar.resolver.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.node.Snapshot;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The zone file is parsed once per text, not per query and not per snapshot. */
class ZoneViewsTest {

    private static final String TEXT = "www IN A 192.0.2.1\n";

    private static Snapshot snapshot(long version, String text) {
        return new Snapshot(version, "gtm.lodestar.test", Map.of(), Optional.ofNullable(text));
    }

    @Test
    void oneViewPerSnapshotAndOneParsePerZoneFileText() throws Exception {
        ZoneViews views = new ZoneViews(InetAddress.getLoopbackAddress(), m -> { });
        Snapshot s1 = snapshot(1, TEXT);
        ZoneView v1 = views.of(s1);
        assertSame(v1, views.of(s1), "same snapshot, same view");
        ZoneView v2 = views.of(snapshot(2, new String(TEXT.toCharArray())));
        assertNotSame(v1, v2, "a new snapshot gets its own view (its own serial)");
        assertSame(v1.staticZone(), v2.staticZone(), "an equal text is not parsed again");
        assertNotSame(v2.staticZone(), views.of(snapshot(3, TEXT + "mail IN A 192.0.2.2\n")).staticZone());
    }

    @Test
    void aBrokenFileIsReportedOnceAndTheGeneratedApexServed() throws Exception {
        List<String> reports = new ArrayList<>();
        ZoneViews views = new ZoneViews(null, reports::add);
        String bad = "www IN A not-an-address\n";
        ZoneView v = views.of(snapshot(1, bad));
        views.of(snapshot(2, bad));
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(v.zoneFileError().isPresent());
        assertTrue(v.find("gtm.lodestar.test", DnsCodes.NS) instanceof ZoneOutcome.Found);
    }

    @Test
    void namesAreInTheZoneOnlyAtALabelBoundary() {
        assertTrue(Names.inZone("a.gtm.lodestar.test", "gtm.lodestar.test"));
        assertTrue(Names.inZone("gtm.lodestar.test", "gtm.lodestar.test"));
        assertTrue(!Names.inZone("xgtm.lodestar.test", "gtm.lodestar.test"));
        assertTrue(!Names.inZone("a\\.gtm.lodestar.test", "gtm.lodestar.test"), "an escaped dot is inside a label");
        assertEquals("gtm.lodestar.test", Names.parent("a\\.b.gtm.lodestar.test"));
    }
}
