package io.lodestar.engine.plan;

import java.util.Arrays;

/**
 * What one user group gets: endpoints (indices into the plan's endpoint table) with their shares,
 * and Vose's alias table so that a weighted pick is O(1) with one uniform random number.
 *
 * @param failOpen true when every candidate was down and the answer was computed as if all were up
 *                 (or, by the domain's all-down policy, is its fallback pool, or {@link #SERVFAIL})
 */
public record Distribution(int[] endpoints, double[] shares, boolean failOpen, double[] prob, int[] alias) {

    public static final Distribution EMPTY = new Distribution(new int[0], new double[0], false, new double[0], new int[0]);

    /**
     * Every candidate is down and the domain's all-down policy says SERVFAIL: no endpoint, marked
     * {@code failOpen} so that it differs from {@link #EMPTY} (NODATA) and raises the all-down alert.
     */
    public static final Distribution SERVFAIL = new Distribution(new int[0], new double[0], true, new double[0], new int[0]);

    /** From shares indexed by the plan's endpoint table (0 = not answered). */
    public static Distribution ofShares(double[] byEndpoint, boolean failOpen) {
        int n = 0;
        for (double s : byEndpoint) {
            if (s > 0) {
                n++;
            }
        }
        int[] eps = new int[n];
        double[] sh = new double[n];
        int k = 0;
        for (int i = 0; i < byEndpoint.length; i++) {
            if (byEndpoint[i] > 0) {
                eps[k] = i;
                sh[k++] = byEndpoint[i];
            }
        }
        return of(eps, sh, failOpen);
    }

    /** Builds the alias table; shares are normalised to sum to 1. */
    public static Distribution of(int[] endpoints, double[] shares, boolean failOpen) {
        int n = endpoints.length;
        if (n == 0) {
            return EMPTY;
        }
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = shares[i] / sum;
        }
        double[] prob = new double[n];
        int[] alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = norm[i] * n;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            prob[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            prob[s] = 1;
            alias[s] = s;
        }
        return new Distribution(endpoints.clone(), norm, failOpen, prob, alias);
    }

    /** True for {@link #SERVFAIL}: the resolver answers SERVFAIL. */
    public boolean servfail() {
        return failOpen && endpoints.length == 0;
    }

    public boolean isEmpty() {
        return endpoints.length == 0;
    }

    /**
     * Picks an endpoint index (into the plan's endpoint table) for a uniform {@code u} in [0, 1);
     * -1 when there is nothing to answer. O(1), allocation-free.
     */
    public int pick(double u) {
        int n = endpoints.length;
        if (n == 0) {
            return -1;
        }
        double x = u * n;
        int i = (int) x;
        if (i >= n) {
            i = n - 1;
        }
        return endpoints[(x - i) < prob[i] ? i : alias[i]];
    }

    /** Share of one endpoint index, 0 if absent. */
    public double shareOf(int endpoint) {
        for (int i = 0; i < endpoints.length; i++) {
            if (endpoints[i] == endpoint) {
                return shares[i];
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Distribution)) {
            return false;
        }
        Distribution d = (Distribution) o;
        return failOpen == d.failOpen && Arrays.equals(endpoints, d.endpoints) && Arrays.equals(shares, d.shares);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(endpoints) + Arrays.hashCode(shares) + (failOpen ? 1 : 0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Distribution[");
        for (int i = 0; i < endpoints.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(endpoints[i]).append('=').append(shares[i]);
        }
        return sb.append(failOpen ? ", failOpen]" : "]").toString();
    }
}
