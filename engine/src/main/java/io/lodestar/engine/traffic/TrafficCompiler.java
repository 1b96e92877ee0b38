package io.lodestar.engine.traffic;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.plan.AnswerPlan;
import io.lodestar.engine.plan.Distribution;
import io.lodestar.engine.plan.HealthView;
import io.lodestar.engine.plan.StrategyCompiler;
import io.lodestar.engine.plan.UserGroupMatch;
import io.lodestar.engine.plan.UserGroups;
import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a domain with its traffic configuration into the same {@link AnswerPlan} the resolver
 * always reads (ADR 0008): the source of answers is the providers (as a strategy tree), else the
 * pools in tiers, else the strategy tree; a running drill takes its endpoints out as if down; then
 * two rewrites of the compiled distributions, a gray migration's share and the all-down policy;
 * last the TTL, shortened while any candidate is down.
 */
public final class TrafficCompiler {

    /** Where a domain's answers come from (ADR 0008), in this order of precedence. */
    public enum Source {
        /** The multi-CDN providers policy (enabled or not: disabled, it sends everyone to the default provider). */
        PROVIDERS("providers"),
        /** Address pools in tiers 1–4. */
        POOLS("pools"),
        /** The domain's strategy tree. */
        STRATEGY("strategy");

        private final String wire;

        Source(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Source of(TrafficConfig cfg) {
            return cfg.providers().isPresent() ? PROVIDERS : cfg.policy().hasTiers() ? POOLS : STRATEGY;
        }
    }

    private final StrategyCompiler compiler;

    public TrafficCompiler(StrategyCompiler compiler) {
        this.compiler = compiler;
    }

    public UserGroups groups() {
        return compiler.groups();
    }

    /** The plan; an empty plan when the domain has nothing to answer from. */
    public AnswerPlan compile(Domain domain, Optional<StrategyTree> tree, List<Endpoint> endpoints,
                              HealthView measured, TrafficConfig cfg) {
        Set<String> drilled = cfg.drilled();
        HealthView health = drilled.isEmpty() ? measured : e -> !drilled.contains(e.key()) && measured.up(e);
        Map<String, Endpoint> byKey = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            byKey.put(endpoints.get(i).key(), endpoints.get(i));
            index.put(endpoints.get(i).key(), i);
        }
        AnswerPlan plan;
        Set<String> candidates = new LinkedHashSet<>();
        Source from = Source.of(cfg);
        Optional<StrategyTree> source = from == Source.PROVIDERS ? providerTree(cfg.providers().get(), endpoints) : tree;
        if (from == Source.POOLS) {
            Distribution[] byFamily = new Distribution[Family.values().length];
            for (Family f : Family.values()) {
                byFamily[f.ordinal()] = PoolCompiler.tiers(cfg.policy().pools(), f, byKey, index, health);
            }
            plan = AnswerPlan.uniform(domain, endpoints, compiler.groups(), byFamily);
            cfg.policy().pools().stream().filter(p -> !p.fallback())
                    .forEach(p -> p.members().forEach(m -> candidates.add(m.endpoint())));
        } else if (source.isPresent()) {
            plan = compiler.compile(domain, source.get(), endpoints, health);
            candidates.addAll(source.get().endpointKeys());
        } else {
            return AnswerPlan.empty(domain, compiler.groups());
        }
        if (cfg.ramp().isPresent() && cfg.ramp().get().percent() > 0) {
            plan = ramp(plan, cfg.ramp().get(), cfg, health);
        }
        plan = allDown(plan, cfg.policy(), byKey, index, health);
        if (cfg.policy().answerAll()) {
            plan = plan.answeringAll(true);
        }
        int downTtl = cfg.policy().downTtl();
        if (downTtl > 0 && downTtl < domain.ttl() && anyDown(candidates, byKey, health)) {
            plan = plan.withDomain(domain.withTtl(downTtl));
        }
        return plan;
    }

