package io.lodestar.engine.notify;

import io.lodestar.engine.store.EventKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something happened to a domain that contact groups may hear of (the health monitor's verdicts,
 * the publisher's new results). Alerts about the same endpoint (or, for all-down, the same domain)
 * share an {@link #incidentKey() incident}: a down opens it, a recovery closes it.
 *
 * @param endpoint the endpoint's value (e.g. {@code 1.1.1.1}); empty for domain-wide events
 */
public record Alert(EventKind kind, String domain, Optional<String> endpoint, Instant time, String title, String text)
        implements Notice {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if ((kind == EventKind.ENDPOINT_DOWN || kind == EventKind.ENDPOINT_UP) && endpoint.isEmpty()) {
            throw new IllegalArgumentException(kind.wire() + " needs an endpoint");
        }
    }

    /** "www.example.com: 1.1.1.1 is down — 2 of last 3 probes failed: connection refused". */
    public static Alert endpointDown(String domain, String endpoint, Instant time, String evidence) {
        String title = domain + ": " + endpoint + " is down";
        return new Alert(EventKind.ENDPOINT_DOWN, domain, Optional.of(endpoint), time, title, title + " — " + evidence);
    }

    /** "www.example.com: 1.1.1.1 is up again — 3 of last 3 probes succeeded". */
    public static Alert endpointUp(String domain, String endpoint, Instant time, String evidence) {
        String title = domain + ": " + endpoint + " is up again";
        return new Alert(EventKind.ENDPOINT_UP, domain, Optional.of(endpoint), time, title, title + " — " + evidence);
    }

    /** Every endpoint a user group could get is down; answers fail open (CONTRACT §4). */
    public static Alert allDown(String domain, Instant time, String evidence) {
        String title = domain + ": all endpoints are down";
        return new Alert(EventKind.ALL_DOWN, domain, Optional.empty(), time, title,
                title + " — answers fail open to every endpoint — " + evidence);
    }

    /** A new schedule result was published, with the reason the publisher gives. */
    public static Alert published(String domain, Instant time, String reason) {
        String title = domain + ": new schedule result published";
        return new Alert(EventKind.PUBLISHED, domain, Optional.empty(), time, title, title + " — " + reason);
    }

    /** A gray migration moved: "www.example.com: gray migration rolled back — …" (event {@code ramp}). */
    public static Alert ramp(String domain, Instant time, String what, String detail) {
        String title = domain + ": gray migration " + what;
        return new Alert(EventKind.RAMP, domain, Optional.empty(), time, title, title + " — " + detail);
    }

    /** {@code domain/endpoint}, or {@code domain} for domain-wide events. */
    public String incidentKey() {
        return endpoint.map(e -> domain + "/" + e).orElse(domain);
    }

    @Override
    public String wireKind() {
        return kind.wire();
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.wire());
        m.put("domain", domain);
        m.put("endpoint", endpoint.orElse(""));
        m.put("incident", incidentKey());
        m.put("time", time.toString());
        m.put("title", title);
        m.put("text", text);
        return m;
    }
}
