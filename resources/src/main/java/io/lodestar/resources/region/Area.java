package io.lodestar.resources.region;

import java.util.Objects;
import java.util.Optional;

/**
 * One area of the region catalogue (CONTRACT §2).
 *
 * @param index  position in {@link Regions#areas()}, stable for one catalogue
 * @param code   the seed's code, e.g. {@code beijing.CN}, {@code us.abroad}
 * @param kind   what the code stands for
 * @param parent the enclosing area's code ({@code mainland.CN} for provinces, the continent for a country,
 *               {@code none.abroad} for a continent), or empty at the top
 * @param point  the reference point (provincial capital, country capital, continent hub); empty for
 *               {@code none.abroad}, which has no place
 */
public record Area(int index, String code, AreaKind kind, Optional<String> parent,
                   String nameZh, String nameEn, Optional<GeoPoint> point) {

    public Area {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(point, "point");
    }

    /** True for areas inside mainland China (provinces and {@code none.CN}). */
    public boolean mainland() {
        return kind == AreaKind.PROVINCE || kind == AreaKind.MAINLAND_OTHER;
    }
}
