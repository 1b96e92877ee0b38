package io.lodestar.app.map;

import io.lodestar.engine.api.client.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line of the abroad panel: a continent (answers averaged over its countries) with its countries,
 * or "outside mainland, country unknown" ({@code none.abroad}).
 */
public record AbroadRow(String area, String name, String answers, String dominant, List<AbroadRow> children) {

    public AbroadRow {
        children = List.copyOf(children);
    }

    public static List<AbroadRow> of(MapFrame f, MapText text) {
        MapLayout layout = f.layout();
        List<AbroadRow> out = new ArrayList<>();
        for (String continent : layout.continents()) {
            List<AbroadRow> countries = new ArrayList<>();
            Map<String, Double> sum = new LinkedHashMap<>();
            List<String> codes = layout.countries(continent);
            for (String c : codes) {
                List<Distribution.Share> s = f.abroad(c);
                s.forEach(x -> sum.merge(x.endpoint(), x.share(), Double::sum));
                countries.add(new AbroadRow(c, text.areaName(c), text.answers(s), s.isEmpty() ? "" : s.get(0).endpoint(), List.of()));
            }
            List<Distribution.Share> raw = new ArrayList<>();
            sum.forEach((e, v) -> raw.add(new Distribution.Share(e, v / Math.max(1, codes.size()))));
            List<Distribution.Share> mean = new ShareInterner().sorted(raw);
            out.add(new AbroadRow(continent, text.areaName(continent), text.answers(mean),
                    mean.isEmpty() ? "" : mean.get(0).endpoint(), countries));
        }
        List<Distribution.Share> unknown = f.abroad("none.abroad");
        out.add(new AbroadRow("none.abroad", text.areaName("none.abroad"), text.answers(unknown),
                unknown.isEmpty() ? "" : unknown.get(0).endpoint(), List.of()));
        return out;
    }
}
