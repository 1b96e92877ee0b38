package io.lodestar.app.map;

import io.lodestar.engine.api.client.Distribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the map shows for one moment of a domain's schedule result (IPv4 answers): for each
 * province and ISP choice the answers, largest share first, and for each abroad area its answers.
 * Compact and immutable: built off the UI thread from a {@link Distribution}, then recolouring a map
 * for a new moment is an array walk. Identical answer lists are shared through a {@link ShareInterner},
 * so a long history holds few lists.
 */
public final class MapFrame {

    private final MapLayout layout;
    private final List<Distribution.Share>[] cells;
    private final Map<String, List<Distribution.Share>> abroad;

    private MapFrame(MapLayout layout, List<Distribution.Share>[] cells, Map<String, List<Distribution.Share>> abroad) {
        this.layout = layout;
        this.cells = cells;
        this.abroad = abroad;
    }

    /** An empty frame: nothing answered anywhere (no strategy yet, or before the history starts). */
    public static MapFrame empty(MapLayout layout) {
        return of(new Distribution("", List.of()), layout, new ShareInterner());
    }

    @SuppressWarnings("unchecked")
    public static MapFrame of(Distribution d, MapLayout layout, ShareInterner interner) {
        Map<String, Distribution.Group> byGroup = new HashMap<>();
        for (Distribution.Group g : d.groups()) {
            if (g.cidr().isEmpty() && "A".equals(g.family())) {
                byGroup.put(g.area() + '/' + g.isp(), g);
            }
        }
        int choices = layout.ispChoices().size();
        List<Distribution.Share>[] cells = new List[layout.provinces().size() * choices];
        for (int p = 0; p < layout.provinces().size(); p++) {
            String area = layout.provinces().get(p);
            Map<String, Double> all = new LinkedHashMap<>();
            int counted = 0;
            for (int i = 1; i < choices; i++) {
                String isp = layout.mainland(p) ? layout.ispChoices().get(i) : "other";
                Distribution.Group g = byGroup.get(area + '/' + isp);
                List<Distribution.Share> shares = g == null ? List.of() : g.shares();
                cells[p * choices + i] = interner.sorted(shares);
                if (layout.mainland(p) || i == 1) {
                    counted++;
                    for (Distribution.Share s : shares) {
                        all.merge(s.endpoint(), s.share(), Double::sum);
                    }
                }
            }
            List<Distribution.Share> avg = new ArrayList<>();
            for (Map.Entry<String, Double> e : all.entrySet()) {
                avg.add(new Distribution.Share(e.getKey(), Math.round(e.getValue() / counted * 1e6) / 1e6));
            }
            cells[p * choices] = interner.sorted(avg);
        }
        Map<String, List<Distribution.Share>> abroad = new HashMap<>();
        for (Distribution.Group g : byGroup.values()) {
            if (layout.provinceIndex(g.area()) < 0 && g.area().endsWith(".abroad")) {
                abroad.put(g.area(), interner.sorted(g.shares()));
            }
        }
        return new MapFrame(layout, cells, abroad);
    }

    public MapLayout layout() {
        return layout;
    }

    /** The answers of a province for an ISP choice ({@link MapLayout#ispChoices()} index), largest share first. */
    public List<Distribution.Share> shares(int province, int ispChoice) {
        return cells[province * layout.ispChoices().size() + ispChoice];
    }

    /** The endpoint answering the largest share, or {@code ""} when nothing is answered. */
    public String dominant(int province, int ispChoice) {
        List<Distribution.Share> s = shares(province, ispChoice);
        return s.isEmpty() ? "" : s.get(0).endpoint();
    }

    public double dominantShare(int province, int ispChoice) {
        List<Distribution.Share> s = shares(province, ispChoice);
        return s.isEmpty() ? 0 : s.get(0).share();
    }

    /** True when the answers are split among several endpoints. */
    public boolean split(int province, int ispChoice) {
        return shares(province, ispChoice).size() > 1;
    }

    /** The answers of an abroad area (a country, or {@code none.abroad}); empty when not answered. */
    public List<Distribution.Share> abroad(String area) {
        return abroad.getOrDefault(area, List.of());
    }

    /** True if the province gets other answers (endpoints or shares) here than in {@code other}. */
    public boolean differs(MapFrame other, int province, int ispChoice) {
        return !shares(province, ispChoice).equals(other.shares(province, ispChoice));
    }

    /** Mean share of {@code endpoint} over the mainland provinces for an ISP choice (the legend's share). */
    public double meanShare(String endpoint, int ispChoice) {
        double sum = 0;
        int n = 0;
        for (int p = 0; p < layout.provinces().size(); p++) {
            if (!layout.mainland(p)) {
                continue;
            }
            n++;
            for (Distribution.Share s : shares(p, ispChoice)) {
                if (s.endpoint().equals(endpoint)) {
                    sum += s.share();
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Every endpoint answered somewhere on the map, in order of first appearance. */
    public List<String> endpoints() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (List<Distribution.Share> c : cells) {
            c.forEach(s -> out.add(s.endpoint()));
        }
        abroad.values().forEach(l -> l.forEach(s -> out.add(s.endpoint())));
        return List.copyOf(out);
    }
}
