package io.lodestar.resolver;

import static io.lodestar.resolver.TestNode.access;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lodestar.resolver.wire.ZoneViews;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The Linux recvmmsg/sendmmsg path (ADR 0013) over real loopback sockets: many queries in flight
 * from several clients at once come back whole and byte for byte what the NIO path answers; IPv6;
 * a prompt stop while idle; the choice of path by the system property. The other resolver tests
 * run on this path too (it is the default where the module is there, as under surefire).
 */
class BatchedUdpTest {

    private static final String ZONE_FILE = "$ORIGIN gtm.lodestar.test.\n$TTL 300\nwww IN A 192.0.2.10\n";
    private static final CountingMetrics METRICS = new CountingMetrics();
    private static TestNode mmsg;
    private static TestNode nio;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(UdpIo.mmsgUnavailable() == null, () -> "mmsg unavailable here: " + UdpIo.mmsgUnavailable());
        var snapshot = TestNode.snapshot(1, ZONE_FILE, TestNode.entry("pb.example.com", "01-primary-backup"),
                TestNode.entry("near.example.com", "03-nearest-with-failover"));
        mmsg = TestNode.start(DnsConfig.of("127.0.0.1", 0).withUdpThreads(2), snapshot, METRICS);
        nio = withProperty("nio", () -> TestNode.start(DnsConfig.of("127.0.0.1", 0), snapshot, DnsMetrics.NONE));
    }

    @AfterAll
    static void stop() {
        if (mmsg != null) {
            mmsg.close();
            nio.close();
        }
    }

    /** Queries of every outcome: fast path with and without ECS, static, NXDOMAIN, NODATA, FORMERR, NOTIMP. */
    private static List<byte[]> queries() {
        byte[] beijing = Packets.opt(1232, 0, Packets.ecs(1, 24, 0, (byte) 219, (byte) 141, (byte) 200));
        return List.of(
                Packets.query(0, access("pb.example.com"), Type.A),
                Packets.query(0, access("near.example.com"), Type.A, beijing),
                Packets.query(0, access("pb.example.com"), Type.AAAA),
                Packets.query(0, "www.gtm.lodestar.test.", Type.A),
                Packets.query(0, "gtm.lodestar.test.", Type.SOA),
                Packets.query(0, "nothing-here.gtm.lodestar.test.", Type.A),
                Packets.query(0, access("pb.example.com"), Type.MX),
                Packets.message(0, 0x0100, 2, 0, 0, 0, Packets.question("a.gtm.lodestar.test.", 1, 1)),
                Packets.message(0, 0x2100, 1, 0, 0, 0, Packets.question("gtm.lodestar.test.", 6, 1)));
    }

    @Test
    void theLinuxPathIsTheDefaultAndSaysSo() {
        assertTrue(mmsg.server.udpIo().startsWith("mmsg (recvmmsg/sendmmsg), 2 sockets"), mmsg.server.udpIo());
        assertEquals(2, mmsg.server.udpSockets());
    }

    @Test
    void aBurstFromSeveralClientsComesBackWholeAndAsTheNioPathAnswersIt() throws Exception {
        List<byte[]> kinds = queries();
        List<byte[]> expected = new ArrayList<>();
        for (byte[] q : kinds) {
            byte[] first = raw(nio.udp(), q);
            assertArrayEquals(first, raw(nio.udp(), q), "the expected answers are deterministic");
            expected.add(first);
        }
        int clients = 6;
        int perClient = 600;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> burst(mmsg.udp(), kinds, expected, perClient)));
            }
            for (Future<Integer> f : done) {
                assertEquals(perClient, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One query, the reply's bytes as they came. */
    private static byte[] raw(InetSocketAddress server, byte[] query) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(2_000);
            s.send(new DatagramPacket(query, query.length, server));
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            s.receive(in);
            return Arrays.copyOf(in.getData(), in.getLength());
        }
    }

    /** Keeps 48 queries in flight on one socket; checks each reply against the expected bytes; replies counted. */
    private static int burst(InetSocketAddress server, List<byte[]> kinds, List<byte[]> expected, int count)
            throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(5_000);
            byte[] buf = new byte[4096];
            int sent = 0;
            int received = 0;
            boolean[] seen = new boolean[count];
            while (received < count) {
                while (sent < count && sent - received < 48) {
                    byte[] q = kinds.get(sent % kinds.size()).clone();
                    q[0] = (byte) (sent >>> 8);
                    q[1] = (byte) sent;
                    s.send(new DatagramPacket(q, q.length, server));
                    sent++;
                }
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                s.receive(in);
                int id = (buf[0] & 0xff) << 8 | buf[1] & 0xff;
                assertTrue(id < count && !seen[id], "a reply to a query sent once: " + id);
                seen[id] = true;
                byte[] want = expected.get(id % kinds.size()).clone();
                want[0] = buf[0];
                want[1] = buf[1];
                assertArrayEquals(want, Arrays.copyOf(buf, in.getLength()), "reply to query " + id);
                received++;
            }
            return received;
        }
    }

    @Test
    void aQueryWithQrSetGetsNoReplyAndTheNextIsAnswered() throws Exception {
        byte[] response = Packets.message(7, 0x8100, 1, 0, 0, 0, Packets.question("gtm.lodestar.test.", 6, 1));
        assertNull(Packets.udp(mmsg.udp(), response, 300));
        assertEquals(Rcode.NOERROR, Packets.udp(mmsg.udp(), Packets.query(8, "gtm.lodestar.test.", Type.SOA), 2000)
                .getRcode());
    }

    @Test
    void aDatagramLargerThanASlotIsDroppedAndCounted() throws Exception {
        long before = METRICS.dropped.sum();
        byte[] big = Arrays.copyOf(Packets.query(9, access("pb.example.com"), Type.A), MmsgUdpListener.DATA + 1);
        assertNull(Packets.udp(mmsg.udp(), big, 300));
        assertEquals(before + 1, METRICS.dropped.sum());
        byte[] fits = Arrays.copyOf(Packets.query(10, access("pb.example.com"), Type.A), MmsgUdpListener.DATA);
        assertNotNull(Packets.udp(mmsg.udp(), fits, 2000), "a datagram filling a slot is read");
    }

    @Test
    void servesIpv6Loopback() throws Exception {
        assumeTrue(hasIpv6Loopback(), "no ::1 here");
        var snapshot = TestNode.snapshot(1, null, TestNode.entry("pb.example.com", "01-primary-backup"));
        try (TestNode v6 = TestNode.start(DnsConfig.of("::1", 0), snapshot, DnsMetrics.NONE)) {
            assertTrue(v6.server.udpIo().startsWith("mmsg"), v6.server.udpIo());
            assertInstanceOf(Inet6Address.class, v6.udp().getAddress());
            assertEquals(Rcode.NOERROR, TestNode.ask(v6.resolver(false), TestNode.ZONE + ".", Type.SOA).getRcode());
            Message managed = TestNode.ask(v6.resolver(false), access("pb.example.com"), Type.A); // IPv6 source: the stages
            assertEquals("1.1.1.1", managed.getSection(1).get(0).rdataToString());
            Message ecs = TestNode.ask(v6.resolver(false, 1232, "219.141.200.0/24"), access("pb.example.com"), Type.A);
            assertEquals("1.1.1.1", ecs.getSection(1).get(0).rdataToString());
        }
    }

    private static boolean hasIpv6Loopback() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void closeWakesAnIdleReceiverAtOnceAndReleasesThePort() throws Exception {
        DnsConfig config = DnsConfig.of("127.0.0.1", 0);
        QueryPipeline pipeline = new QueryPipeline(config, () -> TestNode.snapshot(1, null),
                new ZoneViews(null, p -> { }), TestNode.LOCATOR, TestNode.GROUPS, DnsMetrics.NONE, null,
                new Problems(10_000));
        // a receive timeout far longer than the test: only shutdown(2) can end the wait in time
        MmsgUdpListener listener = MmsgUdpListener.bind(new InetSocketAddress("127.0.0.1", 0), 2, pipeline,
                new Problems(10_000), 60_000);
        int port = listener.address().getPort();
        Set<Thread> others = Thread.getAllStackTraces().keySet(); // the other tests' servers
        listener.start(2);
        Thread.sleep(200); // both receivers blocked in recvmmsg
        long t0 = System.nanoTime();
        listener.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 5_000, "close took " + millis + " ms");
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("lodestar-dns-udp") && t.isAlive() && !others.contains(t)),
                "no receiver thread left");
        try (DatagramSocket again = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort(), "the sockets are closed");
        }
    }

    @Test
    void aFailedBindClosesTheSocketsItOpenedAndNoOtherDescriptor() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc here");
        DnsConfig config = DnsConfig.of("127.0.0.1", 0);
        QueryPipeline pipeline = new QueryPipeline(config, () -> TestNode.snapshot(1, null),
                new ZoneViews(null, p -> { }), TestNode.LOCATOR, TestNode.GROUPS, DnsMetrics.NONE, null,
                new Problems(10_000));
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) { // no SO_REUSEPORT
            Set<String> before = descriptors();
            assertThrows(BindException.class, () -> MmsgUdpListener.bind(
                    new InetSocketAddress("127.0.0.1", taken.getLocalPort()), 2, pipeline, new Problems(10_000)));
            Set<String> closed = new java.util.TreeSet<>(before);
            closed.removeAll(descriptors());
            closed.removeIf(d -> d.endsWith("/fd")); // the listing's own descriptor
            assertEquals(Set.of(), closed, "descriptors it did not open, closed (stdin is 0)");
            assertTrue(Files.exists(Path.of("/proc/self/fd/0")), "stdin still open");
        }
    }

    /** The open descriptors and what they are ({@code 7 → socket:[1234]}). */
    private static Set<String> descriptors() throws Exception {
        Set<String> out = new java.util.TreeSet<>();
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    out.add(fd.getFileName() + " → " + Files.readSymbolicLink(fd));
                } catch (java.io.IOException e) {
                    // the listing's own descriptor, gone already
                }
            }
        }
        return out;
    }

    @Test
    void thePropertyChoosesNioAndRefusesAnUnknownValueNamingItself() throws Exception {
        assertTrue(nio.server.udpIo().startsWith("nio (DatagramChannel)"), nio.server.udpIo());
        assertEquals(Rcode.NOERROR, TestNode.ask(nio.resolver(false), TestNode.ZONE + ".", Type.SOA).getRcode());
        assertEquals(UdpIo.MMSG, UdpIo.asked(null));
        assertEquals(UdpIo.MMSG, UdpIo.asked(" MMSG "));
        assertEquals(UdpIo.NIO, UdpIo.asked("nio"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UdpIo.asked("epoll"));
        assertEquals("lodestar.udp must be nio or mmsg, not 'epoll'", e.getMessage());
    }

    @Test
    void anIpv4MappedSourceIsAnInet4AddressAndARepeatedSourceIsNotMadeAgain() throws Exception {
        ByteBuffer names = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        names.putShort(0, (short) LinuxUdp.AF_INET6);
        names.put(8 + 10, (byte) 0xff).put(8 + 11, (byte) 0xff).put(8 + 12, new byte[] {(byte) 202, 96, (byte) 128, 1});
        names.putShort(32, (short) LinuxUdp.AF_INET);
        names.put(32 + 4, new byte[] {127, 0, 0, 1});
        MmsgUdpListener.ClientAddresses cache = new MmsgUdpListener.ClientAddresses();
        InetAddress mapped = cache.of(names, 0);
        assertInstanceOf(Inet4Address.class, mapped);
        assertEquals(InetAddress.getByName("202.96.128.1"), mapped);
        assertSame(mapped, cache.of(names, 0));
        InetAddress v4 = cache.of(names, 32);
        assertEquals(InetAddress.getByName("127.0.0.1"), v4);
        assertSame(v4, cache.of(names, 32));
        names.putShort(32, (short) 1); // AF_UNIX: not a client to answer
        assertNull(cache.of(names, 32));
    }

    private interface Start {
        TestNode start() throws Exception;
    }

    private static TestNode withProperty(String value, Start start) throws Exception {
        String before = System.getProperty(UdpIo.PROPERTY);
        System.setProperty(UdpIo.PROPERTY, value);
        try {
            return start.start();
        } finally {
            if (before == null) {
                System.clearProperty(UdpIo.PROPERTY);
            } else {
                System.setProperty(UdpIo.PROPERTY, before);
            }
        }
    }
}
