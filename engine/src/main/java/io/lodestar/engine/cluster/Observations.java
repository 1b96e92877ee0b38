package io.lodestar.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestar.engine.health.Failure;
import io.lodestar.engine.health.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A probe result on the wire between nodes: {@code {site, domain, endpoint, at, latencyUs, failure?, detail?}}. */
final class Observations {

    private Observations() {
    }

    static ObjectNode write(String site, String domain, String endpoint, ProbeResult r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("site", site);
        o.put("domain", domain);
        o.put("endpoint", endpoint);
        o.put("at", r.at().toEpochMilli());
        o.put("latencyUs", r.latency().toNanos() / 1000);
        r.failure().ifPresent(f -> {
            o.put("failure", f.kind().name().toLowerCase(Locale.ROOT));
            o.put("detail", f.detail());
        });
        return o;
    }

    /** The result, or empty if the entry is malformed (a newer peer's kind we do not know counts as "other"). */
    static Optional<ProbeResult> read(JsonNode o) {
        if (!o.path("at").canConvertToLong() || !o.path("domain").isTextual() || !o.path("endpoint").isTextual()) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochMilli(o.path("at").asLong());
        Duration latency = Duration.ofNanos(Math.max(0, o.path("latencyUs").asLong()) * 1000);
        if (!o.hasNonNull("failure")) {
            return Optional.of(ProbeResult.ok(at, latency));
        }
        Failure.Kind kind;
        try {
            kind = Failure.Kind.valueOf(o.path("failure").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = Failure.Kind.OTHER;
        }
        return Optional.of(ProbeResult.failed(at, latency, new Failure(kind, o.path("detail").asText(""))));
    }
}
