package io.lodestar.resolver.bench;

import com.sun.net.httpserver.HttpServer;
import io.lodestar.engine.health.EndpointStatus;
import io.lodestar.engine.health.ProbeResult;
import io.lodestar.engine.store.Database;
import io.lodestar.engine.store.HealthEvent;
import io.lodestar.engine.store.HistoryRow;
import io.lodestar.engine.store.Store;
import io.lodestar.resolver.NodeMain;
import io.lodestar.resolver.NodeOptions;
import io.lodestar.resources.ip.IpLocator;
import io.lodestar.resources.region.Regions;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Plain harness (run by {@code bench/failover.sh}, not a test): failover and recovery time of a
 * whole node (issue 4, "Speed"). A node in-process on loopback; two endpoints 127.0.0.2 (priority
 * 1) and 127.0.0.3 (priority 2), each a small HTTP server on the same port; an http monitor at
 * interval 1 s, timeout 1 s, window 3, minFailures 2, threshold 50 (one local monitor point).
 *
 * <p>Each trial stops the primary's server (t0, just before {@code stop(0)}) and asks the node's
 * DNS over UDP every 5 ms until the answer is the backup (t1): failover = t1 − t0. Then it starts
 * the primary's server again (t2, just before binding) and asks until the primary comes back (t3):
 * recovery = t3 − t2. Before each stop and each start it waits 2 s plus a random share of one
 * interval, so both fall at random phases of the probe schedule. Every wait is bounded (30 s); a timeout is a failed
 * trial. For the slowest failover and recovery it prints the timeline: probe results (seen by
 * polling the monitor's latest result every loop), the verdict (health event), the publish
 * (schedule history row) and the first DNS answer, in ms from t0 (t2).
 *
 * <p>Arguments: {@code [trials (10)] [pause ms (2000)] [seed (4)]}.
 */
public final class FailoverBenchmark {

    private static final String TOKEN = "failover-benchmark-admin-token";
    private static final String DOMAIN = "failover.example.com";
    private static final String NAME = DOMAIN + ".gtm.lodestar.test.";
    private static final String PRIMARY = "127.0.0.2";
    private static final String BACKUP = "127.0.0.3";
    private static final long BOUND = Duration.ofSeconds(30).toNanos();
    private static final long POLL = Duration.ofMillis(5).toNanos();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static NodeMain node;
    private static SimpleResolver dns;

    private FailoverBenchmark() {
    }

    /** A probe result seen after t0, in ms from t0: started, completed, first seen by the poller. */
    private record Probe(double startMs, double doneMs, double seenMs, String words) {
        boolean ok() {
            return words.startsWith("ok");
        }
    }

    /** One direction of one trial (failover or recovery). */
    private static final class Phase {
        Instant wall0;                          // t0 or t2, wall clock
        long nano0;                             // t0 or t2, nanoTime
        double ms = Double.NaN;                 // t1 − t0 or t3 − t2; NaN = timed out
        final List<Probe> probes = new ArrayList<>();
        Optional<ProbeResult> lastBefore = Optional.empty();   // the last probe result before t0
        double verdictMs = Double.NaN;          // the health event's time
        double verdictSeenMs = Double.NaN;      // the poller first saw the monitor's new state
        double snapshotSeenMs = Double.NaN;     // the poller first saw a newer snapshot
        String verdict = "";
        double publishedMs = Double.NaN;
        String reason = "";
        int queries;
        int queryErrors;

        boolean timedOut() {
            return Double.isNaN(ms);
        }
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 4;
        SplittableRandom random = new SplittableRandom(seed);
        describeMachine();

        int port = freePortOnBoth();
        HttpServer[] primary = {site(PRIMARY, port)};
        HttpServer backup = site(BACKUP, port);
        Path data = Files.createTempDirectory("lodestar-failover-bench");
        Regions regions = Regions.load();
        node = NodeMain.start(NodeOptions.parse(new String[] {"--data", data.toString(), "--dns", "127.0.0.1:0",
            "--api", "127.0.0.1:0", "--admin-token", TOKEN}), regions, IpLocator.load(regions));
        Database db2 = null;
        int exit = 0;
        try {
            dns = new SimpleResolver(InetAddress.getByName("127.0.0.1"));
            dns.setPort(node.dns().udpAddress().getPort());
            dns.setTimeout(Duration.ofMillis(500));
            configure(port);
            long t = System.nanoTime();
            await("both endpoints judged ok", () -> bothOk());
            System.out.printf(Locale.ROOT, "both endpoints judged ok %.0f ms after the monitor was set%n",
                    (System.nanoTime() - t) / 1e6);
            await("answers from the primary", () -> PRIMARY.equals(answer()));
            // a second connection to the node's database, to read the health events it writes
            db2 = Database.open(data.resolve("lodestar.db"));
            Store events = new Store(db2, node.node().services().seedJson(), Clock.systemUTC());

            System.out.printf(Locale.ROOT, "%d trials, pause %d ms + U(0, 1000) ms before each stop and each start (seed %d)%n%n",
                    trials, pauseMs, seed);
            List<Phase> failovers = new ArrayList<>();
            List<Phase> recoveries = new ArrayList<>();
            for (int i = 1; i <= trials; i++) {
                Thread.sleep(pauseMs + random.nextLong(1000));
                Phase down = failover(primary[0]);
                Phase up = new Phase();
                // the server comes back at a random phase of the probe schedule too, not right
                // after the probe that confirmed the failure
                Thread.sleep(pauseMs + random.nextLong(1000));
                primary[0] = recover(port, up);
                readRecords(events, down, "ok → fail", HealthEvent.State.FAIL);
                readRecords(events, up, "fail → ok", HealthEvent.State.OK);
                failovers.add(down);
                recoveries.add(up);
                System.out.printf(Locale.ROOT, "trial %2d  failover %7s (probes failed %s; verdict %s; published %s)"
                                + "   recovery %7s (probes ok %s; verdict %s; published %s)%n", i,
                        dur(down), probes(down, false), ms(down.verdictMs), ms(down.publishedMs),
                        dur(up), probes(up, true), ms(up.verdictMs), ms(up.publishedMs));
                if (up.timedOut()) {
                    // the primary never came back in 30 s: the next trial would measure nothing
                    if (!waitQuietly(() -> PRIMARY.equals(answer()))) {
                        System.out.println("the primary does not come back; stopping");
                        exit = 1;
                        break;
                    }
                }
            }
            System.out.println();
            summary("failover", failovers, 2500, 1000);
            summary("recovery", recoveries, 2500, 1000);
            failovers.stream().filter(p -> !p.timedOut()).max(Comparator.comparingDouble(p -> p.ms))
                    .ifPresent(p -> timeline("slowest failover", "server stopped", "failed", "without the primary", p));
            recoveries.stream().filter(p -> !p.timedOut()).max(Comparator.comparingDouble(p -> p.ms))
                    .ifPresent(p -> timeline("slowest recovery", "server started", "ok", "with the primary again", p));
            System.out.printf(Locale.ROOT, "%nload average at the end: %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            if (db2 != null) {
                db2.close();
            }
            node.close();
            primary[0].stop(0);
            backup.stop(0);
            deleteTree(data);
        }
        System.exit(exit);
    }

    // ---- one trial

    private static Phase failover(HttpServer primary) {
        Phase p = new Phase();
        p.lastBefore = latest();
        long version = node.node().snapshots().get().version();
        p.wall0 = Instant.now();
        p.nano0 = System.nanoTime();
        primary.stop(0);
        watch(p, HealthEvent.State.FAIL, version, a -> a.contains(BACKUP) && !a.contains(PRIMARY));
        return p;
    }

    private static HttpServer recover(int port, Phase p) throws IOException, InterruptedException {
        p.lastBefore = latest();
        long version = node.node().snapshots().get().version();
        p.wall0 = Instant.now();
        p.nano0 = System.nanoTime();
        HttpServer s = null;
        while (s == null) {
            try {
                s = site(PRIMARY, port);
            } catch (BindException e) {          // the old listener's port not free yet
                if (System.nanoTime() - p.nano0 > BOUND) {
                    throw e;
                }
                Thread.sleep(1);
            }
        }
        watch(p, HealthEvent.State.OK, version, a -> a.contains(PRIMARY));
        return s;
    }

    /** Asks DNS every 5 ms (and notes each new probe result of the primary) until {@code done} or 30 s. */
    private static void watch(Phase p, HealthEvent.State to, long version,
                              java.util.function.Predicate<List<String>> done) {
        Instant seen = p.lastBefore.map(r -> r.at()).orElse(Instant.EPOCH);
        while (System.nanoTime() - p.nano0 < BOUND) {
            Optional<ProbeResult> r = latest();
            if (r.isPresent() && r.get().at().isAfter(seen)) {
                seen = r.get().at();
                p.probes.add(probe(p, r.get()));
            }
            if (Double.isNaN(p.verdictSeenMs) && node.node().healthMonitor().state(DOMAIN, PRIMARY) == to) {
                p.verdictSeenMs = (System.nanoTime() - p.nano0) / 1e6;
            }
            if (Double.isNaN(p.snapshotSeenMs) && node.node().snapshots().get().version() > version) {
                p.snapshotSeenMs = (System.nanoTime() - p.nano0) / 1e6;
            }
            List<String> a;
            try {
                a = answers();
                p.queries++;
            } catch (IOException e) {
                p.queryErrors++;
                a = List.of();
            }
            long now = System.nanoTime();
            if (done.test(a)) {
                p.ms = (now - p.nano0) / 1e6;
                break;
            }
            LockSupport.parkNanos(POLL);
        }
        // the result that decided may arrive a moment after the answer changed: look once more
        Optional<ProbeResult> r = latest();
        if (r.isPresent() && r.get().at().isAfter(seen)) {
            p.probes.add(probe(p, r.get()));
        }
    }

    private static Probe probe(Phase p, ProbeResult r) {
        double start = Duration.between(p.wall0, r.at()).toNanos() / 1e6;
        return new Probe(start, start + r.latency().toNanos() / 1e6, (System.nanoTime() - p.nano0) / 1e6, r.words());
    }

    /** This node's latest probe result of the primary. */
    private static Optional<ProbeResult> latest() {
        for (EndpointStatus s : node.node().healthMonitor().status(DOMAIN)) {
            if (s.endpoint().equals(PRIMARY)) {
                return s.latest().values().stream().max(Comparator.comparing(ProbeResult::at));
            }
        }
        return Optional.empty();
    }

    /** The verdict change (health event) and the publish (history row) of this phase, from the store. */
    private static void readRecords(Store store, Phase p, String change, HealthEvent.State to) {
        Instant from = p.wall0.truncatedTo(ChronoUnit.MILLIS);
        Instant until = Instant.now().plusSeconds(1);
        try {
            List<HealthEvent> ev = store.read(tx -> tx.healthEvents().range(DOMAIN, from, until));
            ev.stream().filter(e -> e.endpoint().equals(PRIMARY) && e.newState() == to).findFirst().ifPresent(e -> {
                p.verdictMs = Duration.between(p.wall0, e.at()).toNanos() / 1e6;
                p.verdict = e.evidence();
            });
        } catch (RuntimeException e) {
            p.verdict = "health events not readable: " + e.getMessage();
        }
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> rows = (List<java.util.Map<String, Object>>) history(from, until).get("rows");
        for (java.util.Map<String, Object> row : rows) {
            String reason = String.valueOf(row.get("reason"));
            if (reason.startsWith("health:") && reason.contains(PRIMARY + " " + change)) {
                p.publishedMs = Duration.between(p.wall0, Instant.parse(String.valueOf(row.get("at")))).toNanos() / 1e6;
                p.reason = reason;
                break;
            }
        }
    }

    private static java.util.Map<String, Object> history(Instant from, Instant until) {
        try {
            return node.node().services().history(DOMAIN, from, until);
        } catch (Exception e) {
            throw new IllegalStateException("history of " + DOMAIN + ": " + e.getMessage(), e);
        }
    }

    // ---- reports

    /** When the probes of this kind completed, in ms from t0 (t2). */
    private static String probes(Phase p, boolean ok) {
        String s = p.probes.stream().filter(x -> x.ok() == ok).map(x -> String.format(Locale.ROOT, "%.0f", x.doneMs))
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "-" : s;
    }

    private static String dur(Phase p) {
        return p.timedOut() ? "TIMEOUT" : String.format(Locale.ROOT, "%.0f ms", p.ms);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static void summary(String what, List<Phase> phases, double bar, double aim) {
        double[] v = phases.stream().filter(p -> !p.timedOut()).mapToDouble(p -> p.ms).sorted().toArray();
        long failed = phases.stream().filter(Phase::timedOut).count();
        if (v.length == 0) {
            System.out.printf(Locale.ROOT, "%s: every trial timed out%n", what);
            return;
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-8s median %4.0f ms  min %4.0f ms  max %4.0f ms  over %d trials, %d timed out"
                        + "   bar (median ≤ %.1f s) %s, aim (≤ %.1f s) %s%n", what, median, v[0], v[v.length - 1], v.length,
                failed, bar / 1000, failed == 0 && median <= bar ? "met" : "MISSED", aim / 1000,
                failed == 0 && median <= aim ? "met" : "missed");
        System.out.printf(Locale.ROOT, "         all (sorted, ms): %s%n",
                java.util.Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.0f", x))
                        .collect(Collectors.joining(" ")));
    }

    private static void timeline(String title, String start, String kind, String answer, Phase p) {
        System.out.printf(Locale.ROOT, "%n%s (%.0f ms), ms from the %s:%n", title, p.ms, start);
        p.lastBefore.ifPresent(r -> System.out.printf(Locale.ROOT, "  %8.1f  last probe before it started (%s)%n",
                Duration.between(p.wall0, r.at()).toNanos() / 1e6, r.words()));
        System.out.printf(Locale.ROOT, "  %8.1f  %s%n", 0.0, start);
        boolean firstOfKind = true;
        for (Probe x : p.probes) {
            String label = x.ok() == kind.equals("ok") && firstOfKind ? "first " + kind + " probe result" : "probe result";
            if (x.ok() == kind.equals("ok")) {
                firstOfKind = false;
            }
            System.out.printf(Locale.ROOT, "  %8.1f  %s (probe started at %.1f: %s; seen by the poller at %.1f)%n",
                    x.doneMs, label, x.startMs, x.words(), x.seenMs);
        }
        System.out.printf(Locale.ROOT, "  %8.1f  verdict %s (health event; %s; seen by the poller at %.1f)%n", p.verdictMs,
                kind.equals("ok") ? "ok" : "fail", p.verdict, p.verdictSeenMs);
        System.out.printf(Locale.ROOT, "  %8.1f  snapshot published (history row: %s; new snapshot seen by the poller at %.1f)%n",
                p.publishedMs, p.reason, p.snapshotSeenMs);
        System.out.printf(Locale.ROOT, "  %8.1f  first DNS answer %s (%d queries, %d unanswered)%n", p.ms, answer,
                p.queries, p.queryErrors);
    }

    private static void describeMachine() throws IOException {
        String cpu = "?";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        }
        String mem = "?";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            mem = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse("?");
        }
        System.out.printf(Locale.ROOT, "date    %s%n", ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        System.out.printf(Locale.ROOT, "machine %d cores (nproc), %s, %s, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), cpu, mem,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "jvm     %s %s, GC %s, max heap %d MB, flags %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("setup   node in-process on 127.0.0.1; endpoints 127.0.0.2 (priority 1), 127.0.0.3 (priority 2);"
                + " http monitor interval 1 s, timeout 1 s, window 3, minFailures 2, threshold 50; DNS over UDP every 5 ms");
    }

    // ---- node, servers, DNS

    private static void configure(int port) throws Exception {
        api("POST", "/v1/domains", "[{\"domain\":\"" + DOMAIN + "\"}]");
        api("POST", "/v1/endpoints", "[{\"domain\":\"" + DOMAIN + "\",\"endpoint\":\"" + PRIMARY
                + "\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},{\"domain\":\"" + DOMAIN + "\",\"endpoint\":\"" + BACKUP
                + "\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]");
        api("POST", "/v1/strategys/update-or-create", "{\"" + DOMAIN + "\":{\"strategy\":{\"start\":\"p\",\"rules\":[{\"type\":"
                + "\"priority\",\"area\":\"none.CN\",\"isp\":\"other\",\"name\":\"p\",\"enable\":true,\"items\":["
                + "{\"reference\":\"" + PRIMARY + "\",\"priority\":1},{\"reference\":\"" + BACKUP + "\",\"priority\":2}]}]}}}");
        api("PUT", "/v1/domains/" + DOMAIN + "/monitor", "{\"protocol\":\"http\",\"port\":" + port
                + ",\"path\":\"/\",\"interval\":1,\"timeout\":1,\"window\":3,\"minFailures\":2,\"threshold\":50}");
    }

    private static String api(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().apiAddress().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static boolean bothOk() {
        List<EndpointStatus> s = node.node().healthMonitor().status(DOMAIN);
        return s.size() == 2 && s.stream().allMatch(e -> e.state() == HealthEvent.State.OK);
    }

    /** The A records of the answer. */
    private static List<String> answers() throws IOException {
        Message m = dns.send(Message.newQuery(Record.newRecord(Name.fromConstantString(NAME), Type.A, DClass.IN)));
        List<String> out = new ArrayList<>(2);
        for (Record rec : m.getSection(Section.ANSWER)) {
            if (rec instanceof ARecord) {
                out.add(((ARecord) rec).getAddress().getHostAddress());
            }
        }
        return out;
    }

    private static String answer() {
        try {
            return String.join(",", answers());
        } catch (IOException e) {
            return "-";
        }
    }

    private static HttpServer site(String ip, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 64);
        s.createContext("/", ex -> {
            byte[] b = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    /** A port free on both endpoint addresses. */
    private static int freePortOnBoth() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port;
            try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName(PRIMARY))) {
                port = a.getLocalPort();
            }
            try (ServerSocket b = new ServerSocket(port, 1, InetAddress.getByName(BACKUP))) {
                return port;
            } catch (BindException busy) {
                // taken on the other address: try another
            }
        }
        throw new IOException("no port free on both " + PRIMARY + " and " + BACKUP);
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        if (!waitQuietly(done)) {
            throw new IllegalStateException("timed out after 30 s waiting for " + what);
        }
    }

    private static boolean waitQuietly(BooleanSupplier done) throws InterruptedException {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - start > BOUND) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
