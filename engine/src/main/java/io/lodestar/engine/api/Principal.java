package io.lodestar.engine.api;

import io.lodestar.engine.store.TokenRole;
import java.util.Objects;

/** Who made a request: the token's name (the audit log's actor) and its role. */
public record Principal(String name, TokenRole role) {

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** True if this principal's role covers {@code needed} (full ⊇ write ⊇ read). */
    public boolean may(TokenRole needed) {
        return role.ordinal() <= needed.ordinal();
    }
}
