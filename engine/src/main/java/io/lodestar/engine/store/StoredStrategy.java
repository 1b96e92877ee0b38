package io.lodestar.engine.store;

import io.lodestar.engine.seedjson.SeedJson;
import java.time.Instant;
import java.util.Objects;

/**
 * A domain's stored strategy document.
 *
 * @param version   1 for the first strategy stored for the domain, one more at every change
 * @param updatedAt when it was last stored
 */
public record StoredStrategy(String domain, SeedJson.Document document, long version, Instant updatedAt) {

    public StoredStrategy {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
