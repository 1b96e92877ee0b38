package io.lodestar.engine.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The API's JSON shapes (see {@code api.Views}) to the client's records and back, field by field. */
final class WireMapping {

    private WireMapping() {
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return out;
    }

    static DomainInfo domain(JsonNode n) {
        return new DomainInfo(n.path("domain").asText(), n.path("CNAME").asText(), n.path("status").asText(""),
                n.path("monitorStatus").asText(""), n.path("resourceStatus").asText(""),
                n.path("hasDistribution").asBoolean(), n.path("isItmDomain").asBoolean(true), n.path("ttl").asInt(60));
    }

    static EndpointInfo endpoint(JsonNode n) {
        return new EndpointInfo(n.path("domain").asText(), n.path("endpoint").asText(), n.path("type").asText(),
                n.path("area").asText(), n.path("isp").asText(), n.path("tag").asText(""), n.path("weight").asInt(1),
                n.path("enable").asBoolean(true), n.path("evalHealth").asBoolean(true), n.path("status").asText("unknown"));
    }

    static List<Map<String, Object>> endpointRows(List<EndpointInfo> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EndpointInfo e : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", e.domain());
            m.put("endpoint", e.endpoint());
            m.put("type", e.type());
            m.put("area", e.area());
            m.put("isp", e.isp());
            m.put("tag", e.tag());
            m.put("weight", e.weight());
            m.put("enable", e.enable());
            m.put("evalHealth", e.evalHealth());
            out.add(m);
        }
        return out;
    }

    static MonitorSettings monitor(JsonNode n) {
        return new MonitorSettings(n.path("protocol").asText(), n.path("port").asInt(), n.path("path").asText(),
                n.path("host").asText(""), n.path("expectCodes").asText(""), n.path("timeout").asInt(),
                n.path("interval").asInt(), n.path("threshold").asInt(), n.path("window").asInt(),
                n.path("minFailures").asInt(), n.path("method").asText(""), n.path("bodyContains").asText(""),
                n.path("verifyTls").asBoolean(), n.path("configured").asBoolean());
    }

    static Map<String, Object> monitorBody(MonitorSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", s.protocol());
        m.put("port", s.port());
        m.put("path", s.path());
        m.put("host", s.host().isEmpty() ? null : s.host());
        m.put("expectCodes", s.expectCodes().isEmpty() ? null : s.expectCodes());
        m.put("timeout", s.timeout());
        m.put("interval", s.interval());
        m.put("threshold", s.threshold());
        m.put("window", s.window());
        m.put("minFailures", s.minFailures());
        m.put("method", s.method().isEmpty() ? null : s.method());
        m.put("bodyContains", s.bodyContains().isEmpty() ? null : s.bodyContains());
        m.put("verifyTls", s.verifyTls());
        m.values().removeIf(v -> v == null);
        return m;
    }

    static List<PointResult> points(JsonNode byPoint) {
        List<PointResult> out = new ArrayList<>();
        byPoint.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            out.add(new PointResult(e.getKey(), p.path("ok").asBoolean(), p.path("at").asText(""),
                    p.path("latencyMs").asDouble(), p.path("failure").asText("")));
        });
        return out;
    }

    static EndpointHealth health(JsonNode n) {
        return new EndpointHealth(n.path("endpoint").asText(), n.path("status").asText("unknown"),
                n.path("evidence").asText(""), points(n.path("points")));
    }

    static Distribution distribution(JsonNode n) {
        List<Distribution.Group> groups = new ArrayList<>();
        for (JsonNode g : n.path("groups")) {
            List<Distribution.Share> shares = list(g.path("shares"),
                    s -> new Distribution.Share(s.path("endpoint").asText(), s.path("share").asDouble()));
            groups.add(new Distribution.Group(g.path("area").asText(), g.path("isp").asText(), g.path("cidr").asText(""),
                    g.path("family").asText("A"), g.path("failOpen").asBoolean(false), shares));
        }
        return new Distribution(n.path("domain").asText(), groups);
    }

    static Simulation simulation(JsonNode n) {
        List<Distribution.Share> answers = list(n.path("answers"),
                s -> new Distribution.Share(s.path("endpoint").asText(), s.path("share").asDouble()));
        List<Simulation.Step> trace = list(n.path("trace"), s -> new Simulation.Step(s.path("node").asText(),
                s.path("parent").asText(""), s.path("kind").asText(), s.path("state").asText(), s.path("share").asDouble()));
        return new Simulation(n.path("area").asText(""), n.path("isp").asText(""), answers, n.path("failOpen").asBoolean(),
                trace, n.has("distribution") ? java.util.Optional.of(distribution(n.path("distribution"))) : java.util.Optional.empty());
    }

    static DistributionHistory history(JsonNode n, java.time.Instant from, java.time.Instant to) {
        List<DistributionHistory.Moment> moments = new ArrayList<>();
        if (n.path("before").isObject()) {
            moments.add(moment(n.path("before")));
        }
        n.path("rows").forEach(r -> moments.add(moment(r)));
        return new DistributionHistory(n.path("domain").asText(), from, to, moments);
    }

    private static DistributionHistory.Moment moment(JsonNode r) {
        return new DistributionHistory.Moment(java.time.Instant.parse(r.path("at").asText()), r.path("reason").asText(""),
                distribution(r.path("result")));
    }

    static ContactInfo contact(JsonNode n) {
        return new ContactInfo(n.path("name").asText(), n.path("email").asText(""), n.path("phone").asText(""),
                n.path("webhook").asText(""));
    }

    static ContactGroupInfo group(JsonNode n) {
        return new ContactGroupInfo(n.path("name").asText(), list(n.path("members"), JsonNode::asText));
    }

    static AlertInfo alert(JsonNode n) {
        return new AlertInfo(n.path("time").asText(""), n.path("contact").asText(""), n.path("kind").asText(""),
                n.path("title").asText(""), n.path("channel").asText(""), n.path("ok").asBoolean());
    }

    /** A channel's outcome of a test send; {@code contact} when the answer does not name it. */
    static DeliveryInfo delivery(JsonNode n, String contact) {
        return new DeliveryInfo(n.path("contact").asText(contact), n.path("channel").asText(), n.path("address").asText(""),
                n.path("ok").asBoolean(), n.path("outcome").asText(""), n.path("detail").asText(""));
    }

    static TokenInfo token(JsonNode n) {
        return new TokenInfo(n.path("name").asText(), n.path("role").asText(), n.path("createdAt").asText(""),
                n.path("lastUsedAt").isNull() ? "" : n.path("lastUsedAt").asText(""), n.path("token").asText(""));
    }

    static AuditRecord audit(JsonNode n) {
        return new AuditRecord(n.path("id").asLong(), n.path("at").asText(), n.path("actor").asText(),
                n.path("action").asText(), n.path("target").asText(""),
                n.path("before").isMissingNode() || n.path("before").isNull() ? "" : n.path("before").toString(),
                n.path("after").isMissingNode() || n.path("after").isNull() ? "" : n.path("after").toString());
    }

    static NodeInfo node(JsonNode n) {
        List<String> failing = new java.util.ArrayList<>();
        n.path("failing").forEach(f -> failing.add(f.asText()));
        return new NodeInfo(n.path("name").asText(), n.path("role").asText(), n.path("site").asText(),
                n.path("zone").asText(), n.path("snapshotVersion").asLong(), n.path("version").asText(),
                n.path("online").asBoolean(), n.path("id").asText(n.path("name").asText()), n.path("url").asText(""),
                n.path("status").asText("ok"), n.path("lag").asLong(), n.path("lastContact").asText(""),
                n.path("error").asText(""), failing, n.path("queriesPerSecond").asDouble());
    }
}
