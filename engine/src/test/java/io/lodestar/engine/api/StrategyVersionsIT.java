package io.lodestar.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategy versions, rollback, the draft recommendation and what-if simulation with a path trace, over HTTP. */
class StrategyVersionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String D = "v.example.com";
    @TempDir
    Path dir;
    private NodeFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new NodeFixture(dir);
        ok(f.call("POST", "/v1/domains", "[{\"domain\":\"" + D + "\"}]"));
        ok(f.call("POST", "/v1/endpoints", "[{\"domain\":\"" + D + "\",\"endpoint\":\"1.1.1.1\",\"area\":\"beijing.CN\",\"isp\":\"ct\"},"
                + "{\"domain\":\"" + D + "\",\"endpoint\":\"2.2.2.2\",\"area\":\"shanghai.CN\",\"isp\":\"ct\"}]"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private JsonNode ok(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body().isEmpty() ? "null" : r.body());
    }

    private static String tree(String type, String root) {
        return "{\"strategy\":{\"start\":\"" + root + "\",\"rules\":[{\"type\":\"" + type + "\",\"area\":\"none.CN\",\"isp\":\"other\","
                + "\"name\":\"" + root + "\",\"enable\":true,\"items\":[{\"reference\":\"1.1.1.1\",\"weight\":1,\"priority\":1,\"usersets\":\"\"},"
                + "{\"reference\":\"2.2.2.2\",\"weight\":1,\"priority\":2,\"usersets\":\"\"}]}]}}";
    }

    private void publish(String doc) throws Exception {
        ok(f.call("POST", "/v1/strategys/update-or-create", "{\"" + D + "\":" + doc + "}"));
    }

    @Test
    void everyPublishedStrategyIsKeptAndAnOlderOneCanBeRolledBackAudited() throws Exception {
        publish(tree("geoProximity", "near"));
        publish(tree("priority", "primary"));
        JsonNode versions = ok(f.call("GET", "/v1/domains/" + D + "/strategy/versions", null));
        assertEquals(2, versions.size());
        assertEquals(2, versions.get(0).get("version").asInt());
        assertTrue(!versions.get(0).get("actor").asText().isEmpty(), versions.toString());
        JsonNode v1 = ok(f.call("GET", "/v1/domains/" + D + "/strategy/versions/1", null));
        assertEquals("near", v1.at("/strategy/start").asText());
        JsonNode rolled = ok(f.call("POST", "/v1/domains/" + D + "/strategy/versions/1/rollback", null));
        assertEquals(3, rolled.get("version").asInt());
        assertEquals("near", ok(f.call("GET", "/v1/domains/" + D + "/strategy", null)).at("/strategy/start").asText());
        JsonNode after = ok(f.call("GET", "/v1/domains/" + D + "/strategy/versions", null));
        assertEquals("rollback to 1", after.get(0).get("note").asText());
        JsonNode audit = ok(f.call("GET", "/v1/audit?target=" + D, null));
        assertTrue(audit.toString().contains("strategy.rollback"), audit.toString());
        // shanghai users now go to the nearest again
        JsonNode sim = ok(f.call("POST", "/v1/domains/" + D + "/simulate", "{\"area\":\"zhejiang.CN\",\"isp\":\"ct\"}"));
        assertEquals("2.2.2.2", sim.at("/answers/0/endpoint").asText());
    }

    @Test
    void unknownVersionsAre404AndMalformedOnes400() throws Exception {
        publish(tree("wrr", "spread"));
        assertEquals(404, f.call("GET", "/v1/domains/" + D + "/strategy/versions/9", null).statusCode());
        assertEquals(404, f.call("POST", "/v1/domains/" + D + "/strategy/versions/9/rollback", null).statusCode());
        HttpResponse<String> bad = f.call("GET", "/v1/domains/" + D + "/strategy/versions/x", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("version"), bad.body());
    }

    @Test
    void theRecommendedStrategyCanBeReadAsADraftWithoutPublishingIt() throws Exception {
        JsonNode draft = ok(f.call("GET", "/v1/domains/" + D + "/recommended-strategy", null));
        assertEquals("根规则", draft.at("/strategy/start").asText());
        assertEquals(0, ok(f.call("GET", "/v1/domains/" + D + "/strategy/versions", null)).size());
        assertEquals(0, ok(f.call("GET", "/v1/domains/" + D + "/strategy", null)).at("/strategy/rules").size());
    }

    @Test
    void simulationTracesThePathAndAnswersWhatIfFailuresAndDraftsWithoutPublishing() throws Exception {
        publish(tree("priority", "primary"));
        JsonNode live = ok(f.call("POST", "/v1/domains/" + D + "/simulate", "{\"area\":\"guangdong.CN\",\"isp\":\"ct\"}"));
        assertEquals("1.1.1.1", live.at("/answers/0/endpoint").asText());
        assertEquals("primary", live.at("/trace/0/node").asText());
        assertEquals("alive", live.at("/trace/0/state").asText());
        assertEquals(1.0, live.at("/trace/1/share").asDouble(), 1e-9);
        JsonNode failed = ok(f.call("POST", "/v1/domains/" + D + "/simulate",
                "{\"area\":\"guangdong.CN\",\"isp\":\"ct\",\"failed\":[\"1.1.1.1\"],\"all\":true}"));
        assertEquals("2.2.2.2", failed.at("/answers/0/endpoint").asText());
        assertEquals("dead", failed.at("/trace/1/state").asText());
        assertEquals("primary/2.2.2.2", failed.at("/trace/2/node").asText());
        assertEquals(1.0, failed.at("/trace/2/share").asDouble(), 1e-9);
        assertTrue(failed.get("distribution").get("groups").size() > 60);
        JsonNode draft = ok(f.call("POST", "/v1/domains/" + D + "/simulate",
                "{\"area\":\"zhejiang.CN\",\"isp\":\"ct\",\"draft\":" + tree("geoProximity", "near") + "}"));
        assertEquals("2.2.2.2", draft.at("/answers/0/endpoint").asText());
        assertEquals("near", draft.at("/trace/0/node").asText());
        assertEquals("primary", ok(f.call("GET", "/v1/domains/" + D + "/strategy", null)).at("/strategy/start").asText());
        HttpResponse<String> unknown = f.call("POST", "/v1/domains/" + D + "/simulate",
                "{\"area\":\"zhejiang.CN\",\"isp\":\"ct\",\"failed\":[\"9.9.9.9\"]}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("failed[0]"), unknown.body());
    }
}