    /**
     * The strategy tree the domain is answered by, for people to read (the editor, the map's path):
     * the providers' tree, the pools' tiers drawn as a tree ({@link PoolCompiler#asStrategy}), else
     * {@code stored}.
     */
    public static Strategy effectiveStrategy(TrafficConfig cfg, Strategy stored, Regions regions) {
        switch (Source.of(cfg)) {
            case PROVIDERS:
                return cfg.providers().get().toStrategy(regions, new Errors()); // validated on write
            case POOLS:
                return PoolCompiler.asStrategy(cfg.policy().pools());
            default:
                return stored;
        }
    }

    private Optional<StrategyTree> providerTree(Providers p, List<Endpoint> endpoints) {
        Errors errors = new Errors();
        try {
            StrategyTree t = StrategyTree.resolve(p.toStrategy(compiler.groups().regions(), errors), endpoints,
                    compiler.groups().regions());
            errors.throwIfAny();
            return Optional.of(t);
        } catch (ValidationException e) {
            return Optional.empty(); // validated on write; answers nothing rather than something wrong
        }
    }

    /** Moves {@code percent} % of what {@code from} gets to {@code to}, where the ramp's users are and {@code to} is up. */
    private AnswerPlan ramp(AnswerPlan plan, Ramp ramp, TrafficConfig cfg, HealthView health) {
        int a = plan.indexOf(cfg.endpointOf(ramp.from()));
        int b = plan.indexOf(cfg.endpointOf(ramp.to()));
        if (a < 0 || b < 0 || a == b) {
            return plan;
        }
        Endpoint to = plan.endpoint(b);
        Errors ignored = new Errors();
        Item users = new Item("ramp", 1, 0, UserSet.parse(ramp.usersets(), compiler.groups().regions(), "usersets", ignored));
        double p = ramp.percent() / 100.0;
        UserGroups g = compiler.groups();
        return plan.remap((family, group, cls, d) -> {
            double sa = d.shareOf(a);
            if (sa == 0 || !to.enable() || !to.type().serves(family) || !health.up(to)
                    || UserGroupMatch.score(users, g.regions(), g.areaOf(group), g.ispOf(group),
                            cls < 0 ? null : plan.cidrs().prefix(cls)) < 0) {
                return d;
            }
            double[] s = new double[plan.endpoints().size()];
            for (int i = 0; i < d.endpoints().length; i++) {
                s[d.endpoints()[i]] = d.shares()[i];
            }
            s[a] = sa * (1 - p);
            s[b] += sa * p;
            return Distribution.ofShares(s, d.failOpen());
        });
    }

    /** The domain's all-down policy applied to every failing-open distribution. */
    private AnswerPlan allDown(AnswerPlan plan, TrafficPolicy policy, Map<String, Endpoint> byKey,
                               Map<String, Integer> index, HealthView health) {
        if (policy.allDown() == AllDown.FAIL_OPEN) {
            return plan;
        }
        Distribution[] fallback = new Distribution[Family.values().length];
        for (Family f : Family.values()) {
            fallback[f.ordinal()] = policy.fallbackPool()
                    .map(p -> PoolCompiler.single(p, f, byKey, index, health)).orElse(Distribution.EMPTY);
        }
        return plan.remap((family, group, cls, d) -> {
            if (!d.failOpen() || d.servfail()) {
                return d;
            }
            if (policy.allDown() == AllDown.SERVFAIL) {
                return Distribution.SERVFAIL;
            }
            Distribution f = fallback[family.ordinal()];
            return f.isEmpty() ? d : f;
        });
    }

    private static boolean anyDown(Set<String> keys, Map<String, Endpoint> byKey, HealthView health) {
        for (String k : keys) {
            Endpoint e = byKey.get(k);
            if (e != null && e.enable() && !health.up(e)) {
                return true;
            }
        }
        return false;
    }

}
