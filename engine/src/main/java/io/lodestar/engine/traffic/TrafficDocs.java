package io.lodestar.engine.traffic;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON shapes of the traffic API and store (boxed fields: absent means the default), and their
 * checks: every problem is a {@code ValidationError} with the field's path, and a document that
 * passes converts to the model.
 */
public final class TrafficDocs {

    public static final int MAX_POOLS = 16;
    public static final int MAX_MEMBERS = 64;
    public static final int MAX_STEPS = 20;

    private TrafficDocs() {
    }

    /** {@code /v1/domains/{domain}/traffic}: all-down policy, down TTL and address pools. */
    public record PolicyDoc(String allDown, Integer downTtl, String answer, List<PoolDoc> pools) {
    }

    /** {@code tier} 1–4, or {@code fallback: true} for the fallback pool. */
    public record PoolDoc(String name, Integer tier, Boolean fallback, Integer weight, Integer minHealthy,
                          List<MemberDoc> members) {
    }

    public record MemberDoc(String endpoint, Integer weight) {
    }

    /** {@code /v1/domains/{domain}/providers}. */
    public record ProvidersDoc(Boolean enable, String defaultProvider, List<ProviderDoc> providers, List<RuleDoc> rules) {
    }

    public record ProviderDoc(String name, String endpoint) {
    }

    public record RuleDoc(String usersets, List<TargetDoc> targets) {
    }

    public record TargetDoc(String provider, Integer weight) {
    }

    /** {@code PUT /v1/domains/{domain}/ramp}: a new gray migration. */
    public record RampInput(String from, String to, String usersets, List<Integer> steps, Integer holdSeconds,
                            Integer maxLatencyMs) {
    }

    // ---- policy ----

