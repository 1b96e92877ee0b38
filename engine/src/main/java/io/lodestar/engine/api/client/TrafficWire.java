package io.lodestar.engine.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The traffic API's JSON to {@link Traffic}'s records, field by field. */
final class TrafficWire {

    private TrafficWire() {
    }

    static Traffic.Policy policy(JsonNode n) {
        List<String> pools = new ArrayList<>();
        n.path("pools").forEach(p -> pools.add(p.path("name").asText()));
        return new Traffic.Policy(n.path("allDown").asText("failOpen"), n.path("downTtl").asInt(0), pools, n.toString());
    }

    static Traffic.Providers providers(JsonNode n) {
        return new Traffic.Providers(n.path("enable").asBoolean(true), text(n, "defaultProvider"),
                WireMapping.list(n.path("providers"), p -> new Traffic.Provider(text(p, "name"), text(p, "endpoint"))),
                WireMapping.list(n.path("rules"), r -> new Traffic.RegionRule(text(r, "usersets"),
                        WireMapping.list(r.path("targets"), t -> new Traffic.Target(text(t, "provider"),
                                t.path("weight").asInt(1))))));
    }

    /** The {@code PUT …/providers} body; {@code enable} is left out (it changes by {@code …/providers/status} only). */
    static Map<String, Object> providersBody(Traffic.Providers p) {
        List<Map<String, Object>> providers = new ArrayList<>();
        p.providers().forEach(x -> providers.add(ordered("name", x.name(), "endpoint", x.endpoint())));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Traffic.RegionRule r : p.rules()) {
            List<Map<String, Object>> targets = new ArrayList<>();
            r.targets().forEach(t -> targets.add(ordered("provider", t.provider(), "weight", t.weight())));
            rules.add(ordered("usersets", r.usersets(), "targets", targets));
        }
        Map<String, Object> m = ordered("defaultProvider", p.defaultProvider(), "providers", providers);
        m.put("rules", rules);
        return m;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static Traffic.Switching switching(JsonNode n) {
        return new Traffic.Switching(n.path("paused").asBoolean(), text(n, "by"), text(n, "at"));
    }

    static Traffic.Ramp ramp(JsonNode n) {
        return new Traffic.Ramp(text(n, "from"), text(n, "to"), text(n, "usersets"),
                WireMapping.list(n.path("steps"), JsonNode::asInt), n.path("holdSeconds").asInt(),
                n.path("maxLatencyMs").asInt(), text(n, "status"), n.path("step").asInt(), n.path("percent").asInt(),
                n.path("lastGoodStep").asInt(-1), text(n, "stepSince"),
                WireMapping.list(n.path("timeline"), e -> new Traffic.RampEvent(text(e, "at"), text(e, "event"),
                        e.path("step").asInt(), e.path("percent").asInt(), text(e, "detail"))));
    }

    static Traffic.Drill drill(JsonNode n) {
        long ms = n.path("measuredMs").asLong(-1);
        return new Traffic.Drill(text(n, "mode"), strings(n.path("endpoints")), strings(n.path("pools")),
                n.path("executed").asBoolean(), strings(n.path("forced")), text(n, "executedAt"), text(n, "executedBy"),
                text(n, "rolledBackAt"), text(n, "rolledBackBy"), ms >= 0 ? OptionalLong.of(ms) : OptionalLong.empty());
    }

    static Traffic.FailoverTime failoverTime(JsonNode n) {
        JsonNode e = n.path("expectedSeconds");
        return new Traffic.FailoverTime(text(n, "domain"), n.path("ttl").asInt(), n.path("interval").asInt(),
                n.path("timeout").asInt(), n.path("minFailures").asInt(),
                e.isNumber() ? OptionalInt.of(e.asInt()) : OptionalInt.empty(),
                n.has("drillMeasuredMs") ? OptionalLong.of(n.get("drillMeasuredMs").asLong()) : OptionalLong.empty(),
                n.has("drillMeasuredSeconds") ? OptionalDouble.of(n.get("drillMeasuredSeconds").asDouble()) : OptionalDouble.empty());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        return WireMapping.list(array, JsonNode::asText);
    }
}
