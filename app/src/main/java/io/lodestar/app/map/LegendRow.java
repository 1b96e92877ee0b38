package io.lodestar.app.map;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint in the map's legend: its colour, health ({@code ok}/{@code fail}/{@code unknown}),
 * its mean share of answers over the mainland provinces for the chosen ISP, and in how many
 * provinces it is the main answer.
 */
public record LegendRow(String endpoint, String styleClass, String status, double share, int provinces) {

    /** The legend of a frame: the palette's endpoints, then any others the frame answers. */
    public static List<LegendRow> of(MapFrame f, int ispChoice, EndpointPalette palette, Map<String, String> status) {
        Set<String> endpoints = new LinkedHashSet<>(palette.endpoints());
        endpoints.addAll(f.endpoints());
        List<LegendRow> out = new ArrayList<>();
        for (String e : endpoints) {
            int provinces = 0;
            for (int p = 0; p < f.layout().provinces().size(); p++) {
                if (f.dominant(p, ispChoice).equals(e)) {
                    provinces++;
                }
            }
            out.add(new LegendRow(e, palette.styleClass(e), status.getOrDefault(e, "unknown"), f.meanShare(e, ispChoice), provinces));
        }
        return out;
    }
}
