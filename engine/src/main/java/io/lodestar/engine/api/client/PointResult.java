package io.lodestar.engine.api.client;

/** One monitor point's probe of one endpoint: ok or the failure reason, and how long it took. */
public record PointResult(String point, boolean ok, String at, double latencyMs, String failure) {
}
