package io.lodestar.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.EndpointValue;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.model.Monitor.Protocol;
import io.lodestar.engine.store.HealthEvent.State;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor end to end on loopback: interval 1 s, window 3, minFailures 2, rapid re-check. */
class HealthMonitorIT {

    private static final String POINT = "none.CN/other";
    private static final String DOMAIN = "www.example.test";

    private final BlockingQueue<VerdictChange> changes = new LinkedBlockingQueue<>();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private HealthMonitor monitor;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        monitor = new HealthMonitor(POINT, Probers.system(Probers.Options.defaults()), new PrometheusHealthMetrics(registry),
                changes::addAll, Clock.systemUTC(), System::nanoTime, new SplittableRandom(1), HealthMonitor.DEFAULT_RECHECK);
    }

    @AfterEach
    void stop() {
        monitor.stop();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void failsAnEndpointWithinTwoAndAHalfSecondsOfItsServerStoppingAndRecoversWhenItReturns() throws Exception {
        server = serve(0);
        int port = server.getAddress().getPort();
        Endpoint primary = endpoint("127.0.0.1", true);
        Endpoint unjudged = endpoint("127.0.0.2", false);
        monitor.configure(Map.of(DOMAIN, new DomainTargets(monitor(port), List.of(primary, unjudged))));
        monitor.start();
        VerdictChange up = next(4_000);
        assertEquals(State.UNKNOWN, up.from());
        assertEquals(State.OK, up.to());

        server.stop(0);
        long t0 = System.nanoTime();
        VerdictChange down = next(5_000);
        double failover = (System.nanoTime() - t0) / 1e9;
        assertEquals(State.FAIL, down.to());
        assertEquals("127.0.0.1", down.endpoint());
        assertTrue(failover <= 2.5, "failover took " + failover + " s");
        assertTrue(down.evidence().matches("2 of last [23] probes failed at none.CN/other: refused; 1 of 1 points failing > 80 %"),
                down.evidence());

        server = serve(port);
        long t1 = System.nanoTime();
        VerdictChange back = next(5_000);
        double recovery = (System.nanoTime() - t1) / 1e9;
        assertEquals(State.OK, back.to());
        System.out.printf("failover %.2f s, recovery %.2f s%n", failover, recovery);
        assertTrue(recovery <= 2.5, "recovery took " + recovery + " s");
        assertTrue(changes.isEmpty(), "evalHealth=false endpoint never judged: " + changes);
        assertEquals(State.UNKNOWN, monitor.state(DOMAIN, "127.0.0.2"));

        EndpointStatus s = monitor.status(DOMAIN).get(0);
        assertEquals("127.0.0.1", s.endpoint());
        assertTrue(s.latest().get(POINT).ok());
        String metrics = scrape();
        assertTrue(metrics.contains("lodestar_probe_results_total{outcome=\"refused\",protocol=\"http\"}"), metrics);
        assertTrue(metrics.contains("lodestar_health_verdict_changes_total{to=\"fail\"} 1.0"), metrics);
    }

    @Test
    void reconfiguringKeepsRemainingEndpointsDropsRemovedOnesAndStartsNewOnes() throws Exception {
        server = serve(0);
        int port = server.getAddress().getPort();
        Endpoint a = endpoint("127.0.0.1", true);
        monitor.configure(Map.of(DOMAIN, new DomainTargets(monitor(port), List.of(a))));
        monitor.start();
        assertEquals(State.OK, next(4_000).to());
        Endpoint b = endpoint("127.0.0.3", true);
        monitor.configure(Map.of(DOMAIN, new DomainTargets(monitor(port), List.of(a, b)),
                "other.example.test", new DomainTargets(monitor(port), List.of())));
        assertEquals(State.OK, monitor.state(DOMAIN, "127.0.0.1"), "kept its verdict");
        VerdictChange bUp = next(4_000);
        assertEquals("127.0.0.3", bUp.endpoint());
        assertEquals(State.UNKNOWN, bUp.from());
        monitor.configure(Map.of(DOMAIN, new DomainTargets(monitor(port), List.of(b))));
        assertEquals(State.UNKNOWN, monitor.state(DOMAIN, "127.0.0.1"), "dropped");
        assertEquals(List.of("127.0.0.3"), monitor.status(DOMAIN).stream().map(EndpointStatus::endpoint).toList());
    }

    @Test
    void probeNowReturnsAFreshResultForEveryEndpointOfTheDomain() throws Exception {
        server = serve(0);
        int port = server.getAddress().getPort();
        monitor.configure(Map.of(DOMAIN, new DomainTargets(monitor(port),
                List.of(endpoint("127.0.0.1", true), endpoint("127.0.0.4", false)))));
        Map<String, Map<String, ProbeResult>> now = monitor.probeNow(DOMAIN).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("127.0.0.1", "127.0.0.4"), List.copyOf(now.keySet()));
        assertTrue(now.get("127.0.0.1").get(POINT).ok());
        assertNotNull(now.get("127.0.0.4").get(POINT), "evalHealth=false endpoints can be probed by hand");
        assertFalse(monitor.probeNow("unknown.example.test").get().containsKey("127.0.0.1"));
    }

    private VerdictChange next(long ms) throws InterruptedException {
        VerdictChange c = changes.poll(ms, TimeUnit.MILLISECONDS);
        assertNotNull(c, "no verdict change within " + ms + " ms");
        return c;
    }

    private static Monitor monitor(int port) {
        return new Targets.M(Protocol.HTTP, port).build();
    }

    private static Endpoint endpoint(String ip, boolean evalHealth) throws IOException {
        return new Endpoint(DOMAIN, new EndpointValue.A((Inet4Address) InetAddress.getByName(ip)), "beijing.CN", "ct",
                List.of(), 1, true, evalHealth);
    }

    /** An HTTP server on 127.0.0.1 answering 200 on every path; retries a busy port for up to 2 s. */
    private static HttpServer serve(int port) throws Exception {
        long until = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                s.createContext("/", ex -> {
                    ex.sendResponseHeaders(200, -1);
                    ex.close();
                });
                s.start();
                return s;
            } catch (BindException busy) {
                if (System.nanoTime() > until) {
                    throw busy;
                }
                Thread.sleep(50);
            }
        }
    }

    private String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
