package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.resolver.wire.ZoneFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A zone file served with full authoritative semantics (RFC 1034 §4.3.2, RFC 4592, RFC 2308),
 * beside a traffic-managed name: {@code src/test/resources/zones/static.zone}.
 */
class StaticZoneServedTest {

    private static final String Z = "." + TestNode.ZONE + ".";
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        String file = Files.readString(Path.of("src/test/resources/zones/static.zone"));
        node = TestNode.start(TestNode.snapshot(3, file, TestNode.entry("smart.example.com", "04-smart-resolution")));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Message q(String name, int type) throws Exception {
        return ask(node.resolver(false, 1232, "202.96.128.0/24"), name, type);
    }

    private static List<String> answer(Message m) {
        return m.getSection(Section.ANSWER).stream().map(r -> r.getName() + " " + Type.string(r.getType()) + " "
                + r.rdataToString()).collect(Collectors.toList());
    }

    @Test
    void theFilesSoaAndNsReplaceTheGeneratedOnes() throws Exception {
        SOARecord soa = (SOARecord) q(TestNode.ZONE + ".", Type.SOA).getSection(Section.ANSWER).get(0);
        assertEquals(2024010101L, soa.getSerial());
        Message ns = q(TestNode.ZONE + ".", Type.NS);
        assertEquals(List.of("gtm.lodestar.test. NS ns.gtm.lodestar.test."), answer(ns));
        assertEquals("192.0.2.53", ns.getSection(Section.ADDITIONAL).get(0).rdataToString(), "in-zone glue");
    }

    @Test
    void followsACnameChainToTheEnd() throws Exception {
        Message m = q("alias" + Z, Type.A);
        assertEquals(List.of("alias" + Z + " CNAME hop" + Z, "hop" + Z + " CNAME www" + Z,
                "www" + Z + " A 192.0.2.1", "www" + Z + " A 192.0.2.2"), answer(m));
        assertTrue(m.getHeader().getFlag(Flags.AA));
    }

    @Test
    void followsAStaticCnameIntoATrafficManagedName() throws Exception {
        Message m = q("tomanaged" + Z, Type.A);
        assertEquals(List.of("tomanaged" + Z + " CNAME smart.example.com" + Z, "smart.example.com" + Z + " A 1.1.1.1"),
                answer(m));
        assertEquals(24, SeedScenariosOverDnsTest.ecs(m).getScopePrefixLength());
    }

    @Test
    void stopsAtACnameLeavingTheZoneAndAtALoop() throws Exception {
        assertEquals(List.of("outside" + Z + " CNAME www.example.org."), answer(q("outside" + Z, Type.A)));
        Message loop = q("loop1" + Z, Type.A);
        assertEquals(Rcode.NOERROR, loop.getRcode());
        assertEquals(2, loop.getSection(Section.ANSWER).size(), answer(loop).toString());
        assertEquals(List.of("alias" + Z + " CNAME hop" + Z), answer(q("alias" + Z, Type.CNAME)), "CNAME asked: not followed");
    }

    @Test
    void wildcardsSynthesiseForNamesThatDoNotExist() throws Exception {
        assertEquals(List.of("x.wild" + Z + " A 192.0.2.9"), answer(q("x.wild" + Z, Type.A)));
        assertEquals(List.of("y.z.wild" + Z + " A 192.0.2.9"), answer(q("y.z.wild" + Z, Type.A)));
        assertEquals(List.of("host.wild" + Z + " A 192.0.2.19"), answer(q("host.wild" + Z, Type.A)), "an existing name wins");
        Message nodata = q("x.wild" + Z, Type.MX);
        assertEquals(Rcode.NOERROR, nodata.getRcode(), "wildcard NODATA (RFC 4592 §2.2.1)");
        assertEquals(Type.SOA, nodata.getSection(Section.AUTHORITY).get(0).getType());
        assertEquals(Rcode.NXDOMAIN, q("x.host.wild" + Z, Type.A).getRcode(), "closest encloser host.wild has no wildcard");
    }

