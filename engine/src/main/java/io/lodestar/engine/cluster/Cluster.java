package io.lodestar.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.api.ApiException;
import io.lodestar.engine.config.TokenService;
import io.lodestar.engine.health.HealthMonitor;
import io.lodestar.engine.health.ProbeResult;
import io.lodestar.engine.health.ProbeTarget;
import io.lodestar.engine.node.HealthBook;
import io.lodestar.engine.validate.ValidationException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's place in a deployment of nodes (ARCHITECTURE "Remote nodes", ADR 0007).
 *
 * <ul>
 *   <li>Control node: adds and removes members; after every configuration change builds the next
 *       numbered snapshot and pushes it to every member, re-pushing to any that lags; relays probe
 *       results between all monitor points.</li>
 *   <li>Member: accepts snapshots only from the control node pinned when it joined; exchanges probe
 *       results with it every second and pulls a newer snapshot it learns of (so a member that was
 *       down catches up); refuses configuration writes through its own API.</li>
 * </ul>
 * Every node judges endpoints by the threshold rule over the points it hears from, with the
 * deployment's number of points as the least denominator; one it cannot hear makes it degraded.
 */
public final class Cluster implements AutoCloseable {

    /** Start options that concern the cluster. */
    /** @param peerTls how calls to other nodes over HTTPS check their certificates (default: the JVM's trust store) */
    public record Setup(String site, String zone, String advertiseUrl, Duration tick, Duration staleAfter,
                        java.util.Optional<javax.net.ssl.SSLContext> peerTls) {
        public static final Duration TICK = Duration.ofSeconds(1);
        public static final Duration STALE = Duration.ofSeconds(5);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    private static final int MAX_OUTBOX = 50_000;

    private final Setup setup;
    private final ClusterStateFile stateFile;
    private final Replication replication;
    private final TokenService tokens;
    private final HealthBook health;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PeerClient peers;
    private final PeerClient transfers;
    private final ObservationHub hub = new ObservationHub(100_000);
    private final ConcurrentLinkedQueue<ObjectNode> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outboxSize = new AtomicInteger();
    private final Map<String, MemberView> views = new ConcurrentHashMap<>();
    private final Set<String> pushing = ConcurrentHashMap.newKeySet();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private volatile boolean fullExport = true;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.ExecutorService pushers;
    private final io.lodestar.engine.store.Store store;
    private volatile ClusterState state;
    private volatile String advertiseUrl;
    private volatile HealthMonitor monitor;
    private volatile LongSupplier queries = () -> 0;
    // member side
    private volatile Optional<Instant> controlContact = Optional.empty();
    private volatile String controlError = "";
    private volatile long cursor;
    private volatile Set<String> liveSites = Set.of();

    Cluster(Setup setup, ClusterStateFile stateFile, ClusterState state, Replication replication, TokenService tokens,
            HealthBook health, Clock clock, io.lodestar.engine.store.Store store) {
        this.store = store;
        this.setup = setup;
        this.peers = new PeerClient(Duration.ofSeconds(10), setup.peerTls());
        this.transfers = new PeerClient(Duration.ofMinutes(5), setup.peerTls());
        this.advertiseUrl = setup.advertiseUrl();
        this.stateFile = stateFile;
        this.state = state;
        this.replication = replication;
        this.tokens = tokens;
        this.health = health;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lodestar-cluster"));
        this.pushers = Executors.newFixedThreadPool(4, daemon("lodestar-cluster-push"));
    }

    /**
     * Opens this node's cluster state (made on first start). A member makes its store match the
     * last good snapshot on disk before the node publishes, so it answers from it at once.
     */
    public static Cluster open(Setup setup, java.nio.file.Path dataDir, io.lodestar.engine.store.Store store,
                               io.lodestar.engine.node.Publisher publisher, io.lodestar.engine.config.ZoneService zone,
                               io.lodestar.resources.region.Regions regions, io.lodestar.engine.seedjson.SeedJson seedJson,
                               TokenService tokens, HealthBook health, Clock clock) throws IOException {
        ClusterStateFile file = new ClusterStateFile(dataDir);
        ClusterState state = file.load();
        SnapshotCodec codec = new SnapshotCodec();
        Replication r = new Replication(store, publisher, zone, io.lodestar.engine.node.Snapshot.normalise(setup.zone()),
                regions, seedJson, new SnapshotFile(dataDir, codec), codec, clock);
        if (state.memberRole()) {
            r.restore();
        } else {
            r.load();
        }
        return new Cluster(setup, file, state, r, tokens, health, clock, store);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The URL members call this node at (the API's address unless {@code --advertise} names another). */
    public void advertise(String url) {
        this.advertiseUrl = url;
    }

    public String id() {
        return state.id();
    }

    public String role() {
        return state.role();
    }

    /** The pinned control node's URL if this node is a member. */
    public Optional<String> controlUrl() {
        return state.control().map(ClusterState.Control::url);
    }

    public long snapshotVersion() {
        return replication.version();
    }

    /** Where the count of DNS queries answered comes from (the resolver supplies it), for per-node rates. */
    public void queries(LongSupplier counter) {
        this.queries = counter;
    }

    /** Joins the health monitor: shares its results, sets the number of points, starts the timers. */
    public void attach(HealthMonitor m) {
        this.monitor = m;
        m.onLocalResults(this::measured);
        m.quorum(quorum());
        configChanged();
        timer.scheduleWithFixedDelay(this::tick, 0, setup.tick().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** These domains were re-read from the store: the next snapshot exports them again. */
    public void domainsChanged(java.util.Collection<String> names) {
        dirty.addAll(names);
    }

    /** The configuration changed (publisher reload or zone): a control node builds and pushes the next snapshot. */
    public void configChanged() {
        if (state.controlRole()) {
            timer.execute(this::rebuild);
        }
    }

    // ---- control node -------------------------------------------------------------------------

    /** {@code POST /v1/nodes}: makes the node at {@code url} a member of this one, with a token it issued. */
    public synchronized Map<String, Object> add(String actor, String url, String memberToken) throws ApiException, IOException {
        if (state.memberRole()) {
            throw memberRefusal();
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || memberToken == null || memberToken.isBlank()) {
            throw ApiException.badRequest("InvalidParameter.url", "url: give the member's API URL (http://host:port) and token");
        }
        PeerClient.Reply hello = call("GET", url, "/v1/cluster/hello", memberToken, null);
        JsonNode h = mapper.readTree(hello.body());
        String memberId = h.path("id").asText();
        if (memberId.equals(state.id())) {
            throw ApiException.badRequest("InvalidParameter.url", "url: " + url + " is this node itself");
        }
        if (!h.path("zone").asText().equals(setup.zone())) {
            throw ApiException.badRequest("InvalidParameter.url", "url: that node serves zone " + h.path("zone").asText()
                    + ", this one " + setup.zone() + "; start it with --zone " + setup.zone());
        }
        String tokenName = "node-" + memberId;
        if (tokens.list().stream().anyMatch(t -> t.name().equals(tokenName))) {
            dropToken(actor, tokenName);
        }
        TokenService.Issued issued;
        try {
            issued = tokens.create(actor, tokenName, "read");
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode join = mapper.createObjectNode().put("controlId", state.id()).put("controlUrl", advertiseUrl)
                .put("token", issued.secret()).put("zone", setup.zone());
        try {
            call("POST", url, "/v1/cluster/join", memberToken, mapper.writeValueAsBytes(join));
        } catch (ApiException | IOException e) {
            dropToken(actor, tokenName);
            throw e;
        }
        List<ClusterState.Member> members = new ArrayList<>();
        state.members().stream().filter(m -> !m.id().equals(memberId)).forEach(members::add);
        members.add(new ClusterState.Member(memberId, url, memberToken, h.path("site").asText(), tokenName));
        save(state.withMembers(members));
        audit(actor, "node.add", memberId, Optional.empty(), Optional.of("{\"url\":" + mapper.writeValueAsString(url)
                + ",\"site\":" + mapper.writeValueAsString(h.path("site").asText()) + "}"));
        views.put(memberId, MemberView.unknown());
        afterMembershipChange();
        return describe(members.get(members.size() - 1));
    }

    /** {@code DELETE /v1/nodes}: the member stops being one (told so if reachable) and keeps its last configuration. */
    public synchronized void remove(String actor, String idOrUrl) throws ApiException, IOException {
        ClusterState.Member m = member(idOrUrl);
        try {
            call("DELETE", m.url(), "/v1/cluster/join", m.token(), null);
        } catch (ApiException | IOException e) {
            LOG.warn("member {} not told it was removed: {}", m.id(), e.getMessage());
        }
        if (tokens.list().stream().anyMatch(t -> t.name().equals(m.tokenName()))) {
            dropToken(actor, m.tokenName());
        }
        List<ClusterState.Member> rest = state.members().stream().filter(x -> !x.id().equals(m.id())).toList();
        save(state.withMembers(rest));
        audit(actor, "node.remove", m.id(), Optional.of("{\"url\":" + mapper.writeValueAsString(m.url())
                + ",\"site\":" + mapper.writeValueAsString(m.site()) + "}"), Optional.empty());
        views.remove(m.id());
        if (monitor != null) {
            monitor.forgetPoint(m.site());
        }
        afterMembershipChange();
    }

    /** {@code POST /v1/nodes/{id}/push}: retries a member's push now. */
    public void retry(String idOrUrl) throws ApiException {
        ClusterState.Member m = member(idOrUrl);
        push(m);
    }

    private ClusterState.Member member(String idOrUrl) throws ApiException {
        return state.members().stream().filter(x -> x.id().equals(idOrUrl) || x.url().equals(idOrUrl)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no member node '" + idOrUrl + "'"));
    }

    private void audit(String actor, String action, String target, Optional<String> before, Optional<String> after) {
        store.transaction(tx -> tx.audit().append(actor, action, target, before, after));
    }

    private void dropToken(String actor, String name) {
        try {
            tokens.delete(actor, name);
        } catch (io.lodestar.engine.config.NotFound gone) {
            // already gone
        }
    }

    private void afterMembershipChange() {
        if (monitor != null) {
            monitor.quorum(quorum());
        }
        timer.execute(this::rebuild);
    }

    private void rebuild() {
        if (!state.controlRole()) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            Set<String> names = new java.util.HashSet<>();
            for (java.util.Iterator<String> it = dirty.iterator(); it.hasNext(); ) {
                names.add(it.next());
                it.remove();
            }
            Optional<ClusterSnapshot> s = replication.build(state.id(), state.version(), points(),
                    fullExport ? Optional.empty() : Optional.of(names));
            fullExport = false;
            if (s.isPresent()) {
                save(state.withVersion(s.get().version()));
                LOG.info("snapshot {} built in {} ms ({} bytes)", s.get().version(), (System.nanoTime() - t0) / 1_000_000,
                        replication.wire().length);
            }
            state.members().forEach(this::push);
        } catch (IOException | RuntimeException e) {
            LOG.error("snapshot not built: {}", e.getMessage());
        }
    }

    /** Pushes the current snapshot to a member that does not have it yet (at most one push per member in flight). */
    private void push(ClusterState.Member m) {
        long v = replication.version();
        if (v == 0 || views.getOrDefault(m.id(), MemberView.unknown()).version() >= v || !pushing.add(m.id())) {
            return;
        }
        pushers.execute(() -> {
            try {
                PeerClient.Reply r = transfers.call("PUT", m.url(), "/v1/cluster/snapshot", m.token(), replication.wire());
                if (r.ok()) {
                    views.compute(m.id(), (k, old) -> (old == null ? MemberView.unknown() : old).pushed(v, clock.instant()));
                } else {
                    String why = "push of snapshot " + v + " refused: " + PeerClient.reason(r);
                    views.compute(m.id(), (k, old) -> (old == null ? MemberView.unknown() : old).failed(why));
                    LOG.warn("member {}: {}", m.id(), why);
                }
            } catch (IOException e) {
                String why = "unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                views.compute(m.id(), (k, old) -> (old == null ? MemberView.unknown() : old).failed(why));
            } finally {
                pushing.remove(m.id());
            }
        });
    }

    /** {@code GET /v1/cluster/snapshot} for a member. */
    public byte[] snapshotFor(String principal) throws ApiException {
        memberByToken(principal);
        if (replication.version() == 0) {
            throw ApiException.notFound("no snapshot yet");
        }
        return replication.wire();
    }

    /** {@code POST /v1/cluster/exchange}: a member's results and status in, everyone else's results out. */
    public ObjectNode exchange(String principal, byte[] body) throws ApiException, IOException {
        ClusterState.Member m = memberByToken(principal);
        JsonNode in = mapper.readTree(body);
        Instant now = clock.instant();
        List<String> failing = new ArrayList<>();
        in.path("failing").forEach(f -> failing.add(f.asText()));
        views.compute(m.id(), (k, old) -> (old == null ? MemberView.unknown() : old).reported(in.path("version").asLong(),
                now, failing, in.path("queries").asLong(), in.path("degraded").asBoolean()));
        HealthMonitor hm = monitor;
        for (JsonNode o : in.path("results")) {
            Optional<ProbeResult> r = Observations.read(o);
            if (r.isPresent()) {
                hub.add(m.site(), o.path("domain").asText(), o.path("endpoint").asText(), r.get());
                if (hm != null) {
                    hm.observe(m.site(), o.path("domain").asText(), o.path("endpoint").asText(), r.get());
                }
            }
        }
        ObservationHub.Batch b = hub.since(in.path("cursor").asLong(), m.site(), 20_000);
        ObjectNode out = mapper.createObjectNode();
        out.put("version", replication.version());
        out.put("cursor", b.cursor());
        ArrayNode live = out.putArray("live");
        liveSites().forEach(live::add);
        ArrayNode results = out.putArray("results");
        b.entries().forEach(e -> results.add(Observations.write(e.site(), e.domain(), e.endpoint(), e.result())));
        if (views.get(m.id()).version() < replication.version()) {
            push(m);
        }
        return out;
    }

    private ClusterState.Member memberByToken(String principal) throws ApiException {
        return state.members().stream().filter(x -> x.tokenName().equals(principal)).findFirst()
                .orElseThrow(() -> new ApiException(403, "AccessDenied", "token '" + principal + "' is not a member node's"));
    }

    private List<ConfigExport.Point> points() {
        List<ConfigExport.Point> p = new ArrayList<>();
        p.add(new ConfigExport.Point(state.id(), setup.site()));
        state.members().forEach(m -> p.add(new ConfigExport.Point(m.id(), m.site())));
        return p;
    }

    // ---- member node --------------------------------------------------------------------------

    /** {@code GET /v1/cluster/hello}: who this node is, for a control node about to add it. */
    public ObjectNode hello() {
        return mapper.createObjectNode().put("id", state.id()).put("site", setup.site()).put("zone", setup.zone())
                .put("role", state.role()).put("snapshotVersion", replication.version());
    }

    /** {@code POST /v1/cluster/join}: pins the calling control node. */
    public synchronized ObjectNode join(String principal, byte[] body) throws ApiException, IOException {
        JsonNode in = mapper.readTree(body);
        String controlId = in.path("controlId").asText();
        if (state.controlRole()) {
            throw new ApiException(409, "Conflict", "this node is a control node with members; it cannot join another");
        }
        if (state.memberRole() && !state.control().get().id().equals(controlId)) {
            throw new ApiException(409, "Conflict", "this node is a member of control node " + state.control().get().url()
                    + "; remove it there first");
        }
        if (!in.path("zone").asText().equals(setup.zone())) {
            throw ApiException.badRequest("InvalidParameter.zone", "zone: this node serves " + setup.zone());
        }
        save(state.joined(new ClusterState.Control(controlId, in.path("controlUrl").asText(), in.path("token").asText(),
                principal)));
        controlContact = Optional.of(clock.instant());
        return hello();
    }

    /** {@code DELETE /v1/cluster/join}: stops being a member; keeps serving the last configuration. */
    public synchronized void leave() throws IOException {
        if (state.memberRole()) {
            save(state.left());
            if (monitor != null) {
                monitor.quorum(1);
            }
        }
    }

    /** {@code PUT /v1/cluster/snapshot}: a snapshot pushed by the control node. */
    public boolean accept(String principal, byte[] wire) throws SnapshotRefused, IOException {
        ClusterState.Control c = state.control().orElseThrow(() -> new SnapshotRefused(SnapshotRefused.Why.FOREIGN,
                "this node is not a member of any control node"));
        if (!c.joinedBy().equals(principal)) {
            throw new SnapshotRefused(SnapshotRefused.Why.FOREIGN, "token '" + principal
                    + "' is not the one control node " + c.url() + " joined with; configuration comes only from it");
        }
        boolean applied = replication.accept(wire, c.id());
        if (applied && monitor != null) {
            monitor.quorum(quorum());
        }
        return applied;
    }

    private void exchangeWithControl(ClusterState.Control c) {
        List<ObjectNode> mine = new ArrayList<>();
        ObjectNode o;
        while ((o = outbox.poll()) != null) {
            outboxSize.decrementAndGet();
            mine.add(o);
        }
        ObjectNode req = mapper.createObjectNode();
        req.put("id", state.id());
        req.put("version", versionFrom(c.id()));
        req.put("cursor", cursor);
        req.put("queries", queries.getAsLong());
        req.put("degraded", degraded());
        ArrayNode failing = req.putArray("failing");
        ownFailing().forEach(failing::add);
        ArrayNode results = req.putArray("results");
        mine.forEach(results::add);
        try {
            PeerClient.Reply r = peers.call("POST", c.url(), "/v1/cluster/exchange", c.token(), mapper.writeValueAsBytes(req));
            if (!r.ok()) {
                controlError = "control node refused: " + PeerClient.reason(r);
                return;
            }
            JsonNode in = mapper.readTree(r.body());
            controlContact = Optional.of(clock.instant());
            controlError = "";
            cursor = in.path("cursor").asLong();
            Set<String> live = new LinkedHashSet<>();
            in.path("live").forEach(s -> live.add(s.asText()));
            liveSites = live;
            HealthMonitor hm = monitor;
            for (JsonNode e : in.path("results")) {
                String site = e.path("site").asText();
                if (!site.equals(setup.site()) && hm != null) {
                    Observations.read(e).ifPresent(res -> hm.observe(site, e.path("domain").asText(), e.path("endpoint").asText(), res));
                }
            }
            if (in.path("version").asLong() > versionFrom(c.id())) {
                pull(c);
            }
        } catch (IOException e) {
            controlError = "control node unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The number of the snapshot in force if it came from this control node, else 0 (it has none of its). */
    private long versionFrom(String controlId) {
        return replication.current().filter(x -> x.controlId().equals(controlId)).map(ClusterSnapshot::version).orElse(0L);
    }

    private void pull(ClusterState.Control c) throws IOException {
        PeerClient.Reply r = transfers.call("GET", c.url(), "/v1/cluster/snapshot", c.token(), null);
        if (!r.ok()) {
            controlError = "snapshot pull refused: " + PeerClient.reason(r);
            return;
        }
        try {
            if (replication.accept(r.body(), c.id()) && monitor != null) {
                monitor.quorum(quorum());
            }
        } catch (SnapshotRefused e) {
            controlError = "snapshot refused: " + e.getMessage();
            LOG.warn("pulled snapshot refused: {}", e.getMessage());
        }
    }

    // ---- both ---------------------------------------------------------------------------------

    private void measured(ProbeTarget t, ProbeResult r) {
        if (state.controlRole()) {
            hub.add(setup.site(), t.domain(), t.endpoint(), r);
        } else if (state.memberRole() && outboxSize.get() < MAX_OUTBOX) {
            outbox.add(Observations.write(setup.site(), t.domain(), t.endpoint(), r));
            outboxSize.incrementAndGet();
        }
    }

    private void tick() {
        try {
            ClusterState s = state;
            if (s.memberRole()) {
                exchangeWithControl(s.control().get());
            } else if (s.controlRole()) {
                s.members().forEach(this::push);
            }
            forgetSilentPoints();
        } catch (RuntimeException e) {
            LOG.warn("cluster tick: {}", e.toString());
        }
    }

    /** Points not heard from within {@code staleAfter} stop counting (their last word must not stick). */
    private void forgetSilentPoints() {
        HealthMonitor hm = monitor;
        if (hm == null) {
            return;
        }
        Set<String> live = liveSites();
        for (String site : expectedSites()) {
            if (!live.contains(site)) {
                hm.forgetPoint(site);
            }
        }
    }

    /** The sites whose observations this node currently receives, its own included. */
    Set<String> liveSites() {
        Set<String> live = new LinkedHashSet<>();
        live.add(setup.site());
        Instant now = clock.instant();
        if (state.controlRole()) {
            for (ClusterState.Member m : state.members()) {
                Optional<Instant> t = views.getOrDefault(m.id(), MemberView.unknown()).lastContact();
                if (t.isPresent() && Duration.between(t.get(), now).compareTo(setup.staleAfter()) <= 0) {
                    live.add(m.site());
                }
            }
        } else if (state.memberRole() && controlContact.isPresent()
                && Duration.between(controlContact.get(), now).compareTo(setup.staleAfter()) <= 0) {
            live.addAll(liveSites);
        }
        return live;
    }

    private Set<String> expectedSites() {
        Set<String> sites = new LinkedHashSet<>();
        sites.add(setup.site());
        if (state.controlRole()) {
            state.members().forEach(m -> sites.add(m.site()));
        } else if (state.memberRole()) {
            replication.points().forEach(p -> sites.add(p.site()));
        }
        return sites;
    }

    private int quorum() {
        return expectedSites().size();
    }

    /** True when a monitor point of the deployment cannot be heard: verdicts rest on fewer points. */
    public boolean degraded() {
        return !liveSites().containsAll(expectedSites());
    }

    private List<String> ownFailing() {
        HealthMonitor hm = monitor;
        List<String> out = new ArrayList<>();
        if (hm == null) {
            return out;
        }
        // the health book holds this node's verdicts for every probed endpoint
        health.failing().forEach(out::add);
        return out;
    }

    private ApiException memberRefusal() {
        return new ApiException(409, "MemberNode", "this node is a member of control node "
                + state.control().map(ClusterState.Control::url).orElse("?") + "; manage nodes and configuration there");
    }

    /** The 409 a member answers configuration writes with (CONTRACT §3). */
    public Optional<ApiException> refusesWrites() {
        return state.memberRole() ? Optional.of(memberRefusal()) : Optional.empty();
    }

    /** {@code GET /v1/nodes}: this node first, then (on a control node) every member. */
    public List<Map<String, Object>> nodes(String version) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> self = new LinkedHashMap<>();
        self.put("id", state.id());
        self.put("name", "local");
        self.put("role", state.role().equals(ClusterState.STANDALONE) ? "control" : state.role());
        self.put("site", setup.site());
        self.put("zone", setup.zone());
        self.put("url", advertiseUrl);
        // a node on its own numbers no replicated snapshots: its answers' snapshot is the one it serves
        self.put("snapshotVersion", state.role().equals(ClusterState.STANDALONE) ? replication.servedVersion()
                : replication.version());
        self.put("version", version);
        self.put("online", true);
        self.put("status", degraded() ? "degraded" : "ok");
        self.put("lag", 0);
        self.put("lastContact", state.memberRole() ? controlContact.map(Instant::toString).orElse("") : clock.instant().toString());
        self.put("error", state.memberRole() ? controlError : "");
        self.put("failing", health.failing());
        self.put("queries", queries.getAsLong());
        state.control().ifPresent(c -> {
            self.put("controlId", c.id());
            self.put("controlUrl", c.url());
        });
        out.add(self);
        for (ClusterState.Member m : state.members()) {
            out.add(describe(m));
        }
        return out;
    }

    private Map<String, Object> describe(ClusterState.Member m) {
        MemberView v = views.getOrDefault(m.id(), MemberView.unknown());
        Instant now = clock.instant();
        boolean online = v.lastContact().isPresent() && Duration.between(v.lastContact().get(), now).compareTo(setup.staleAfter()) <= 0;
        long lag = Math.max(0, replication.version() - Math.max(0, v.version()));
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", m.id());
        n.put("name", m.id());
        n.put("role", "member");
        n.put("site", m.site());
        n.put("zone", setup.zone());
        n.put("url", m.url());
        n.put("snapshotVersion", Math.max(0, v.version()));
        n.put("version", "");
        n.put("online", online);
        n.put("status", !online ? "unreachable" : !v.error().isEmpty() ? "failed" : lag > 0 ? "lagging"
                : v.degraded() ? "degraded" : "ok");
        n.put("lag", lag);
        n.put("lastContact", v.lastContact().map(Instant::toString).orElse(""));
        n.put("error", v.error());
        n.put("failing", v.failing());
        n.put("queries", v.queries());
        n.put("queriesPerSecond", Math.round(v.queriesPerSecond() * 10) / 10.0);
        return n;
    }

    private PeerClient.Reply call(String method, String url, String path, String token, byte[] body)
            throws ApiException, IOException {
        PeerClient.Reply r;
        try {
            r = peers.call(method, url, path, token, body);
        } catch (IOException e) {
            throw new ApiException(502, "NodeUnreachable", "url: cannot reach " + url + ": " + e.getMessage());
        }
        if (!r.ok()) {
            throw new ApiException(r.status() == 401 || r.status() == 403 ? 400 : 502, "NodeRefused",
                    "node " + url + " refused " + method + " " + path + ": " + PeerClient.reason(r));
        }
        return r;
    }

    private void save(ClusterState s) throws IOException {
        stateFile.save(s);
        state = s;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pushers.shutdownNow();
    }

    /** For logs and tests: a member's pinned control id. */
    Optional<String> controlId() {
        return state.control().map(ClusterState.Control::id);
    }
}
