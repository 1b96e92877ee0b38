package io.lodestar.engine.strategy;

import java.util.List;
import java.util.Objects;

/**
 * A node of the strategy tree (seed: 规则节点, or 资源节点 when its items are endpoints).
 *
 * @param name   unique within the strategy; items refer to rules by it
 * @param area   where the rule's resources are, for geo proximity (seed: e.g. the 北京 rule is {@code beijing.CN})
 * @param isp    the resources' ISP
 * @param enable false: the rule is left out of scheduling, as if absent
 */
public record Rule(String name, RuleType type, String area, String isp, boolean enable, List<Item> items) {

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(isp, "isp");
        items = List.copyOf(items);
    }
}
