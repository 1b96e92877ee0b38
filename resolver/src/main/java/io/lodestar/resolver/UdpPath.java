package io.lodestar.resolver;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The UDP side of the server, one of two (ADR 0013): the JDK's channels ({@link UdpListener}, one
 * datagram per system call) or, on Linux, {@link MmsgUdpListener} (batches through recvmmsg and
 * sendmmsg). {@link UdpIo} chooses. Both run the same pipeline per datagram, one receiver thread
 * per SO_REUSEPORT socket.
 */
sealed interface UdpPath extends AutoCloseable permits UdpListener, MmsgUdpListener {

    /** The bound address (the real port when 0 was asked). */
    InetSocketAddress address() throws IOException;

    /** Sockets bound (one per thread where SO_REUSEPORT is there). */
    int sockets();

    /** Starts {@code threads} receivers over the sockets. */
    void start(int threads);

    /** Which path this is, as the log names it. */
    UdpIo io();

    /** Stops the receivers, waits for their threads and releases the sockets. */
    @Override
    void close() throws IOException;
}
