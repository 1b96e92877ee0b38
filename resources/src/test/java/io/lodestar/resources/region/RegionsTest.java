package io.lodestar.resources.region;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled catalogue has the seed's areas and ISPs, in a usable shape. */
class RegionsTest {

    private static final List<String> SEED_PROVINCES = List.of(
            "beijing", "tianjin", "hebei", "shanxi", "neimenggu", "liaoning", "jilin", "heilongjiang",
            "shanghai", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "shandong", "henan", "hubei",
            "hunan", "guangdong", "guangxi", "hainan", "chongqing", "sichuan", "guizhou", "yunnan", "xizang",
            "shaanxi", "gansu", "qinghai", "ningxia", "xinjiang");

    private final Regions regions = Regions.load();

    @Test
    void hasTheSeedsThirtyOneProvincesWithNamesAndCapitals() {
        List<Area> provinces = regions.areas(AreaKind.PROVINCE);
        assertEquals(31, provinces.size());
        for (String p : SEED_PROVINCES) {
            Area a = regions.requireArea(p + ".CN");
            assertEquals(AreaKind.PROVINCE, a.kind(), p);
            assertFalse(a.nameZh().isBlank(), p);
            assertFalse(a.nameEn().isBlank(), p);
            assertTrue(a.point().isPresent(), p);
            assertTrue(a.mainland(), p);
        }
    }

    @Test
    void hasOtherMainlandAndOutsideMainlandAreas() {
        Area noneCn = regions.requireArea("none.CN");
        assertEquals(AreaKind.MAINLAND_OTHER, noneCn.kind());
        assertEquals("其他", noneCn.nameZh());
        assertTrue(noneCn.point().isPresent());
        Area noneAbroad = regions.requireArea("none.abroad");
        assertEquals(AreaKind.ABROAD, noneAbroad.kind());
        assertEquals("海外", noneAbroad.nameZh());
        assertTrue(noneAbroad.point().isEmpty(), "an unknown place has no reference point");
        assertTrue(regions.referencePoint(noneAbroad.index()).isEmpty());
    }

    @Test
    void hasTheSeedsIspsPlusBroadnet() {
        assertEquals(List.of("ct", "cu", "cm", "cernet", "cbn", "other"),
                regions.isps().stream().map(Isp::code).toList());
        assertEquals("教育网", regions.requireIsp("cernet").nameZh());
    }

    @Test
    void indicesAreDenseAndMatchPositions() {
        for (int i = 0; i < regions.areaCount(); i++) {
            assertEquals(i, regions.area(i).index());
            assertEquals(regions.area(i), regions.requireArea(regions.area(i).code()));
        }
        for (int i = 0; i < regions.ispCount(); i++) {
            assertEquals(i, regions.isp(i).index());
        }
        assertEquals(regions.areaCount(),
                regions.areas().stream().map(Area::code).collect(Collectors.toSet()).size());
    }

    @Test
    void provincesLieWithinMainlandAndCountriesWithinTheirContinent() {
        int beijing = regions.requireArea("beijing.CN").index();
        int mainland = regions.requireArea("mainland.CN").index();
        int us = regions.requireArea("us.abroad").index();
        int northAmerica = regions.requireArea("northamerica.abroad").index();
        int abroad = regions.requireArea("none.abroad").index();
        assertTrue(regions.within(beijing, mainland));
        assertFalse(regions.within(beijing, abroad));
        assertTrue(regions.within(us, northAmerica));
        assertTrue(regions.within(northAmerica, abroad));
        assertTrue(regions.within(us, abroad));
        assertEquals(List.of(northAmerica, abroad),
                java.util.Arrays.stream(regions.ancestors(us)).boxed().toList());
        assertEquals(2, regions.depth(us));
    }

    @Test
    void hongKongMacauAndTaiwanLieOutsideMainlandUnderAsia() {
        int asia = regions.requireArea("asia.abroad").index();
        int abroad = regions.requireArea("none.abroad").index();
        int mainland = regions.requireArea("mainland.CN").index();
        for (String code : Set.of("hongkong.CN", "macau.CN", "taiwan.CN")) {
            int i = regions.requireArea(code).index();
            assertTrue(regions.within(i, abroad), code);
            assertTrue(regions.within(i, asia), code);
            assertFalse(regions.within(i, mainland), code);
            assertFalse(regions.area(i).mainland(), code);
        }
    }

    @Test
    void beijingToShanghaiIsAbout1068Kilometres() {
        GeoPoint beijing = regions.requireArea("beijing.CN").point().orElseThrow();
        GeoPoint shanghai = regions.requireArea("shanghai.CN").point().orElseThrow();
        assertEquals(1068, beijing.distanceKm(shanghai), 10);
        assertEquals(beijing.distanceKm(shanghai), shanghai.distanceKm(beijing), 1e-9);
        assertEquals(0, beijing.distanceKm(beijing), 1e-9);
    }

    @Test
    void aCountrysReferencePointIsItsCapital() {
        Area jp = regions.requireArea("jp.abroad");
        GeoPoint tokyo = regions.referencePoint(jp.index()).orElseThrow();
        assertEquals(35.68, tokyo.lat(), 0.05);
        assertEquals(139.69, tokyo.lon(), 0.05);
    }
}
