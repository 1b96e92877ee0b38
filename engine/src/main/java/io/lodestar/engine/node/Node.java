package io.lodestar.engine.node;

import io.lodestar.engine.api.ApiJson;
import io.lodestar.engine.cluster.Cluster;
import io.lodestar.engine.cluster.ClusterRoutes;
import io.lodestar.engine.api.ApiServer;
import io.lodestar.engine.health.HealthMonitor;
import io.lodestar.engine.health.PrometheusHealthMetrics;
import io.lodestar.engine.health.Probers;
import io.lodestar.engine.notify.Limits;
import io.lodestar.engine.notify.Notifier;
import java.util.SplittableRandom;
import io.lodestar.engine.api.ManagementApi;
import io.lodestar.engine.api.MetricsEndpoint;
import io.lodestar.engine.api.TlsContexts;
import io.lodestar.engine.config.Context;
import io.lodestar.engine.config.SimulationService;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.engine.config.MailService;
import io.lodestar.engine.config.Services;
import io.lodestar.engine.config.ZoneService;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.seedjson.SeedJson;
import io.lodestar.engine.store.Database;
import io.lodestar.engine.store.Store;
import io.lodestar.engine.traffic.RampController;
import io.lodestar.engine.strategy.Recommender;
import io.lodestar.resources.region.Regions;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A node's engine half: the store, the configuration services, the snapshot publisher and the
 * management API. The resolver's {@code NodeMain} adds the DNS server on {@link #snapshots()}.
 * Embedded in the console and run headless, it is the same object.
 */
public final class Node implements AutoCloseable {

