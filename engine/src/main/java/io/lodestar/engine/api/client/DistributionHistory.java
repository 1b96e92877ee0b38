package io.lodestar.engine.api.client;

import java.time.Instant;
import java.util.List;

/**
 * A domain's schedule-result history over a range ({@code GET …/distribution/history}): the result
 * in force at the range's start (if any), then every change, oldest first. Each result holds from its
 * {@code at} until the next one's.
 */
public record DistributionHistory(String domain, Instant from, Instant to, List<Moment> moments) {

    public DistributionHistory {
        moments = List.copyOf(moments);
    }

    /** One result and why it was published (a failover, a configuration change). */
    public record Moment(Instant at, String reason, Distribution result) {
    }
}
