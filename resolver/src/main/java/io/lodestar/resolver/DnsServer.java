package io.lodestar.resolver;

import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.resolver.wire.ZoneFileException;
import io.lodestar.resolver.wire.ZoneViews;
import io.lodestar.resources.ip.IpLocator;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The authoritative DNS server of a node (CONTRACT §4): UDP and TCP on one host and port, answers
 * from the {@link Snapshot} the supplier gives, read once per query, so a published change is
 * visible to the next query. Start with {@link #start}, stop with {@link #close}.
 *
 * <pre>{@code
 * DnsServer dns = DnsServer.start(DnsConfig.parse("127.0.0.1:15353"), node::snapshot,
 *         locator, new UserGroups(regions), new PrometheusDnsMetrics(registry));
 * System.out.println("dns udp+tcp " + DnsServer.text(dns.udpAddress()));
 * }</pre>
 */
public final class DnsServer implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 8;

    private static final long QUERY_LOG_BYTES = 16L << 20;
    private static final int QUERY_LOG_FILES = 5;

    private final UdpPath udp;
    private final TcpListener tcp;
    private final QueryLog log;

    private final QueryPipeline pipeline;

    private DnsServer(UdpPath udp, TcpListener tcp, QueryLog log, QueryPipeline pipeline) {
        this.pipeline = pipeline;
        this.udp = udp;
        this.tcp = tcp;
        this.log = log;
    }

    /**
     * Binds UDP and TCP on {@code config.host():config.port()} (port 0: a free port, the same for
     * both) and starts serving.
     *
     * @throws BindException naming {@code host:port} when the address is taken or not local
     * @throws IOException   on any other failure to open the sockets
     */
    public static DnsServer start(DnsConfig config, Supplier<Snapshot> snapshots, IpLocator locator,
                                  UserGroups groups, DnsMetrics metrics) throws IOException {
        Objects.requireNonNull(snapshots, "snapshots");
        InetAddress host = InetAddress.getByName(config.host());
        Problems problems = new Problems(10_000);
        ZoneViews views = new ZoneViews(host.isAnyLocalAddress() ? null : host,
                message -> problems.report("zone file not served, generated apex only: " + message, null));
        QueryLog log = config.queryLogDir().isEmpty() ? null : new QueryLog(config.queryLogDir().get(),
                config.queryLogEvery(), QUERY_LOG_BYTES, QUERY_LOG_FILES, problems);
        QueryPipeline pipeline = new QueryPipeline(config, snapshots, views, locator, groups, metrics, log, problems);
        try {
            return bindAndStart(config, host, pipeline, problems, log);
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.close();
            }
            throw e;
        }
    }

    private static DnsServer bindAndStart(DnsConfig config, InetAddress host, QueryPipeline pipeline, Problems problems,
                                          QueryLog log) throws IOException {
        for (int attempt = 1; ; attempt++) {
            UdpPath udp = bindUdp(new InetSocketAddress(host, config.port()), pipeline, problems, config);
            TcpListener tcp;
            try {
                tcp = TcpListener.bind(new InetSocketAddress(host, udp.address().getPort()), pipeline, problems, config);
            } catch (IOException e) {
                int port = udp.address().getPort();
                udp.close();
                if (config.port() == 0 && attempt < PORT_ATTEMPTS) {
                    continue; // the free UDP port is taken on TCP: try another
                }
                throw busy("tcp", config.host(), port, e);
            }
            udp.start(config.udpThreads());
            tcp.start();
            return new DnsServer(udp, tcp, log, pipeline);
        }
    }

    private static UdpPath bindUdp(InetSocketAddress address, QueryPipeline pipeline, Problems problems,
                                   DnsConfig config) throws IOException {
        try {
            return UdpIo.bind(address, config.udpThreads(), pipeline, problems);
        } catch (IOException e) {
            throw busy("udp", config.host(), config.port(), e);
        }
    }

    private static BindException busy(String proto, String host, int port, IOException cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        BindException e = new BindException("dns " + proto + " " + text(host, port) + ": " + why);
        e.initCause(cause);
        return e;
    }

    /**
     * Answers one DNS message as if it had come over TCP from {@code source} (no truncation): the
     * same pipeline, snapshot, location and metrics as the listeners. HTTPDNS and DoH use this.
     * Null when there is nothing to reply (not a query).
     */
    public byte[] answer(byte[] query, InetAddress source) {
        return pipeline.handle(query, query.length, Transport.TCP, source);
    }

    /** Checks zone-file text as the server would load it for {@code zone}; the message names the problem. */
    public static void checkZoneFile(String zone, String text) throws ZoneFileException {
        ZoneViews.check(zone, text);
    }

    /** The bound UDP address (the real port when 0 was asked). */
    public InetSocketAddress udpAddress() {
        try {
            return udp.address();
        } catch (IOException e) {
            throw new IllegalStateException("dns server closed", e);
        }
    }

    /** UDP sockets bound (one per receiver thread where the platform has SO_REUSEPORT). */
    int udpSockets() {
        return udp.sockets();
    }

    /**
     * How UDP is served, for the log: {@code mmsg (recvmmsg/sendmmsg), 2 sockets} or
     * {@code nio (DatagramChannel), …} (ADR 0013; the system property {@code lodestar.udp} chooses).
     */
    public String udpIo() {
        return udp.io().text() + (udp.io() == UdpIo.MMSG ? " (recvmmsg/sendmmsg), " : " (DatagramChannel), ")
                + udp.sockets() + (udp.sockets() == 1 ? " socket" : " sockets");
    }

    /** The bound TCP address. */
    public InetSocketAddress tcpAddress() {
        return tcp.address();
    }

    /** {@code host:port}, IPv6 in brackets: the form of the ready line ({@code dns udp+tcp 127.0.0.1:15353}). */
    public static String text(InetSocketAddress a) {
        return text(a.getAddress().getHostAddress(), a.getPort());
    }

    private static String text(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Stops both listeners; queries in flight finish or are dropped, nothing half-written is sent. */
    @Override
    public void close() {
        try {
            udp.close();
        } catch (IOException e) {
            // closing: nothing to tell
        }
        try {
            tcp.close();
        } catch (IOException e) {
            // closing: nothing to tell
        }
        if (log != null) {
            log.close();
        }
    }
}
