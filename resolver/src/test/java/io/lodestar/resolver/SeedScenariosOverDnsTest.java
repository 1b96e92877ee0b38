package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.access;
import static io.lodestar.resolver.TestNode.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.node.DomainEntry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The engine's seed scenarios answered over real UDP and TCP, the client placed by the EDNS
 * Client Subnet it sends (CONTRACT §2, §4): what a resolver in each province and ISP gets.
 */
class SeedScenariosOverDnsTest {

    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        DomainEntry pinned = new DomainEntry(TestNode.domain("ttl.example.com", DomainStatus.START, 300),
                TestNode.plan("01-primary-backup", TestNode.domain("ttl.example.com", DomainStatus.START, 300), Set.of()));
        node = TestNode.start(TestNode.snapshot(1, null,
                TestNode.entry("smart.example.com", "04-smart-resolution"),
                TestNode.entry("mix.example.com", "06-composite-mapping-wrr"),
                TestNode.entry("near.example.com", "03-nearest-with-failover"),
                TestNode.entry("dual.example.com", "09-ipv6-family"),
                TestNode.entry("pb.example.com", "01-primary-backup"),
                TestNode.entry("cidr.example.com", "08-cidr-longest-prefix"),
                pinned));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @ParameterizedTest(name = "{0} ({1}) asking {2} gets {3}")
    @CsvSource({
        "202.96.128.0/24,  guangdong.CN/ct, smart, 1.1.1.1",
        "202.96.128.0/24,  guangdong.CN/ct, mix,   3.3.3.3",
        "202.96.128.0/24,  guangdong.CN/ct, near,  3.3.3.3|4.4.4.4",
        "221.5.88.0/24,    guangdong.CN/cu, smart, 1.1.1.1",
        "221.5.88.0/24,    guangdong.CN/cu, near,  3.3.3.3|4.4.4.4",
        "111.13.100.0/24,  beijing.CN/cm,   smart, 3.3.3.3",
        "111.13.100.0/24,  beijing.CN/cm,   mix,   1.1.1.1",
        "111.13.100.0/24,  beijing.CN/cm,   near,  1.1.1.1",
        "211.136.112.0/24, shanghai.CN/cm,  smart, 2.2.2.2",
        "211.136.112.0/24, shanghai.CN/cm,  near,  2.2.2.2",
        "58.247.0.0/24,    shanghai.CN/cu,  mix,   2.2.2.2",
        "58.247.0.0/24,    shanghai.CN/cu,  smart, 1.1.1.1",
        "218.30.64.0/24,   beijing.CN/ct,   smart, 3.3.3.3",
        "8.8.8.0/24,       us.abroad/other, near,  1.1.1.1",
        "8.8.8.0/24,       us.abroad/other, pb,    1.1.1.1",
    })
    void answersEachProvinceAndIspByItsClientSubnet(String subnet, String where, String domain, String expected)
            throws Exception {
        assertEquals(where, TestNode.located(subnet.split("/")[0]), "the IP database moved: pick another address");
        for (boolean tcp : new boolean[] {false, true}) {
            Message m = ask(node.resolver(tcp, 1232, subnet), access(domain + ".example.com"), Type.A);
            assertEquals(Rcode.NOERROR, m.getRcode());
            assertTrue(m.getHeader().getFlag(Flags.AA), "authoritative");
            List<Record> answer = m.getSection(Section.ANSWER);
            assertEquals(1, answer.size(), answer.toString());
            assertTrue(Set.of(expected.split("\\|")).contains(answer.get(0).rdataToString()), answer.toString());
            assertEquals(60, answer.get(0).getTTL());
            ClientSubnetOption echo = ecs(m);
            assertEquals(24, echo.getSourcePrefixLength());
            assertEquals(24, echo.getScopePrefixLength(), "the answer holds for the whole /24");
            assertEquals(subnet.split("/")[0], echo.getAddress().getHostAddress());
        }
    }

    @ParameterizedTest(name = "ECS {0} gets {1}")
    @CsvSource({
        "10.1.2.0/24,      2.2.2.2, 24",
        "10.2.0.0/16,      1.1.1.1, 16",
        "2001:db8:1::/48,  5.5.5.5, 48",
        "2001:db9::/48,    4.4.4.4, 48",
        "192.0.2.0/24,     4.4.4.4, 24",
    })
    void cidrUserSetsMatchTheClientSubnetLongestPrefixFirst(String subnet, String expected, int scope) throws Exception {
        Message m = ask(node.resolver(false, 1232, subnet), access("cidr.example.com"), Type.A);
        assertEquals(expected, m.getSection(Section.ANSWER).get(0).rdataToString());
        assertEquals(scope, ecs(m).getScopePrefixLength());
        assertEquals(scope, ecs(m).getSourcePrefixLength());
    }

    @Test
    void answersAaaaFromIpv6EndpointsAndNodataWithSoaWhenThereAreNone() throws Exception {
        Message v6 = ask(node.resolver(false, 1232, "202.96.128.0/24"), access("dual.example.com"), Type.AAAA);
        assertEquals(Type.AAAA, v6.getSection(Section.ANSWER).get(0).getType());
        assertTrue(Set.of("2001:db8:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:2")
                .contains(v6.getSection(Section.ANSWER).get(0).rdataToString().replace("::", ":0:0:0:0:0:")));
        Message none = ask(node.resolver(false), access("pb.example.com"), Type.AAAA);
        assertEquals(Rcode.NOERROR, none.getRcode());
        assertTrue(none.getSection(Section.ANSWER).isEmpty());
        assertEquals(Type.SOA, none.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void locatesByTheSourceAddressWithoutClientSubnet() throws Exception {
        assertEquals("none.CN/other", TestNode.located("127.0.0.1"));
        Message m = ask(node.resolver(false, 1232, null), access("smart.example.com"), Type.A);
        assertEquals("1.1.1.1", m.getSection(Section.ANSWER).get(0).rdataToString(), "the default group");
        assertTrue(m.getOPT().getOptions(EDNSOption.Code.CLIENT_SUBNET).isEmpty(), "no ECS to echo");
    }

    @Test
    void usesTheDomainTtlAndAnswersAnyLikeA() throws Exception {
        Message m = ask(node.resolver(false), access("ttl.example.com"), Type.A);
        assertEquals(300, m.getSection(Section.ANSWER).get(0).getTTL());
        Message any = ask(node.resolver(true), access("ttl.example.com"), Type.ANY);
        assertEquals(List.of("1.1.1.1"), any.getSection(Section.ANSWER).stream().map(Record::rdataToString)
                .collect(Collectors.toList()), "RFC 8482: one RRset, the A answer");
    }

    @Test
    void answersOtherTypesAtAManagedNameWithNodata() throws Exception {
        for (int type : new int[] {Type.MX, Type.TXT, Type.SRV, Type.NS}) {
            Message m = ask(node.resolver(false), access("smart.example.com"), type);
            assertEquals(Rcode.NOERROR, m.getRcode(), Type.string(type));
            assertTrue(m.getSection(Section.ANSWER).isEmpty(), Type.string(type));
            assertEquals(Type.SOA, m.getSection(Section.AUTHORITY).get(0).getType(), Type.string(type));
            assertNull(m.getOPT(), "no EDNS asked, none given");
        }
    }

    static ClientSubnetOption ecs(Message m) {
        List<EDNSOption> o = m.getOPT().getOptions(EDNSOption.Code.CLIENT_SUBNET);
        assertEquals(1, o.size(), "ECS echoed");
        return (ClientSubnetOption) o.get(0);
    }
}
