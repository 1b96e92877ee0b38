package io.lodestar.engine.traffic;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.HealthView;
import java.util.List;
import java.util.Map;

/**
 * Address pools in priority tiers (IGTM): the first tier (1 → 4) with a pool that is up answers;
 * a pool is up when at least {@code max(1, minHealthy)} of its members (enabled, of the queried
 * family) are healthy, and then answers its healthy members only. Each member's share is
 * proportional to pool weight × address weight over the tier's up pools. With no tier up the
 * result fails open: tier by tier, the first with members is answered as if all were up, marked
 * {@code failOpen} for the all-down policy and alert.
 */
final class PoolCompiler {

    private PoolCompiler() {
    }

    static Distribution tiers(List<Pool> pools, Family family, Map<String, Endpoint> byKey, Map<String, Integer> index,
                              HealthView health) {
        for (int tier = 1; tier <= Pool.MAX_TIER; tier++) {
            double[] shares = new double[index.size()];
            boolean up = false;
            for (Pool p : pools) {
                if (p.tier() == tier && healthyCount(p, family, byKey, health) >= Math.max(1, p.minHealthy())) {
                    up |= add(p, family, byKey, index, health, shares);
                }
            }
            if (up) {
                return of(shares, false);
            }
        }
        for (int tier = 1; tier <= Pool.MAX_TIER; tier++) {
            double[] shares = new double[index.size()];
            boolean any = false;
            for (Pool p : pools) {
                if (p.tier() == tier) {
                    any |= add(p, family, byKey, index, HealthView.ALL_UP, shares);
                }
            }
            if (any) {
                return of(shares, true);
            }
        }
        return Distribution.EMPTY;
    }

    /**
     * One pool alone (the fallback pool): its healthy members, or all of them when none is; always
     * marked {@code failOpen} since it only answers when every candidate is down.
     */
    static Distribution single(Pool pool, Family family, Map<String, Endpoint> byKey, Map<String, Integer> index,
                               HealthView health) {
        double[] shares = new double[index.size()];
        if (!add(pool, family, byKey, index, health, shares) && !add(pool, family, byKey, index, HealthView.ALL_UP, shares)) {
            return Distribution.EMPTY;
        }
        return of(shares, true);
    }

    private static int healthyCount(Pool p, Family family, Map<String, Endpoint> byKey, HealthView health) {
        int n = 0;
        for (Pool.Member m : p.members()) {
            Endpoint e = byKey.get(m.endpoint());
            if (serves(e, family) && health.up(e)) {
                n++;
            }
        }
        return n;
    }

    /** Adds pool weight × address weight of the healthy members; true if something was added. */
    private static boolean add(Pool p, Family family, Map<String, Endpoint> byKey, Map<String, Integer> index,
                               HealthView health, double[] shares) {
        boolean added = false;
        for (Pool.Member m : p.members()) {
            Endpoint e = byKey.get(m.endpoint());
            double w = (double) p.weight() * m.weight();
            if (serves(e, family) && health.up(e) && w > 0) {
                shares[index.get(e.key())] += w;
                added = true;
            }
        }
        return added;
    }

    private static boolean serves(Endpoint e, Family family) {
        return e != null && e.enable() && e.type().serves(family);
    }

    private static Distribution of(double[] shares, boolean failOpen) {
        return Distribution.ofShares(shares, failOpen);
    }
}
