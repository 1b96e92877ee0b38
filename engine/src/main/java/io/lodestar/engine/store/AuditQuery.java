package io.lodestar.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries to list: optionally one target and a time range {@code [from, to)}, and a
 * page of the result (newest first).
 */
public record AuditQuery(Optional<String> target, Optional<Instant> from, Optional<Instant> to, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    public AuditQuery {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT + ": " + limit);
        }
    }

    /** Every entry, first page. */
    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0, DEFAULT_LIMIT);
    }

    public AuditQuery target(String t) {
        return new AuditQuery(Optional.of(t), from, to, offset, limit);
    }

    /** Entries at or after {@code f} and before {@code t}. */
    public AuditQuery between(Instant f, Instant t) {
        return new AuditQuery(target, Optional.of(f), Optional.of(t), offset, limit);
    }

    public AuditQuery page(int newOffset, int newLimit) {
        return new AuditQuery(target, from, to, newOffset, newLimit);
    }
}
