package io.lodestar.engine.api.client;

/** A node as {@code GET /v1/nodes} lists it. */
public record NodeInfo(String name, String role, String site, String zone, long snapshotVersion, String version,
                       boolean online) {
}
