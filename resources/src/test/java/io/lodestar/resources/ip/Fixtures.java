package io.lodestar.resources.ip;

import io.lodestar.resources.region.Regions;
import org.lionsoul.ip2region.xdb.LongByteArray;
import org.lionsoul.ip2region.xdb.Searcher;
import org.lionsoul.ip2region.xdb.Version;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The real bundled data, loaded once per test JVM (loading takes a fraction of a second). */
final class Fixtures {

    private static final Regions REGIONS = Regions.load();
    private static final IpLocator LOCATOR = IpLocator.load(REGIONS);

    private Fixtures() {
    }

    static Regions regions() {
        return REGIONS;
    }

    static IpLocator locator() {
        return LOCATOR;
    }

    /** ip2region's own searcher over the same xdb, fully in memory: the reference answers. */
    static Searcher searcher() {
        try {
            return Searcher.newWithBuffer(Version.IPv4, new LongByteArray(IpLocator.readBundledXdb()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(int address) {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }
}
