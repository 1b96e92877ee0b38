package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.access;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Seed scenario 02 (多活IP+负载均衡, weights 1 : 2 : 3 : 0) over 10 000 real UDP queries: each
 * endpoint's share of the answers is its weight's share within ±2 percentage points, weight 0 never.
 */
class WrrSharesOverUdpTest {

    private static final int QUERIES = 10_000;

    @Test
    void answersFollowTheWeightsOverTenThousandQueries() throws Exception {
        CountingMetrics metrics = new CountingMetrics();
        Map<String, Integer> seen = new TreeMap<>();
        try (TestNode node = TestNode.start(DnsConfig.of("127.0.0.1", 0),
                TestNode.snapshot(1, null, TestNode.entry("wrr.example.com", "02-multi-active-wrr")), metrics);
             DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(2000);
            s.connect(node.udp());
            byte[] q = Packets.query(0, access("wrr.example.com"), Type.A);
            byte[] buf = new byte[512];
            for (int i = 0; i < QUERIES; i++) {
                q[0] = (byte) (i >>> 8);
                q[1] = (byte) i;
                s.send(new DatagramPacket(q, q.length));
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                s.receive(in);
                Message m = new Message(Arrays.copyOf(buf, in.getLength()));
                assertEquals(i & 0xFFFF, m.getHeader().getID());
                seen.merge(m.getSection(Section.ANSWER).get(0).rdataToString(), 1, Integer::sum);
            }
        }
        assertEquals(QUERIES, seen.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(!seen.containsKey("10.0.0.4"), "weight 0 never answers: " + seen);
        Map<String, Double> expected = Map.of("10.0.0.1", 100.0 / 6, "10.0.0.2", 200.0 / 6, "10.0.0.3", 300.0 / 6);
        expected.forEach((ip, share) -> {
            double actual = 100.0 * seen.getOrDefault(ip, 0) / QUERIES;
            assertEquals(share, actual, 2.0, ip + " in " + seen);
        });
        expected.keySet().forEach(ip -> assertEquals(seen.get(ip).longValue(), metrics.answers.get(ip).sum(),
                "answers per endpoint counted"));
    }
}
