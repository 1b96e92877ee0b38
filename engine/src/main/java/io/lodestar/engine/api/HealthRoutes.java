package io.lodestar.engine.api;

import io.lodestar.engine.config.Services;
import io.lodestar.engine.health.EndpointStatus;
import io.lodestar.engine.health.HealthMonitor;
import io.lodestar.engine.health.ProbeResult;
import io.lodestar.engine.store.TokenRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Health as the console shows it: each endpoint's verdict with its evidence and every monitor
 * point's latest probe ({@code GET /v1/domains/{domain}/health}), and "probe now"
 * ({@code POST /v1/domains/{domain}/probe}), which probes every endpoint at once without feeding verdicts.
 */
final class HealthRoutes {

    private HealthRoutes() {
    }

    static void add(Router r, Services s, Supplier<HealthMonitor> monitor) {
        r.add("GET", "/v1/domains/{domain}/health", TokenRole.READ, q -> {
            s.domains().get(q.param("domain"));
            List<Object> out = new ArrayList<>();
            for (EndpointStatus e : running(monitor).status(q.param("domain"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("endpoint", e.endpoint());
                m.put("status", e.state().wire());
                m.put("evidence", e.evidence());
                m.put("points", points(e.latest()));
                out.add(m);
            }
            return Response.ok(out);
        });
        r.add("POST", "/v1/domains/{domain}/probe", TokenRole.WRITE, q -> {
            s.domains().get(q.param("domain"));
            Map<String, Map<String, ProbeResult>> results = running(monitor).probeNow(q.param("domain")).get(30, TimeUnit.SECONDS);
            Map<String, Object> out = new LinkedHashMap<>();
            results.forEach((endpoint, byPoint) -> out.put(endpoint, points(byPoint)));
            return Response.ok(out);
        });
    }

    private static HealthMonitor running(Supplier<HealthMonitor> monitor) throws ApiException {
        HealthMonitor m = monitor.get();
        if (m == null) {
            throw new ApiException(503, "Starting", "the health monitor is still starting; try again in a moment");
        }
        return m;
    }

    static Map<String, Object> points(Map<String, ProbeResult> byPoint) {
        Map<String, Object> out = new LinkedHashMap<>();
        byPoint.forEach((point, p) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", p.ok());
            m.put("at", p.at().toString());
            m.put("latencyMs", p.latency().toNanos() / 1e6);
            p.failure().ifPresent(f -> m.put("failure", f.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (f.detail().isEmpty() ? "" : ": " + f.detail())));
            out.put(point, m);
        });
        return out;
    }

}
