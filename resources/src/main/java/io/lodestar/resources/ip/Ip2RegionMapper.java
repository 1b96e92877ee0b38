package io.lodestar.resources.ip;

import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one ip2region region string ({@code country|0|province|city|isp}) into a packed
 * {@code (areaIndex << 8) | ispIndex} code of the catalogue. The rules are listed in
 * {@link IpLocator}'s Javadoc; the vocabulary that no rule covers is the bundled table
 * {@code ip2region-names.tsv}, so that a new data release needs a table row, not code.
 *
 * <p>Used once per distinct region string while {@link IpLocator} loads, and by the tests to map the
 * library searcher's own answers; never on the query path.
 */
final class Ip2RegionMapper {

    /** ip2region's word for "unknown" in any field. */
    static final String UNKNOWN = "0";
    /** Country string of mainland China, whose provinces split it into areas. */
    private static final String CHINA = "中国";
    /** City and ISP string of private and reserved ranges. */
    private static final String PRIVATE = "内网IP";
    /** Suffix of provincial cable-TV networks (江苏广电, 山东青岛广电, …): all China Broadnet. */
    private static final String CABLE_SUFFIX = "广电";
    /** Province-level suffixes, longest first so that 壮族自治区 wins over 自治区. */
    private static final String[] PROVINCE_SUFFIXES = {
        "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"};

    private final Map<String, Integer> provinces = new HashMap<>();
    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> isps = new HashMap<>();
    private final boolean[] mainland;
    private final int noneCn;
    private final int noneAbroad;
    private final int ispOther;

    Ip2RegionMapper(Regions regions) {
        if (regions.ispCount() > 256) {
            throw new IllegalStateException("an ISP index must fit in 8 bits, have " + regions.ispCount());
        }
        noneCn = regions.requireArea("none.CN").index();
        noneAbroad = regions.requireArea("none.abroad").index();
        ispOther = regions.requireIsp("other").index();
        mainland = new boolean[regions.areaCount()];
        for (Area a : regions.areas()) {
            mainland[a.index()] = a.mainland();
            if (a.kind() == AreaKind.PROVINCE || a.kind() == AreaKind.SPECIAL_REGION) {
                // 香港, 澳门, 台湾 appear both as provinces of 中国 and as countries.
                provinces.put(a.nameZh(), a.index());
            }
            if (a.kind() == AreaKind.COUNTRY || a.kind() == AreaKind.SPECIAL_REGION) {
                countries.put(a.nameZh(), a.index());
            }
        }
        readNames(regions);
    }

    private void readNames(Regions regions) {
        try (InputStream in = Ip2RegionMapper.class.getResourceAsStream("ip2region-names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled table ip2region-names.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 3) {
                    throw new IllegalStateException("ip2region-names.tsv: expected 3 fields: " + line);
                }
                switch (f[0]) {
                    case "country" -> countries.put(f[1], f[2].equals("none")
                            ? noneAbroad : regions.requireArea(f[2] + ".abroad").index());
                    case "isp" -> isps.put(f[1], regions.requireIsp(f[2]).index());
                    default -> throw new IllegalStateException("ip2region-names.tsv: unknown kind " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packed location of one region string. Never fails: what is not understood is "unknown". */
    int map(String region) {
        String[] f = region.split("\\|", -1);
        String country = f.length > 0 ? f[0] : UNKNOWN;
        String province = f.length > 2 ? f[2] : UNKNOWN;
        String city = f.length > 3 ? f[3] : UNKNOWN;
        String isp = f.length > 4 ? f[4] : UNKNOWN;
        if (country.equals(UNKNOWN) || country.isEmpty() || city.equals(PRIVATE)) {
            return IpLocator.pack(noneCn, ispOther);
        }
        if (!country.equals(CHINA)) {
            return IpLocator.pack(countries.getOrDefault(country, noneAbroad), ispOther);
        }
        Integer area = provinces.get(normaliseProvince(province));
        if (area == null) {
            return IpLocator.pack(noneCn, mainlandIsp(isp));
        }
        return IpLocator.pack(area, mainland[area] ? mainlandIsp(isp) : ispOther);
    }

    /** {@code 广西壮族自治区} → {@code 广西}, {@code 北京市} → {@code 北京}, {@code 台湾省} → {@code 台湾}. */
    static String normaliseProvince(String province) {
        for (String suffix : PROVINCE_SUFFIXES) {
            if (province.length() > suffix.length() + 1 && province.endsWith(suffix)) {
                return province.substring(0, province.length() - suffix.length());
            }
        }
        return province;
    }

    private int mainlandIsp(String isp) {
        Integer known = isps.get(isp);
        if (known != null) {
            return known;
        }
        if (isp.endsWith(CABLE_SUFFIX)) {
            return isps.getOrDefault(CABLE_SUFFIX, ispOther);
        }
        return ispOther;
    }
}
