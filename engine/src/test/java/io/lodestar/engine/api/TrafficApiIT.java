package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.store.HealthEvent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traffic operations over the management API of a real node: providers, pools, switching, ramps, drills. */
class TrafficApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String D = "/v1/domains/www.example.com";
    @TempDir
    Path dir;
    private NodeFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new NodeFixture(dir);
        ok(f.call("POST", "/v1/domains", "[{\"domain\":\"www.example.com\",\"isItmDomain\":true}]"));
        StringBuilder eps = new StringBuilder("[");
        for (String[] e : new String[][] {{"site.eo.dnse1.com", "CNAME"}, {"origin.example.com", "CNAME"},
                {"a.cdn-a.net", "CNAME"}, {"b.cdn-b.net", "CNAME"}, {"192.0.2.1", "A"}, {"192.0.2.2", "A"}, {"192.0.2.3", "A"}}) {
            eps.append(eps.length() > 1 ? "," : "").append("{\"domain\":\"www.example.com\",\"endpoint\":\"").append(e[0])
                    .append("\",\"type\":\"").append(e[1]).append("\",\"area\":\"beijing.CN\",\"isp\":\"ct\",\"tag\":\"\"}");
        }
        ok(f.call("POST", "/v1/endpoints", eps + "]"));
        ok(f.call("PUT", D + "/status", "{\"status\":\"start\"}"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private JsonNode ok(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode refused(HttpResponse<String> r) throws IOException {
        assertEquals(400, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Endpoint → share for one group's A answers, from the schedule result. */
    private Map<String, Double> shares(String area, String isp) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode g : ok(f.call("GET", D + "/distribution", null)).get("groups")) {
            if (g.get("area").asText().equals(area) && g.get("isp").asText().equals(isp) && g.get("family").asText().equals("A")
                    && !g.has("cidr")) {
                g.get("shares").forEach(s -> out.put(s.get("endpoint").asText(), s.get("share").asDouble()));
            }
        }
        return out;
    }

    private static final String PROVIDERS = "{\"defaultProvider\":\"b\",\"providers\":["
            + "{\"name\":\"edgeone\",\"endpoint\":\"site.eo.dnse1.com\"},{\"name\":\"origin\",\"endpoint\":\"origin.example.com\"},"
            + "{\"name\":\"a\",\"endpoint\":\"a.cdn-a.net\"},{\"name\":\"b\",\"endpoint\":\"b.cdn-b.net\"}],"
            + "\"rules\":[{\"usersets\":\"beijing.CN/*\",\"targets\":[{\"provider\":\"origin\"}]},"
            + "{\"usersets\":\"mainland.CN/*\",\"targets\":[{\"provider\":\"a\",\"weight\":1}]}]}";

    @Test
    void providersFollowEdgeOnesExampleAndAreDeletedOnlyWhenDisabled() throws Exception {
        JsonNode p = ok(f.call("PUT", D + "/providers", PROVIDERS));
        assertTrue(p.get("enable").asBoolean());
        assertEquals(Map.of("origin.example.com", 1.0), shares("beijing.CN", "cu"));
        assertEquals(Map.of("a.cdn-a.net", 1.0), shares("sichuan.CN", "cm"));
        assertEquals(Map.of("b.cdn-b.net", 1.0), shares("us.abroad", "other"));

        JsonNode inUse = refused(f.call("PUT", D + "/providers", PROVIDERS.replace(
                "{\"name\":\"origin\",\"endpoint\":\"origin.example.com\"},", "")));
        assertTrue(inUse.get("message").asText().startsWith("rules[0].targets[0].provider:"), inUse.toString());
        JsonNode dflt = refused(f.call("PUT", D + "/providers", PROVIDERS.replace(",{\"name\":\"b\",\"endpoint\":\"b.cdn-b.net\"}", "")));
        assertTrue(dflt.get("message").asText().contains("default provider"), dflt.toString());

        refused(f.call("DELETE", D + "/providers", null));
        ok(f.call("PUT", D + "/providers/status", "{\"enable\":false}"));
        assertEquals(Map.of("b.cdn-b.net", 1.0), shares("beijing.CN", "cu"));
        ok(f.call("DELETE", D + "/providers", null));
        assertEquals(404, f.call("GET", D + "/providers", null).statusCode());
    }

    @Test
    void theEffectiveStrategyIsTheProvidersTreeWhileTheyAnswerAndTheMapsPathFollowsIt() throws Exception {
        JsonNode before = ok(f.call("GET", D + "/strategy/effective", null));
        assertEquals("strategy", before.get("source").asText());
        assertEquals(0, before.get("strategy").get("rules").size(), "no strategy stored yet");

        ok(f.call("PUT", D + "/providers", PROVIDERS));
        JsonNode e = ok(f.call("GET", D + "/strategy/effective", null));
        assertEquals("providers", e.get("source").asText());
        assertEquals("providers", e.get("strategy").get("start").asText());
        assertEquals("userGroupMapping", e.get("strategy").get("rules").get(0).get("type").asText());
        assertEquals(List.of("a.cdn-a.net", "b.cdn-b.net", "origin.example.com"), e.get("endpointsConf")
                .findValuesAsText("value").stream().sorted().toList(), "the endpoints the providers use");
        JsonNode sim = ok(f.call("POST", D + "/simulate", "{\"area\":\"beijing.CN\",\"isp\":\"cu\"}"));
        List<String> path = sim.get("trace").findValuesAsText("node");
        assertTrue(path.contains("providers") && path.contains("providers-rule-0/origin.example.com"), "the path is the providers' tree: " + sim);
        assertEquals("origin.example.com", sim.get("answers").get(0).get("endpoint").asText());

        ok(f.call("PUT", D + "/providers/status", "{\"enable\":false}"));
        ok(f.call("DELETE", D + "/providers", null));
        ok(f.call("PUT", D + "/traffic", String.format(POOLS, "failOpen")));
        JsonNode pools = ok(f.call("GET", D + "/strategy/effective", null));
        assertEquals("pools", pools.get("source").asText());
        assertEquals(List.of("pools", "pool-main", "tier-1"), pools.get("strategy").get("rules").findValuesAsText("name"));
    }

    private static final String POOLS = "{\"allDown\":\"%s\",\"downTtl\":5,\"pools\":["
            + "{\"name\":\"main\",\"tier\":1,\"weight\":2,\"members\":[{\"endpoint\":\"192.0.2.1\",\"weight\":3},{\"endpoint\":\"192.0.2.2\"}]},"
            + "{\"name\":\"sorry\",\"fallback\":true,\"members\":[{\"endpoint\":\"192.0.2.3\"}]}]}";

    @Test
    void poolsAnswerWithTheirWeightsShortenTheTtlWhenDownAndFallBack() throws Exception {
        ok(f.call("PUT", D + "/traffic", String.format(POOLS, "fallback")));
        assertEquals(Map.of("192.0.2.1", 0.75, "192.0.2.2", 0.25), shares("beijing.CN", "ct"));
        assertEquals(60, ttl());
        f.node.health().set("www.example.com", "192.0.2.1", HealthEvent.State.FAIL);
        f.node.publisher().healthChanged(List.of("www.example.com"), "test");
        assertEquals(Map.of("192.0.2.2", 1.0), shares("beijing.CN", "ct"));
        assertEquals(5, ttl());
        f.node.health().set("www.example.com", "192.0.2.2", HealthEvent.State.FAIL);
        f.node.publisher().healthChanged(List.of("www.example.com"), "test");
        assertEquals(Map.of("192.0.2.3", 1.0), shares("beijing.CN", "ct"));

        JsonNode inUse = refused(f.call("DELETE", "/v1/endpoints", "[{\"domain\":\"www.example.com\",\"endpoint\":\"192.0.2.3\"}]"));
        assertTrue(inUse.get("message").asText().contains("pool 'sorry'"), inUse.toString());

        JsonNode bad = refused(f.call("PUT", D + "/traffic", "{\"pools\":[{\"name\":\"x\",\"tier\":5,\"members\":[{\"endpoint\":\"9.9.9.9\"}]}]}"));
        assertTrue(bad.get("message").asText().startsWith("pools[0].tier:"), bad.toString());
    }

    private int ttl() {
        return f.node.publisher().current().lookup("www.example.com.gtm.lodestar.test").domain().ttl();
    }

    @Test
    void pausingSwitchingFreezesAnswersAndSaysWhoAndWhen() throws Exception {
        ok(f.call("PUT", D + "/traffic", String.format(POOLS, "failOpen")));
        JsonNode s = ok(f.call("PUT", D + "/switching", "{\"paused\":true}"));
        assertTrue(s.get("paused").asBoolean());
        assertEquals("admin", s.get("by").asText());
        JsonNode domain = ok(f.call("GET", D, null));
        assertEquals("pause", domain.get("status").asText());
        assertEquals("admin", domain.get("pausedBy").asText(), "visible in the domain list too");
        assertEquals(s.get("at"), domain.get("pausedAt"));
        f.node.health().set("www.example.com", "192.0.2.1", HealthEvent.State.FAIL);
        f.node.publisher().healthChanged(List.of("www.example.com"), "test");
        assertEquals(Map.of("192.0.2.1", 0.75, "192.0.2.2", 0.25), shares("beijing.CN", "ct"), "frozen");
        JsonNode shown = ok(f.call("GET", D + "/switching", null));
        assertEquals(s, shown);
        ok(f.call("PUT", D + "/switching", "{\"paused\":false}"));
        assertTrue(!ok(f.call("GET", D, null)).has("pausedBy"));
        assertEquals(Map.of("192.0.2.2", 1.0), shares("beijing.CN", "ct"), "switching again");
    }

    @Test
    void aRampStepsThroughItsSharesAndRollsBackWhenTheTargetFails() throws Exception {
        ok(f.call("PUT", D + "/providers", PROVIDERS));
        JsonNode r = ok(f.call("PUT", D + "/ramp", "{\"from\":\"a\",\"to\":\"b\",\"usersets\":\"guangdong.CN/*\","
                + "\"steps\":[10,50,100],\"holdSeconds\":1}"));
        assertEquals("running", r.get("status").asText());
        assertEquals(Map.of("a.cdn-a.net", 0.9, "b.cdn-b.net", 0.1), shares("guangdong.CN", "ct"));
        assertEquals(Map.of("a.cdn-a.net", 1.0), shares("hunan.CN", "ct"));
        JsonNode second = waitFor(n -> n.get("step").asInt() == 1);
        assertEquals(50, second.get("percent").asInt());
        assertEquals(Map.of("a.cdn-a.net", 0.5, "b.cdn-b.net", 0.5), shares("guangdong.CN", "ct"));
        ok(f.call("POST", D + "/ramp/pause", null));
        Thread.sleep(1_500);
        assertEquals(1, ok(f.call("GET", D + "/ramp", null)).get("step").asInt(), "paused: no step");
        ok(f.call("POST", D + "/ramp/resume", null));

        f.node.health().set("www.example.com", "b.cdn-b.net", HealthEvent.State.FAIL);
        JsonNode back = waitFor(n -> n.get("status").asText().equals("rolledBack"));
        assertEquals(0, back.get("step").asInt(), "last good step: 10 %");
        assertEquals(10, back.get("percent").asInt());
        List<String> events = back.get("timeline").findValuesAsText("event");
        assertTrue(events.containsAll(List.of("started", "advanced", "paused", "resumed", "rolledBack")), events.toString());

        // the ramp's state is stored first, then the domain is republished: the history row follows shortly
        String reasons = "";
        for (int i = 0; i < 100 && !reasons.contains("rolled back to 10 %"); i++) {
            Thread.sleep(i == 0 ? 0 : 50);
            reasons = ok(f.call("GET", D + "/distribution/history?from=0", null)).findValuesAsText("reason").toString();
        }
        assertTrue(reasons.contains("step 2 of 3: 50 %") && reasons.contains("rolled back to 10 %"), reasons);
    }

    /** Bodies posted to a loopback webhook, per path. */
    private static com.sun.net.httpserver.HttpServer hooks(Map<String, List<String>> bodies) throws IOException {
        com.sun.net.httpserver.HttpServer s = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
        s.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.computeIfAbsent(ex.getRequestURI().getPath(), k -> new java.util.ArrayList<>()).add(body);
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        s.start();
        return s;
    }

    @Test
    void drillAlertsGoToGroupsHearingDrillAndAPublishedStrategyToThoseHearingPublished() throws Exception {
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        com.sun.net.httpserver.HttpServer hook = hooks(bodies);
        try {
            String url = "http://127.0.0.1:" + hook.getAddress().getPort();
            ok(f.call("POST", "/v1/contacts", "{\"name\":\"drills\",\"webhook\":\"" + url + "/drill\"}"));
            ok(f.call("POST", "/v1/contacts", "{\"name\":\"pubs\",\"webhook\":\"" + url + "/published\"}"));
            ok(f.call("POST", "/v1/contact-groups", "{\"name\":\"d\",\"members\":[\"drills\"]}"));
            ok(f.call("POST", "/v1/contact-groups", "{\"name\":\"p\",\"members\":[\"pubs\"]}"));
            ok(f.call("PUT", D + "/notifications", "{\"d\":[\"drill\"],\"p\":[\"published\"]}"));
            JsonNode n = ok(f.call("GET", D + "/notifications", null));
            assertEquals("[\"drill\"]", n.get("d").toString());

            ok(f.call("PUT", D + "/drill", "{\"endpoints\":[\"192.0.2.1\"]}"));
            ok(f.call("POST", D + "/drill/execute", null));
            ok(f.call("POST", D + "/drill/rollback", null));
            ok(f.call("POST", "/v1/domains/www.example.com/recommend-strategy", null));
            for (int i = 0; i < 200 && (size(bodies, "/drill") < 2 || size(bodies, "/published") < 1); i++) {
                Thread.sleep(25);
            }
            Thread.sleep(300); // anything else on its way arrives too
            synchronized (bodies) {
                List<String> drill = bodies.get("/drill");
                assertEquals(2, drill.size(), drill.toString());
                assertTrue(drill.get(0).contains("\"kind\":\"drill\"") && drill.get(0).contains("192.0.2.1 taken out of service"), drill.get(0));
                assertTrue(drill.get(1).contains("\"kind\":\"drill\"") && drill.get(1).contains("drill rolled back"), drill.get(1));
                List<String> published = bodies.get("/published");
                assertEquals(1, published.size(), "the drill was not a publication: " + published);
                assertTrue(published.get(0).contains("\"kind\":\"published\"")
                        && published.get(0).contains("recommended strategy published"), published.get(0));
            }
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void rollingBackToAnOlderStrategyIsAnnouncedAsAPublication() throws Exception {
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        com.sun.net.httpserver.HttpServer hook = hooks(bodies);
        try {
            String url = "http://127.0.0.1:" + hook.getAddress().getPort();
            ok(f.call("POST", "/v1/contacts", "{\"name\":\"pubs\",\"webhook\":\"" + url + "/published\"}"));
            ok(f.call("POST", "/v1/contact-groups", "{\"name\":\"p\",\"members\":[\"pubs\"]}"));
            ok(f.call("PUT", D + "/notifications", "{\"p\":[\"published\"]}"));
            ok(f.call("POST", D + "/recommend-strategy", null));
            ok(f.call("POST", D + "/recommend-strategy", null));
            long first = ok(f.call("GET", D + "/strategy/versions", null)).get(1).get("version").asLong();
            ok(f.call("POST", D + "/strategy/versions/" + first + "/rollback", null));
            for (int i = 0; i < 200 && size(bodies, "/published") < 3; i++) {
                Thread.sleep(25);
            }
            synchronized (bodies) {
                List<String> published = bodies.get("/published");
                assertEquals(3, published.size(), published.toString());
                assertTrue(published.get(2).contains("\"kind\":\"published\"")
                        && published.get(2).contains("rolled back to version " + first), published.get(2));
            }
        } finally {
            hook.stop(0);
        }
    }

    private static int size(Map<String, List<String>> bodies, String path) {
        synchronized (bodies) {
            return bodies.getOrDefault(path, List.of()).size();
        }
    }

    @Test
    void aWatchingDrillMeasuresTheRealFailoverWhenTheServiceStops() throws Exception {
        java.net.InetAddress a5 = java.net.InetAddress.getByName("127.0.0.5");
        java.net.ServerSocket s5 = new java.net.ServerSocket(0, 50, a5);
        int port = s5.getLocalPort();
        try (java.net.ServerSocket s6 = new java.net.ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.6"))) {
            ok(f.call("POST", "/v1/domains", "[{\"domain\":\"drill.example.com\",\"isItmDomain\":true}]"));
            ok(f.call("POST", "/v1/endpoints", "[{\"domain\":\"drill.example.com\",\"endpoint\":\"127.0.0.5\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                    + "{\"domain\":\"drill.example.com\",\"endpoint\":\"127.0.0.6\",\"area\":\"beijing.CN\",\"isp\":\"ct\"}]"));
            ok(f.call("PUT", "/v1/domains/drill.example.com/status", "{\"status\":\"start\"}"));
            ok(f.call("PUT", "/v1/domains/drill.example.com/traffic", "{\"pools\":[{\"name\":\"main\",\"tier\":1,"
                    + "\"members\":[{\"endpoint\":\"127.0.0.5\"}]},{\"name\":\"backup\",\"tier\":2,\"members\":[{\"endpoint\":\"127.0.0.6\"}]}]}"));
            ok(f.call("PUT", "/v1/domains/drill.example.com/monitor", "{\"protocol\":\"tcp\",\"port\":" + port
                    + ",\"interval\":1,\"timeout\":1,\"window\":2,\"minFailures\":2,\"threshold\":50}"));
            ok(f.call("PUT", "/v1/domains/drill.example.com/drill", "{\"pools\":[\"main\"],\"mode\":\"watch\"}"));
            JsonNode x = ok(f.call("POST", "/v1/domains/drill.example.com/drill/execute", null));
            assertEquals(-1, x.get("measuredMs").asInt(), "nothing forced, nothing measured yet");
            long t0 = System.nanoTime();
            s5.close(); // the operator stops the real service
            JsonNode measured = x;
            for (int i = 0; i < 200 && measured.get("measuredMs").asLong() < 0; i++) {
                Thread.sleep(50);
                measured = ok(f.call("GET", "/v1/domains/drill.example.com/drill", null));
            }
            long ms = measured.get("measuredMs").asLong();
            assertTrue(ms >= 0, measured.toString());
            assertTrue(ms <= (System.nanoTime() - t0) / 1_000_000 + 1_000, "measured " + ms + " ms");
            JsonNode t = ok(f.call("GET", "/v1/domains/drill.example.com/failover-time", null));
            assertEquals((1 + 1) * 2 + 60, t.get("expectedSeconds").asInt());
            assertEquals(ms / 1000.0 + 60, t.get("drillMeasuredSeconds").asDouble(), 1e-9);
            String dist = ok(f.call("GET", "/v1/domains/drill.example.com/distribution", null)).toString();
            assertTrue(dist.contains("127.0.0.6") && !dist.contains("127.0.0.5"), "answers moved to the backup pool");
        } finally {
            s5.close();
        }
    }

    private JsonNode waitFor(java.util.function.Predicate<JsonNode> done) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode n = ok(f.call("GET", D + "/ramp", null));
            if (done.test(n)) {
                return n;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ramp did not get there: " + ok(f.call("GET", D + "/ramp", null)));
    }

    @Test
    void aDrillTakesAPoolOutAndItsRollbackRestoresTheAnswersExactly() throws Exception {
        ok(f.call("PUT", D + "/traffic", String.format(POOLS, "failOpen").replace("\"downTtl\":5,", "")
                .replace("{\"name\":\"sorry\",\"fallback\":true", "{\"name\":\"b\",\"tier\":2")));
        String before = ok(f.call("GET", D + "/distribution", null)).toString();
        ok(f.call("PUT", D + "/drill", "{\"pools\":[\"main\"]}"));
        JsonNode x = ok(f.call("POST", D + "/drill/execute", null));
        assertEquals(List.of("192.0.2.1", "192.0.2.2"), JSON.convertValue(x.get("forced"), List.class));
        assertTrue(x.get("measuredMs").asLong() >= 0);
        assertEquals(Map.of("192.0.2.3", 1.0), shares("beijing.CN", "ct"));
        ok(f.call("POST", D + "/drill/rollback", null));
        assertEquals(before, ok(f.call("GET", D + "/distribution", null)).toString());

        ok(f.call("PUT", D + "/monitor", "{\"protocol\":\"tcp\",\"port\":80,\"interval\":10,\"timeout\":2,\"minFailures\":3}"));
        JsonNode t = ok(f.call("GET", D + "/failover-time", null));
        assertEquals((10 + 2) * 3 + 60, t.get("expectedSeconds").asInt());
        assertTrue(t.has("drillMeasuredMs"));
    }
}
