package io.lodestar.engine.api;

import io.lodestar.engine.config.DomainView;
import io.lodestar.engine.config.EndpointService;
import io.lodestar.engine.config.Shapes;
import io.lodestar.engine.config.TokenService;
import io.lodestar.engine.model.Monitor;
import io.lodestar.engine.store.ApiToken;
import io.lodestar.engine.store.AuditEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response shapes, field for field as the seed names them (Lodestar's additions after the seed's). */
final class Views {

    static final String JSON = "application/json; charset=utf-8";

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private Views() {
    }

    /** Stored JSON text embedded as JSON, not as a string. */
    static Object tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    static Map<String, Object> domain(DomainView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.domain());
        m.put("CNAME", d.cname());
        m.put("status", d.status());
        m.put("monitorStatus", d.monitorStatus());
        m.put("resourceStatus", d.resourceStatus());
        m.put("hasDistribution", d.hasDistribution());
        m.put("isItmDomain", d.itmDomain());
        m.put("ttl", d.ttl());
        if (!d.pausedBy().isEmpty()) {
            m.put("pausedBy", d.pausedBy());
            m.put("pausedAt", d.pausedAt());
        }
        return m;
    }

    static Map<String, Object> endpoint(EndpointService.Listed l) {
        Map<String, Object> m = Shapes.of(l.endpoint());
        m.put("status", l.status().wire());
        return m;
    }

    static Map<String, Object> monitor(Monitor mo, boolean configured) {
        Map<String, Object> m = Shapes.of(mo);
        m.put("configured", configured);
        return m;
    }

    static Map<String, Object> token(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("role", t.role().wire());
        m.put("createdAt", t.createdAt().toString());
        m.put("lastUsedAt", t.lastUsedAt().map(Object::toString).orElse(null));
        return m;
    }

    static Map<String, Object> issued(TokenService.Issued i) {
        Map<String, Object> m = token(i.token());
        m.put("token", i.secret());
        return m;
    }

    static Map<String, Object> audit(AuditEntry a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("at", a.at().toString());
        m.put("actor", a.actor());
        m.put("action", a.action());
        m.put("target", a.target());
        m.put("before", a.before().map(Views::tree).orElse(null));
        m.put("after", a.after().map(Views::tree).orElse(null));
        return m;
    }
}
