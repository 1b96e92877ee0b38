package io.lodestar.app.map;

import io.lodestar.app.ui.Messages;
import io.lodestar.engine.api.client.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of the map: hover text, the province panel, the result table as CSV. */
public final class MapText {

    private final MapLayout layout;
    private final Messages m;
    private final boolean chinese;

    public MapText(MapLayout layout, Messages m) {
        this.layout = layout;
        this.m = m;
        this.chinese = m.locale().getLanguage().equals("zh");
    }

    public String areaName(String area) {
        return layout.name(area, chinese);
    }

    public String ispName(String isp) {
        return isp.equals(MapLayout.ALL) ? m.get("map.isp.all") : layout.ispName(isp, chinese);
    }

    /** {@code 127.0.0.2 70%, 127.0.0.4 30%}, or "no answer". */
    public String answers(List<Distribution.Share> shares) {
        if (shares.isEmpty()) {
            return m.get("map.noAnswer");
        }
        List<String> parts = new ArrayList<>();
        for (Distribution.Share s : shares) {
            parts.add(s.endpoint() + " " + percent(s.share()));
        }
        return String.join(", ", parts);
    }

    public static String percent(double share) {
        double p = share * 100;
        return (Math.abs(p - Math.rint(p)) < 0.05 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    /** Each ISP's answers in a province, one line each (one line for Hong Kong, Macau, Taiwan). */
    public List<String> ispLines(MapFrame f, String area) {
        List<String> out = new ArrayList<>();
        int p = layout.provinceIndex(area);
        for (int i = 1; p >= 0 && i < layout.ispChoices().size(); i++) {
            if (!layout.mainland(p) && i > 1) {
                break;
            }
            String label = layout.mainland(p) ? ispName(layout.ispChoices().get(i)) : ispName(MapLayout.ALL);
            out.add(label + ": " + answers(f.shares(p, i)));
        }
        return out;
    }

    /** The hover text: the province's name, then each ISP's answers. */
    public String tooltip(MapFrame f, String area) {
        List<String> lines = new ArrayList<>();
        lines.add(areaName(area));
        lines.addAll(ispLines(f, area));
        return String.join("\n", lines);
    }

    /** The result table (every province × ISP and abroad area, one row per answer) as CSV. */
    public String csv(MapFrame f, String time) {
        StringBuilder b = new StringBuilder("time,area,isp,endpoint,share\n");
        for (int p = 0; p < layout.provinces().size(); p++) {
            for (int i = 1; i < layout.ispChoices().size(); i++) {
                if (!layout.mainland(p) && i > 1) {
                    break;
                }
                String isp = layout.mainland(p) ? layout.ispChoices().get(i) : "other";
                rows(b, time, layout.provinces().get(p), isp, f.shares(p, i));
            }
        }
        for (String c : layout.continents()) {
            for (String country : layout.countries(c)) {
                rows(b, time, country, "other", f.abroad(country));
            }
        }
        rows(b, time, "none.abroad", "other", f.abroad("none.abroad"));
        return b.toString();
    }

    private static void rows(StringBuilder b, String time, String area, String isp, List<Distribution.Share> shares) {
        for (Distribution.Share s : shares) {
            b.append(time).append(',').append(area).append(',').append(isp).append(',').append(s.endpoint()).append(',')
                    .append(s.share()).append('\n');
        }
    }
}
