package io.lodestar.app.map;

import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Isp;
import io.lodestar.resources.region.ProvinceShapes;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed axes of every {@link MapFrame}: the provinces the map draws (in {@link ProvinceShapes}
 * order), the ISP choices ({@code all} first, then the catalogue's ISPs) and the abroad areas the
 * side panel lists (continents with their countries). Built once per console from the catalogue.
 */
public final class MapLayout {

    /** The ISP choice that averages over every ISP. */
    public static final String ALL = "all";

    private final Regions regions;
    private final ProvinceShapes shapes;
    private final List<String> provinces;
    private final Map<String, Integer> provinceIndex = new HashMap<>();
    private final boolean[] mainland;
    private final List<String> ispChoices;
    private final List<String> isps;
    private final List<String> continents;
    private final Map<String, List<String>> countries = new HashMap<>();

    public MapLayout(Regions regions, ProvinceShapes shapes) {
        this.regions = regions;
        this.shapes = shapes;
        this.provinces = shapes.areas();
        this.mainland = new boolean[provinces.size()];
        for (int i = 0; i < provinces.size(); i++) {
            provinceIndex.put(provinces.get(i), i);
            mainland[i] = regions.requireArea(provinces.get(i)).mainland();
        }
        this.isps = regions.isps().stream().map(Isp::code).toList();
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(isps);
        this.ispChoices = List.copyOf(choices);
        this.continents = regions.areas(AreaKind.CONTINENT).stream().map(Area::code).toList();
        for (String c : continents) {
            countries.put(c, regions.areas(AreaKind.COUNTRY).stream()
                    .filter(a -> a.parent().map(c::equals).orElse(false)).map(Area::code).toList());
        }
    }

    public Regions regions() {
        return regions;
    }

    public ProvinceShapes shapes() {
        return shapes;
    }

    /** The 34 province-level areas, in the order frames index them. */
    public List<String> provinces() {
        return provinces;
    }

    public int provinceIndex(String area) {
        Integer i = provinceIndex.get(area);
        return i == null ? -1 : i;
    }

    /** True for mainland provinces, whose answers differ per ISP; Hong Kong, Macau and Taiwan have only {@code other}. */
    public boolean mainland(int province) {
        return mainland[province];
    }

    /** {@code all}, then {@code ct}, {@code cu}, {@code cm}, {@code cernet}, {@code cbn}, {@code other}. */
    public List<String> ispChoices() {
        return ispChoices;
    }

    /** The catalogue's ISP codes (the choices without {@code all}). */
    public List<String> isps() {
        return isps;
    }

    public int ispChoice(String code) {
        return ispChoices.indexOf(code);
    }

    public List<String> continents() {
        return continents;
    }

    public List<String> countries(String continent) {
        return countries.getOrDefault(continent, List.of());
    }

    /** The area's name in the console's language. */
    public String name(String area, boolean chinese) {
        return regions.area(area).map(a -> chinese ? a.nameZh() : a.nameEn()).orElse(area);
    }

    public String ispName(String isp, boolean chinese) {
        return regions.isp(isp).map(i -> chinese ? i.nameZh() : i.nameEn()).orElse(isp);
    }
}
