package io.lodestar.resolver;

import static io.lodestar.resolver.Packets.frame;
import static io.lodestar.resolver.Packets.query;
import static io.lodestar.resolver.Packets.readFrame;
import static io.lodestar.resolver.TestNode.access;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** DNS over TCP as RFC 7766 has it: framing, pipelining, idle timeout, bounded connections. */
class TcpConnectionTest {

    private static TestNode node;
    private static InetSocketAddress tcp;

    @BeforeAll
    static void start() throws Exception {
        DnsConfig config = DnsConfig.of("127.0.0.1", 0).withTcpIdleTimeout(Duration.ofMillis(400)).withMaxTcpConnections(4);
        node = TestNode.start(config, TestNode.snapshot(1, null, TestNode.entry("pb.example.com", "01-primary-backup")),
                DnsMetrics.NONE);
        tcp = node.server.tcpAddress();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket(tcp.getAddress(), tcp.getPort());
        s.setSoTimeout(3000);
        return s;
    }

    @Test
    void answersPipelinedQueriesInOrderOnOneConnection() throws Exception {
        try (Socket s = connect()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int id = 1; id <= 20; id++) {
                frame(all, query(id, access("pb.example.com"), Type.A));
            }
            s.getOutputStream().write(all.toByteArray()); // twenty queries in one write
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int id = 1; id <= 20; id++) {
                Message m = readFrame(in);
                assertEquals(id, m.getHeader().getID());
                assertEquals("1.1.1.1", m.getSection(1).get(0).rdataToString());
            }
        }
    }

    @Test
    void readsALengthPrefixAndAMessageSplitAcrossWrites() throws Exception {
        try (Socket s = connect()) {
            s.setTcpNoDelay(true);
            byte[] q = query(77, access("pb.example.com"), Type.A);
            OutputStream out = s.getOutputStream();
            out.write(q.length >>> 8);
            out.flush();
            Thread.sleep(50);
            out.write(q.length & 0xFF);
            out.write(q, 0, 5);
            out.flush();
            Thread.sleep(50);
            out.write(q, 5, q.length - 5);
            out.flush();
            assertEquals(77, readFrame(new DataInputStream(s.getInputStream())).getHeader().getID());
        }
    }

    @Test
    void closesAnIdleConnectionAndASlowDrip() throws Exception {
        try (Socket idle = connect(); Socket drip = connect()) {
            byte[] q = query(5, access("pb.example.com"), Type.A);
            long start = System.nanoTime();
            OutputStream out = drip.getOutputStream();
            out.write(q.length >>> 8);
            out.write(q.length & 0xFF);
            for (int i = 0; i < 8; i++) { // one byte per 150 ms: never a whole message within the timeout
                try {
                    out.write(q[i]);
                    out.flush();
                } catch (IOException e) {
                    break;
                }
                Thread.sleep(150);
            }
            assertEquals(-1, idle.getInputStream().read(), "idle connection closed");
            assertClosed(drip.getInputStream());
            assertTrue(System.nanoTime() - start < 3_000_000_000L);
        }
    }

    @Test
    void refusesConnectionsBeyondTheLimitAndKeepsServingTheOthers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(connect());
            }
            Thread.sleep(100);
            try (Socket extra = connect()) {
                assertClosed(extra.getInputStream());
            }
            Socket first = held.get(0);
            frame(first.getOutputStream(), query(9, access("pb.example.com"), Type.A));
            assertEquals(Rcode.NOERROR, readFrame(new DataInputStream(first.getInputStream())).getRcode());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aBadFrameClosesOnlyItsConnection() throws Exception {
        try (Socket bad = connect(); Socket good = connect()) {
            bad.getOutputStream().write(new byte[] {0, 3, 1, 2, 3}); // a 3-byte "message"
            assertClosed(bad.getInputStream());
            frame(good.getOutputStream(), query(11, access("pb.example.com"), Type.A));
            assertEquals(11, readFrame(new DataInputStream(good.getInputStream())).getHeader().getID());
        }
    }

    @Test
    void answersGarbageWithALegibleHeaderWithFormerrAndGoesOn() throws Exception {
        try (Socket s = connect()) {
            byte[] junk = new byte[40];
            junk[0] = 0x12;
            junk[1] = 0x34;
            junk[5] = 1; // one question, then nonsense
            java.util.Arrays.fill(junk, 12, 40, (byte) 0x7F);
            frame(s.getOutputStream(), junk);
            DataInputStream in = new DataInputStream(s.getInputStream());
            Message m = readFrame(in);
            assertEquals(0x1234, m.getHeader().getID());
            assertEquals(Rcode.FORMERR, m.getRcode());
            frame(s.getOutputStream(), query(12, access("pb.example.com"), Type.A));
            assertEquals(Rcode.NOERROR, readFrame(in).getRcode());
        }
    }

    private static void assertClosed(InputStream in) {
        assertThrows(IOException.class, () -> {
            if (in.read() == -1) {
                throw new EOFException();
            }
        });
    }
}
