package io.lodestar.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.store.Tx;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Writes audit entries (who, when, what, before/after as JSON) inside the change's transaction. */
final class Audit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Audit() {
    }

    static void record(Tx tx, String actor, String action, String target, Object before, Object after)
            throws SQLException {
        tx.audit().append(actor, action, target, json(before), json(after));
    }

    static Optional<String> json(Object o) {
        if (o == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable", e);
        }
    }

    static Map<String, Object> of(Domain d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.name());
        m.put("isItmDomain", d.itmDomain());
        m.put("status", d.status().wire());
        m.put("ttl", d.ttl());
        return m;
    }

    static Map<String, Object> of(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", e.domain());
        m.put("endpoint", e.key());
        m.put("type", e.type().name());
        m.put("area", e.area());
        m.put("isp", e.isp());
        m.put("tag", e.tagText());
        m.put("weight", e.weight());
        m.put("enable", e.enable());
        m.put("evalHealth", e.evalHealth());
        return m;
    }

    static Map<String, Object> of(io.lodestar.engine.model.Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("email", c.email().orElse(""));
        m.put("phone", c.phone().orElse(""));
        m.put("webhook", c.webhook().orElse(""));
        return m;
    }

    static Map<String, Object> of(io.lodestar.engine.model.ContactGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("members", g.members());
        return m;
    }

    static Map<String, Object> of(Monitor mo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", mo.protocol().wire());
        m.put("port", mo.port());
        m.put("path", mo.path());
        m.put("host", mo.host().orElse(""));
        m.put("expectCodes", String.join(",", mo.expectCodes()));
        m.put("timeout", mo.timeout());
        m.put("interval", mo.interval());
        m.put("threshold", mo.threshold());
        m.put("window", mo.window());
        m.put("minFailures", mo.minFailures());
        m.put("method", mo.method());
        m.put("bodyContains", mo.bodyContains().orElse(""));
        m.put("verifyTls", mo.verifyTls());
        return m;
    }
}
