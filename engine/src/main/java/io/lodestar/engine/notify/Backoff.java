package io.lodestar.engine.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Retries of a webhook: at most {@code maxAttempts} tries; before try n+1 a pause of
 * {@code initial × 2^(n-1)}, capped at {@code max}, of which a random half is jitter (so many
 * nodes retrying one receiver do not arrive together).
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be ≥ 1");
        }
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 ≤ initial ≤ max");
        }
    }

    /** 5 tries over about 15 s: 1, 2, 4, 8 s (each between half and all of it). */
    public static Backoff defaults() {
        return new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** One try, no retry: for "send test", whose caller waits for the answer. */
    public static Backoff once() {
        return new Backoff(1, Duration.ZERO, Duration.ZERO);
    }

    /** The pause in milliseconds before attempt {@code failed + 1}, after {@code failed} failed attempts. */
    public long delayMillis(int failed, RandomGenerator random) {
        long cap = max.toMillis();
        long d = initial.toMillis();
        for (int i = 1; i < failed && d < cap; i++) {
            d *= 2;
        }
        d = Math.min(d, cap);
        long half = d / 2;
        return d - half + (half == 0 ? 0 : random.nextLong(half + 1));
    }
}
