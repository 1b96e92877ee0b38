package io.lodestar.resolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the DNS listener (CONTRACT §1 {@code --dns HOST:PORT}); everything else has a
 * default suited to a small machine.
 *
 * @param host              address to bind, e.g. {@code 127.0.0.1}, {@code ::}, {@code 0.0.0.0}
 * @param port              0–65535; 0 picks a free port (the same one for UDP and TCP)
 * @param maxUdpPayload     the most bytes an answer over UDP may take, whatever the client
 *                          advertises (512–4096; default 1232, DNS Flag Day 2020)
 * @param tcpIdleTimeout    a TCP connection with no complete query for this long is closed (RFC 7766 §6.2.3)
 * @param maxTcpConnections connections served at once; further ones are closed on accept
 * @param udpThreads        UDP receiver threads, each on its own SO_REUSEPORT socket (1–8)
 * @param transfers         who may ask for AXFR/IXFR (see {@link TransferPolicy})
 * @param queryLogDir       where the sampled query log goes ({@code queries.log}, rotated), if anywhere
 * @param queryLogEvery     one query in this many is logged (≥ 1)
 */
public record DnsConfig(String host, int port, int maxUdpPayload, Duration tcpIdleTimeout, int maxTcpConnections,
                        int udpThreads, TransferPolicy transfers, Optional<Path> queryLogDir, int queryLogEvery) {

    public static final int DEFAULT_MAX_UDP_PAYLOAD = 1232;
    public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_TCP_CONNECTIONS = 64;
    /** One receiver thread (and socket) per processor this JVM may use, 1–8. */
    public static final int DEFAULT_UDP_THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    public DnsConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tcpIdleTimeout, "tcpIdleTimeout");
        Objects.requireNonNull(transfers, "transfers");
        Objects.requireNonNull(queryLogDir, "queryLogDir");
        if (queryLogEvery < 1) {
            throw new IllegalArgumentException("queryLogEvery must be ≥ 1: " + queryLogEvery);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("dns port out of range: " + port);
        }
        if (maxUdpPayload < 512 || maxUdpPayload > 4096) {
            throw new IllegalArgumentException("maxUdpPayload must be 512–4096: " + maxUdpPayload);
        }
        if (tcpIdleTimeout.toMillis() < 50) {
            throw new IllegalArgumentException("tcpIdleTimeout too short: " + tcpIdleTimeout);
        }
        if (maxTcpConnections < 1 || udpThreads < 1 || udpThreads > 8) {
            throw new IllegalArgumentException("maxTcpConnections ≥ 1 and udpThreads 1–8");
        }
    }

    /** Defaults on {@code host:port}. */
    public static DnsConfig of(String host, int port) {
        return new DnsConfig(host, port, DEFAULT_MAX_UDP_PAYLOAD, DEFAULT_TCP_IDLE_TIMEOUT,
                DEFAULT_MAX_TCP_CONNECTIONS, DEFAULT_UDP_THREADS, TransferPolicy.NONE, Optional.empty(), 1000);
    }

    /** Parses {@code HOST:PORT} ({@code [v6]:PORT} for IPv6), as the {@code --dns} option takes it. */
    public static DnsConfig parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return of(host, Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'", e);
        }
    }

    public DnsConfig withMaxUdpPayload(int bytes) {
        return new DnsConfig(host, port, bytes, tcpIdleTimeout, maxTcpConnections, udpThreads, transfers,
                queryLogDir, queryLogEvery);
    }

    public DnsConfig withTcpIdleTimeout(Duration d) {
        return new DnsConfig(host, port, maxUdpPayload, d, maxTcpConnections, udpThreads, transfers,
                queryLogDir, queryLogEvery);
    }

    public DnsConfig withMaxTcpConnections(int n) {
        return new DnsConfig(host, port, maxUdpPayload, tcpIdleTimeout, n, udpThreads, transfers,
                queryLogDir, queryLogEvery);
    }

    public DnsConfig withUdpThreads(int n) {
        return new DnsConfig(host, port, maxUdpPayload, tcpIdleTimeout, maxTcpConnections, n, transfers,
                queryLogDir, queryLogEvery);
    }

    public DnsConfig withTransfers(TransferPolicy p) {
        return new DnsConfig(host, port, maxUdpPayload, tcpIdleTimeout, maxTcpConnections, udpThreads, p,
                queryLogDir, queryLogEvery);
    }

    /** Logs one query in {@code every} to {@code dir/queries.log} (rotated at 16 MB, 5 files kept). */
    public DnsConfig withQueryLog(Path dir, int every) {
        return new DnsConfig(host, port, maxUdpPayload, tcpIdleTimeout, maxTcpConnections, udpThreads, transfers,
                Optional.of(dir), every);
    }
}
