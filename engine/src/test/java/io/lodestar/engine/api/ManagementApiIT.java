package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.node.DomainEntry;
import io.lodestar.engine.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's API examples, verbatim, against a real node over HTTP on loopback. */
class ManagementApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private NodeFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new NodeFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static String seed(String name) throws IOException {
        try (InputStream in = ManagementApiIT.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private JsonNode ok(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void seedExamplesWorkVerbatimFromDomainsToStrategy() throws Exception {
        JsonNode created = ok(f.call("POST", "/v1/domains", seed("api/create-domains.json")));
        assertEquals("www.test.com", created.get(0).get("domain").asText());

        JsonNode domains = ok(f.call("GET", "/v1/domains", null));
        assertEquals(2, domains.size());
        JsonNode test = domains.get(0).get("domain").asText().equals("www.test.com") ? domains.get(0) : domains.get(1);
        assertEquals("www.test.com.gtm.lodestar.test", test.get("CNAME").asText());
        assertEquals("", test.get("status").asText());
        assertEquals("STARTED", test.get("resourceStatus").asText());
        assertEquals(false, test.get("hasDistribution").asBoolean());

        assertEquals("null", ok(f.call("POST", "/v1/endpoints", seed("api/add-endpoints.json"))).toString());
        JsonNode eps = ok(f.call("GET", "/v1/endpoints?domain=www.mydomain.com", null));
        assertEquals("1.1.1.1", eps.get(0).get("endpoint").asText());
        assertEquals("A", eps.get(0).get("type").asText());
        assertEquals("beijing.CN", eps.get(0).get("area").asText());
        assertEquals("ct", eps.get(0).get("isp").asText());
        assertEquals("unknown", eps.get(0).get("status").asText());

        // modify: the seed's example names www.test.com, so give it the endpoint first
        ok(f.call("POST", "/v1/endpoints", seed("api/add-endpoints.json").replace("www.mydomain.com", "www.test.com")
                .replace("\"ct\"", "\"cu\"")));
        ok(f.call("PUT", "/v1/endpoints", seed("api/modify-endpoints.json")));
        assertEquals("ct", ok(f.call("GET", "/v1/endpoints?domain=www.test.com", null)).get(0).get("isp").asText());

        // recommend → the seed's own shape, enabled, answering
        ok(f.call("POST", "/v1/domains/www.test.com/recommend-strategy", null));
        JsonNode strategy = ok(f.call("GET", "/v1/domains/www.test.com/strategy", null));
        assertEquals("start", strategy.get("status").asText());
        assertEquals("根规则", strategy.at("/strategy/start").asText());
        assertEquals("geoProximity", strategy.at("/strategy/rules/0/type").asText());
        assertEquals("北京", strategy.at("/strategy/rules/1/name").asText());
        assertEquals("1.1.1.1", strategy.at("/endpointsConf/0/value").asText());
        DomainEntry entry = f.node.snapshots().get().lookup("www.test.com.gtm.lodestar.test");
        assertNotNull(entry);
        assertEquals("1.1.1.1", entry.plan().pick(Family.V4, Fixtures.group("guangdong.CN/cm"), null, 0.5).key());
        assertTrue(ok(f.call("GET", "/v1/domains", null)).findValues("hasDistribution").stream().anyMatch(JsonNode::asBoolean));

        // the seed's update-or-create body, for its own domain
        ok(f.call("POST", "/v1/domains", "[{\"domain\": \"itmdomain-test.com.4\", \"isItmDomain\": true}]"));
        ok(f.call("POST", "/v1/strategys/update-or-create", seed("update-or-create.json")));
        JsonNode s4 = ok(f.call("GET", "/v1/domains/itmdomain-test.com.4/strategy", null));
        assertEquals("安徽", s4.at("/strategy/rules/1/name").asText());
        assertEquals("anhui.CN", ok(f.call("GET", "/v1/endpoints?domain=itmdomain-test.com.4", null)).get(0).get("area").asText());
        assertNotNull(f.node.snapshots().get().lookup("itmdomain-test.com.4.gtm.lodestar.test"));

        // deleting an endpoint the strategy uses is refused and changes nothing; del-with-regen does it
        String before = f.dump();
        HttpResponse<String> refused = f.call("DELETE", "/v1/endpoints", seed("api/delete-endpoints.json").replace("www.mydomain.com", "www.test.com"));
        assertEquals(400, refused.statusCode());
        assertTrue(JSON.readTree(refused.body()).get("message").asText().contains("del-with-regen-strategy"), refused.body());
        assertEquals(before, f.dump());
        ok(f.call("POST", "/v1/endpoints", "[{\"domain\":\"www.test.com\",\"endpoint\":\"2.2.2.2\",\"type\":\"A\",\"area\":\"shanghai.CN\",\"isp\":\"cu\",\"tag\":\"\"}]"));
        ok(f.call("DELETE", "/v1/endpoints/del-with-regen-strategy", seed("api/delete-endpoints.json").replace("www.mydomain.com", "www.test.com")));
        JsonNode regenerated = ok(f.call("GET", "/v1/domains/www.test.com/strategy", null));
        assertEquals("上海", regenerated.at("/strategy/rules/1/name").asText());

        // the seed's delete examples
        ok(f.call("DELETE", "/v1/endpoints", seed("api/delete-endpoints.json")));
        assertEquals(0, ok(f.call("GET", "/v1/endpoints?domain=www.mydomain.com", null)).size());
        ok(f.call("DELETE", "/v1/domains", seed("api/delete-domains.json")));
        assertEquals(2, ok(f.call("GET", "/v1/domains", null)).size());

        JsonNode audit = ok(f.call("GET", "/v1/audit?limit=100", null));
        assertTrue(audit.size() >= 10);
        assertEquals("admin", audit.get(0).get("actor").asText());
    }

    @Test
    void statusStopAndPauseAreStoredAndShown() throws Exception {
        ok(f.call("POST", "/v1/domains", seed("api/create-domains.json")));
        JsonNode d = ok(f.call("PUT", "/v1/domains/www.test.com/status", "{\"status\": \"stop\", \"ttl\": 30}"));
        assertEquals("stop", d.get("status").asText());
        assertEquals("STOPPED", d.get("resourceStatus").asText());
        assertEquals(30, d.get("ttl").asInt());
        assertEquals("stop", f.node.snapshots().get().lookup("www.test.com.gtm.lodestar.test").domain().status().wire());
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        HttpResponse<String> r = f.call("GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(r.body().contains("lodestar_snapshot_version"), r.body());
        assertTrue(r.body().contains("lodestar_plan_compile_seconds"), r.body());
    }

    @Test
    void scheduleResultAndItsHistoryAreServed() throws Exception {
        ok(f.call("POST", "/v1/domains", "[{\"domain\":\"h.example.com\"}]"));
        ok(f.call("POST", "/v1/endpoints", "[{\"domain\":\"h.example.com\",\"endpoint\":\"1.1.1.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"h.example.com\",\"endpoint\":\"2.2.2.2\",\"area\":\"shanghai.CN\",\"isp\":\"ct\"}]"));
        ok(f.call("POST", "/v1/domains/h.example.com/recommend-strategy", null));
        JsonNode dist = ok(f.call("GET", "/v1/domains/h.example.com/distribution", null));
        boolean found = false;
        for (JsonNode g : dist.get("groups")) {
            if (g.get("area").asText().equals("zhejiang.CN") && g.get("isp").asText().equals("ct") && g.get("family").asText().equals("A")) {
                assertEquals("2.2.2.2", g.at("/shares/0/endpoint").asText());
                found = true;
            }
        }
        assertTrue(found);
        JsonNode sim = ok(f.call("POST", "/v1/domains/h.example.com/simulate", "{\"ip\":\"202.96.128.86\"}"));
        assertEquals("guangdong.CN", sim.get("area").asText());
        assertEquals("ct", sim.get("isp").asText());
        assertEquals("2.2.2.2", sim.at("/answers/0/endpoint").asText());
        assertEquals(1.0, sim.at("/answers/0/share").asDouble(), 1e-9);
        JsonNode simGroup = ok(f.call("POST", "/v1/domains/h.example.com/simulate", "{\"area\":\"hebei.CN\",\"isp\":\"cu\"}"));
        assertEquals("1.1.1.1", simGroup.at("/answers/0/endpoint").asText());
        HttpResponse<String> bad = f.call("POST", "/v1/domains/h.example.com/simulate", "{\"ip\":\"not-an-ip\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("ip"), bad.body());
        assertEquals("local", ok(f.call("GET", "/v1/nodes", null)).get(0).get("name").asText());
        JsonNode history = ok(f.call("GET", "/v1/domains/h.example.com/distribution/history?from=2000-01-01T00:00:00Z", null));
        assertTrue(history.get("rows").size() >= 2, history.toString());
        assertEquals("recommended strategy published", history.get("rows").get(history.get("rows").size() - 1).get("reason").asText());
    }
}
