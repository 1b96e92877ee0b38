package io.lodestar.resources.region;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** countries.tsv: every ISO 3166-1 country but China's, each under an existing continent. */
class CountriesTableTest {

    private static final Set<String> CONTINENTS =
            Set.of("asia", "europe", "northamerica", "southamerica", "africa", "oceania");

    private final Regions regions = Regions.load();
    private final List<Area> countries = regions.areas(AreaKind.COUNTRY);

    @Test
    void listsEveryIsoCountryExceptChinaHongKongMacauAndTaiwan() {
        // 249 ISO 3166-1 entries - cn, hk, mo, tw + xk (Kosovo, user-assigned, named by the IP data)
        assertEquals(246, countries.size());
        for (String excluded : List.of("cn", "hk", "mo", "tw")) {
            assertTrue(regions.area(excluded + ".abroad").isEmpty(), excluded);
        }
        for (Area c : countries) {
            assertTrue(c.code().matches("[a-z]{2}\\.abroad"), c.code());
        }
    }

    @Test
    void everyCountryHasAnExistingContinentNamesAndACapital() {
        for (Area c : countries) {
            String parent = c.parent().orElseThrow();
            assertTrue(CONTINENTS.contains(parent.replace(".abroad", "")), c.code() + " in " + parent);
            assertEquals(AreaKind.CONTINENT, regions.requireArea(parent).kind(), c.code());
            assertFalse(c.nameZh().isBlank(), c.code());
            assertFalse(c.nameEn().isBlank(), c.code());
            assertTrue(c.point().isPresent(), c.code());
        }
    }

    @Test
    void placesBorderCasesOnTheAgreedContinents() {
        Map<String, String> expected = Map.of(
                "ru", "europe", "tr", "asia", "pa", "northamerica", "cu", "northamerica",
                "jm", "northamerica", "eg", "africa", "aq", "southamerica", "au", "oceania",
                "br", "southamerica", "ae", "asia");
        expected.forEach((code, continent) -> assertEquals(continent + ".abroad",
                regions.requireArea(code + ".abroad").parent().orElseThrow(), code));
    }

    @Test
    void capitalsAreWhereTheyShouldBe() {
        assertNear("us", 38.90, -77.04);  // Washington
        assertNear("gb", 51.51, -0.13);   // London
        assertNear("br", -15.78, -47.93); // Brasilia, not Rio or Sao Paulo
        assertNear("au", -35.28, 149.13); // Canberra, not Sydney
        assertNear("nz", -41.29, 174.78); // Wellington
        assertNear("za", -25.74, 28.19);  // Pretoria
    }

    @Test
    void chineseNamesAreTheCommonOnes() {
        assertEquals("美国", regions.requireArea("us.abroad").nameZh());
        assertEquals("日本", regions.requireArea("jp.abroad").nameZh());
        assertEquals("德国", regions.requireArea("de.abroad").nameZh());
        assertEquals("United Kingdom", regions.requireArea("gb.abroad").nameEn());
    }

    private void assertNear(String code, double lat, double lon) {
        GeoPoint p = regions.requireArea(code + ".abroad").point().orElseThrow();
        assertEquals(lat, p.lat(), 0.1, code);
        assertEquals(lon, p.lon(), 0.1, code);
    }
}