    /** CONTRACT §1 options that concern the engine. */
    public record Config(Path dataDir, String zone, InetSocketAddress api, Optional<String> adminToken, String site,
                         Optional<Path> tlsCert, Optional<Path> tlsKey, Optional<String> zoneFileText,
                         Optional<String> advertise, Optional<java.net.InetAddress> probeFrom, Optional<Path> peerCa) {
        public Config(Path dataDir, String zone, InetSocketAddress api, Optional<String> adminToken, String site,
                      Optional<Path> tlsCert, Optional<Path> tlsKey, Optional<String> zoneFileText) {
            this(dataDir, zone, api, adminToken, site, tlsCert, tlsKey, zoneFileText, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    private final Database db;
    private final Publisher publisher;
    private final Services services;
    private final HealthBook health;
    private final PrometheusRegistry registry;
    private final ApiServer api;
    private final ZoneService zone;
    private final Optional<String> generatedAdminToken;
    private final Notifier notifier;
    private final HealthMonitor monitor;
    private final Cluster cluster;
    private final RampController ramps;

    /** How often gray migrations are checked: their hold times and health gates. */
    static final java.time.Duration RAMP_TICK = java.time.Duration.ofMillis(200);

    private Node(Database db, Publisher publisher, Services services, HealthBook health, PrometheusRegistry registry,
                 ApiServer api, ZoneService zone, Optional<String> generatedAdminToken, Notifier notifier,
                 HealthMonitor monitor, Cluster cluster, RampController ramps) {
        this.cluster = cluster;
        this.ramps = ramps;
        this.notifier = notifier;
        this.monitor = monitor;
        this.db = db;
        this.publisher = publisher;
        this.services = services;
        this.health = health;
        this.registry = registry;
        this.api = api;
        this.zone = zone;
        this.generatedAdminToken = generatedAdminToken;
    }

    /**
     * Opens the data folder, loads and publishes every domain, and starts the API.
     *
     * @throws IOException with a one-line reason (e.g. the API port is busy)
     */
    public static Node start(Config c, Regions regions, IpLocator locator, ZoneService.ZoneCheck zoneCheck,
                             PrometheusRegistry registry) throws IOException, GeneralSecurityException {
        if (c.tlsCert().isPresent() != c.tlsKey().isPresent()) {
            throw new IOException("--tls-cert and --tls-key go together");
        }
        Optional<SSLContext> tls = c.tlsCert().isPresent()
                ? Optional.of(TlsContexts.fromPem(c.tlsCert().get(), c.tlsKey().get())) : Optional.empty();
        Files.createDirectories(c.dataDir());
        restrict(c.dataDir(), "rwx------");
        Database db = Database.open(c.dataDir().resolve("lodestar.db"));
        List<AutoCloseable> started = new ArrayList<>();
        started.add(db);
        try {
            SeedJson seedJson = new SeedJson(regions);
            Store store = new Store(db, seedJson, Clock.systemUTC());
            HealthBook health = new HealthBook();
            Notifier notifier = new Notifier(store, Optional.empty(), secret(c.dataDir().resolve("webhook.secret")),
                    Limits.defaults(), Clock.systemUTC(), new SplittableRandom(), registry);
            started.add(0, notifier);
            Publisher publisher = new Publisher(store, regions, new StrategyCompiler(new UserGroups(regions)), health,
                    c.zone(), new NodeMetrics(registry), notifier::alert);
            Context ctx = new Context(store, publisher, regions, health, seedJson, new Recommender(regions),
                    Snapshot.normalise(c.zone()));
            Services services = new Services(ctx, notifier::alert);
            ZoneService zone = new ZoneService(ctx, zoneCheck, c.dataDir());
            if (c.zoneFileText().isPresent()) {
                zone.put("node", c.zoneFileText().get());
            } else {
                Optional<String> stored = zone.current();
                if (stored.isPresent()) {
                    publisher.zoneFile(stored, "zone file loaded");
                }
            }
            Optional<String> generated = services.tokens().bootstrap(c.adminToken())
                    .filter(secret -> c.adminToken().isEmpty());
            if (generated.isPresent()) {
                writeSecret(c.dataDir().resolve("admin.token"), generated.get());
            }
            Optional<javax.net.ssl.SSLContext> peerTls = c.peerCa().isPresent()
                    ? Optional.of(TlsContexts.trusting(c.peerCa().get())) : Optional.empty();
            Cluster cluster = Cluster.open(new Cluster.Setup(c.site(), Snapshot.normalise(c.zone()), c.advertise().orElse(""),
                    Cluster.Setup.TICK, Cluster.Setup.STALE, peerTls), c.dataDir(), store, publisher, zone, regions, seedJson,
                    services.tokens(), health, Clock.systemUTC());
            started.add(0, cluster);
            publisher.loadAll("node started");
            ApiJson json = new ApiJson();
            java.util.concurrent.atomic.AtomicReference<HealthMonitor> monitorRef = new java.util.concurrent.atomic.AtomicReference<>();
            MailService mail = new MailService(ctx, notifier, c.dataDir());
            ManagementApi routes = new ManagementApi(services, json, new MetricsEndpoint(registry), zone, notifier, mail,
                    new SimulationService(ctx, locator), monitorRef::get);
            String version = Node.class.getPackage().getImplementationVersion() == null ? "dev"
                    : Node.class.getPackage().getImplementationVersion();
            ApiServer api = ApiServer.start(c.api(), tls, ClusterRoutes.wrap(routes.router(), cluster, json, version),
                    services.tokens()::authenticate, json.mapper());
            started.add(0, api);
            cluster.advertise(c.advertise().orElse((tls.isPresent() ? "https://" : "http://") + hostPort(api.address())));
            HealthWiring wiring = new HealthWiring(store, health, publisher, notifier);
            HealthMonitor monitor = new HealthMonitor(c.site(), Probers.system(Probers.Options.defaults().from(c.probeFrom())),
                    new PrometheusHealthMetrics(registry), wiring::changed, Clock.systemUTC(), System::nanoTime,
                    new SplittableRandom(), HealthMonitor.DEFAULT_RECHECK);
            started.add(0, monitor);
            monitorRef.set(monitor);
            wiring.after(services.traffic()::verdictsChanged);
            wiring.retarget(monitor);
            publisher.onReloaded(cluster::domainsChanged);
            publisher.onReload(() -> {
                wiring.retarget(monitor);
                cluster.configChanged();
            });
            cluster.attach(monitor);
            monitor.start();
            RampController ramps = new RampController(store, rampGate(health, monitor),
                    (names, reason) -> publisher.reload(names, ReloadReason.changed(reason)), notifier::alert, Clock.systemUTC());
            started.add(0, ramps);
            ramps.start(RAMP_TICK);
            return new Node(db, publisher, services, health, registry, api, zone, generated, notifier, monitor, cluster, ramps);
        } catch (io.lodestar.engine.validate.ValidationException e) {
            closeAll(started, e);
            throw new IOException("--zone-file: " + e.getMessage(), e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    /**
     * A ramp's health gate: {@code to} is not failing by the verdicts and, with a bound, no monitor
     * point's latest successful probe of it took longer.
     */
    static RampController.Gate rampGate(HealthBook health, HealthMonitor monitor) {
        return (domain, endpoint, maxLatencyMs) -> {
            if (health.state(domain, endpoint) == io.lodestar.engine.store.HealthEvent.State.FAIL) {
                return Optional.of(endpoint + " is down");
            }
            if (maxLatencyMs > 0) {
                for (io.lodestar.engine.health.EndpointStatus st : monitor.status(domain)) {
                    if (!st.endpoint().equals(endpoint)) {
                        continue;
                    }
                    for (var e : st.latest().entrySet()) {
                        long ms = e.getValue().latency().toMillis();
                        if (e.getValue().failure().isEmpty() && ms > maxLatencyMs) {
                            return Optional.of(endpoint + " probe latency " + ms + " ms from " + e.getKey()
                                    + " is over " + maxLatencyMs + " ms");
                        }
                    }
                }
            }
            return Optional.empty();
        };
    }

    /** Undoes a failed start, newest first. */
    private static void closeAll(List<AutoCloseable> started, Exception cause) {
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** The node's webhook signing secret, created on first start (mode 0600). */
    private static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        String s = io.lodestar.engine.config.TokenService.newSecret();
        writeSecret(file, s);
        return s;
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        restrict(tmp, "rw-------");
        Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already
        }
    }

    /** What DNS answers from: read once per query. */
    public Supplier<Snapshot> snapshots() {
        return publisher::current;
    }

    public Publisher publisher() {
        return publisher;
    }

    public Services services() {
        return services;
    }

    public HealthBook health() {
        return health;
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public ZoneService zone() {
        return zone;
    }

    public InetSocketAddress apiAddress() {
        return api.address();
    }

    /** The admin token if this start generated one (it is also in DIR/admin.token). */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Stops the API (in-flight requests finish) and closes the database. */
    public Notifier notifier() {
        return notifier;
    }

    public HealthMonitor healthMonitor() {
        return monitor;
    }

    /** This node's place among nodes (control, member or standalone). */
    public Cluster cluster() {
        return cluster;
    }

    private static String hostPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    @Override
    public void close() {
        ramps.close();
        cluster.close();
        api.close();
        monitor.stop();
        notifier.close();
        synchronized (publisher) {
            db.close();
        }
    }
}
