package io.lodestar.resources.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region catalogue of CONTRACT §2: areas (provinces, {@code none.CN}, {@code mainland.CN},
 * Hong Kong / Macau / Taiwan, {@code none.abroad}, continents, countries) and ISPs, loaded from the
 * bundled tables {@code areas.tsv}, {@code countries.tsv} and {@code isps.tsv}.
 *
 * <p>Immutable and thread-safe. Areas and ISPs carry a dense index so that the engine can lay out
 * user groups as arrays ({@code area.index() * ispCount() + isp.index()}). Load it once per process
 * and pass it on; it is not a singleton.
 */
public final class Regions {

    private final List<Area> areas;
    private final Map<String, Area> areasByCode;
    private final List<Isp> isps;
    private final Map<String, Isp> ispsByCode;
    private final int[][] ancestors;

    private Regions(List<Area> areas, List<Isp> isps) {
        this.areas = List.copyOf(areas);
        this.isps = List.copyOf(isps);
        Map<String, Area> byCode = new HashMap<>();
        for (Area a : areas) {
            if (byCode.put(a.code(), a) != null) {
                throw new IllegalStateException("duplicate area code " + a.code());
            }
        }
        this.areasByCode = Collections.unmodifiableMap(byCode);
        Map<String, Isp> ispByCode = new HashMap<>();
        for (Isp i : isps) {
            ispByCode.put(i.code(), i);
        }
        this.ispsByCode = Collections.unmodifiableMap(ispByCode);
        this.ancestors = new int[areas.size()][];
        for (Area a : areas) {
            List<Integer> chain = new ArrayList<>();
            Optional<String> p = a.parent();
            while (p.isPresent()) {
                Area parent = byCode.get(p.get());
                if (parent == null) {
                    throw new IllegalStateException(a.code() + ": unknown parent " + p.get());
                }
                if (chain.contains(parent.index()) || chain.size() > areas.size()) {
                    throw new IllegalStateException(a.code() + ": parent cycle");
                }
                chain.add(parent.index());
                p = parent.parent();
            }
            ancestors[a.index()] = chain.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Loads the catalogue bundled with this module. */
    public static Regions load() {
        List<Area> areas = new ArrayList<>();
        for (String[] f : table("areas.tsv", 5)) {
            Optional<GeoPoint> point = f.length >= 7 && !f[5].isBlank()
                    ? Optional.of(new GeoPoint(Double.parseDouble(f[5]), Double.parseDouble(f[6])))
                    : Optional.empty();
            areas.add(new Area(areas.size(), f[0], AreaKind.valueOf(f[1]),
                    f[2].isBlank() ? Optional.empty() : Optional.of(f[2]), f[3], f[4], point));
        }
        for (String[] f : table("countries.tsv", 6)) {
            areas.add(new Area(areas.size(), f[0] + ".abroad", AreaKind.COUNTRY,
                    Optional.of(f[1] + ".abroad"), f[2], f[3],
                    Optional.of(new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[5])))));
        }
        List<Isp> isps = new ArrayList<>();
        for (String[] f : table("isps.tsv", 3)) {
            isps.add(new Isp(isps.size(), f[0], f[1], f[2]));
        }
        return new Regions(areas, isps);
    }

    private static List<String[]> table(String name, int minFields) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Regions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled table " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < minFields) {
                    throw new IllegalStateException(name + ":" + no + ": expected " + minFields + " fields");
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public List<Area> areas() {
        return areas;
    }

    public int areaCount() {
        return areas.size();
    }

    public Area area(int index) {
        return areas.get(index);
    }

    public Optional<Area> area(String code) {
        return Optional.ofNullable(areasByCode.get(code));
    }

    /** The area with this code; for codes that are known to exist (catalogue constants). */
    public Area requireArea(String code) {
        Area a = areasByCode.get(code);
        if (a == null) {
            throw new IllegalArgumentException("unknown area " + code);
        }
        return a;
    }

    public List<Isp> isps() {
        return isps;
    }

    public int ispCount() {
        return isps.size();
    }

    public Isp isp(int index) {
        return isps.get(index);
    }

    public Optional<Isp> isp(String code) {
        return Optional.ofNullable(ispsByCode.get(code));
    }

    public Isp requireIsp(String code) {
        Isp i = ispsByCode.get(code);
        if (i == null) {
            throw new IllegalArgumentException("unknown isp " + code);
        }
        return i;
    }

    /** Areas of one kind, in catalogue order. */
    public List<Area> areas(AreaKind kind) {
        return areas.stream().filter(a -> a.kind() == kind).toList();
    }

    /** Indices of the enclosing areas, nearest first (e.g. Beijing → mainland.CN). */
    public int[] ancestors(int areaIndex) {
        return ancestors[areaIndex].clone();
    }

    /** True if {@code areaIndex} is {@code ancestorIndex} or lies inside it. */
    public boolean within(int areaIndex, int ancestorIndex) {
        if (areaIndex == ancestorIndex) {
            return true;
        }
        for (int a : ancestors[areaIndex]) {
            if (a == ancestorIndex) {
                return true;
            }
        }
        return false;
    }

    /** Nesting depth: 0 for a top area, 1 for its children, and so on. */
    public int depth(int areaIndex) {
        return ancestors[areaIndex].length;
    }

    /**
     * The point geo proximity measures from: the area's own point, else its nearest ancestor's;
     * empty for {@code none.abroad}.
     */
    public Optional<GeoPoint> referencePoint(int areaIndex) {
        Area a = areas.get(areaIndex);
        if (a.point().isPresent()) {
            return a.point();
        }
        for (int p : ancestors[areaIndex]) {
            if (areas.get(p).point().isPresent()) {
                return areas.get(p).point();
            }
        }
        return Optional.empty();
    }
}
