package io.lodestar.engine.health;

import io.lodestar.engine.store.HealthEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An endpoint's verdict changed; becomes a {@link HealthEvent} row through {@link #event()}.
 *
 * @param endpoint the endpoint's key (value text)
 * @param evidence why, in words, e.g. "2 of last 3 probes failed at none.CN/other: refused;
 *                 1 of 1 points failing > 80 %"
 */
public record VerdictChange(String domain, String endpoint, HealthEvent.State from, HealthEvent.State to,
                            String evidence, Instant at) {

    public VerdictChange {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(at, "at");
    }

    public HealthEvent event() {
        return new HealthEvent(at, domain, endpoint, from, to, evidence);
    }
}
