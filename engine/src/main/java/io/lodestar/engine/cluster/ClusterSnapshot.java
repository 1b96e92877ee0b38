package io.lodestar.engine.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One numbered, checksummed configuration snapshot from a control node (ADR 0007): everything a
 * member needs to compile the same answer plans. {@code config} is the JSON tree of
 * {@link ConfigExport}; {@code sha256} is over the canonical text of the other four fields
 * ({@link SnapshotCodec}). Numbers only grow: a member never applies an older one over a newer one.
 */
public record ClusterSnapshot(long version, String controlId, Instant createdAt, ObjectNode config, String sha256) {

    public ClusterSnapshot {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sha256, "sha256");
        if (version < 1) {
            throw new IllegalArgumentException("snapshot numbers start at 1, was " + version);
        }
    }
}
