package io.lodestar.resolver;

import static io.lodestar.resolver.Packets.frame;
import static io.lodestar.resolver.Packets.query;
import static io.lodestar.resolver.TestNode.access;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * No crash, no hang and no unbounded memory on any input (CONTRACT §4): truncated, oversized,
 * garbage and compression-loop packets, and slow or partial TCP frames, sent to both ports; the
 * server answers valid queries afterwards.
 */
class RobustnessTest {

    private static final CountingMetrics METRICS = new CountingMetrics();
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        DnsConfig config = DnsConfig.of("127.0.0.1", 0).withTcpIdleTimeout(Duration.ofMillis(300));
        node = TestNode.start(config, TestNode.snapshot(1, null, TestNode.entry("pb.example.com", "01-primary-backup")),
                METRICS);
    }

    @AfterAll
    static void stop() {
        node.close();
        assertEquals(0, METRICS.byRcode.get(Rcode.SERVFAIL), "no stage ever failed on bad input");
        assertTrue(METRICS.byRcode.get(Rcode.FORMERR) > 100, "malformed queries are FORMERR");
        assertTrue(METRICS.dropped.sum() > 0, "header-less packets get no reply");
    }

    /** Every kind of bad packet, each with a legible or an illegible header. */
    static List<byte[]> badPackets() {
        List<byte[]> out = new ArrayList<>();
        byte[] good = query(1, access("pb.example.com"), Type.A);
        out.add(new byte[0]);
        out.add(new byte[] {1});
        out.add(Arrays.copyOf(good, 11)); // shorter than a header
        for (int cut = 12; cut < good.length; cut += 3) {
            out.add(Arrays.copyOf(good, cut)); // truncated question
        }
        // compression loops: a name pointing at itself, two pointers at each other, a pointer past the end
        out.add(Packets.message(2, 0x0100, 1, 0, 0, 0, new byte[] {(byte) 0xC0, 12, 0, 1, 0, 1}));
        out.add(Packets.message(3, 0x0100, 1, 0, 0, 0, new byte[] {1, 'a', (byte) 0xC0, 14, (byte) 0xC0, 12, 0, 1, 0, 1}));
        out.add(Packets.message(4, 0x0100, 1, 0, 0, 0, new byte[] {(byte) 0xC0, (byte) 0xFF, 0, 1, 0, 1}));
        // label types 0x40 and 0x80, a label of 63 bytes repeated past 255
        out.add(Packets.message(5, 0x0100, 1, 0, 0, 0, new byte[] {(byte) 0x41, 'a', 0, 0, 1, 0, 1}));
        out.add(Packets.message(6, 0x0100, 1, 0, 0, 0, new byte[] {(byte) 0x81, 'a', 0, 0, 1, 0, 1}));
        byte[] longName = new byte[5 * 64 + 1];
        for (int i = 0; i < 5; i++) {
            longName[i * 64] = 63;
            Arrays.fill(longName, i * 64 + 1, i * 64 + 64, (byte) 'x');
        }
        out.add(Packets.message(7, 0x0100, 1, 0, 0, 0, longName, new byte[] {0, 1, 0, 1}));
        // an OPT whose option overruns its rdata; a huge RR count
        byte[] opt = Packets.opt(1232, 0, new byte[] {0, 8, 0, 40, 0, 1});
        out.add(query(8, access("pb.example.com"), Type.A, opt));
        out.add(Packets.message(9, 0x0100, 1, 0, 0, 65_535, Packets.question(access("pb.example.com"), 1, 1)));
        Random random = new Random(20_261_123);
        for (int i = 0; i < 300; i++) { // garbage of every size, also with a plausible header
            byte[] b = new byte[random.nextInt(600)];
            random.nextBytes(b);
            if (i % 2 == 0 && b.length >= 12) {
                b[2] &= 0x07; // QR clear, opcode QUERY
                b[4] = 0;
                b[5] = 1;
            }
            out.add(b);
        }
        byte[] oversized = new byte[65_000];
        random.nextBytes(oversized);
        out.add(oversized);
        byte[] bigButLegible = Arrays.copyOf(good, 60_000); // a valid query followed by 60 KB of zeros
        out.add(bigButLegible);
        return out;
    }

    @Test
    void udpSurvivesBadPacketsAndStillAnswers() throws Exception {
        InetSocketAddress udp = node.udp();
        try (DatagramSocket s = new DatagramSocket()) {
            for (byte[] p : badPackets()) {
                s.send(new DatagramPacket(p, p.length, udp));
            }
        }
        assertValidQueriesAnswered();
    }

    @Test
    void tcpSurvivesBadFramesSlowAndPartialWritesAndStillAnswers() throws Exception {
        InetSocketAddress tcp = node.server.tcpAddress();
        for (byte[] p : badPackets()) {
            if (p.length > 65_535) {
                continue;
            }
            try (Socket s = new Socket(tcp.getAddress(), tcp.getPort())) {
                s.setSoTimeout(2000);
                frame(s.getOutputStream(), p);
                s.getOutputStream().flush();
                s.shutdownOutput();
                while (s.getInputStream().read() >= 0) { // a FORMERR or a close, never a hang
                    // drain
                }
            } catch (IOException e) {
                // reset by the server: fine
            }
        }
        List<Socket> partial = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) { // a length promising more than ever comes, held open
                Socket s = new Socket(tcp.getAddress(), tcp.getPort());
                OutputStream out = s.getOutputStream();
                out.write(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3});
                out.flush();
                partial.add(s);
            }
            Socket lonely = new Socket(tcp.getAddress(), tcp.getPort());
            lonely.getOutputStream().write(0); // half a length prefix
            partial.add(lonely);
            assertValidQueriesAnswered(); // while those hang on
            Thread.sleep(600);
            for (Socket s : partial) {
                s.setSoTimeout(2000);
                assertEquals(-1, s.getInputStream().read(), "closed by the idle timeout");
            }
        } finally {
            for (Socket s : partial) {
                s.close();
            }
        }
        assertValidQueriesAnswered();
    }

    private static void assertValidQueriesAnswered() throws Exception {
        for (int i = 0; i < 20; i++) {
            Message u = Packets.udp(node.udp(), query(100 + i, access("pb.example.com"), Type.A), 2000);
            assertNotNull(u, "UDP answer");
            assertEquals("1.1.1.1", u.getSection(1).get(0).rdataToString());
        }
        Message t = Packets.tcp(node.server.tcpAddress(), query(200, access("pb.example.com"), Type.A));
        assertEquals(Rcode.NOERROR, t.getRcode());
        assertTrue(t.getSection(1).size() == 1);
    }
}
