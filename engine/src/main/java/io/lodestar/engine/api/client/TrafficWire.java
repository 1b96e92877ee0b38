package io.lodestar.engine.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
