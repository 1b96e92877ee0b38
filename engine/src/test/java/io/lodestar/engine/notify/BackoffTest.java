package io.lodestar.engine.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    final Backoff backoff = new Backoff(6, Duration.ofSeconds(1), Duration.ofSeconds(5));

    @ParameterizedTest(name = "after {0} failed tries the pause is {1}–{2} ms")
    @CsvSource({
        "1, 500, 1000",
        "2, 1000, 2000",
        "3, 2000, 4000",
        "4, 2500, 5000",
        "5, 2500, 5000",
    })
    void pauseDoublesUpToTheCapWithHalfOfItJitter(int failed, long min, long max) {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            long d = backoff.delayMillis(failed, random);
            assertTrue(d >= min && d <= max, d + " not in " + min + "–" + max);
        }
    }
}
