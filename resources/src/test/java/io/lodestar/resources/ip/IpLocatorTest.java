package io.lodestar.resources.ip;

import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known addresses of each major network land where CONTRACT §2 says. Expectations checked by hand
 *  against ip2region's own answer (in the comments) for the bundled 2024-02 data. */
class IpLocatorTest {

    private final IpLocator locator = Fixtures.locator();

    private IpLocation at(String address) throws UnknownHostException {
        return locator.locate(InetAddress.getByName(address));
    }

    private void assertLocated(String address, String area, String isp) throws UnknownHostException {
        IpLocation l = at(address);
        assertEquals(area + "/" + isp, l.area() + "/" + l.isp(), address);
    }

    @Test
    void locatesChinaTelecomGuangzhouDnsToGuangdongCt() throws Exception {
        assertEquals(new IpLocation("guangdong.CN", "ct", "cn", "asia"), at("202.96.128.86")); // 中国|0|广东省|广州市|电信
    }

    @Test
    void locatesChinaUnicomGuangzhouToGuangdongCu() throws Exception {
        assertLocated("221.5.88.88", "guangdong.CN", "cu"); // 中国|0|广东省|广州市|联通
        assertLocated("61.135.169.121", "beijing.CN", "cu"); // 中国|0|北京|北京市|联通
    }

    @Test
    void locatesChinaMobileAndTietongToCm() throws Exception {
        assertLocated("211.136.17.107", "beijing.CN", "cm"); // 中国|0|北京|北京市|移动
        assertLocated("222.35.0.1", "beijing.CN", "cm");     // 中国|0|北京|北京市|铁通
    }

    @Test
    void locatesCernetUniversitiesToCernet() throws Exception {
        assertLocated("202.112.0.1", "beijing.CN", "cernet");    // 中国|0|北京|北京市|教育网
        assertLocated("166.111.8.28", "beijing.CN", "cernet");   // Tsinghua
        assertLocated("202.112.14.151", "sichuan.CN", "cernet"); // 中国|0|四川省|成都市|教育网
    }

    @Test
    void locatesBroadnetAndCableNetworksToCbn() throws Exception {
        assertLocated("42.204.0.1", "beijing.CN", "cbn");   // 中国|0|北京|北京市|广电
        assertLocated("1.88.0.1", "beijing.CN", "cbn");     // 中国|0|北京|北京市|歌华
        assertLocated("103.239.45.1", "jiangsu.CN", "cbn"); // 中国|0|江苏省|南京市|江苏广电
    }

    @Test
    void locatesMainlandAddressWithUnknownIspToOther() throws Exception {
        assertLocated("114.114.114.114", "jiangsu.CN", "other"); // 中国|0|江苏省|南京市|0
    }

    @Test
    void locatesChinaWithoutProvinceToNoneCn() throws Exception {
        assertLocated("36.134.172.255", "none.CN", "cm"); // 中国|0|0|0|移动
    }

    @Test
    void normalisesAutonomousRegionNamesToProvinceCodes() throws Exception {
        assertLocated("58.59.136.127", "guangxi.CN", "ct");     // 广西
        assertLocated("1.180.15.255", "neimenggu.CN", "ct");    // 内蒙古
        assertLocated("36.105.211.255", "xinjiang.CN", "ct");   // 新疆
        assertLocated("1.50.111.255", "ningxia.CN", "ct");      // 宁夏
        assertLocated("101.248.143.255", "xizang.CN", "ct");    // 西藏
    }

    @Test
    void locatesGooglePublicDnsToTheUnitedStates() throws Exception {
        assertEquals(new IpLocation("us.abroad", "other", "us", "northamerica"), at("8.8.8.8")); // 美国|0|0|0|Level3
    }

    @Test
    void locatesOtherCountriesByChineseNameAndAlias() throws Exception {
        assertEquals(new IpLocation("jp.abroad", "other", "jp", "asia"), at("210.130.0.1")); // 日本|0|东京都|东京|0
        assertEquals(new IpLocation("au.abroad", "other", "au", "oceania"), at("1.1.1.1"));
        assertEquals(new IpLocation("ru.abroad", "other", "ru", "europe"), at("77.88.8.8"));
        assertEquals(new IpLocation("ae.abroad", "other", "ae", "asia"), at("2.48.127.255")); // 阿联酋, alias
        assertEquals(new IpLocation("xk.abroad", "other", "xk", "europe"), at("5.206.235.255")); // 科索沃
    }

    @Test
    void locatesHongKongMacauAndTaiwanToSpecialRegionsWithIspOther() throws Exception {
        assertEquals(new IpLocation("hongkong.CN", "other", "hk", "asia"), at("203.198.0.1")); // 电讯盈科
        assertEquals(new IpLocation("hongkong.CN", "other", "hk", "asia"), at("43.250.106.127")); // …|香港|0|电信
        assertEquals(new IpLocation("macau.CN", "other", "mo", "asia"), at("202.175.0.1"));
        assertEquals(new IpLocation("taiwan.CN", "other", "tw", "asia"), at("168.95.1.1")); // 台湾省|中华电信
    }

    @Test
    void locatesContinentLabelsToNoneAbroad() throws Exception {
        assertEquals(new IpLocation("none.abroad", "other", "", ""), at("2.58.58.127")); // 欧洲|0|0|0|0
    }

    @Test
    void locatesPrivateAndReservedAddressesToNoneCnOther() throws Exception {
        String[] privateOrReserved = {"10.1.2.3", "192.168.1.1", "172.16.0.1", "127.0.0.1", "0.0.0.0", "255.255.255.255"};
        for (String a : privateOrReserved) {
            assertLocated(a, "none.CN", "other");
        }
    }

    @Test
    void locatesIpv6ToUnknownButIpv4MappedAsItsIpv4Address() throws Exception {
        IpLocation unknown = new IpLocation("none.abroad", "other", "", "");
        assertEquals(unknown, at("2001:4860:4860::8888"));
        assertEquals(unknown, at("::1"));
        assertEquals(locator.location(locator.unknown()), unknown);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(InetAddress.getByName("202.96.128.86").getAddress(), 0, mapped, 12, 4);
        assertEquals(at("202.96.128.86"), locator.locate(Inet6Address.getByAddress(null, mapped, -1)));
    }

    @Test
    void packedCodeSplitsIntoCatalogueIndices() {
        int packed = locator.locateV4(0xCA608056); // 202.96.128.86
        assertEquals("guangdong.CN", Fixtures.regions().area(IpLocator.areaIndex(packed)).code());
        assertEquals("ct", Fixtures.regions().isp(IpLocator.ispIndex(packed)).code());
    }

    @Test
    void readsEverySegmentAndMergesNeighboursWithTheSameLocation() {
        assertEquals(720_464, locator.segments()); // the 2024-02 data
        assertTrue(locator.ranges() > 100_000 && locator.ranges() < locator.segments(), "ranges " + locator.ranges());
    }
}
