package io.lodestar.resolver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * UDP: one receiver thread per socket, each socket bound to the same address with SO_REUSEPORT so
 * the kernel spreads clients over them (gdnsd's and CoreDNS's shape). A thread owns its socket and
 * its reused 64 KiB buffer: receive, run the pipeline, send, with no lock shared between threads
 * and no queue, so memory is bounded by the threads. Where the platform lacks SO_REUSEPORT, or
 * for one thread, there is one socket and the threads share it. Nothing escapes the loop: a
 * failure is reported and the next packet is read. The path where Linux's batched calls are not
 * available or not wanted ({@link UdpIo}).
 */
final class UdpListener implements UdpPath {

    private static final int MAX_DATAGRAM = 65_535;

    private final List<DatagramChannel> channels;
    private final QueryPipeline pipeline;
    private final Problems problems;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private UdpListener(List<DatagramChannel> channels, QueryPipeline pipeline, Problems problems) {
        this.channels = channels;
        this.pipeline = pipeline;
        this.problems = problems;
    }

    /**
     * Binds {@code sockets} sockets to {@code address} (port 0: a free port, the same for all);
     * throws when the address is taken (the caller names it).
     */
    static UdpListener bind(InetSocketAddress address, int sockets, QueryPipeline pipeline, Problems problems)
            throws IOException {
        List<DatagramChannel> bound = new ArrayList<>();
        try {
            DatagramChannel first = open(sockets > 1);
            bound.add(first);
            first.bind(address);
            boolean shared = sockets > 1 && first.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            InetSocketAddress actual = new InetSocketAddress(address.getAddress(),
                    ((InetSocketAddress) first.getLocalAddress()).getPort());
            for (int i = 1; shared && i < sockets; i++) {
                DatagramChannel next = open(true);
                bound.add(next);
                next.bind(actual);
            }
            return new UdpListener(List.copyOf(bound), pipeline, problems);
        } catch (IOException | RuntimeException e) {
            for (DatagramChannel ch : bound) {
                ch.close();
            }
            throw e;
        }
    }

    private static DatagramChannel open(boolean reusePort) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            if (reusePort && ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channels.get(0).getLocalAddress();
    }

    @Override
    public int sockets() {
        return channels.size();
    }

    @Override
    public UdpIo io() {
        return UdpIo.NIO;
    }

    @Override
    public void start(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            DatagramChannel ch = channels.get(i % channels.size());
            Thread t = new Thread(() -> loop(ch), "lodestar-dns-udp-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop(DatagramChannel channel) {
        ByteBuffer in = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                if (!(from instanceof InetSocketAddress)) {
                    continue;
                }
                InetSocketAddress client = (InetSocketAddress) from;
                byte[] out = pipeline.handle(in.array(), in.position(), Transport.UDP, client.getAddress());
                if (out != null) {
                    channel.send(ByteBuffer.wrap(out), client);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException | StackOverflowError e) {
                if (!closed) {
                    problems.report("dns udp", e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        IOException first = null;
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
