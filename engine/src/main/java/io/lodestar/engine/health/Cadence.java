package io.lodestar.engine.health;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When an endpoint's next probe starts; pure arithmetic on nanoTime values, so it is tested
 * without sleeping.
 *
 * <ul>
 *   <li>First slot: a random point within the first interval, so thousands of endpoints
 *       configured at once spread over the interval instead of firing together.</li>
 *   <li>Regular: the planned slot plus the interval; if the probe ran past that (a timeout close
 *       to the interval), at once: a probe never overlaps its predecessor and never skips a turn.</li>
 *   <li>Rapid re-check: a result that disagrees with the point's judgement and has not yet changed
 *       it is confirmed after {@code recheck} (e.g. 150 ms), not an interval later. Anti-flap is
 *       untouched: the judgement still needs {@code minFailures} results; they just come sooner.</li>
 * </ul>
 *
 * @param interval the monitor's interval (≥ 1 s in configuration; any positive value here)
 * @param recheck  delay of a rapid re-check
 */
public record Cadence(Duration interval, Duration recheck) {

    public Cadence {
        if (interval.isNegative() || interval.isZero() || recheck.isNegative()) {
            throw new IllegalArgumentException("interval must be > 0 and recheck ≥ 0");
        }
    }

    /** The first slot of a newly configured endpoint. */
    public long first(long now, RandomGenerator random) {
        return now + random.nextLong(interval.toNanos());
    }

    /**
     * The slot after a probe planned for {@code slot} completed at {@code now}.
     *
     * @param recheck the verdicts asked for a rapid re-check
     */
    public long next(long slot, long now, boolean recheck) {
        long regular = Math.max(now, slot + interval.toNanos());
        return recheck ? Math.min(regular, now + this.recheck.toNanos()) : regular;
    }
}
