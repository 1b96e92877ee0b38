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
 * UDP: one blocking {@link DatagramChannel} and a few receiver threads, each with its own reused
 * 64 KiB buffer (STACK-NOTES: a blocking receive into a reused buffer is the fastest simple shape).
 * Each thread receives, runs the pipeline and sends; no queue between them, so memory is bounded by
 * the threads. Nothing escapes the loop: a failure is reported and the next packet is read.
 */
final class UdpListener implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramChannel channel;
    private final QueryPipeline pipeline;
    private final Problems problems;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private UdpListener(DatagramChannel channel, QueryPipeline pipeline, Problems problems) {
        this.channel = channel;
        this.pipeline = pipeline;
        this.problems = problems;
    }

    /** Binds; throws when the address is taken (the caller names it). */
    static UdpListener bind(InetSocketAddress address, QueryPipeline pipeline, Problems problems) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            ch.bind(address);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new UdpListener(ch, pipeline, problems);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void start(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::loop, "lodestar-dns-udp-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop() {
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
        channel.close();
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
