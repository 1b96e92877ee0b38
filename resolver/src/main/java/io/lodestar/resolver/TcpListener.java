package io.lodestar.resolver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP (RFC 7766): messages with a two-byte length prefix, several per connection and pipelined
 * (answered in order), a prefix or message split across reads. One thread per connection from a
 * pool bounded by {@code maxTcpConnections}; a connection beyond it is closed at once. A reaper
 * closes any connection that has not completed a message within the idle timeout, which also ends
 * slow drips and writes to a client that never reads. A frame too short to be a DNS message closes
 * only its own connection; buffers are at most 64 KiB per connection.
 */
final class TcpListener implements AutoCloseable {

    private final ServerSocket server;
    private final QueryPipeline pipeline;
    private final Problems problems;
    private final long idleMillis;
    private final int maxConnections;
    private final Set<Connection> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService reaper;
    private Thread acceptor;
    private volatile boolean closed;

    private TcpListener(ServerSocket server, QueryPipeline pipeline, Problems problems, DnsConfig config) {
        this.server = server;
        this.pipeline = pipeline;
        this.problems = problems;
        this.idleMillis = config.tcpIdleTimeout().toMillis();
        this.maxConnections = config.maxTcpConnections();
        this.workers = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("lodestar-dns-tcp"));
        this.reaper = Executors.newSingleThreadScheduledExecutor(daemon("lodestar-dns-tcp-reaper"));
    }

    static TcpListener bind(InetSocketAddress address, QueryPipeline pipeline, Problems problems, DnsConfig config)
            throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(address, 128);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return new TcpListener(s, pipeline, problems, config);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    void start() {
        long period = Math.max(20, idleMillis / 4);
        reaper.scheduleAtFixedRate(this::reap, period, period, TimeUnit.MILLISECONDS);
        acceptor = daemon("lodestar-dns-tcp-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    problems.report("dns tcp accept", e);
                }
                continue;
            }
            if (count.incrementAndGet() > maxConnections) {
                count.decrementAndGet();
                quietly(s);
                continue;
            }
            Connection c = new Connection(s);
            active.add(c);
            try {
                workers.execute(c);
            } catch (RejectedExecutionException e) {
                c.close();
            }
        }
    }

    private void reap() {
        long now = System.nanoTime();
        for (Connection c : active) {
            if (now - c.deadline > 0) {
                c.close();
            }
        }
    }

    /** Connections open now (for tests). */
    int connections() {
        return count.get();
    }

    private final class Connection implements Runnable {
        private final Socket socket;
        private final AtomicInteger closedOnce = new AtomicInteger();
        volatile long deadline;

        Connection(Socket socket) {
            this.socket = socket;
            this.deadline = System.nanoTime() + idleMillis * 1_000_000L;
        }

        @Override
        public void run() {
            try {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleMillis));
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
                byte[] buf = new byte[512];
                while (!closed) {
                    int hi = in.read();
                    int lo = hi < 0 ? -1 : in.read();
                    if (lo < 0) {
                        return; // the client is done
                    }
                    int length = (hi << 8) | lo;
                    if (length < 12) {
                        return; // not a DNS message: framing can no longer be trusted
                    }
                    if (buf.length < length) {
                        buf = new byte[length];
                    }
                    if (in.readNBytes(buf, 0, length) < length) {
                        return;
                    }
                    for (byte[] reply : pipeline.handleStream(buf, length, Transport.TCP, socket.getInetAddress())) {
                        out.write(reply.length >>> 8);
                        out.write(reply.length);
                        out.write(reply);
                    }
                    if (in.available() == 0) {
                        out.flush(); // pipelined queries already waiting are answered in one write
                    }
                    deadline = System.nanoTime() + idleMillis * 1_000_000L;
                }
            } catch (SocketException e) {
                // closed by the reaper, by close(), or reset by the client
            } catch (IOException e) {
                // idle timeout or a broken connection: nothing to tell
            } catch (RuntimeException | StackOverflowError e) {
                problems.report("dns tcp connection", e);
            } finally {
                close();
            }
        }

        void close() {
            if (closedOnce.compareAndSet(0, 1)) {
                quietly(socket);
                active.remove(this);
                count.decrementAndGet();
            }
        }
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        reaper.shutdownNow();
        for (Connection c : active) {
            c.close();
        }
        workers.shutdownNow();
        try {
            if (acceptor != null) {
                acceptor.join(2_000);
            }
            workers.awaitTermination(2, TimeUnit.SECONDS);
            reaper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
