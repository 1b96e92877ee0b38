package io.lodestar.resources.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled outlines cover the catalogue's province-level regions, and each holds its capital. */
class ProvinceShapesTest {

    private final Regions regions = Regions.load();
    private final ProvinceShapes shapes = ProvinceShapes.load();

    private List<Area> provinceLevel() {
        List<Area> out = new ArrayList<>(regions.areas(AreaKind.PROVINCE));
        out.addAll(regions.areas(AreaKind.SPECIAL_REGION));
        return out;
    }

    @Test
    void everyProvinceLevelAreaOfTheCatalogueHasAnOutlineHoldingItsCapital() {
        List<Area> areas = provinceLevel();
        assertEquals(34, areas.size());
        for (Area a : areas) {
            Optional<ProvinceShapes.Shape> s = shapes.shape(a.code());
            assertTrue(s.isPresent(), a.code() + " has no outline");
            assertFalse(s.get().rings().isEmpty(), a.code());
            GeoPoint capital = a.point().orElseThrow();
            assertTrue(s.get().contains(capital.lon(), capital.lat()), a.code() + ": capital " + capital + " outside its outline");
        }
    }

    @Test
    void eachCapitalLiesInItsOwnRegionOnly() {
        for (Area a : provinceLevel()) {
            GeoPoint capital = a.point().orElseThrow();
            assertEquals(Optional.of(a.code()), shapes.areaAt(capital.lon(), capital.lat()), a.code());
        }
    }

    @Test
    void outlinesAreOnlyOfCatalogueCodesAndTheInsetLiesSouthEastOfTheMainland() {
        assertEquals(34, shapes.areas().size());
        for (String code : shapes.areas()) {
            assertTrue(regions.area(code).isPresent(), code);
        }
        ProvinceShapes.Shape inset = shapes.southChinaSeaInset();
        assertTrue(inset.minLon() >= 125 && inset.maxLat() <= 25.5, "inset at " + inset);
        assertFalse(shapes.areaAt(129, 20).isPresent(), "the inset covers no region");
    }

    @Test
    void beijingIsAHoleInHebeiNotPartOfIt() {
        ProvinceShapes.Shape hebei = shapes.shape("hebei.CN").orElseThrow();
        assertFalse(hebei.contains(116.4074, 39.9042));
        assertTrue(hebei.contains(114.5149, 38.0428));
    }
}
