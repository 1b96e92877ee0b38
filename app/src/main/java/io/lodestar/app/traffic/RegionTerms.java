package io.lodestar.app.traffic;

import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.List;

/**
 * EdgeOne's region kinds for a providers rule (country, mainland ISP, province, province + ISP) as
 * the usersets terms of CONTRACT §2: {@code us.abroad/*}, {@code * /ct}, {@code guangdong.CN/*},
 * {@code guangdong.CN/cm}. The choices come from the region catalogue.
 */
public final class RegionTerms {

    /** What a term names. */
    public enum Kind {
        COUNTRY(true, false, "providers.kind.country"), ISP(false, true, "providers.kind.isp"),
        PROVINCE(true, false, "providers.kind.province"), PROVINCE_ISP(true, true, "providers.kind.provinceIsp");

        private final boolean area;
        private final boolean isp;
        private final String key;

        Kind(boolean area, boolean isp, String key) {
            this.area = area;
            this.isp = isp;
            this.key = key;
        }

        /** The message key of the kind's name. */
        public String key() {
            return key;
        }

        public boolean needsArea() {
            return area;
        }

        public boolean needsIsp() {
            return isp;
        }
    }

    /** One choice: the code the term uses and the name the user reads. */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Regions regions;
    private final boolean chinese;

    public RegionTerms(Regions regions, boolean chinese) {
        this.regions = regions;
        this.chinese = chinese;
    }

    /** The areas a term of {@code kind} may name: countries, regions and continents abroad (and mainland China), or provinces. */
    public List<Choice> areas(Kind kind) {
        List<Choice> out = new ArrayList<>();
        if (kind == Kind.COUNTRY) {
            for (AreaKind k : List.of(AreaKind.MAINLAND, AreaKind.ABROAD, AreaKind.CONTINENT, AreaKind.SPECIAL_REGION, AreaKind.COUNTRY)) {
                regions.areas(k).forEach(a -> out.add(new Choice(a.code(), label(a.code(), chinese ? a.nameZh() : a.nameEn()))));
            }
        } else if (kind.needsArea()) {
            regions.areas(AreaKind.PROVINCE).forEach(a -> out.add(new Choice(a.code(), label(a.code(), chinese ? a.nameZh() : a.nameEn()))));
        }
        return out;
    }

    public List<Choice> isps() {
        return regions.isps().stream().map(i -> new Choice(i.code(), label(i.code(), chinese ? i.nameZh() : i.nameEn()))).toList();
    }

    /** The term, or empty while a part the kind needs is missing. */
    public static String term(Kind kind, String area, String isp) {
        if (kind.needsArea() && area.isEmpty() || kind.needsIsp() && isp.isEmpty()) {
            return "";
        }
        return (kind.needsArea() ? area : "*") + "/" + (kind.needsIsp() ? isp : "*");
    }

    private static String label(String code, String name) {
        return name + " (" + code + ")";
    }
}
