package io.lodestar.engine.health;

import io.lodestar.engine.store.HealthEvent.State;
import java.util.Map;

/**
 * An endpoint's health for the API's listing.
 *
 * @param latest each monitor point's latest result (latency, failure reason), by point id
 */
public record EndpointStatus(String endpoint, State state, String evidence, Map<String, ProbeResult> latest) {

    public EndpointStatus {
        latest = Map.copyOf(latest);
    }
}
