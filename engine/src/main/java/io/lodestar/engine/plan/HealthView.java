package io.lodestar.engine.plan;

import io.lodestar.engine.model.Endpoint;

/**
 * What the compiler needs to know of health: whether an endpoint may be answered. Implementations
 * follow the written precedence of the health module (operator beats measurement; {@code unknown}
 * and {@code evalHealth=false} count as up).
 */
@FunctionalInterface
public interface HealthView {

    boolean up(Endpoint endpoint);

    /** Everything up: the view used when nothing is measured yet, and for failing open. */
    HealthView ALL_UP = e -> true;
}
