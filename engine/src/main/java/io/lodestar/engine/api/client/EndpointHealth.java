package io.lodestar.engine.api.client;

import java.util.List;

/** An endpoint's verdict ({@code ok}/{@code fail}/{@code unknown}), its evidence, each point's latest probe. */
public record EndpointHealth(String endpoint, String status, String evidence, List<PointResult> points) {

    public EndpointHealth {
        points = List.copyOf(points);
    }
}
