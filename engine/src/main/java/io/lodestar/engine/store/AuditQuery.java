package io.lodestar.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries to list: optionally one target, one domain (the domain itself and its
 * endpoints {@code domain/…}), one actor, one action or action family ({@code endpoint} matches
 * {@code endpoint.add}), a time range {@code [from, to)}, and a page of the result (newest first).
 */
public record AuditQuery(Optional<String> target, Optional<String> domain, Optional<String> actor, Optional<String> action,
                         Optional<Instant> from, Optional<Instant> to, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    public AuditQuery {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
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
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, DEFAULT_LIMIT);
    }

    public AuditQuery target(String t) {
        return new AuditQuery(Optional.of(t), domain, actor, action, from, to, offset, limit);
    }

    /** Entries about domain {@code d}: the domain's own and its endpoints' ({@code d/…}). */
    public AuditQuery domain(String d) {
        return new AuditQuery(target, Optional.of(d), actor, action, from, to, offset, limit);
    }

    public AuditQuery actor(String a) {
        return new AuditQuery(target, domain, Optional.of(a), action, from, to, offset, limit);
    }

    /** One action ({@code endpoint.add}) or a family of them ({@code endpoint}). */
    public AuditQuery action(String a) {
        return new AuditQuery(target, domain, actor, Optional.of(a), from, to, offset, limit);
    }

    /** Entries at or after {@code f} and before {@code t}. */
    public AuditQuery between(Instant f, Instant t) {
        return new AuditQuery(target, domain, actor, action, Optional.of(f), Optional.of(t), offset, limit);
    }

    public AuditQuery page(int newOffset, int newLimit) {
        return new AuditQuery(target, domain, actor, action, from, to, newOffset, newLimit);
    }
}
