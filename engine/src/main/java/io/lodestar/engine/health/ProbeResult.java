package io.lodestar.engine.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One probe's outcome.
 *
 * @param at      when the probe started (wall clock)
 * @param latency from start to the decisive event: connect for tcp, the last byte read for http(s),
 *                the reported round trip for ping; the time spent before giving up for a failure
 * @param failure empty when the probe succeeded
 */
public record ProbeResult(Instant at, Duration latency, Optional<Failure> failure) {

    public ProbeResult {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(failure, "failure");
    }

    public static ProbeResult ok(Instant at, Duration latency) {
        return new ProbeResult(at, latency, Optional.empty());
    }

    public static ProbeResult failed(Instant at, Duration latency, Failure failure) {
        return new ProbeResult(at, latency, Optional.of(failure));
    }

    public boolean ok() {
        return failure.isEmpty();
    }

    /** {@code ok} or the failure's kind label: the metrics' outcome label. */
    public String outcome() {
        return failure.map(f -> f.kind().label()).orElse("ok");
    }

    /** {@code ok 3 ms} or the failure in words. */
    public String words() {
        return failure.map(Failure::words).orElse("ok " + latency.toMillis() + " ms");
    }
}
