package io.lodestar.engine.api.client;

import java.util.List;

/** "Probe now" for one endpoint: every monitor point's result. */
public record ProbeOutcome(String endpoint, List<PointResult> points) {

    public ProbeOutcome {
        points = List.copyOf(points);
    }
}
