package io.lodestar.resources.ip;

import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.lionsoul.ip2region.xdb.Header;
import org.lionsoul.ip2region.xdb.LongByteArray;
import org.lionsoul.ip2region.xdb.Version;
import org.lionsoul.ip2region.xdb.XdbException;

/**
 * Locates an IPv4 client to an (area, ISP) pair of the catalogue (CONTRACT §2), from the bundled
 * ip2region database ({@code /ip2region/ip2region.xdb}, data of 2024-02, IPv4 only).
 *
 * <p><b>Why a table of our own.</b> The query path of the DNS server has a budget of a few hundred
 * nanoseconds for everything it does; ip2region's {@code Searcher} decodes bytes into a new
 * {@code String} per lookup, which we would then have to parse. So the xdb is read once at start-up
 * (through the library's {@link Header}, {@link Version} and {@link LongByteArray}), every region
 * string is mapped once, adjacent segments with the same result are merged, and lookups are a binary
 * search over two parallel {@code int[]}s, narrowed first by a 65 536-entry index of the top 16 bits.
 * {@link #locateV4(int)} allocates nothing.
 *
 * <p><b>Mapping rules</b> (region string {@code country|0|province|city|isp}, {@code 0} = unknown):
 * <ul>
 *   <li>country {@code 0} or empty, or city {@code 内网IP} (private and reserved ranges) →
 *       {@code none.CN} / {@code other}: such clients are treated as mainland, as the seed did;</li>
 *   <li>{@code 中国}: the province is normalised by stripping {@code 省}, {@code 市}, {@code 自治区},
 *       {@code 壮族自治区}, {@code 回族自治区}, {@code 维吾尔自治区}, {@code 特别行政区} and matched
 *       to the 31 province names of {@code areas.tsv} ({@code 广西壮族自治区}, {@code 广西} →
 *       {@code guangxi.CN}); {@code 香港}, {@code 澳门}, {@code 台湾(省)} → {@code hongkong.CN},
 *       {@code macau.CN}, {@code taiwan.CN}; unknown province → {@code none.CN};</li>
 *   <li>other countries by Chinese name (the CLDR names of {@code countries.tsv}, plus the
 *       ip2region spellings of {@code ip2region-names.tsv}, e.g. {@code 阿联酋}) →
 *       {@code xx.abroad}; {@code 香港}/{@code 澳门}/{@code 台湾} as countries → the special regions;
 *       continent labels ({@code 欧洲}, {@code 亚太地区}) and unknown names → {@code none.abroad};</li>
 *   <li>ISP, inside mainland only, by exact string: {@code 电信} → {@code ct}, {@code 联通} →
 *       {@code cu}, {@code 移动} and {@code 铁通} → {@code cm}, {@code 教育网} (and member
 *       universities) → {@code cernet}, {@code 广电}, any {@code …广电} and the cable networks
 *       ({@code 歌华}, {@code 华数}, …) → {@code cbn}; anything else ({@code 鹏博士}, {@code 阿里云},
 *       {@code 0}) → {@code other}. Outside mainland the ISP is always {@code other}.</li>
 * </ul>
 *
 * <p><b>IPv6.</b> The bundled data has no IPv6 ranges, so an IPv6 client is located to
 * {@link #unknown()} ({@code none.abroad} / {@code other}), except IPv4-mapped addresses
 * ({@code ::ffff:a.b.c.d}), which are looked up as their IPv4 address.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class IpLocator {

    /** Where the build unpacks the xdb from {@code net.dreamlu:mica-ip2region}. */
    static final String XDB_RESOURCE = "/ip2region/ip2region.xdb";
    private static final int HEADER_BYTES = 256;

    private final Regions regions;
    /** Range starts, sign bit flipped so that signed comparison orders them as unsigned. */
    private final int[] starts;
    /** Packed location of each range. */
    private final int[] codes;
    /** {@code index[b]}: the range holding address {@code b << 16}; {@code index[65536]} the last range. */
    private final int[] index;
    private final long segments;
    private final int unknown;
    private final String[] countryOfArea;
    private final String[] continentOfArea;

    private IpLocator(Regions regions, int[] starts, int[] codes, long segments) {
        this.regions = regions;
        this.starts = starts;
        this.codes = codes;
        this.segments = segments;
        this.unknown = pack(regions.requireArea("none.abroad").index(), regions.requireIsp("other").index());
        this.index = new int[65537];
        int r = 0;
        for (int b = 0; b < 65536; b++) {
            int key = (b << 16) ^ Integer.MIN_VALUE;
            while (r + 1 < starts.length && starts[r + 1] <= key) {
                r++;
            }
            index[b] = r;
        }
        index[65536] = starts.length - 1;
        this.countryOfArea = new String[regions.areaCount()];
        this.continentOfArea = new String[regions.areaCount()];
        for (Area a : regions.areas()) {
            countryOfArea[a.index()] = country(a);
            continentOfArea[a.index()] = continent(regions, a);
        }
    }

    /** Reads the bundled xdb once and builds the range table (about 0.2 s; see README). */
    public static IpLocator load(Regions regions) {
        byte[] xdb = readBundledXdb();
        Header header = new Header(Arrays.copyOf(xdb, HEADER_BYTES));
        Version version;
        try {
            version = Version.fromHeader(header);
        } catch (XdbException e) {
            throw new IllegalStateException("unreadable " + XDB_RESOURCE, e);
        }
        if (version.bytes != 4) {
            throw new IllegalStateException(XDB_RESOURCE + " is " + version.name + ", expected IPv4");
        }
        LongByteArray content = new LongByteArray(xdb);
        Ip2RegionMapper mapper = new Ip2RegionMapper(regions);
        int unknown = pack(regions.requireArea("none.abroad").index(), regions.requireIsp("other").index());
        long count = (header.endIndexPtr - header.startIndexPtr) / version.segmentIndexSize + 1;
        int[] starts = new int[(int) count + 2];
        int[] codes = new int[starts.length];
        Map<Long, Integer> codeOfPtr = new HashMap<>();
        int n = 0;
        long next = 0; // the first address not yet covered
        for (long p = header.startIndexPtr; p <= header.endIndexPtr; p += version.segmentIndexSize) {
            long start = content.getUint32(p);
            long end = content.getUint32(p + version.bytes);
            int length = content.getInt2(p + 2L * version.bytes);
            long ptr = content.getUint32(p + 2L * version.bytes + 2);
            Integer code = codeOfPtr.get(ptr);
            if (code == null) {
                code = mapper.map(new String(content.slice(ptr, length), StandardCharsets.UTF_8));
                codeOfPtr.put(ptr, code);
            }
            if (start > next) { // a hole in the data: nothing known
                n = append(starts, codes, n, next, unknown);
            }
            n = append(starts, codes, n, start, code);
            next = end + 1;
        }
        if (next <= 0xFFFF_FFFFL) {
            n = append(starts, codes, n, next, unknown);
        }
        return new IpLocator(regions, Arrays.copyOf(starts, n), Arrays.copyOf(codes, n), count);
    }

    private static int append(int[] starts, int[] codes, int n, long start, int code) {
        if (n > 0 && codes[n - 1] == code) {
            return n; // same answer as the range before: merge
        }
        starts[n] = (int) start ^ Integer.MIN_VALUE;
        codes[n] = code;
        return n + 1;
    }

    static byte[] readBundledXdb() {
        try (InputStream in = IpLocator.class.getResourceAsStream(XDB_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled " + XDB_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The packed {@code (areaIndex << 8) | ispIndex} location of an IPv4 address given as a 32-bit
     * int in network order ({@code 1.2.3.4} is {@code 0x01020304}). Allocation-free: the query path.
     */
    public int locateV4(int address) {
        int key = address ^ Integer.MIN_VALUE;
        int hi16 = address >>> 16;
        int lo = index[hi16];
        int hi = index[hi16 + 1];
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= key) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return codes[lo];
    }

    /** Area index ({@link Regions#area(int)}) of a packed location. */
    public static int areaIndex(int packed) {
        return packed >>> 8;
    }

    /** ISP index ({@link Regions#isp(int)}) of a packed location. */
    public static int ispIndex(int packed) {
        return packed & 0xFF;
    }

    static int pack(int areaIndex, int ispIndex) {
        return (areaIndex << 8) | ispIndex;
    }

    /** Convenience lookup; IPv6 other than IPv4-mapped gives {@link #unknown()} (no IPv6 data). */
    public IpLocation locate(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return location(locateV4(toInt(b, 0)));
        }
        if (b.length == 16 && isV4Mapped(b)) {
            return location(locateV4(toInt(b, 12)));
        }
        return location(unknown);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    private static int toInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    /** The packed location of a client nothing is known about: {@code none.abroad} / {@code other}. */
    public int unknown() {
        return unknown;
    }

    /** Codes, country and continent of a packed location. */
    public IpLocation location(int packed) {
        int area = areaIndex(packed);
        return new IpLocation(regions.area(area).code(), regions.isp(ispIndex(packed)).code(),
                countryOfArea[area], continentOfArea[area]);
    }

    /** Segments in the xdb (before merging), for statistics. */
    public long segments() {
        return segments;
    }

    /** Ranges in the flat table after merging neighbours with the same location. */
    public int ranges() {
        return starts.length;
    }

    private static String country(Area a) {
        return switch (a.kind()) {
            case PROVINCE, MAINLAND_OTHER, MAINLAND -> "cn";
            case SPECIAL_REGION -> switch (a.code()) {
                case "hongkong.CN" -> "hk";
                case "macau.CN" -> "mo";
                case "taiwan.CN" -> "tw";
                default -> "";
            };
            case COUNTRY -> a.code().substring(0, a.code().indexOf('.'));
            default -> "";
        };
    }

    private static String continent(Regions regions, Area a) {
        if (a.mainland() || a.kind() == AreaKind.MAINLAND) {
            return "asia";
        }
        for (int p : regions.ancestors(a.index())) {
            Area anc = regions.area(p);
            if (anc.kind() == AreaKind.CONTINENT) {
                return anc.code().substring(0, anc.code().indexOf('.'));
            }
        }
        return a.kind() == AreaKind.CONTINENT ? a.code().substring(0, a.code().indexOf('.')) : "";
    }
}
