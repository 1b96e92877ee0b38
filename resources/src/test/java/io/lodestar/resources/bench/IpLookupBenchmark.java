package io.lodestar.resources.bench;

import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import org.lionsoul.ip2region.xdb.Header;
import org.lionsoul.ip2region.xdb.LongByteArray;
import org.lionsoul.ip2region.xdb.Searcher;
import org.lionsoul.ip2region.xdb.Version;

import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lookups per second, one thread: Lodestar's flat range table ({@link IpLocator#locateV4(int)})
 * against ip2region's own {@link Searcher} with the whole xdb in memory (the library's fastest mode),
 * on the same 1 M random IPv4 addresses. A plain harness rather than a unit test, because timing
 * assertions in a shared CI are noise; run it with {@code bench/ip.sh}.
 *
 * <p>Two address sets: uniform random addresses (the stated comparison), and "segment-weighted"
 * ones - a random xdb segment, then a random address inside it - which favour the small, densely
 * packed segments of Chinese networks, where the table's buckets hold the most ranges.
 *
 * <p>The searcher is given ready-made {@code byte[]} addresses so that neither side pays for parsing;
 * both results are folded into a sink so that the JIT cannot drop the work.
 */
public final class IpLookupBenchmark {

    private static final int ADDRESSES = 1_000_000;
    private static final int WARMUP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 5;

    private IpLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Regions regions = Regions.load();
        IpLocator locator = IpLocator.load(regions);
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        byte[] xdb;
        try (InputStream in = IpLookupBenchmark.class.getResourceAsStream("/ip2region/ip2region.xdb")) {
            xdb = in.readAllBytes();
        }
        Searcher searcher = Searcher.newWithBuffer(Version.IPv4, new LongByteArray(xdb));

        System.out.printf("catalogue + IP table load: %d ms; %d xdb segments -> %d ranges%n",
                loadMs, locator.segments(), locator.ranges());
        SplittableRandom random = new SplittableRandom(42);
        int[] uniform = new int[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            uniform[i] = random.nextInt();
        }
        run("uniform random addresses", locator, searcher, uniform);
        run("segment-weighted addresses", locator, searcher, segmentWeighted(xdb, random));
    }

    private static void run(String name, IpLocator locator, Searcher searcher, int[] addresses) throws Exception {
        System.out.println("== " + name + ", " + addresses.length + " lookups per round");
        byte[][] addressBytes = new byte[addresses.length][];
        for (int i = 0; i < addresses.length; i++) {
            int a = addresses[i];
            addressBytes[i] = new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        long sink = 0;
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            sink += flat(locator, addresses)[1];
            sink += searcher(searcher, addressBytes)[1];
        }
        double[] flatRates = new double[MEASURED_ROUNDS];
        double[] searcherRates = new double[MEASURED_ROUNDS];
        for (int r = 0; r < MEASURED_ROUNDS; r++) {
            long[] f = flat(locator, addresses);
            long[] s = searcher(searcher, addressBytes);
            flatRates[r] = addresses.length * 1e9 / f[0];
            searcherRates[r] = addresses.length * 1e9 / s[0];
            sink += f[1] + s[1];
            System.out.printf("round %d: flat table %,.0f lookups/s, ip2region Searcher %,.0f lookups/s%n",
                    r + 1, flatRates[r], searcherRates[r]);
        }
        double flat = median(flatRates);
        double lib = median(searcherRates);
        System.out.printf("median: flat table %,.0f lookups/s (%.0f ns/lookup), ip2region Searcher %,.0f lookups/s "
                + "(%.0f ns/lookup), ratio %.1fx (sink %d)%n", flat, 1e9 / flat, lib, 1e9 / lib, flat / lib, sink);
    }

    private static int[] segmentWeighted(byte[] xdb, SplittableRandom random) {
        Header header = new Header(Arrays.copyOf(xdb, 256));
        LongByteArray content = new LongByteArray(xdb);
        int segments = (int) ((header.endIndexPtr - header.startIndexPtr) / 14 + 1);
        int[] addresses = new int[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            long p = header.startIndexPtr + 14L * random.nextInt(segments);
            long start = content.getUint32(p);
            long end = content.getUint32(p + 4);
            addresses[i] = (int) (start + random.nextLong(end - start + 1));
        }
        return addresses;
    }

    /** Returns {elapsed ns, checksum}. */
    private static long[] flat(IpLocator locator, int[] addresses) {
        long sum = 0;
        long start = System.nanoTime();
        for (int a : addresses) {
            sum += locator.locateV4(a);
        }
        return new long[] {System.nanoTime() - start, sum};
    }

    private static long[] searcher(Searcher searcher, byte[][] addresses) throws Exception {
        long sum = 0;
        long start = System.nanoTime();
        for (byte[] a : addresses) {
            sum += searcher.search(a).length();
        }
        return new long[] {System.nanoTime() - start, sum};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
