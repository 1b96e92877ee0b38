package io.lodestar.engine.strategy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's strategy in the seed's flat form: the rules, and the name of the root rule
 * ({@code start}). Items refer to child rules by name, so the flat list describes a tree;
 * {@link StrategyTree#resolve} checks that it is one.
 */
public record Strategy(String start, List<Rule> rules) {

    public Strategy {
        Objects.requireNonNull(start, "start");
        rules = List.copyOf(rules);
    }

    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
