package io.lodestar.engine.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionTest {

    /**
     * Sweeping u over [0,1) in equal steps reproduces the shares (the alias table is exact; a sample
     * that falls on a bucket boundary may round to its neighbour, hence ±1).
     */
    @Test
    void aliasTableReproducesSharesExactly() {
        Distribution d = Distribution.of(new int[] {3, 7, 9}, new double[] {1, 3, 4}, false);
        int steps = 8_000;
        int[] hits = new int[10];
        for (int i = 0; i < steps; i++) {
            hits[d.pick((i + 0.5) / steps)]++;
        }
        assertEquals(1000, hits[3], 1);
        assertEquals(3000, hits[7], 1);
        assertEquals(4000, hits[9], 1);
        assertArrayEquals(new double[] {0.125, 0.375, 0.5}, d.shares(), 1e-12);
    }

    @Test
    void emptyDistributionPicksNothing() {
        assertEquals(-1, Distribution.EMPTY.pick(0.3));
        assertTrue(Distribution.EMPTY.isEmpty());
    }

    @Test
    void extremeRandomValuesStayInRange() {
        Distribution d = Distribution.of(new int[] {0, 1}, new double[] {1, 1}, false);
        assertEquals(0, d.pick(0.0));
        assertEquals(1, d.pick(Math.nextDown(1.0)));
    }
}
