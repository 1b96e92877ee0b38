package io.lodestar.resolver;

import static io.lodestar.resolver.Packets.ecs;
import static io.lodestar.resolver.Packets.opt;
import static io.lodestar.resolver.Packets.query;
import static io.lodestar.resolver.TestNode.access;
import static io.lodestar.resolver.TestNode.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Every rcode the server gives, each for its reason (CONTRACT §4, RFC 1035, 2308, 6891, 7871). */
class ResponseCodesTest {

    private static final String APEX = TestNode.ZONE + ".";
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(TestNode.snapshot(7, null, TestNode.entry("smart.example.com", "04-smart-resolution")));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void apexHasAGeneratedSoaWithTheSnapshotVersionAsSerial() throws Exception {
        Message m = ask(node.resolver(false), APEX, Type.SOA);
        assertEquals(Rcode.NOERROR, m.getRcode());
        assertTrue(m.getHeader().getFlag(Flags.AA));
        SOARecord soa = (SOARecord) m.getSection(Section.ANSWER).get(0);
        assertEquals(7, soa.getSerial());
        assertEquals("ns1." + APEX, soa.getHost().toString());
        assertEquals("hostmaster." + APEX, soa.getAdmin().toString());
        assertEquals(60, soa.getMinimum());
        assertTrue(soa.getRefresh() > soa.getRetry() && soa.getExpire() > soa.getRefresh());
    }

    @Test
    void apexNsIsNs1WithTheListenerAddressAsGlue() throws Exception {
        Message m = ask(node.resolver(false), APEX, Type.NS);
        assertEquals("ns1." + APEX, ((NSRecord) m.getSection(Section.ANSWER).get(0)).getTarget().toString());
        ARecord glue = (ARecord) m.getSection(Section.ADDITIONAL).get(0);
        assertEquals("127.0.0.1", glue.getAddress().getHostAddress());
        Message a = ask(node.resolver(false), "ns1." + APEX, Type.A);
        assertEquals("127.0.0.1", a.getSection(Section.ANSWER).get(0).rdataToString());
    }

    @Test
    void unknownNameIsNxdomainWithTheSoaAtTheNegativeTtl() throws Exception {
        Message m = ask(node.resolver(false), "nope." + APEX, Type.A);
        assertEquals(Rcode.NXDOMAIN, m.getRcode());
        assertTrue(m.getHeader().getFlag(Flags.AA));
        Record soa = m.getSection(Section.AUTHORITY).get(0);
        assertEquals(Type.SOA, soa.getType());
        assertEquals(60, soa.getTTL(), "RFC 2308 §3: min(SOA TTL, minimum)");
    }

    @Test
    void parentOfAManagedNameIsAnEmptyNonTerminalNotNxdomain() throws Exception {
        Message m = ask(node.resolver(false), "example.com." + APEX, Type.A);
        assertEquals(Rcode.NOERROR, m.getRcode());
        assertTrue(m.getSection(Section.ANSWER).isEmpty());
        assertEquals(Type.SOA, m.getSection(Section.AUTHORITY).get(0).getType());
        assertEquals(Rcode.NXDOMAIN, ask(node.resolver(false), "x.smart.example.com." + APEX, Type.A).getRcode(),
                "nothing below a managed name");
    }

    @Test
    void namesOutsideTheZoneAndOtherClassesAreRefused() throws Exception {
        Message out = ask(node.resolver(false), "www.example.org.", Type.A);
        assertEquals(Rcode.REFUSED, out.getRcode());
        assertFalse(out.getHeader().getFlag(Flags.AA));
        Message ch = Packets.udp(node.udp(), Packets.message(5, 0, 1, 0, 0, 0,
                Packets.question("version.bind", Type.TXT, DClass.CH)), 2000);
        assertEquals(Rcode.REFUSED, ch.getRcode());
    }

    @Test
    void zoneTransfersAreRefused() throws Exception {
        assertEquals(Rcode.REFUSED, Packets.tcp(node.udp(), query(9, APEX, Type.AXFR)).getRcode());
        assertEquals(Rcode.REFUSED, Packets.udp(node.udp(), query(9, APEX, Type.IXFR), 2000).getRcode());
    }

    @Test
    void questionCountOtherThanOneIsFormerr() throws Exception {
        Message none = Packets.udp(node.udp(), Packets.message(1, 0x0100, 0, 0, 0, 0), 2000);
        assertEquals(Rcode.FORMERR, none.getRcode());
        byte[] q = Packets.question("smart.example.com." + APEX, Type.A, 1);
        Message two = Packets.udp(node.udp(), Packets.message(2, 0x0100, 2, 0, 0, 0, q, q), 2000);
        assertEquals(Rcode.FORMERR, two.getRcode());
        assertEquals(2, two.getHeader().getID());
    }

