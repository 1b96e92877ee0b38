package io.lodestar.resolver.demo;

import io.lodestar.engine.api.client.ContactGroupInfo;
import io.lodestar.engine.api.client.ContactInfo;
import io.lodestar.engine.api.client.DomainInfo;
import io.lodestar.engine.api.client.EndpointInfo;
import io.lodestar.engine.api.client.MonitorSettings;
import io.lodestar.engine.api.client.NodeClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's first-run workspace, so nothing is empty: a few domains with endpoints on loopback
 * addresses served by small local HTTP servers (health is measured, not pretended), monitors, a
 * recommended strategy tree per domain and a contact group. One endpoint has no server on purpose,
 * so a failing endpoint is visible from the start. Everything is created through the API client,
 * as an operator would; the servers live in this process and stop with {@link #close()}.
 */
public final class DemoWorkspace implements AutoCloseable {

    /** A demo endpoint: address, area, isp, and whether a server answers for it. */
    record Seat(String domain, String address, String area, String isp, String tag, boolean served) {
    }

    static final List<Seat> SEATS = List.of(
            new Seat("www.example.com", "127.0.0.2", "beijing.CN", "ct", "origin", true),
            new Seat("www.example.com", "127.0.0.3", "guangdong.CN", "ct", "origin", true),
            new Seat("www.example.com", "127.0.0.4", "shanghai.CN", "cu", "origin", true),
            new Seat("api.example.com", "127.0.0.5", "beijing.CN", "cm", "api", true),
            new Seat("api.example.com", "127.0.0.6", "sichuan.CN", "ct", "api", true),
            new Seat("api.example.com", "127.0.0.7", "zhejiang.CN", "cu", "legacy", false));

    private final DemoServers servers;

    private DemoWorkspace(DemoServers servers) {
        this.servers = servers;
    }

    /** Domains the demo owns. */
    public static Set<String> domains() {
        return SEATS.stream().map(Seat::domain).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** First run: starts the servers and creates the demo's domains, endpoints, monitors and strategies. */
    public static DemoWorkspace create(NodeClient client) throws IOException {
        DemoServers servers = DemoServers.start(servedAddresses(), 0);
        try {
            for (String d : domains()) {
                client.createDomain(d, true);
                List<EndpointInfo> rows = new ArrayList<>();
                SEATS.stream().filter(s -> s.domain().equals(d)).forEach(s ->
                        rows.add(EndpointInfo.of(d, s.address(), "A", s.area(), s.isp(), s.tag(), 1, true, true)));
                client.addEndpoints(rows);
                client.putMonitor(d, monitor(servers.port()));
                client.recommendStrategy(d);
                client.setStatus(d, "start");
            }
            client.createDomain("static.example.com", true);
            client.addEndpoints(List.of(EndpointInfo.of("static.example.com", "cdn.example.net", "CNAME", "none.CN", "other",
                    "cdn", 1, true, false)));
            client.putContact(new ContactInfo("ops", "ops@example.com", "", ""));
            client.putContactGroup(new ContactGroupInfo("oncall", List.of("ops")));
            return new DemoWorkspace(servers);
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    /**
     * Later runs: starts the servers again for the demo domains still present, on their monitor's
     * port (or a fresh one written to the monitor when that port is taken).
     */
    public static DemoWorkspace resume(NodeClient client) throws IOException {
        Set<String> present = client.domains().stream().map(DomainInfo::domain).collect(Collectors.toSet());
        List<String> kept = domains().stream().filter(present::contains).toList();
        if (kept.isEmpty()) {
            return new DemoWorkspace(DemoServers.start(List.of(), 0));
        }
        int port = client.monitor(kept.get(0)).port();
        DemoServers servers = DemoServers.start(servedAddresses(), port);
        if (servers.port() != port) {
            for (String d : kept) {
                MonitorSettings m = client.monitor(d);
                client.putMonitor(d, new MonitorSettings(m.protocol(), servers.port(), m.path(), m.host(), m.expectCodes(),
                        m.timeout(), m.interval(), m.threshold(), m.window(), m.minFailures(), m.method(), m.bodyContains(),
                        m.verifyTls(), true));
            }
        }
        return new DemoWorkspace(servers);
    }

    static MonitorSettings monitor(int port) {
        return new MonitorSettings("http", port, "/", "", "200", 1, 2, 80, 3, 2, "GET", "", false, true);
    }

    private static List<String> servedAddresses() {
        return SEATS.stream().filter(Seat::served).map(Seat::address).toList();
    }

    /** The port every demo server listens on. */
    public int port() {
        return servers.port();
    }

    /** Stops the server behind {@code address} (the endpoint goes {@code fail}); false if none ran. */
    public boolean stopServer(String address) {
        return servers.stop(address);
    }

    /** Starts the server behind {@code address} again (the endpoint recovers). */
    public void startServer(String address) throws IOException {
        servers.restart(address);
    }

    @Override
    public void close() {
        servers.close();
    }
}
