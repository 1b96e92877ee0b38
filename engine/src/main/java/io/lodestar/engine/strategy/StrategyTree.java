package io.lodestar.engine.strategy;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.strategy.StrategyNode.Child;
import io.lodestar.engine.strategy.StrategyNode.EndpointNode;
import io.lodestar.engine.strategy.StrategyNode.RuleNode;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy resolved into a tree: references bound to rules and endpoints, checked by
 * {@link StrategyValidator} (no dangling reference, no cycle, one parent per rule).
 */
public record StrategyTree(Strategy strategy, RuleNode root) {

    /** Validates and resolves; the endpoints are the domain's. */
    public static StrategyTree resolve(Strategy strategy, List<Endpoint> endpoints, Regions regions)
            throws ValidationException {
        StrategyValidator.validate(strategy, endpoints, regions);
        Map<String, Rule> rules = new HashMap<>();
        strategy.rules().forEach(r -> rules.put(r.name(), r));
        Map<String, Endpoint> eps = new HashMap<>();
        endpoints.forEach(e -> eps.put(e.key(), e));
        return new StrategyTree(strategy, build(rules.get(strategy.start()), rules, eps));
    }

    private static RuleNode build(Rule rule, Map<String, Rule> rules, Map<String, Endpoint> eps) {
        List<Child> children = new ArrayList<>();
        for (Item item : rule.items()) {
            Rule sub = rules.get(item.reference());
            StrategyNode node = sub != null ? build(sub, rules, eps) : new EndpointNode(eps.get(item.reference()));
            children.add(new Child(item, node));
        }
        return new RuleNode(rule, children);
    }

    /** Values of every endpoint the tree reaches. */
    public List<String> endpointKeys() {
        List<String> out = new ArrayList<>();
        root.accept(new StrategyNode.Visitor<Void>() {
            @Override
            public Void rule(RuleNode node) {
                node.children().forEach(c -> c.node().accept(this));
                return null;
            }

            @Override
            public Void endpoint(EndpointNode node) {
                if (!out.contains(node.endpoint().key())) {
                    out.add(node.endpoint().key());
                }
                return null;
            }
        });
        return out;
    }
}
