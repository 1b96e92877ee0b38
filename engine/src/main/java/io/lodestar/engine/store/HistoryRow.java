package io.lodestar.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One schedule result in a domain's history: what every user group got from {@code at} until the
 * next row.
 *
 * @param reason why it changed, in words (e.g. "endpoint 1.2.3.4 down", "strategy v7 published")
 */
public record HistoryRow(long id, String domain, Instant at, String resultJson, String reason) {

    public HistoryRow {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(reason, "reason");
    }
}
