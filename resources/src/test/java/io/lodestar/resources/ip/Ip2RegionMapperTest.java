package io.lodestar.resources.ip;

import io.lodestar.resources.region.Area;
import io.lodestar.resources.region.AreaKind;
import io.lodestar.resources.region.Regions;
import org.junit.jupiter.api.Test;
import org.lionsoul.ip2region.xdb.Header;
import org.lionsoul.ip2region.xdb.LongByteArray;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The region-string rules, on the forms the data uses and on the official long forms. */
class Ip2RegionMapperTest {

    private final Regions regions = Fixtures.regions();
    private final Ip2RegionMapper mapper = new Ip2RegionMapper(regions);

    private String map(String region) {
        int packed = mapper.map(region);
        return regions.area(IpLocator.areaIndex(packed)).code() + "/" + regions.isp(IpLocator.ispIndex(packed)).code();
    }

    @Test
    void normalisesEveryProvinceNameForm() {
        assertEquals("jiangsu.CN/ct", map("中国|0|江苏省|南京市|电信"));
        assertEquals("jiangsu.CN/ct", map("中国|0|江苏|南京市|电信"));
        assertEquals("beijing.CN/cu", map("中国|0|北京|北京市|联通"));
        assertEquals("beijing.CN/cu", map("中国|0|北京市|北京市|联通"));
        assertEquals("guangxi.CN/cm", map("中国|0|广西|南宁市|移动"));
        assertEquals("guangxi.CN/cm", map("中国|0|广西壮族自治区|南宁市|移动"));
        assertEquals("neimenggu.CN/ct", map("中国|0|内蒙古自治区|0|电信"));
        assertEquals("xinjiang.CN/ct", map("中国|0|新疆维吾尔自治区|0|电信"));
        assertEquals("ningxia.CN/ct", map("中国|0|宁夏回族自治区|0|电信"));
        assertEquals("xizang.CN/ct", map("中国|0|西藏自治区|0|电信"));
        assertEquals("heilongjiang.CN/ct", map("中国|0|黑龙江省|哈尔滨市|电信"));
    }

    @Test
    void mapsHongKongMacauTaiwanAsProvinceOrCountryWithIspOther() {
        assertEquals("hongkong.CN/other", map("中国|0|香港|0|电信"));
        assertEquals("hongkong.CN/other", map("中国|0|香港特别行政区|0|0"));
        assertEquals("hongkong.CN/other", map("香港|0|0|0|0"));
        assertEquals("macau.CN/other", map("中国|0|澳门|0|教育网"));
        assertEquals("taiwan.CN/other", map("中国|0|台湾省|0|中华电信"));
        assertEquals("taiwan.CN/other", map("台湾|0|0|0|0"));
    }

    @Test
    void mapsIspsByExactNameOnly() {
        assertEquals("shanghai.CN/cernet", map("中国|0|上海|上海市|上海教委"));
        assertEquals("shandong.CN/cbn", map("中国|0|山东省|青岛市|山东青岛广电"));
        assertEquals("zhejiang.CN/cbn", map("中国|0|浙江省|杭州市|华数"));
        assertEquals("beijing.CN/other", map("中国|0|北京|北京市|鹏博士"));
        assertEquals("beijing.CN/other", map("中国|0|北京|北京市|TPG电信"), "a foreign carrier, not ct");
        assertEquals("none.CN/other", map("中国|0|0|0|阿里云"));
    }

    @Test
    void mapsUnknownAndPrivateDataAsTheContractSays() {
        assertEquals("none.CN/other", map("0|0|0|内网IP|内网IP"));
        assertEquals("none.CN/other", map("0|0|0|内网IP|Hurricane-Electric"));
        assertEquals("none.abroad/other", map("亚特兰蒂斯|0|0|0|0"));
        assertEquals("none.abroad/other", map("欧洲|0|0|0|Level3"));
        assertEquals("us.abroad/other", map("美国|0|加利福尼亚|洛杉矶|电信"));
        assertEquals("none.CN/other", map(""));
    }

    @Test
    void understandsEveryRegionStringOfTheBundledData() {
        byte[] xdb = IpLocator.readBundledXdb();
        Header header = new Header(Arrays.copyOf(xdb, 256));
        LongByteArray content = new LongByteArray(xdb);
        Set<String> seen = new HashSet<>();
        int noneAbroad = regions.requireArea("none.abroad").index();
        int noneCn = regions.requireArea("none.CN").index();
        Set<String> continentLabels = Set.of("亚太地区", "北美地区", "欧洲", "非洲地区");
        for (long p = header.startIndexPtr; p <= header.endIndexPtr; p += 14) {
            String region = new String(content.slice(content.getUint32(p + 10), content.getInt2(p + 8)),
                    StandardCharsets.UTF_8);
            if (!seen.add(region)) {
                continue;
            }
            String[] f = region.split("\\|", -1);
            assertEquals(5, f.length, region);
            Area area = regions.area(IpLocator.areaIndex(mapper.map(region)));
            assertTrue(area.kind().leaf(), region);
            if (f[0].equals("中国")) {
                // every province spelling in the data resolves; only "0" falls back to none.CN
                assertEquals(f[2].equals("0"), area.index() == noneCn, region + " -> " + area.code());
            } else if (!f[0].equals("0")) {
                // every country name is known, aliases included; only continent labels are not
                assertEquals(continentLabels.contains(f[0]), area.index() == noneAbroad, region);
                assertTrue(area.kind() == AreaKind.COUNTRY || area.kind() == AreaKind.ABROAD, region);
            }
        }
        assertTrue(seen.size() > 10_000, "distinct region strings: " + seen.size());
    }
}
