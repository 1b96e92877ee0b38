package io.lodestar.resolver;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.DomainStatus;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.node.Snapshot;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;

/**
 * A real DNS server on 127.0.0.1, port 0, answering from snapshots built of real engine objects:
 * the engine's scenario strategies ({@code engine/src/test/resources/scenarios}) parsed by
 * {@link SeedJson}, resolved and compiled. Clients are dnsjava's {@link SimpleResolver}.
 */
final class TestNode implements AutoCloseable {

    static final Regions REGIONS = Regions.load();
    static final UserGroups GROUPS = new UserGroups(REGIONS);
    static final IpLocator LOCATOR = IpLocator.load(REGIONS);
    static final String ZONE = "gtm.lodestar.test";
    static final Path SCENARIOS = Path.of("..", "engine", "src", "test", "resources", "scenarios");

    final AtomicReference<Snapshot> snapshot;
    final DnsServer server;

    private TestNode(AtomicReference<Snapshot> snapshot, DnsServer server) {
        this.snapshot = snapshot;
        this.server = server;
    }

    static TestNode start(Snapshot first) throws IOException {
        return start(DnsConfig.of("127.0.0.1", 0), first, DnsMetrics.NONE);
    }

    static TestNode start(DnsConfig config, Snapshot first, DnsMetrics metrics) throws IOException {
        AtomicReference<Snapshot> ref = new AtomicReference<>(first);
        return new TestNode(ref, DnsServer.start(config, ref::get, LOCATOR, GROUPS, metrics));
    }

    /** The plan of an engine scenario for {@code domain}, every endpoint up, unless named {@code down}. */
    static AnswerPlan plan(String scenario, Domain domain, Set<String> down) {
        try {
            String json = Files.readString(SCENARIOS.resolve(scenario).resolve("strategy.json"));
            SeedJson.Document doc = new SeedJson(REGIONS).read(json, domain.name());
            List<Endpoint> endpoints = doc.endpointsConf();
            StrategyTree tree = StrategyTree.resolve(doc.strategy(), endpoints, REGIONS);
            return new StrategyCompiler(GROUPS).compile(domain, tree, endpoints, e -> !down.contains(e.key()));
        } catch (Exception e) {
            throw new IllegalStateException("scenario " + scenario + ": " + e, e);
        }
    }

    static Domain domain(String name, DomainStatus status, int ttl) {
        return new Domain(name, true, status, ttl);
    }

    /** A managed domain {@code name} answering at {@code name.gtm.lodestar.test} from a scenario. */
    static DomainEntry entry(String name, String scenario) {
        Domain d = domain(name, DomainStatus.START, Domain.DEFAULT_TTL);
        return new DomainEntry(d, plan(scenario, d, Set.of()));
    }

    static Snapshot snapshot(long version, String zoneFile, DomainEntry... entries) {
        Map<String, DomainEntry> byName = new LinkedHashMap<>();
        for (DomainEntry e : entries) {
            byName.put(e.domain().accessName(ZONE), e);
        }
        return new Snapshot(version, ZONE, byName, Optional.ofNullable(zoneFile));
    }

    static String access(String domain) {
        return domain + "." + ZONE + ".";
    }

    InetSocketAddress udp() {
        return server.udpAddress();
    }

    /** A resolver without EDNS. */
    SimpleResolver resolver(boolean tcp) {
        SimpleResolver r = new SimpleResolver(server.udpAddress());
        r.setTCP(tcp);
        r.setTimeout(Duration.ofSeconds(3));
        r.setIgnoreTruncation(true);
        r.setEDNS(-1, 0, 0, List.of());
        return r;
    }

    /** A resolver with EDNS(0) advertising {@code payload} and, if {@code subnet} is given, ECS {@code a.b.c.d/len}. */
    SimpleResolver resolver(boolean tcp, int payload, String subnet) {
        SimpleResolver r = resolver(tcp);
        List<EDNSOption> options = List.of();
        if (subnet != null) {
            String[] p = subnet.split("/");
            try {
                options = List.of(new ClientSubnetOption(Integer.parseInt(p[1]), InetAddress.getByName(p[0])));
            } catch (IOException e) {
                throw new IllegalArgumentException(subnet, e);
            }
        }
        r.setEDNS(0, payload, 0, options);
        return r;
    }

    static Message ask(SimpleResolver r, String name, int type) throws IOException {
        return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    /** Where the locator puts an address, as {@code area/isp}. */
    static String located(String ip) throws IOException {
        var l = LOCATOR.locate(InetAddress.getByName(ip));
        return l.area() + "/" + l.isp();
    }

    @Override
    public void close() {
        server.close();
    }
}
