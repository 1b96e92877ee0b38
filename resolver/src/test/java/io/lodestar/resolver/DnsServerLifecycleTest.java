package io.lodestar.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Start, report, stop: what the node program relies on (CONTRACT §1: busy port, ready line). */
class DnsServerLifecycleTest {

    @Test
    void portZeroBindsUdpAndTcpOnTheSamePort() throws Exception {
        try (TestNode node = TestNode.start(TestNode.snapshot(1, null))) {
            InetSocketAddress udp = node.server.udpAddress();
            assertTrue(udp.getPort() > 0);
            assertEquals(udp, node.server.tcpAddress());
            assertEquals("127.0.0.1:" + udp.getPort(), DnsServer.text(udp));
        }
    }

    @Test
    void aBusyUdpPortIsAnErrorNamingHostAndPort() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            BindException e = assertThrows(BindException.class, () -> TestNode.start(DnsConfig.of("127.0.0.1", port),
                    TestNode.snapshot(1, null), DnsMetrics.NONE));
            assertTrue(e.getMessage().startsWith("dns udp 127.0.0.1:" + port + ": "), e.getMessage());
        }
    }

    @Test
    void aBusyTcpPortIsAnErrorNamingHostAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            BindException e = assertThrows(BindException.class, () -> TestNode.start(DnsConfig.of("127.0.0.1", port),
                    TestNode.snapshot(1, null), DnsMetrics.NONE));
            assertTrue(e.getMessage().startsWith("dns tcp 127.0.0.1:" + port + ": "), e.getMessage());
            try (DatagramSocket again = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                assertEquals(port, again.getLocalPort(), "the UDP socket of the failed start was released");
            }
        }
    }

    @Test
    void eachUdpThreadHasItsOwnSocketAndQueriesFromManyClientsAreAllAnswered() throws Exception {
        try (TestNode node = TestNode.start(DnsConfig.of("127.0.0.1", 0).withUdpThreads(3), TestNode.snapshot(1, null),
                DnsMetrics.NONE)) {
            assertEquals(3, node.server.udpSockets());
            for (int client = 0; client < 30; client++) { // a new source port each: the kernel spreads them
                assertEquals(Rcode.NOERROR, TestNode.ask(node.resolver(false), TestNode.ZONE + ".", Type.SOA).getRcode());
            }
        }
    }

    @Test
    void aSecondServerOnAPortInUseIsRefusedAndTheFirstKeepsEveryQuery() throws Exception {
        try (TestNode first = TestNode.start(DnsConfig.of("127.0.0.1", 0).withUdpThreads(2), TestNode.snapshot(1, null),
                DnsMetrics.NONE)) {
            int port = first.udp().getPort();
            BindException e = assertThrows(BindException.class, () -> TestNode.start(
                    DnsConfig.of("127.0.0.1", port).withUdpThreads(2), TestNode.snapshot(2, null), DnsMetrics.NONE));
            assertTrue(e.getMessage().startsWith("dns tcp 127.0.0.1:" + port + ": "), e.getMessage());
            for (int client = 0; client < 20; client++) { // the refused server's sockets are gone: none is lost
                assertEquals(Rcode.NOERROR, TestNode.ask(first.resolver(false), TestNode.ZONE + ".", Type.SOA).getRcode());
            }
        }
    }

    @Test
    void closeReleasesThePortsAndEndsEveryListenerThread() throws Exception {
        TestNode node = TestNode.start(TestNode.snapshot(1, null));
        int port = node.udp().getPort();
        assertEquals(Rcode.NOERROR, TestNode.ask(node.resolver(false), TestNode.ZONE + ".", Type.SOA).getRcode());
        node.close();
        try (TestNode again = TestNode.start(DnsConfig.of("127.0.0.1", port), TestNode.snapshot(2, null), DnsMetrics.NONE)) {
            assertEquals(port, again.udp().getPort());
        }
        Thread.sleep(100);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("lodestar-dns") && t.isAlive()), "no listener thread left");
    }

    @Test
    void parsesHostAndPortAsTheDnsOptionGivesThem() {
        assertEquals(DnsConfig.of("127.0.0.1", 15353), DnsConfig.parse("127.0.0.1:15353"));
        assertEquals("::1", DnsConfig.parse("[::1]:53").host());
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parse("127.0.0.1:99999"));
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parse("127.0.0.1:x"));
    }
}
