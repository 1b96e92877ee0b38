package io.lodestar.engine.strategy;

import io.lodestar.engine.model.Endpoint;
import java.util.List;
import java.util.Objects;

/** A node of a resolved strategy tree: a rule with its children, or an endpoint leaf. */
public sealed interface StrategyNode permits StrategyNode.RuleNode, StrategyNode.EndpointNode {

    <R> R accept(Visitor<R> visitor);

    /** Operations over the tree (Java 17 has no pattern switch). */
    interface Visitor<R> {
        R rule(RuleNode node);

        R endpoint(EndpointNode node);
    }

    /** A child edge: the item that placed the child (weight, priority, usersets) and the child. */
    record Child(Item item, StrategyNode node) {
        public Child {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(node, "node");
        }
    }

    record RuleNode(Rule rule, List<Child> children) implements StrategyNode {
        public RuleNode {
            Objects.requireNonNull(rule, "rule");
            children = List.copyOf(children);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rule(this);
        }
    }

    record EndpointNode(Endpoint endpoint) implements StrategyNode {
        public EndpointNode {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.endpoint(this);
        }
    }
}