    /** Checks and converts; {@code endpoints} null skips the endpoint checks (reading back what was stored). */
    public static TrafficPolicy policy(PolicyDoc d, List<Endpoint> endpoints) throws ValidationException {
        Errors errors = new Errors();
        AllDown allDown = AllDown.FAIL_OPEN;
        if (d.allDown() != null) {
            allDown = AllDown.fromWire(d.allDown()).orElse(null);
            if (allDown == null) {
                errors.add("allDown", "allDown.unknown", "must be failOpen, fallback or servfail, was '" + d.allDown() + "'");
                allDown = AllDown.FAIL_OPEN;
            }
        }
        int downTtl = d.downTtl() == null ? 0 : d.downTtl();
        if (downTtl < 0 || downTtl > 86_400) {
            errors.add("downTtl", "downTtl.range", "must be 0 (off) to 86400 s, was " + downTtl);
        }
        String answer = d.answer() == null ? "one" : d.answer();
        if (!answer.equals("one") && !answer.equals("all")) {
            errors.add("answer", "answer.unknown", "must be one (one address by weight) or all (every healthy address), was '"
                    + answer + "'");
        }
        List<PoolDoc> docs = d.pools() == null ? List.of() : d.pools();
        if (docs.size() > MAX_POOLS) {
            errors.add("pools", "pools.tooMany", "at most " + MAX_POOLS + " pools");
        }
        Set<String> keys = endpoints == null ? null : keys(endpoints);
        Set<String> names = new HashSet<>();
        List<Pool> pools = new ArrayList<>();
        int fallbacks = 0;
        for (int i = 0; i < docs.size(); i++) {
            PoolDoc p = docs.get(i);
            String at = "pools[" + i + "]";
            if (p.name() == null || p.name().isBlank()) {
                errors.add(at + ".name", "name.empty", "a pool needs a name");
            } else if (!names.add(p.name())) {
                errors.add(at + ".name", "name.duplicate", "pool name '" + p.name() + "' is used twice");
            }
            boolean fallback = Boolean.TRUE.equals(p.fallback());
            int tier = fallback ? Pool.FALLBACK_TIER : p.tier() == null ? 1 : p.tier();
            fallbacks += fallback ? 1 : 0;
            if (!fallback && (tier < 1 || tier > Pool.MAX_TIER)) {
                errors.add(at + ".tier", "tier.range", "must be 1–" + Pool.MAX_TIER + " (or fallback: true), was " + tier);
            }
            int weight = p.weight() == null ? 1 : p.weight();
            if (weight < 0) {
                errors.add(at + ".weight", "weight.negative", "must be ≥ 0, was " + weight);
            }
            List<MemberDoc> ms = p.members() == null ? List.of() : p.members();
            if (ms.isEmpty() || ms.size() > MAX_MEMBERS) {
                errors.add(at + ".members", "members.count", "a pool needs 1–" + MAX_MEMBERS + " members");
            }
            int minHealthy = p.minHealthy() == null ? 1 : p.minHealthy();
            if (minHealthy < 0 || minHealthy > Math.max(1, ms.size())) {
                errors.add(at + ".minHealthy", "minHealthy.range", "must be 0–" + ms.size() + " (the members), was " + minHealthy);
            }
            List<Pool.Member> members = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < ms.size(); k++) {
                MemberDoc m = ms.get(k);
                String mat = at + ".members[" + k + "]";
                int mw = m.weight() == null ? 1 : m.weight();
                if (m.endpoint() == null || keys != null && !keys.contains(m.endpoint())) {
                    errors.add(mat + ".endpoint", "endpoint.unknown", "'" + m.endpoint() + "' is not an endpoint of the domain");
                } else if (!seen.add(m.endpoint())) {
                    errors.add(mat + ".endpoint", "endpoint.duplicate", "'" + m.endpoint() + "' is in the pool twice");
                }
                if (mw < 0) {
                    errors.add(mat + ".weight", "weight.negative", "must be ≥ 0, was " + mw);
                }
                members.add(new Pool.Member(m.endpoint() == null ? "" : m.endpoint(), mw));
            }
            pools.add(new Pool(p.name() == null ? "" : p.name(), tier, weight, minHealthy, members));
        }
        if (fallbacks > 1) {
            errors.add("pools", "fallback.duplicate", "at most one fallback pool");
        }
        if (allDown == AllDown.FALLBACK && fallbacks == 0) {
            errors.add("allDown", "allDown.noFallbackPool", "fallback needs a pool with fallback: true");
        }
        errors.throwIfAny();
        return new TrafficPolicy(allDown, downTtl, answer.equals("all"), pools);
    }

    public static PolicyDoc doc(TrafficPolicy p) {
        List<PoolDoc> pools = new ArrayList<>();
        for (Pool pool : p.pools()) {
            List<MemberDoc> ms = new ArrayList<>();
            pool.members().forEach(m -> ms.add(new MemberDoc(m.endpoint(), m.weight())));
            pools.add(new PoolDoc(pool.name(), pool.fallback() ? null : pool.tier(), pool.fallback() ? Boolean.TRUE : null,
                    pool.weight(), pool.minHealthy(), ms));
        }
        return new PolicyDoc(p.allDown().wire(), p.downTtl(), p.answerAll() ? "all" : "one", pools);
    }

    // ---- providers ----

    /**
     * Checks a providers document: names unique, each provider an endpoint of the domain, the default
     * provider and every rule target among the providers (a provider in use cannot be removed),
     * usersets named and valid, weights not all 0; and the equivalent strategy must resolve.
     */
    public static Providers providers(ProvidersDoc d, List<Endpoint> endpoints, Regions regions) throws ValidationException {
        Errors errors = new Errors();
        Set<String> keys = keys(endpoints);
        List<Providers.Provider> providers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ProviderDoc> pds = d.providers() == null ? List.of() : d.providers();
        for (int i = 0; i < pds.size(); i++) {
            ProviderDoc p = pds.get(i);
            String at = "providers[" + i + "]";
            if (p.name() == null || p.name().isBlank()) {
                errors.add(at + ".name", "name.empty", "a provider needs a name");
            } else if (!names.add(p.name())) {
                errors.add(at + ".name", "name.duplicate", "provider name '" + p.name() + "' is used twice");
            }
            if (p.endpoint() == null || !keys.contains(p.endpoint())) {
                errors.add(at + ".endpoint", "endpoint.unknown", "'" + p.endpoint()
                        + "' is not an endpoint of the domain (add the provider's CNAME as an endpoint first)");
            }
            providers.add(new Providers.Provider(String.valueOf(p.name()), String.valueOf(p.endpoint())));
        }
        String dflt = d.defaultProvider();
        if (dflt == null || dflt.isBlank()) {
            errors.add("defaultProvider", "defaultProvider.empty", "name the provider that takes every other user");
        } else if (!names.contains(dflt)) {
            errors.add("defaultProvider", "provider.inUse", "'" + dflt
                    + "' is the default provider; it cannot be removed (make another provider the default first)");
        }
        List<Providers.RegionRule> rules = new ArrayList<>();
        List<RuleDoc> rds = d.rules() == null ? List.of() : d.rules();
        for (int i = 0; i < rds.size(); i++) {
            RuleDoc r = rds.get(i);
            String at = "rules[" + i + "]";
            if (r.usersets() == null || r.usersets().isBlank()) {
                errors.add(at + ".usersets", "usersets.empty", "a rule names its users (the default provider takes the rest)");
            } else {
                UserSet.parse(r.usersets(), regions, at + ".usersets", errors);
            }
            List<TargetDoc> ts = r.targets() == null ? List.of() : r.targets();
            List<Providers.Target> targets = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (int k = 0; k < ts.size(); k++) {
                TargetDoc t = ts.get(k);
                String tat = at + ".targets[" + k + "]";
                int w = t.weight() == null ? 1 : t.weight();
                if (t.provider() == null || !names.contains(t.provider())) {
                    errors.add(tat + ".provider", "provider.inUse", "'" + t.provider()
                            + "' is not a provider (a provider a rule uses cannot be removed)");
                } else if (!seen.add(t.provider())) {
                    errors.add(tat + ".provider", "provider.duplicate", "'" + t.provider() + "' is named twice");
                }
                if (w < 0) {
                    errors.add(tat + ".weight", "weight.negative", "must be ≥ 0, was " + w);
                }
                total += Math.max(0, w);
                targets.add(new Providers.Target(String.valueOf(t.provider()), w));
            }
            if (ts.isEmpty() || total == 0) {
                errors.add(at + ".targets", "weight.allZero", "a rule needs a provider with weight > 0");
            }
            rules.add(new Providers.RegionRule(r.usersets() == null ? "" : r.usersets(), targets));
        }
        errors.throwIfAny();
        Providers p = new Providers(d.enable() == null || d.enable(), dflt, providers, rules);
        StrategyTree.resolve(p.toStrategy(regions, errors), endpoints, regions);
        errors.throwIfAny();
        return p;
    }

    public static ProvidersDoc doc(Providers p) {
        List<ProviderDoc> ps = new ArrayList<>();
        p.providers().forEach(x -> ps.add(new ProviderDoc(x.name(), x.endpoint())));
        List<RuleDoc> rs = new ArrayList<>();
        for (Providers.RegionRule r : p.rules()) {
            List<TargetDoc> ts = new ArrayList<>();
            r.targets().forEach(t -> ts.add(new TargetDoc(t.provider(), t.weight())));
            rs.add(new RuleDoc(r.usersets(), ts));
        }
        return new ProvidersDoc(p.enable(), p.defaultProvider(), ps, rs);
    }

    // ---- ramp ----

    /** A new ramp, at its first step from {@code now}; {@code cfg} resolves provider names. */
    public static Ramp ramp(RampInput in, TrafficConfig cfg, List<Endpoint> endpoints, Regions regions, String now)
            throws ValidationException {
        Errors errors = new Errors();
        Set<String> keys = keys(endpoints);
        for (String[] f : new String[][] {{"from", in.from()}, {"to", in.to()}}) {
            if (f[1] == null || !keys.contains(cfg.endpointOf(f[1]))) {
                errors.add(f[0], "reference.unknown", "'" + f[1] + "' is neither a provider nor an endpoint of the domain");
            }
        }
        if (in.from() != null && in.to() != null && cfg.endpointOf(in.from()).equals(cfg.endpointOf(in.to()))) {
            errors.add("to", "to.sameAsFrom", "from and to must differ");
        }
        String usersets = in.usersets() == null ? "" : in.usersets();
        UserSet.parse(usersets, regions, "usersets", errors);
        List<Integer> steps = in.steps() == null ? List.of(1, 5, 25, 100) : in.steps();
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            errors.add("steps", "steps.count", "give 1–" + MAX_STEPS + " steps");
        }
        int prev = 0;
        for (int i = 0; i < steps.size(); i++) {
            Integer s = steps.get(i);
            if (s == null || s <= prev || s > 100) {
                errors.add("steps[" + i + "]", "steps.increasing", "steps are percentages rising from 1 to 100, was " + s);
            } else {
                prev = s;
            }
        }
        int hold = in.holdSeconds() == null ? 300 : in.holdSeconds();
        if (hold < 1 || hold > 30 * 86_400) {
            errors.add("holdSeconds", "holdSeconds.range", "must be 1 s – 30 days, was " + hold);
        }
        int latency = in.maxLatencyMs() == null ? 0 : in.maxLatencyMs();
        if (latency < 0) {
            errors.add("maxLatencyMs", "maxLatencyMs.negative", "must be ≥ 0 (0 = no bound), was " + latency);
        }
        errors.throwIfAny();
        Ramp r = new Ramp(in.from(), in.to(), usersets, steps, hold, latency, Ramp.Status.RUNNING, 0, -1, now, List.of());
        return r.with(Ramp.Status.RUNNING, 0, -1, now, new Ramp.Event(now, "started", 0, r.percentAt(0),
                in.from() + " → " + in.to() + " in steps " + steps + ", " + hold + " s each"));
    }

    private static Set<String> keys(List<Endpoint> endpoints) {
        Set<String> s = new HashSet<>();
        endpoints.forEach(e -> s.add(e.key()));
        return s;
    }
}
