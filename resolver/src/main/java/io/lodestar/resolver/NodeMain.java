package io.lodestar.resolver;

import io.lodestar.engine.node.Node;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import io.lodestar.resolver.wire.ZoneFileException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code ./lodestar node}: the engine's {@link Node} (store, API, publisher) plus the DNS server
 * answering from its snapshots. Prints one line per listener when ready, exits non-zero with a
 * one-line reason on a bad option or a busy port, and stops cleanly on SIGTERM (the API finishes
 * in-flight requests, then the database closes; nothing is half-written).
 */
public final class NodeMain implements AutoCloseable {

    private final Node node;
    private final DnsServer dns;
    private final Optional<HttpDnsServer> httpDns;

    private NodeMain(Node node, DnsServer dns, Optional<HttpDnsServer> httpDns) {
        this.node = node;
        this.dns = dns;
        this.httpDns = httpDns;
    }

    /** Starts a node; the embedded console node and tests use this directly. */
    public static NodeMain start(NodeOptions o, Regions regions, IpLocator locator) throws IOException, GeneralSecurityException {
        Optional<String> zoneText = Optional.empty();
        if (o.zoneFile().isPresent()) {
            try {
                zoneText = Optional.of(Files.readString(o.zoneFile().get(), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new IOException("--zone-file: no such file " + o.zoneFile().get());
            }
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        Node node = Node.start(new Node.Config(o.data(), o.zone(), o.api(), o.adminToken(), o.site(), o.tlsCert(),
                o.tlsKey(), zoneText, o.advertise(), o.probeFrom(), o.peerCa()), regions, locator, NodeMain::zoneProblems, registry);
        try {
            DnsConfig config = DnsConfig.of(o.dns().getAddress().getHostAddress(), o.dns().getPort())
                    .withTransfers(client -> o.axfrAllow().stream().anyMatch(c -> c.matches(client.getAddress())));
            PrometheusDnsMetrics metrics = new PrometheusDnsMetrics(registry);
            DnsServer dns = DnsServer.start(config, node.snapshots(), locator, new UserGroups(regions), metrics);
            node.cluster().queries(metrics::total);
            Optional<HttpDnsServer> http = Optional.empty();
            if (o.httpDns().isPresent()) {
                try {
                    http = Optional.of(HttpDnsServer.start(o.httpDns().get(), dns::answer, o.zone()));
                } catch (IOException e) {
                    dns.close();
                    throw e;
                }
            }
            return new NodeMain(node, dns, http);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** The engine's zone check, done by the parser the DNS server loads zones with. */
    static java.util.List<String> zoneProblems(String text, String zone) {
        try {
            DnsServer.checkZoneFile(zone, text);
            return java.util.List.of();
        } catch (ZoneFileException e) {
            return java.util.List.of(e.getMessage());
        }
    }

    public Node node() {
        return node;
    }

    public DnsServer dns() {
        return dns;
    }

    /** The ready lines of CONTRACT §1. */
    public void printReady(PrintStream out, NodeOptions o) {
        InetSocketAddress d = dns.udpAddress();
        out.println("dns udp+tcp " + hostPort(d));
        out.println("api " + (o.tlsCert().isPresent() ? "https" : "http") + "://" + hostPort(node.apiAddress()));
        httpDns.ifPresent(h -> out.println("http-dns http://" + hostPort(h.address()) + "/d /dns-query"));
        node.generatedAdminToken().ifPresent(t -> out.println("admin token written to " + o.data().resolve("admin.token")));
        out.flush();
        LoggerFactory.getLogger("io.lodestar.resolver").info("dns udp: {}", dns.udpIo()); // once all listeners are up
    }

    private static String hostPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    /** The HTTPDNS / DoH listener, when {@code --http-dns} was given. */
    public Optional<HttpDnsServer> httpDns() {
        return httpDns;
    }

    @Override
    public void close() {
        httpDns.ifPresent(HttpDnsServer::close);
        dns.close();
        node.close();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs until SIGTERM/SIGINT; returns the exit code (0 clean stop, 1 cannot start, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.println(NodeOptions.USAGE);
            return 0;
        }
        NodeOptions o;
        try {
            o = NodeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("lodestar node: " + e.getMessage());
            return 2;
        }
        NodeMain main;
        try {
            Regions regions = Regions.load();
            main = start(o, regions, IpLocator.load(regions));
        } catch (BindException e) {
            err.println("lodestar node: cannot listen: " + e.getMessage());
            return 1;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("lodestar node: " + oneLine(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            main.close();
            stopped.countDown();
        }, "lodestar-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        main.printReady(out, o);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
