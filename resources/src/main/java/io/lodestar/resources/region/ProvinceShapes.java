package io.lodestar.resources.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outlines of China's 34 province-level regions (the 31 provinces, Hong Kong, Macau, Taiwan) for
 * the console's map, keyed by area code, plus the South China Sea islands inset drawn beside them.
 * Read from {@code province-shapes.tsv}, which {@code resources/tools/china-map/convert.mjs}
 * generates from Apache ECharts 4.9.0's outlines (Apache-2.0; see NOTICE).
 *
 * <p>Coordinates are longitude/latitude in degrees; projecting them is the map's business. A region
 * is a set of rings filled by the even-odd rule (islands are extra rings, enclaves are holes).
 * Immutable; load once and pass on.
 */
public final class ProvinceShapes {

    /** A closed ring: {@code lon[i]}, {@code lat[i]} for each point, the last joined to the first. */
    public record Ring(double[] lon, double[] lat) {
        public Ring {
            if (lon.length != lat.length || lon.length < 3) {
                throw new IllegalArgumentException("a ring needs at least 3 points");
            }
            lon = lon.clone();
            lat = lat.clone();
        }

        public int size() {
            return lon.length;
        }

        public double lon(int i) {
            return lon[i];
        }

        public double lat(int i) {
            return lat[i];
        }
    }

    /** One region's outline: its rings, and their bounding box. */
    public record Shape(String area, List<Ring> rings, double minLon, double minLat, double maxLon, double maxLat) {
        public Shape {
            rings = List.copyOf(rings);
        }

        static Shape of(String area, List<Ring> rings) {
            double minLon = Double.MAX_VALUE;
            double minLat = Double.MAX_VALUE;
            double maxLon = -Double.MAX_VALUE;
            double maxLat = -Double.MAX_VALUE;
            for (Ring r : rings) {
                for (int i = 0; i < r.size(); i++) {
                    minLon = Math.min(minLon, r.lon(i));
                    maxLon = Math.max(maxLon, r.lon(i));
                    minLat = Math.min(minLat, r.lat(i));
                    maxLat = Math.max(maxLat, r.lat(i));
                }
            }
            return new Shape(area, rings, minLon, minLat, maxLon, maxLat);
        }

        /** True if the point lies inside by the even-odd rule (ray casting over every ring). */
        public boolean contains(double lon, double lat) {
            if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) {
                return false;
            }
            boolean inside = false;
            for (Ring r : rings) {
                for (int i = 0, j = r.size() - 1; i < r.size(); j = i++) {
                    if ((r.lat(i) > lat) != (r.lat(j) > lat)
                            && lon < (r.lon(j) - r.lon(i)) * (lat - r.lat(i)) / (r.lat(j) - r.lat(i)) + r.lon(i)) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    private final Map<String, Shape> shapes;
    private final List<Shape> smallestFirst;
    private final Shape inset;

    private ProvinceShapes(Map<String, Shape> shapes, Shape inset) {
        this.shapes = Collections.unmodifiableMap(shapes);
        List<Shape> sorted = new ArrayList<>(shapes.values());
        sorted.sort(java.util.Comparator.comparingDouble(s -> (s.maxLon() - s.minLon()) * (s.maxLat() - s.minLat())));
        this.smallestFirst = List.copyOf(sorted);
        this.inset = inset;
    }

    /** Loads the outlines bundled with this module. */
    public static ProvinceShapes load() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Shape inset = null;
        try (InputStream in = ProvinceShapes.class.getResourceAsStream("province-shapes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled table province-shapes.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.isBlank() || tab < 0 || line.startsWith("# ")) {
                    continue;
                }
                String code = line.substring(0, tab);
                Shape s = Shape.of(code, rings(line.substring(tab + 1)));
                if (code.equals("#inset")) {
                    inset = s;
                } else if (shapes.put(code, s) != null) {
                    throw new IllegalStateException("province-shapes.tsv: duplicate " + code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (inset == null) {
            throw new IllegalStateException("province-shapes.tsv: no #inset row");
        }
        return new ProvinceShapes(shapes, inset);
    }

    private static List<Ring> rings(String text) {
        List<Ring> out = new ArrayList<>();
        for (String ring : text.split("\\|")) {
            String[] pts = ring.trim().split(" ");
            double[] lon = new double[pts.length];
            double[] lat = new double[pts.length];
            for (int i = 0; i < pts.length; i++) {
                int comma = pts[i].indexOf(',');
                lon[i] = Double.parseDouble(pts[i].substring(0, comma));
                lat[i] = Double.parseDouble(pts[i].substring(comma + 1));
            }
            out.add(new Ring(lon, lat));
        }
        return out;
    }

    /** Area codes with an outline, in the file's (alphabetical) order. */
    public List<String> areas() {
        return List.copyOf(shapes.keySet());
    }

    public Optional<Shape> shape(String areaCode) {
        return Optional.ofNullable(shapes.get(areaCode));
    }

    /** Every outline, keyed by area code. */
    public Map<String, Shape> shapes() {
        return shapes;
    }

    /** The South China Sea islands inset (南海诸岛): its frame and island dashes, placed south-east of Taiwan. */
    public Shape southChinaSeaInset() {
        return inset;
    }

    /**
     * Every outline, smallest bounding box first: the order to draw them in reverse (large regions
     * below) and to hit-test them in, because simplified coastlines of a large region may run over a
     * tiny neighbour (Guangdong's over Macau).
     */
    public List<Shape> smallestFirst() {
        return smallestFirst;
    }

    /** The area whose outline contains the point, if any; the smallest region wins where outlines overlap. */
    public Optional<String> areaAt(double lon, double lat) {
        for (Shape s : smallestFirst) {
            if (s.contains(lon, lat)) {
                return Optional.of(s.area());
            }
        }
        return Optional.empty();
    }
}