    @Test
    void emptyNonTerminalsAreNodataNotNxdomain() throws Exception {
        for (String ent : new String[] {"a.b" + Z, "b" + Z}) {
            Message m = q(ent, Type.A);
            assertEquals(Rcode.NOERROR, m.getRcode(), ent);
            assertTrue(m.getSection(Section.ANSWER).isEmpty());
            assertEquals(Type.SOA, m.getSection(Section.AUTHORITY).get(0).getType());
        }
        assertEquals(List.of("deep.a.b" + Z + " A 192.0.2.10"), answer(q("deep.a.b" + Z, Type.A)));
        assertEquals(Rcode.NXDOMAIN, q("c.b" + Z, Type.A).getRcode());
    }

    @Test
    void delegationsAreReferralsWithGlueAndWithoutAa() throws Exception {
        for (String name : new String[] {"host.sub" + Z, "sub" + Z, "ns1.sub" + Z}) {
            Message m = q(name, Type.A);
            assertEquals(Rcode.NOERROR, m.getRcode(), name);
            assertFalse(m.getHeader().getFlag(Flags.AA), name + ": a referral is not authoritative");
            assertTrue(m.getSection(Section.ANSWER).isEmpty(), name);
            List<Record> ns = m.getSection(Section.AUTHORITY);
            assertEquals(2, ns.size(), name);
            assertTrue(ns.stream().allMatch(r -> r.getType() == Type.NS && r.getName().toString().equals("sub" + Z)));
            List<Record> glue = m.getSection(Section.ADDITIONAL);
            assertTrue(glue.stream().anyMatch(r -> r.rdataToString().equals("192.0.2.54")), name + ": glue " + glue);
        }
    }

    @Test
    void dsIsAnsweredAtTheParentSideOfTheCut() throws Exception {
        Message m = q("sub" + Z, Type.DS);
        assertTrue(m.getHeader().getFlag(Flags.AA));
        assertEquals(Type.DS, m.getSection(Section.ANSWER).get(0).getType());
        Message none = q("www" + Z, Type.DS);
        assertEquals(Rcode.NOERROR, none.getRcode());
        assertEquals(Type.SOA, none.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void negativeAnswersCarryTheFilesSoaAtItsMinimum() throws Exception {
        Message m = q("missing" + Z, Type.A);
        assertEquals(Rcode.NXDOMAIN, m.getRcode());
        SOARecord soa = (SOARecord) m.getSection(Section.AUTHORITY).get(0);
        assertEquals(120, soa.getTTL(), "min(300, 120)");
        assertEquals(2024010101L, soa.getSerial());
    }

    @Test
    void servesOtherTypesAndAnswersAnyWithOneRrset() throws Exception {
        assertEquals(List.of("mail" + Z + " MX 10 www" + Z), answer(q("mail" + Z, Type.MX)));
        assertEquals(List.of("txt" + Z + " TXT \"hello\""), answer(q("txt" + Z, Type.TXT)));
        assertEquals(2, q("www" + Z, Type.ANY).getSection(Section.ANSWER).size(), "the A RRset");
        assertEquals(List.of("mail" + Z + " MX 10 www" + Z), answer(q("mail" + Z, Type.ANY)));
    }

    @Test
    void aBrokenZoneFileIsReportedAndTheGeneratedApexServed() throws Exception {
        String bad = "$TTL 300\n@ IN SOA ns admin 1 2 3 4 5\nwww IN A 999.1.1.1\n";
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> DnsServer.checkZoneFile(TestNode.ZONE, bad));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(ZoneFileException.class, () -> DnsServer.checkZoneFile(TestNode.ZONE, "www.example.org. IN A 1.2.3.4\n"));
        assertThrows(ZoneFileException.class, () -> DnsServer.checkZoneFile(TestNode.ZONE, "x IN CNAME a\nx IN A 1.2.3.4\n"));
        assertThrows(ZoneFileException.class, () -> DnsServer.checkZoneFile(TestNode.ZONE, "$INCLUDE /etc/passwd\n"));
        try (TestNode broken = TestNode.start(TestNode.snapshot(11, bad))) {
            SOARecord soa = (SOARecord) ask(broken.resolver(false), TestNode.ZONE + ".", Type.SOA).getSection(Section.ANSWER).get(0);
            assertEquals(11, soa.getSerial(), "generated");
        }
    }
}
