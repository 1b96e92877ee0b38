package io.lodestar.engine.api.client;

import java.util.List;

/**
 * A node as {@code GET /v1/nodes} lists it: this node first, then (on a control node) each member.
 *
 * @param status        {@code ok}, {@code degraded} (a monitor point cannot be heard), {@code lagging},
 *                      {@code failed} (the last push was refused; {@code error} says why) or {@code unreachable}
 * @param lag           snapshots this node is behind the control node
 * @param lastContact   ISO-8601, empty if never
 * @param failing       endpoints this node's own verdicts have down, as {@code domain endpoint}
 * @param queriesPerSecond DNS queries per second answered, measured between its last two reports
 */
public record NodeInfo(String name, String role, String site, String zone, long snapshotVersion, String version,
                       boolean online, String id, String url, String status, long lag, String lastContact, String error,
                       List<String> failing, double queriesPerSecond) {

    public NodeInfo {
        failing = List.copyOf(failing);
    }

    public NodeInfo(String name, String role, String site, String zone, long snapshotVersion, String version, boolean online) {
        this(name, role, site, zone, snapshotVersion, version, online, name, "", online ? "ok" : "unreachable", 0, "", "",
                List.of(), 0);
    }
}
