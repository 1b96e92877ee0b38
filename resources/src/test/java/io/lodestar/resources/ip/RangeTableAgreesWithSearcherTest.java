package io.lodestar.resources.ip;

import org.junit.jupiter.api.Test;
import org.lionsoul.ip2region.xdb.Header;
import org.lionsoul.ip2region.xdb.LongByteArray;
import org.lionsoul.ip2region.xdb.Searcher;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The correctness proof of the flat range table: for any address it answers what mapping
 * ip2region's own {@link Searcher} result would answer. Checked on 100 000 random addresses and on
 * both ends of every segment of the xdb (where an off-by-one in merging or indexing would show).
 */
class RangeTableAgreesWithSearcherTest {

    private final IpLocator locator = Fixtures.locator();
    private final Ip2RegionMapper mapper = new Ip2RegionMapper(Fixtures.regions());
    private final Searcher searcher = Fixtures.searcher();
    private final Map<String, Integer> mapped = new HashMap<>();

    private int expected(int address) throws Exception {
        String region = searcher.search(Fixtures.bytes(address));
        return mapped.computeIfAbsent(region, mapper::map);
    }

    @Test
    void agreesWithTheLibrarySearcherOnOneHundredThousandRandomAddresses() throws Exception {
        SplittableRandom random = new SplittableRandom(20240228L);
        for (int i = 0; i < 100_000; i++) {
            int address = random.nextInt();
            assertEquals(expected(address), locator.locateV4(address), () -> Integer.toUnsignedString(address));
        }
    }

    @Test
    void agreesWithTheLibrarySearcherAtBothEndsOfEverySegment() throws Exception {
        byte[] xdb = IpLocator.readBundledXdb();
        Header header = new Header(Arrays.copyOf(xdb, 256));
        LongByteArray content = new LongByteArray(xdb);
        for (long p = header.startIndexPtr; p <= header.endIndexPtr; p += 14) {
            int start = (int) content.getUint32(p);
            int end = (int) content.getUint32(p + 4);
            assertEquals(expected(start), locator.locateV4(start), () -> "start " + Integer.toUnsignedString(start));
            assertEquals(expected(end), locator.locateV4(end), () -> "end " + Integer.toUnsignedString(end));
        }
    }

    @Test
    void coversTheWholeAddressSpaceEdges() throws Exception {
        for (int address : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x0000FFFF, 0xFFFF0000}) {
            assertEquals(expected(address), locator.locateV4(address), Integer.toUnsignedString(address));
        }
    }
}
