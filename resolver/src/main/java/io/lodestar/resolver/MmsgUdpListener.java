package io.lodestar.resolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * UDP on Linux in batches (gdnsd's shape, ADR 0013): one receiver thread per SO_REUSEPORT socket,
 * each owning its socket and its off-heap buffers. A thread waits in recvmmsg(2) with
 * MSG_WAITFORONE for up to {@value #BATCH} datagrams (it blocks for the first, takes what is queued
 * behind it), runs the pipeline on each in turn, writes each reply over its query's slot and hands
 * all the replies to one sendmmsg(2). Per query: one copy of the packet into a reused heap array
 * (the pipeline reads byte arrays), the pipeline's reply, one copy back; the client's address is an
 * {@link InetAddress} looked up in a small per-thread cache, not made per packet. A datagram larger
 * than a slot ({@value #DATA} bytes, no query is) is dropped and counted. Nothing escapes the loop.
 * Only {@link UdpIo} touches this class, once it has found the module and native access there.
 * Stopping: shutdown(2) wakes a blocked receiver, a 500 ms receive timeout bounds the wait anyway,
 * and the socket is closed only once its thread has ended.
 */
final class MmsgUdpListener implements UdpPath {

    /** Datagrams taken per recvmmsg. */
    static final int BATCH = 32;
    /** Bytes a datagram may take (the largest reply, maxUdpPayload ≤ 4096, fits too). */
    static final int DATA = 4096;
    /** Slot stride: DATA plus a cache line, so that the slots do not all fall in the same cache sets. */
    private static final int SLOT = DATA + 64;
    private static final int RECEIVE_TIMEOUT_MILLIS = 500;

    private final InetAddress host;
    private final int port;
    private final int[] fds;
    private final QueryPipeline pipeline;
    private final Problems problems;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private MmsgUdpListener(InetAddress host, int port, int[] fds, QueryPipeline pipeline, Problems problems) {
        this.host = host;
        this.port = port;
        this.fds = fds;
        this.pipeline = pipeline;
        this.problems = problems;
    }

    /** Binds {@code sockets} sockets to {@code address} as {@link UdpListener#bind} does. */
    static MmsgUdpListener bind(InetSocketAddress address, int sockets, QueryPipeline pipeline, Problems problems)
            throws IOException {
        return bind(address, sockets, pipeline, problems, RECEIVE_TIMEOUT_MILLIS);
    }

    /** As {@link #bind(InetSocketAddress, int, QueryPipeline, Problems)}; for tests, another receive timeout. */
    static MmsgUdpListener bind(InetSocketAddress address, int sockets, QueryPipeline pipeline, Problems problems,
                                int receiveTimeoutMillis) throws IOException {
        int[] fds = new int[sockets];
        int bound = 0;
        try {
            InetAddress host = address.getAddress();
            int first = LinuxUdp.bind(host, address.getPort(), sockets > 1, receiveTimeoutMillis);
            fds[bound++] = first; // counted only once it exists: a failed bind must not close descriptor 0
            int port = LinuxUdp.localPort(first);
            while (bound < sockets) {
                int next = LinuxUdp.bind(host, port, true, receiveTimeoutMillis);
                fds[bound++] = next;
            }
            return new MmsgUdpListener(host, port, fds, pipeline, problems);
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < bound; i++) {
                LinuxUdp.close(fds[i]);
            }
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        return new InetSocketAddress(host, port);
    }

    @Override
    public int sockets() {
        return fds.length;
    }

    @Override
    public UdpIo io() {
        return UdpIo.MMSG;
    }

    @Override
    public void start(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            int fd = fds[i % fds.length];
            Thread t = new Thread(() -> loop(fd), "lodestar-dns-udp-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop(int fd) {
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            Batch batch = new Batch(scope);
            while (!closed) {
                try {
                    batch.serve(fd);
                } catch (RuntimeException | StackOverflowError e) {
                    if (!closed) {
                        problems.report("dns udp", e);
                    }
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            problems.report("dns udp: receiver stopped", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int fd : fds) {
            LinuxUdp.shutdown(fd);
        }
        boolean ended = true;
        for (Thread t : threads) {
            try {
                t.join(2_000);
                ended &= !t.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
        }
        if (ended) { // a thread still inside recvmmsg must not find its descriptor reused
            for (int fd : fds) {
                LinuxUdp.close(fd);
            }
        }
    }

    /**
     * One thread's buffers: {@value #BATCH} slots, their sockaddr buffers, iovecs and the mmsghdr
     * vectors for receiving and for sending, all off-heap and set up once; plus the heap array the
     * pipeline reads and the address cache.
     */
    private final class Batch {

        private final MemoryAddress receiveVector;
        private final MemoryAddress sendVector;
        private final ByteBuffer receiveHeaders;
        private final ByteBuffer sendHeaders;
        private final ByteBuffer sendIovecs;
        private final ByteBuffer names;
        private final ByteBuffer data;
        private final long namesBase;
        private final long dataBase;
        private final long sendIovecsBase;
        private final byte[] packet = new byte[DATA];
        private final ClientAddresses clients = new ClientAddresses();
        private int received;

        Batch(ResourceScope scope) {
            MemorySegment receive = MemorySegment.allocateNative((long) BATCH * LinuxUdp.MMSGHDR, 64, scope);
            MemorySegment send = MemorySegment.allocateNative((long) BATCH * LinuxUdp.MMSGHDR, 64, scope);
            MemorySegment receiveIovecs = MemorySegment.allocateNative((long) BATCH * LinuxUdp.IOVEC, 64, scope);
            MemorySegment sendIov = MemorySegment.allocateNative((long) BATCH * LinuxUdp.IOVEC, 64, scope);
            MemorySegment nameSegment = MemorySegment.allocateNative((long) BATCH * LinuxUdp.SOCKADDR, 64, scope);
            MemorySegment dataSegment = MemorySegment.allocateNative((long) BATCH * SLOT, 4096, scope);
            receiveVector = receive.address();
            sendVector = send.address();
            receiveHeaders = view(receive);
            sendHeaders = view(send);
            sendIovecs = view(sendIov);
            names = view(nameSegment);
            data = view(dataSegment);
            namesBase = nameSegment.address().toRawLongValue();
            dataBase = dataSegment.address().toRawLongValue();
            sendIovecsBase = sendIov.address().toRawLongValue();
            ByteBuffer iov = view(receiveIovecs);
            long iovBase = receiveIovecs.address().toRawLongValue();
            for (int i = 0; i < BATCH; i++) {
                iov.putLong(i * LinuxUdp.IOVEC, dataBase + (long) i * SLOT);
                iov.putLong(i * LinuxUdp.IOVEC + 8, DATA);
                int h = i * LinuxUdp.MMSGHDR;
                receiveHeaders.putLong(h + LinuxUdp.MSG_NAME, namesBase + (long) i * LinuxUdp.SOCKADDR);
                receiveHeaders.putInt(h + LinuxUdp.MSG_NAMELEN, LinuxUdp.SOCKADDR);
                receiveHeaders.putLong(h + LinuxUdp.MSG_IOV, iovBase + (long) i * LinuxUdp.IOVEC);
                receiveHeaders.putLong(h + LinuxUdp.MSG_IOVLEN, 1);
                sendHeaders.putLong(h + LinuxUdp.MSG_IOV, sendIovecsBase + (long) i * LinuxUdp.IOVEC);
                sendHeaders.putLong(h + LinuxUdp.MSG_IOVLEN, 1);
            }
            received = BATCH;
        }

        private ByteBuffer view(MemorySegment segment) {
            return segment.asByteBuffer().order(ByteOrder.nativeOrder());
        }

        /** One round: receive a batch, answer each datagram, send the replies. */
        void serve(int fd) {
            for (int i = 0; i < received; i++) { // the kernel wrote the lengths of the last round's addresses
                receiveHeaders.putInt(i * LinuxUdp.MMSGHDR + LinuxUdp.MSG_NAMELEN, LinuxUdp.SOCKADDR);
            }
            received = 0;
            int n = LinuxUdp.recvmmsg(fd, receiveVector, BATCH, LinuxUdp.MSG_WAITFORONE);
            if (n < 0) {
                int errno = LinuxUdp.errno();
                if (errno != LinuxUdp.EAGAIN && errno != LinuxUdp.EINTR && !closed) {
                    problems.report("dns udp: recvmmsg: " + LinuxUdp.message(errno), null);
                }
                return;
            }
            received = n;
            int replies = 0;
            for (int i = 0; i < n && !closed; i++) {
                try {
                    if (answer(i, replies)) {
                        replies++;
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    problems.report("dns udp", e);
                }
            }
            send(fd, replies);
        }

        /** Runs the pipeline on datagram {@code i}; true when its reply is set up as send entry {@code j}. */
        private boolean answer(int i, int j) {
            int h = i * LinuxUdp.MMSGHDR;
            int length = receiveHeaders.getInt(h + LinuxUdp.MSG_LEN);
            if ((receiveHeaders.getInt(h + LinuxUdp.MSG_FLAGS) & LinuxUdp.MSG_TRUNC) != 0) {
                pipeline.dropped(); // larger than any query: its end is lost, so it is not read
                return false;
            }
            int nameLength = receiveHeaders.getInt(h + LinuxUdp.MSG_NAMELEN);
            InetAddress client = clients.of(names, i * LinuxUdp.SOCKADDR);
            if (client == null) {
                return false;
            }
            int slot = i * SLOT;
            data.get(slot, packet, 0, length);
            byte[] out = pipeline.handle(packet, length, Transport.UDP, client);
            if (out == null) {
                return false;
            }
            if (out.length > DATA) {
                problems.report("dns udp: a reply of " + out.length + " bytes is larger than a slot", null);
                return false;
            }
            data.put(slot, out);
            int s = j * LinuxUdp.MMSGHDR;
            sendHeaders.putLong(s + LinuxUdp.MSG_NAME, namesBase + (long) i * LinuxUdp.SOCKADDR);
            sendHeaders.putInt(s + LinuxUdp.MSG_NAMELEN, nameLength);
            sendIovecs.putLong(j * LinuxUdp.IOVEC, dataBase + slot);
            sendIovecs.putLong(j * LinuxUdp.IOVEC + 8, out.length);
            return true;
        }

        private void send(int fd, int replies) {
            int sent = 0;
            while (sent < replies) {
                int n = LinuxUdp.sendmmsg(fd, sendVector.addOffset((long) sent * LinuxUdp.MMSGHDR), replies - sent);
                if (n > 0) {
                    sent += n;
                    continue;
                }
                int errno = LinuxUdp.errno();
                if (closed) {
                    return;
                }
                if (errno != LinuxUdp.EINTR) {
                    problems.report("dns udp: sendmmsg: " + LinuxUdp.message(errno), null);
                    sent++; // this reply cannot go; the next may
                }
            }
        }
    }

    /**
     * The client addresses a thread has seen, direct-mapped by a hash of the address: a hit returns
     * the same {@link InetAddress} without allocating. IPv4-mapped IPv6 sources (on a dual-stack
     * socket) become {@code Inet4Address}, as the JDK's channels make them.
     */
    static final class ClientAddresses {

        private static final int SIZE = 256;

        private final int[] v4 = new int[SIZE];
        private final InetAddress[] v4Address = new InetAddress[SIZE];
        private final long[] v6High = new long[SIZE];
        private final long[] v6Low = new long[SIZE];
        private final InetAddress[] v6Address = new InetAddress[SIZE];

        /** The address of the sockaddr at {@code offset}, or null for a family other than IPv4 and IPv6. */
        InetAddress of(ByteBuffer names, int offset) {
            int family = names.getShort(offset);
            if (family == LinuxUdp.AF_INET) {
                int a = names.getInt(offset + 4);
                int k = slot(a);
                InetAddress cached = v4Address[k];
                if (cached != null && v4[k] == a) {
                    return cached;
                }
                byte[] raw = new byte[4];
                names.get(offset + 4, raw);
                v4[k] = a;
                return v4Address[k] = address(raw);
            }
            if (family == LinuxUdp.AF_INET6) {
                long high = names.getLong(offset + 8);
                long low = names.getLong(offset + 16);
                int k = slot(Long.hashCode(high * 31 + low));
                InetAddress cached = v6Address[k];
                if (cached != null && v6High[k] == high && v6Low[k] == low) {
                    return cached;
                }
                byte[] raw = new byte[16];
                names.get(offset + 8, raw);
                v6High[k] = high;
                v6Low[k] = low;
                return v6Address[k] = address(raw);
            }
            return null;
        }

        private static int slot(int hash) {
            int h = hash * 0x9E3779B9;
            return (h ^ (h >>> 16)) & (SIZE - 1);
        }

        private static InetAddress address(byte[] raw) {
            try {
                return InetAddress.getByAddress(raw); // ::ffff:a.b.c.d gives an Inet4Address
            } catch (UnknownHostException e) {
                throw new IllegalStateException("address of " + raw.length + " bytes", e);
            }
        }
    }
}
