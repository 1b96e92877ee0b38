package io.lodestar.engine.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lodestar.engine.config.NotFound;
import io.lodestar.engine.config.Services;
import io.lodestar.engine.config.TrafficService;
import io.lodestar.engine.store.TokenRole;
import io.lodestar.engine.traffic.Ramp;
import io.lodestar.engine.traffic.TrafficDocs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic operations (issue 9), in the management API's style: per domain, the pool / all-down /
 * TTL policy ({@code /traffic}), multi-CDN providers, the gray migration ({@code /ramp}), switch
 * control ({@code /switching}), the failover drill and the expected failover time.
 */
final class TrafficRoutes {

    record EnableBody(Boolean enable) {
    }

    record SwitchBody(Boolean paused) {
    }

    record DrillBody(List<String> endpoints, List<String> pools, String mode) {
    }

    private TrafficRoutes() {
    }

    static void add(Router r, Services s, ApiJson json) {
        TrafficService t = s.traffic();
        String d = "/v1/domains/{domain}";
        r.add("GET", d + "/traffic", TokenRole.READ, q -> Response.ok(t.policy(q.param("domain"))));
        r.add("PUT", d + "/traffic", TokenRole.WRITE, q -> Response.ok(t.putPolicy(q.principal().name(), q.param("domain"),
                json.read(q.body(), new TypeReference<TrafficDocs.PolicyDoc>() { }))));

        r.add("GET", d + "/providers", TokenRole.READ, q -> Response.ok(t.providers(q.param("domain"))
                .orElseThrow(() -> new NotFound("domain '" + q.param("domain") + "' has no providers policy"))));
        r.add("PUT", d + "/providers", TokenRole.WRITE, q -> Response.ok(t.putProviders(q.principal().name(),
                q.param("domain"), json.read(q.body(), new TypeReference<TrafficDocs.ProvidersDoc>() { }))));
        r.add("PUT", d + "/providers/status", TokenRole.WRITE, q -> {
            EnableBody b = json.read(q.body(), new TypeReference<EnableBody>() { });
            if (b.enable() == null) {
                throw ApiException.badRequest("InvalidParameter.enable", "enable: give true or false");
            }
            return Response.ok(t.enableProviders(q.principal().name(), q.param("domain"), b.enable()));
        });
        r.add("DELETE", d + "/providers", TokenRole.WRITE, q -> {
            t.deleteProviders(q.principal().name(), q.param("domain"));
            return Response.okNull();
        });

        r.add("GET", d + "/ramp", TokenRole.READ, q -> Response.ok(view(t.ramp(q.param("domain"))
                .orElseThrow(() -> new NotFound("domain '" + q.param("domain") + "' has no gray migration")))));
        r.add("PUT", d + "/ramp", TokenRole.WRITE, q -> Response.ok(view(t.startRamp(q.principal().name(),
                q.param("domain"), json.read(q.body(), new TypeReference<TrafficDocs.RampInput>() { })))));
        r.add("POST", d + "/ramp/pause", TokenRole.WRITE, q -> Response.ok(view(t.pauseRamp(q.principal().name(),
                q.param("domain"), true))));
        r.add("POST", d + "/ramp/resume", TokenRole.WRITE, q -> Response.ok(view(t.pauseRamp(q.principal().name(),
                q.param("domain"), false))));
        r.add("DELETE", d + "/ramp", TokenRole.WRITE, q -> {
            t.deleteRamp(q.principal().name(), q.param("domain"));
            return Response.okNull();
        });

        r.add("GET", d + "/switching", TokenRole.READ, q -> Response.ok(t.switching(q.param("domain"))));
        r.add("PUT", d + "/switching", TokenRole.WRITE, q -> {
            SwitchBody b = json.read(q.body(), new TypeReference<SwitchBody>() { });
            if (b.paused() == null) {
                throw ApiException.badRequest("InvalidParameter.paused", "paused: give true or false");
            }
            return Response.ok(t.setSwitching(q.principal().name(), q.param("domain"), b.paused()));
        });

        r.add("GET", d + "/drill", TokenRole.READ, q -> Response.ok(t.drill(q.param("domain"))
                .orElseThrow(() -> new NotFound("domain '" + q.param("domain") + "' has no drill plan"))));
        r.add("PUT", d + "/drill", TokenRole.WRITE, q -> {
            DrillBody b = json.read(q.body(), new TypeReference<DrillBody>() { });
            return Response.ok(t.planDrill(q.principal().name(), q.param("domain"), b.endpoints(), b.pools(), b.mode()));
        });
        r.add("POST", d + "/drill/execute", TokenRole.WRITE, q -> Response.ok(t.executeDrill(q.principal().name(),
                q.param("domain"))));
        r.add("POST", d + "/drill/rollback", TokenRole.WRITE, q -> Response.ok(t.rollbackDrill(q.principal().name(),
                q.param("domain"))));
        r.add("GET", d + "/failover-time", TokenRole.READ, q -> Response.ok(t.failoverTime(q.param("domain"))));
    }

    /** A ramp as the API shows it: settings, state with the percentage in force, and the timeline. */
    static Map<String, Object> view(Ramp r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from());
        m.put("to", r.to());
        m.put("usersets", r.usersets());
        m.put("steps", r.steps());
        m.put("holdSeconds", r.holdSeconds());
        m.put("maxLatencyMs", r.maxLatencyMs());
        m.put("status", TrafficService.wire(r.status()));
        m.put("step", r.step());
        m.put("percent", r.percent());
        m.put("lastGoodStep", r.lastGood());
        m.put("stepSince", r.stepSince());
        List<Object> timeline = new ArrayList<>();
        r.timeline().forEach(timeline::add);
        m.put("timeline", timeline);
        return m;
    }
}
