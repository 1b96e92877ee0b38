package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Answers past the UDP limit (a name with 120 A records, one with a 5 KB TXT set) go out with TC,
 * the question and no records, within the negotiated size, for every advertised EDNS size; over TCP
 * they come whole (RFC 6891 §6.2.3–6.2.5, RFC 7766 §5, CONTRACT §4).
 */
class TruncationTest {

    private static final String BIG = "big." + TestNode.ZONE + ".";
    private static final String TEXT = "text." + TestNode.ZONE + ".";
    private static TestNode node;
    private static TestNode roomy;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder zone = new StringBuilder("$TTL 300\n");
        for (int i = 0; i < 120; i++) {
            zone.append("big IN A 10.0.").append(i / 250).append('.').append(i % 250 + 1).append('\n');
        }
        for (int i = 0; i < 24; i++) {
            zone.append("text IN TXT \"").append(String.valueOf((char) ('a' + i)).repeat(200)).append("\"\n");
        }
        zone.append("small IN A 10.9.9.9\n");
        node = TestNode.start(TestNode.snapshot(1, zone.toString()));
        roomy = TestNode.start(DnsConfig.of("127.0.0.1", 0).withMaxUdpPayload(4096), TestNode.snapshot(1, zone.toString()),
                DnsMetrics.NONE);
    }

    @AfterAll
    static void stop() {
        node.close();
        roomy.close();
    }

    @ParameterizedTest(name = "{0}, advertised {1}: {2} records fit in {3} bytes, TC={4}")
    @CsvSource({
        // server max, advertised (0 = no EDNS), name, limit, truncated
        "1232, 0,    big,  512,  true",
        "1232, 512,  big,  512,  true",
        "1232, 1232, big,  1232, true",
        "1232, 4096, big,  1232, true",
        "1232, 100,  big,  512,  true",
        "4096, 4096, big,  4096, false",
        "4096, 2048, big,  2048, false",
        "4096, 1500, big,  1500, true",
        "4096, 4096, text, 4096, true",
        "1232, 0,    small, 512, false",
    })
    void truncatesOverUdpForEveryAdvertisedSize(int serverMax, int advertised, String name, int limit, boolean tc)
            throws Exception {
        TestNode n = serverMax == 4096 ? roomy : node;
        SimpleResolver r = advertised == 0 ? n.resolver(false) : n.resolver(false, advertised, null);
        Message m = ask(r, name + "." + TestNode.ZONE + ".", name.equals("text") ? Type.TXT : Type.A);
        assertTrue(m.numBytes() <= limit, m.numBytes() + " > " + limit);
        assertEquals(Rcode.NOERROR, m.getRcode());
        assertEquals(tc, m.getHeader().getFlag(Flags.TC));
        assertNotNull(m.getQuestion(), "the question is kept");
        if (tc) {
            assertTrue(m.getSection(Section.ANSWER).isEmpty(), "no partial RRset");
            assertTrue(m.getSection(Section.AUTHORITY).isEmpty());
        } else {
            assertFalse(m.getSection(Section.ANSWER).isEmpty());
        }
        assertEquals(advertised != 0, m.getOPT() != null, "OPT kept when EDNS was used");
    }

    @Test
    void tcpCarriesTheWholeAnswer() throws Exception {
        Message a = ask(node.resolver(true), BIG, Type.A);
        assertFalse(a.getHeader().getFlag(Flags.TC));
        assertEquals(120, a.getSection(Section.ANSWER).size());
        Message t = ask(node.resolver(true, 1232, null), TEXT, Type.TXT);
        assertEquals(24, t.getSection(Section.ANSWER).size());
        assertTrue(t.numBytes() > 4096);
    }

    @Test
    void aClientRetriesOverTcpAfterTc() throws Exception {
        SimpleResolver r = new SimpleResolver(node.udp());
        r.setTimeout(Duration.ofSeconds(3));
        Message m = ask(r, BIG, Type.A); // dnsjava retries over TCP when it sees TC
        assertEquals(120, m.getSection(Section.ANSWER).size());
    }
}
