package io.lodestar.engine.health;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * The probe kinds behind one dispatch, and the threads they run on: one NIO selector thread for
 * {@code tcp}, and a bounded pool for blocking work ({@code http}/{@code https} exchanges,
 * {@code ping} processes, CNAME lookups). The pool's queue is bounded too: when it is full a probe
 * fails at once with "probe pool saturated" instead of piling up memory.
 */
public final class Probers implements Prober, AutoCloseable {

    /**
     * Sizes of the blocking pool, the ping program, and the local address tcp and http(s) probes
     * connect from (empty: the system's choice; a multi-homed monitor host picks its uplink).
     */
    public record Options(int blockingThreads, int queue, String pingCommand, java.util.Optional<java.net.InetAddress> source) {
        public Options(int blockingThreads, int queue, String pingCommand) {
            this(blockingThreads, queue, pingCommand, java.util.Optional.empty());
        }

        public static Options defaults() {
            return new Options(32, 20_000, "ping");
        }

        public Options from(java.util.Optional<java.net.InetAddress> address) {
            return new Options(blockingThreads, queue, pingCommand, address);
        }
    }

    private final ThreadPoolExecutor pool;
    private final TcpProber tcp;
    private final HttpProber http;
    private final PingProber ping;

    /**
     * @param trust the trust context for {@code verifyTls=true}, normally {@code SSLContext.getDefault()}
     */
    public Probers(Options o, SSLContext trust, Clock clock, LongSupplier nanoTime)
            throws IOException, GeneralSecurityException {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(o.blockingThreads(), o.blockingThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(o.queue()), r -> {
                    Thread t = new Thread(r, "lodestar-probe-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        tcp = new TcpProber(pool, clock, nanoTime, o.source());
        http = new HttpProber(pool, trust, clock, nanoTime, o.source());
        ping = new PingProber(o.pingCommand(), pool, clock, nanoTime);
    }

    /** The system's trust store, the wall clock and {@link System#nanoTime()}. */
    public static Probers system(Options o) throws IOException, GeneralSecurityException {
        return new Probers(o, SSLContext.getDefault(), Clock.systemUTC(), System::nanoTime);
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        switch (t.monitor().protocol()) {
            case TCP:
                return tcp.probe(t);
            case HTTP:
            case HTTPS:
                return http.probe(t);
            case PING:
                return ping.probe(t);
            default:
                throw new AssertionError(t.monitor().protocol());
        }
    }

    /** Stops the selector and the pool; probes in flight complete with a failure or are abandoned. */
    @Override
    public void close() {
        tcp.close();
        pool.shutdownNow();
    }
}
