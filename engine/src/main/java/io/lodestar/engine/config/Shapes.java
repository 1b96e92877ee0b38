package io.lodestar.engine.config;

import io.lodestar.engine.model.Contact;
import io.lodestar.engine.model.ContactGroup;
import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Monitor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's field names for the model, as ordered maps: one shape shared by the API's responses
 * and the audit log's before/after, so the two can never disagree.
 */
public final class Shapes {

    private Shapes() {
    }

    public static Map<String, Object> of(Domain d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.name());
        m.put("isItmDomain", d.itmDomain());
        m.put("status", d.status().wire());
        m.put("ttl", d.ttl());
        return m;
    }

    public static Map<String, Object> of(Endpoint e) {
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

    public static Map<String, Object> of(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("email", c.email().orElse(""));
        m.put("phone", c.phone().orElse(""));
        m.put("webhook", c.webhook().orElse(""));
        return m;
    }

    public static Map<String, Object> of(ContactGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("members", g.members());
        return m;
    }

    public static Map<String, Object> of(Monitor mo) {
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
