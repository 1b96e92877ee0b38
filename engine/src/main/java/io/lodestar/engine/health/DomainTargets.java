package io.lodestar.engine.health;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Monitor;
import java.util.List;
import java.util.Objects;

/** What to probe for one domain: its monitor and its endpoints (all of them; {@code evalHealth=false} ones are skipped). */
public record DomainTargets(Monitor monitor, List<Endpoint> endpoints) {

    public DomainTargets {
        Objects.requireNonNull(monitor, "monitor");
        endpoints = List.copyOf(endpoints);
    }
}
