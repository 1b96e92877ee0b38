package io.lodestar.engine.traffic;

import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.validate.Errors;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * EdgeOne-style multi-CDN scheduling of a domain: providers (a CDN's or the origin's CNAME, each an
 * endpoint of the domain), rules sending regions to providers by weight, and the default provider
 * that takes every user no rule names. The finer region wins (Beijing &gt; mainland &gt; default).
 * Disabled, every user goes to the default provider. Compiled through {@link #toStrategy()} into
 * an ordinary strategy tree, so it answers from the same kind of plan.
 *
 * @param enable          false: all traffic to the default provider
 * @param defaultProvider name of the provider of the default rule
 */
public record Providers(boolean enable, String defaultProvider, List<Provider> providers, List<RegionRule> rules) {

    /** A provider: a name and the endpoint (its CNAME target, or an address) it answers with. */
    public record Provider(String name, String endpoint) {
        public Provider {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /** Users of {@code usersets} (CONTRACT §2 terms) go to the targets by weight. */
    public record RegionRule(String usersets, List<Target> targets) {
        public RegionRule {
            Objects.requireNonNull(usersets, "usersets");
            targets = List.copyOf(targets);
        }
    }

    public record Target(String provider, int weight) {
        public Target {
            Objects.requireNonNull(provider, "provider");
        }
    }

    public Providers {
        Objects.requireNonNull(defaultProvider, "defaultProvider");
        providers = List.copyOf(providers);
        rules = List.copyOf(rules);
    }

    /** The root rule's name in {@link #toStrategy}. */
    public static final String ROOT = "providers";

    /**
     * The equivalent strategy: a userGroupMapping whose items are wrr rules over the providers'
     * endpoints, the default provider on the default item; disabled, a wrr over the default
     * provider alone. Usersets are parsed against the catalogue, problems go to {@code errors}.
     */
    public Strategy toStrategy(Regions regions,
                                                           Errors errors) {
        List<Rule> rules = new ArrayList<>();
        List<Item> top = new ArrayList<>();
        String dflt = provider(defaultProvider).map(Provider::endpoint).orElse(defaultProvider);
        if (enable) {
            for (int i = 0; i < this.rules.size(); i++) {
                RegionRule r = this.rules.get(i);
                String name = ROOT + "-rule-" + i;
                List<Item> items = new ArrayList<>();
                for (Target t : r.targets()) {
                    items.add(Item.of(
                            provider(t.provider()).map(Provider::endpoint).orElse(t.provider()), t.weight(), 0));
                }
                rules.add(rule(name, RuleType.WRR, items));
                top.add(new Item(name, 1, 0, UserSet.parse(
                        r.usersets(), regions, "rules[" + i + "].usersets", errors)));
            }
        }
        rules.add(rule(ROOT + "-default", RuleType.WRR,
                List.of(Item.of(dflt, 1, 0))));
        top.add(Item.of(ROOT + "-default", 1, 0));
        rules.add(0, rule(ROOT, RuleType.USER_GROUP_MAPPING, top));
        return new Strategy(ROOT, rules);
    }

    private static Rule rule(String name, RuleType type,
                             List<Item> items) {
        return new Rule(name, type, "none.CN", "other", true, items);
    }

    public Optional<Provider> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Providers withEnable(boolean e) {
        return new Providers(e, defaultProvider, providers, rules);
    }
}
