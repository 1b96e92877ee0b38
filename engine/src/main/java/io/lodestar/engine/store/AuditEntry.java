package io.lodestar.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: who did what to which object, with the object's JSON before and after
 * (absent before a creation and after a deletion).
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target,
                         Optional<String> before, Optional<String> after) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
