package io.lodestar.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestar.engine.store.HealthEvent.State;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Probe timing and its effect on failover, in simulated time (no sleeping). */
class CadenceTest {

    private static final long MS = 1_000_000L;
    private final Cadence cadence = new Cadence(Duration.ofSeconds(1), Duration.ofMillis(150));

    @Test
    void firstSlotsSpreadOverOneInterval() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long s = cadence.first(5_000 * MS, random) - 5_000 * MS;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertTrue(min >= 0 && min < 10 * MS, "min " + min);
        assertTrue(max < 1_000 * MS && max > 990 * MS, "max " + max);
    }

    @Test
    void nextSlotFollowsThePlannedSlotNotTheCompletion() {
        assertEquals(1_000 * MS, cadence.next(0, 30 * MS, false));
    }

    @Test
    void aProbeThatRanPastItsNextSlotIsFollowedAtOnceAndNeverOverlapped() {
        assertEquals(1_200 * MS, cadence.next(0, 1_200 * MS, false));
    }

    @Test
    void anUnconfirmedResultIsRecheckedSoonButNeverLaterThanTheRegularSlot() {
        assertEquals(170 * MS, cadence.next(0, 20 * MS, true));
        assertEquals(1_000 * MS, cadence.next(0, 950 * MS, true));
    }

    /**
     * Interval 1 s, window 3, minFailures 2, re-check 150 ms, probes taking 2 ms: the endpoint dies
     * (or comes back) at {@code change} ms after an ok slot at 0; the verdict changes at most one
     * interval plus one re-check later, and only after two results confirm it.
     */
    @ParameterizedTest(name = "dies at {0} ms -> fail by {1} ms")
    @CsvSource({"1, 1154", "500, 1154", "999, 1154", "1001, 2154"})
    void failoverTakesAtMostOneIntervalPlusOneRecheck(long change, long expectedAt) {
        assertEquals(expectedAt, simulate(change, false));
        assertEquals(expectedAt, simulate(change, true), "recovery by the same rule");
    }

    private long simulate(long changeMs, boolean recovering) {
        Verdicts v = new Verdicts(new Rule(3, 2, 80));
        Instant epoch = Instant.parse("2026-11-23T12:00:00Z");
        boolean before = !recovering;
        for (int i = 0; i < 3; i++) {
            v.observe("p", VerdictsTest.result(before));
        }
        State settled = v.state();
        long slot = 0;
        for (int n = 0; n < 20; n++) {
            boolean up = slot < changeMs * MS ? before : !before;
            long done = slot + 2 * MS;
            Verdicts.Step step = v.observe("p", up ? ProbeResult.ok(epoch, Duration.ofMillis(2))
                    : ProbeResult.failed(epoch, Duration.ofMillis(2), Failure.of(Failure.Kind.REFUSED)));
            if (step.transition().isPresent()) {
                assertTrue(step.transition().get().from() == settled);
                return done / MS;
            }
            slot = cadence.next(slot, done, step.recheck());
        }
        throw new AssertionError("no verdict change");
    }
}
