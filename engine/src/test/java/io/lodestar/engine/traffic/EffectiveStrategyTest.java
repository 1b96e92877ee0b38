package io.lodestar.engine.traffic;

import static io.lodestar.engine.testing.Fixtures.REGIONS;
import static io.lodestar.engine.traffic.TrafficFixtures.COMPILER;
import static io.lodestar.engine.traffic.TrafficFixtures.a;
import static io.lodestar.engine.traffic.TrafficFixtures.cname;
import static io.lodestar.engine.traffic.TrafficFixtures.down;
import static io.lodestar.engine.traffic.TrafficFixtures.pool;
import static io.lodestar.engine.traffic.TrafficFixtures.shares;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.testing.Fixtures;
import io.lodestar.engine.validate.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tree a domain is answered by, for the editor and the map: compiled as a strategy it gives the
 * answers the providers or pools give, so what an operator reads is what answers.
 */
class EffectiveStrategyTest {

    private static final Strategy STORED = new Strategy("", List.of());

    private static AnswerPlan asTree(Strategy s, List<Endpoint> eps, HealthView health) throws ValidationException {
        return COMPILER.compile(Fixtures.domain(TrafficFixtures.DOMAIN), Optional.of(StrategyTree.resolve(s, eps, REGIONS)),
                eps, health, TrafficConfig.NONE);
    }

    private static AnswerPlan asTraffic(TrafficConfig cfg, List<Endpoint> eps, HealthView health) {
        return COMPILER.compile(Fixtures.domain(TrafficFixtures.DOMAIN), Optional.empty(), eps, health, cfg);
    }

    @Test
    void aDomainWithProvidersIsAnsweredByTheProvidersTreeEnabledOrNot() throws Exception {
        List<Endpoint> eps = List.of(cname("site.eo.dnse1.com"), cname("origin.example.com"), cname("a.cdn-a.net"));
        Providers p = new Providers(true, "edgeone", List.of(new Providers.Provider("edgeone", "site.eo.dnse1.com"),
                new Providers.Provider("origin", "origin.example.com"), new Providers.Provider("a", "a.cdn-a.net")),
                List.of(new Providers.RegionRule("beijing.CN/*", List.of(new Providers.Target("origin", 1))),
                        new Providers.RegionRule("mainland.CN/*", List.of(new Providers.Target("a", 3),
                                new Providers.Target("edgeone", 1)))));
        for (Providers x : List.of(p, p.withEnable(false))) {
            TrafficConfig cfg = new TrafficConfig(TrafficPolicy.DEFAULT, Optional.of(x), Optional.empty(), Set.of());
            assertEquals(TrafficCompiler.Source.PROVIDERS, TrafficCompiler.Source.of(cfg));
            Strategy tree = TrafficCompiler.effectiveStrategy(cfg, STORED, REGIONS);
            for (String group : List.of("beijing.CN/cu", "sichuan.CN/cm", "us.abroad/other")) {
                assertEquals(shares(asTraffic(cfg, eps, HealthView.ALL_UP), group), shares(asTree(tree, eps, HealthView.ALL_UP), group),
                        group + (x.enable() ? "" : " (disabled)"));
            }
        }
    }

    @Test
    void poolsInTiersDrawnAsATreeGiveThePoolsShares() throws Exception {
        List<Endpoint> eps = List.of(a("10.0.0.1"), a("10.0.0.2"), a("10.0.0.3"), a("10.0.1.1"), a("10.0.1.2"), a("10.0.9.9"));
        TrafficPolicy policy = new TrafficPolicy(AllDown.FAIL_OPEN, 0, false, List.of(
                pool("p1", 1, 3, 1, "10.0.0.1*1", "10.0.0.2*3"), pool("p2", 1, 1, 1, "10.0.0.3*2"),
                pool("b", 2, 1, 1, "10.0.1.1", "10.0.1.2"), pool("sorry", Pool.FALLBACK_TIER, 1, 1, "10.0.9.9")));
        TrafficConfig cfg = new TrafficConfig(policy, Optional.empty(), Optional.empty(), Set.of());
        assertEquals(TrafficCompiler.Source.POOLS, TrafficCompiler.Source.of(cfg));
        Strategy tree = TrafficCompiler.effectiveStrategy(cfg, STORED, REGIONS);
        assertEquals(List.of("pools", "pool-p1", "pool-p2", "tier-1", "pool-b", "tier-2"),
                tree.rules().stream().map(r -> r.name()).toList(), "the fallback pool answers only when all are down");
        for (HealthView h : List.of(HealthView.ALL_UP, down("10.0.0.1", "10.0.0.2", "10.0.0.3"))) {
            assertEquals(shares(asTraffic(cfg, eps, h), "beijing.CN/ct"), shares(asTree(tree, eps, h), "beijing.CN/ct"));
        }
    }

    @Test
    void withoutProvidersOrTieredPoolsTheStoredTreeAnswers() {
        Strategy stored = new Strategy("root", List.of());
        TrafficPolicy fallbackOnly = new TrafficPolicy(AllDown.FALLBACK, 0, false, List.of(pool("sorry", Pool.FALLBACK_TIER, 1, 1, "10.0.9.9")));
        TrafficConfig cfg = new TrafficConfig(fallbackOnly, Optional.empty(), Optional.empty(), Set.of());
        assertEquals(TrafficCompiler.Source.STRATEGY, TrafficCompiler.Source.of(cfg));
        assertSame(stored, TrafficCompiler.effectiveStrategy(cfg, stored, REGIONS));
    }
}
