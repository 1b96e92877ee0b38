package io.lodestar.engine.traffic;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import java.util.ArrayList;
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

    /** The root rule's name in {@link #asStrategy}. */
    static final String ROOT = "pools";

    /**
     * The pools in tiers drawn as a strategy tree, for people to read: a priority rule over the
     * tiers, a wrr over each tier's pools weighted pool weight × the sum of its members' weights, a
     * wrr over each pool's members. While every member is up its shares are exactly the pools'
     * (pool weight × address weight); a pool's {@code minHealthy} is not drawn. The fallback pool is
     * left out: it answers only through the all-down policy.
     */
    static Strategy asStrategy(List<Pool> pools) {
        List<Rule> rules = new ArrayList<>();
        List<Item> tiers = new ArrayList<>();
        for (int tier = 1; tier <= Pool.MAX_TIER; tier++) {
            List<Item> inTier = new ArrayList<>();
            for (Pool p : pools) {
                if (p.tier() != tier) {
                    continue;
                }
                String name = "pool-" + p.name();
                int sum = p.members().stream().mapToInt(Pool.Member::weight).sum();
                inTier.add(Item.of(name, p.weight() * sum, 0));
                rules.add(rule(name, RuleType.WRR, p.members().stream().map(m -> Item.of(m.endpoint(), m.weight(), 0)).toList()));
            }
            if (!inTier.isEmpty()) {
                String name = "tier-" + tier;
                tiers.add(Item.of(name, 1, tier));
                rules.add(rule(name, RuleType.WRR, inTier));
            }
        }
        rules.add(0, rule(ROOT, RuleType.PRIORITY, tiers));
        return new Strategy(ROOT, rules);
    }

    private static Rule rule(String name, RuleType type, List<Item> items) {
        return new Rule(name, type, "none.CN", "other", true, items);
    }

    private static boolean serves(Endpoint e, Family family) {
        return e != null && e.enable() && e.type().serves(family);
    }

    private static Distribution of(double[] shares, boolean failOpen) {
        return Distribution.ofShares(shares, failOpen);
    }
}
