package io.lodestar.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored API token: everything but the secret, which the store never keeps. */
public record ApiToken(long id, String name, TokenRole role, Instant createdAt, Optional<Instant> lastUsedAt) {

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
