package io.lodestar.engine.health;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tcp}: the endpoint is up when a TCP connection to the monitor's port is established
 * within the timeout. Non-blocking: one selector thread keeps every connect in flight (thousands
 * at once cost one socket each, no thread), with a deadline queue for timeouts. Connections are
 * closed with an RST (SO_LINGER 0), as load balancers' health checks do, so probing thousands of
 * endpoints every second leaves no TIME_WAIT sockets behind. CNAME endpoints are resolved first on
 * the blocking executor, never on the selector thread.
 *
 * <p>A busy prober must not blame the endpoint for its own lateness: the timeout runs from the
 * moment the connect is sent (not from when the probe was asked for), and a connection whose
 * deadline has passed is asked once more whether it is established before it counts as timed out
 * (the selector reports at most 1 024 ready channels per call, so under a burst an established
 * connection can still be waiting to be seen). Probe requests wake the selector once per batch.
 */
public final class TcpProber implements Prober, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpProber.class);

    private final Selector selector;
    private final Thread thread;
    private final Executor blocking;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final java.util.Optional<InetAddress> source;
    private final ConcurrentLinkedQueue<Pending> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Pending> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
    private volatile boolean running = true;

    /**
     * @param blocking runs name resolution for CNAME endpoints
     */
    public TcpProber(Executor blocking, Clock clock, LongSupplier nanoTime) throws IOException {
        this(blocking, clock, nanoTime, java.util.Optional.empty());
    }

    /** @param source the local address to connect from (a monitor host's uplink); empty: the system's choice */
    public TcpProber(Executor blocking, Clock clock, LongSupplier nanoTime, java.util.Optional<InetAddress> source)
            throws IOException {
        this.source = source;
        this.blocking = blocking;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "lodestar-probe-selector");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant at = clock.instant();
        long start = nanoTime.getAsLong();
        if (!t.needsResolution()) {
            return connect(t, at, start, addressOf(t));
        }
        return CompletableFuture.supplyAsync(() -> addressOf(t), blocking)
                .thenCompose(a -> connect(t, at, start, a));
    }

    private static InetAddress addressOf(ProbeTarget t) {
        try {
            return t.address();
        } catch (IOException e) {
            return null;
        }
    }

    private CompletableFuture<ProbeResult> connect(ProbeTarget t, Instant at, long start, InetAddress address) {
        Pending p = new Pending(new CompletableFuture<>(), at, start, t.timeout().toNanos(),
                address == null ? null : new InetSocketAddress(address, t.monitor().port()));
        if (address == null) {
            p.finish(elapsed(p), new Failure(Failure.Kind.UNRESOLVED, "cannot resolve " + t.value().text()));
            return p.future;
        }
        if (!running) {
            p.finish(0, Failure.other("prober stopped"));
            return p.future;
        }
        incoming.add(p);
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
        return p.future;
    }

    /** From the connect being sent (or, before that, from the request): the endpoint's latency, not the prober's queue. */
    private long elapsed(Pending p) {
        return nanoTime.getAsLong() - p.sent;
    }

    private void loop() {
        while (running) {
            try {
                long wait = 0;
                Pending next = deadlines.peek();
                if (next != null) {
                    wait = Math.max(1, (next.deadline - nanoTime.getAsLong() + 999_999) / 1_000_000);
                }
                selector.select(wait);
            } catch (IOException | RuntimeException e) {
                LOG.warn("probe selector: {}", e.toString());
            }
            wakeupPending.set(false);   // before draining: a request added after this wakes the next select
            // each stage on its own: a failing select (e.g. out of file descriptors) must not stop
            // new connects from failing fast or deadlines from expiring
            try {
                start();
            } catch (RuntimeException e) {
                LOG.warn("probe connects: {}", e.toString());
            }
            try {
                finishConnects();
                expire();
            } catch (RuntimeException e) {
                LOG.warn("probe completions: {}", e.toString());
            }
        }
        for (SelectionKey k : selector.keys()) {
            ((Pending) k.attachment()).finish(0, Failure.other("prober stopped"));
        }
        Pending p;
        while ((p = incoming.poll()) != null) {
            p.finish(0, Failure.other("prober stopped"));
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void start() {
        Pending p;
        while ((p = incoming.poll()) != null) {
            try {
                p.channel = SocketChannel.open(p.address.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                p.channel.configureBlocking(false);
                p.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                Sources.bind(source, p.address.getAddress(), p.channel);
                p.sent = nanoTime.getAsLong();
                p.deadline = p.sent + p.timeout;
                if (p.channel.connect(p.address)) {
                    p.finish(elapsed(p), null);
                } else {
                    p.channel.register(selector, SelectionKey.OP_CONNECT, p);
                    deadlines.add(p);
                }
            } catch (IOException | RuntimeException e) {
                p.finish(elapsed(p), Failures.classify(e));
            }
        }
    }

    private void finishConnects() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            Pending p = (Pending) k.attachment();
            try {
                if (p.channel.finishConnect()) {
                    p.finish(elapsed(p), null);
                }
            } catch (IOException | RuntimeException e) {
                p.finish(elapsed(p), Failures.classify(e));
            }
        }
    }

    private void expire() {
        long now = nanoTime.getAsLong();
        while (!deadlines.isEmpty() && (deadlines.peek().done || deadlines.peek().deadline <= now)) {
            Pending p = deadlines.poll();
            if (p.done) {
                continue;
            }
            try {
                if (p.channel.finishConnect()) {      // established, not yet reported by the selector
                    p.finish(now - p.sent, null);
                    continue;
                }
            } catch (IOException | RuntimeException e) {
                p.finish(now - p.sent, Failures.classify(e));
                continue;
            }
            p.finish(now - p.sent, Failure.of(Failure.Kind.TIMEOUT));
        }
    }

    /** Stops the selector thread; probes in flight complete with a failure. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connect in flight; touched by the selector thread only after it is queued. */
    private final class Pending {
        final CompletableFuture<ProbeResult> future;
        final Instant at;
        final long timeout;
        final InetSocketAddress address;
        SocketChannel channel;
        long sent;
        long deadline;
        boolean done;

        Pending(CompletableFuture<ProbeResult> future, Instant at, long start, long timeout, InetSocketAddress address) {
            this.future = future;
            this.at = at;
            this.sent = start;   // until the connect is sent
            this.timeout = timeout;
            this.address = address;
        }

        void finish(long nanos, Failure failure) {
            if (done) {
                return;
            }
            done = true;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failed or finished
                }
            }
            Duration latency = Duration.ofNanos(Math.max(0, nanos));
            future.complete(failure == null ? ProbeResult.ok(at, latency) : ProbeResult.failed(at, latency, failure));
        }
    }
}
