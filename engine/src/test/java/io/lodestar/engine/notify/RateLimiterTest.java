package io.lodestar.engine.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    final RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1));

    static Alert alert(int i) {
        return Alert.published("www.example.com", T.plusSeconds(i), "change " + i);
    }

    @Test
    void admitsUpToTheLimitThenHoldsUntilTheWindowAllowsOneSummary() {
        assertTrue(limiter.admit("ops", alert(1), T));
        assertTrue(limiter.admit("ops", alert(2), T.plusSeconds(1)));
        assertFalse(limiter.admit("ops", alert(3), T.plusSeconds(2)));
        assertFalse(limiter.admit("ops", alert(4), T.plusSeconds(3)));
        assertTrue(limiter.admit("dev", alert(5), T.plusSeconds(3)), "the limit is per contact");
        assertEquals(List.of(), limiter.due(T.plusSeconds(59)), "both sends are still within the minute");

        List<RateLimiter.Due> due = limiter.due(T.plusSeconds(60));
        assertEquals(1, due.size());
        assertEquals("ops", due.get(0).contact());
        assertEquals(List.of(alert(3), alert(4)), due.get(0).summary().alerts());
        assertEquals(List.of(), limiter.due(T.plusSeconds(120)), "a summary is sent once");
    }

    @Test
    void whileAlertsAreHeldNewOnesAreHeldTooSoTheyKeepTheirOrder() {
        limiter.admit("ops", alert(1), T);
        limiter.admit("ops", alert(2), T);
        assertFalse(limiter.admit("ops", alert(3), T));
        assertFalse(limiter.admit("ops", alert(4), T.plusSeconds(61)), "room again, but alert 3 is still waiting");
        assertEquals(2, limiter.due(T.plusSeconds(61)).get(0).summary().total());
    }

    @Test
    void summaryListsAtMostTwentyAndCountsTheRest() {
        limiter.admit("ops", alert(0), T);
        limiter.admit("ops", alert(0), T);
        for (int i = 1; i <= 25; i++) {
            limiter.admit("ops", alert(i), T);
        }
        Summary s = limiter.due(T.plusSeconds(60)).get(0).summary();
        assertEquals(RateLimiter.LISTED, s.alerts().size());
        assertEquals(25, s.total());
    }
}