    @Test
    void countsThatLieAboutTheContentAreFormerr() throws Exception {
        byte[] q = Packets.question("smart.example.com." + APEX, Type.A, 1);
        Message m = Packets.udp(node.udp(), Packets.message(3, 0x0100, 1, 2, 0, 0, q), 2000);
        assertEquals(Rcode.FORMERR, m.getRcode());
        assertEquals(3, m.getHeader().getID());
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {1, 2, 4, 5, 15})
    void unknownOpcodesAreNotimp(int opcode) throws Exception {
        byte[] q = Packets.question(APEX, Type.SOA, 1);
        Message m = Packets.udp(node.udp(), Packets.message(4, opcode << 11, 1, 0, 0, 0, q), 2000);
        assertEquals(Rcode.NOTIMP, m.getRcode());
        assertEquals(opcode, m.getHeader().getOpcode());
    }

    @Test
    void ednsVersionAboveZeroIsBadvers() throws Exception {
        Message m = Packets.udp(node.udp(), query(6, APEX, Type.SOA, opt(1232, 1, new byte[0])), 2000);
        assertEquals(Rcode.BADVERS, m.getRcode());
        assertEquals(0, m.getOPT().getVersion());
        assertTrue(m.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void duplicateOptIsFormerr() throws Exception {
        byte[] o = opt(1232, 0, new byte[0]);
        assertEquals(Rcode.FORMERR, Packets.udp(node.udp(), query(7, APEX, Type.SOA, o, o), 2000).getRcode());
    }

    @Test
    void invalidClientSubnetIsFormerr() throws Exception {
        byte[][] bad = {
            ecs(1, 33, 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5), // prefix beyond 32
            ecs(1, 16, 0, (byte) 1, (byte) 2, (byte) 3), // address bits beyond the prefix
            ecs(1, 16, 0, (byte) 1, (byte) 2, (byte) 0), // more bytes than the prefix needs
            ecs(3, 8, 0, (byte) 1), // unknown family
            ecs(2, 129, 0, new byte[16]), // prefix beyond 128
            Packets.concat(ecs(1, 24, 0, (byte) 202, (byte) 96, (byte) 128),
                    ecs(1, 24, 0, (byte) 202, (byte) 96, (byte) 128)), // two ECS options
        };
        for (byte[] option : bad) {
            Message m = Packets.udp(node.udp(), query(8, access("smart.example.com"), Type.A, opt(1232, 0, option)), 2000);
            assertEquals(Rcode.FORMERR, m.getRcode(), java.util.Arrays.toString(option));
        }
        Message ok = Packets.udp(node.udp(), query(8, access("smart.example.com"), Type.A,
                opt(1232, 0, ecs(1, 24, 0, (byte) 202, (byte) 96, (byte) 128))), 2000);
        assertEquals(Rcode.NOERROR, ok.getRcode(), "the same option, well formed");
    }

    @Test
    void packetsWithQrSetGetNoReply() throws Exception {
        byte[] q = query(10, APEX, Type.SOA);
        q[2] |= (byte) 0x80;
        assertNull(Packets.udp(node.udp(), q, 300));
        assertNotNull(Packets.udp(node.udp(), query(10, APEX, Type.SOA), 2000), "a query still gets one");
    }

    @Test
    void repliesCopyIdRdAndQuestion() throws Exception {
        Message m = Packets.udp(node.udp(), query(4242, access("smart.example.com"), Type.A), 2000);
        assertEquals(4242, m.getHeader().getID());
        assertTrue(m.getHeader().getFlag(Flags.QR));
        assertTrue(m.getHeader().getFlag(Flags.RD));
        assertFalse(m.getHeader().getFlag(Flags.RA));
        assertEquals(Name.fromString(access("smart.example.com")), m.getQuestion().getName());
        assertEquals(List.of(), m.getSection(Section.ADDITIONAL), "no EDNS asked: no OPT");
        OPTRecord opt = Packets.udp(node.udp(), query(1, APEX, Type.SOA, opt(4096, 0, new byte[0])), 2000).getOPT();
        assertEquals(DnsConfig.DEFAULT_MAX_UDP_PAYLOAD, opt.getPayloadSize(), "we advertise our own limit");
    }

    @Test
    void namesMatchWhateverTheirCaseAndTheQuestionKeepsIt() throws Exception {
        String mixed = "SMART.Example.COM.Gtm.Lodestar.TEST.";
        Message m = ask(node.resolver(false), mixed, Type.A);
        assertEquals(Rcode.NOERROR, m.getRcode());
        assertEquals(1, m.getSection(Section.ANSWER).size());
        assertEquals(mixed, m.getQuestion().getName().toString(), "0x20 case echoed as sent");
    }
}
