package io.lodestar.app.strategy;

import io.lodestar.engine.strategy.RuleType;
import java.util.List;
import java.util.Objects;

/**
 * One node of the editor's draft tree: a rule (seed: 规则节点) or an endpoint leaf. The item
 * properties (weight, priority, usersets) belong to the edge from the node's parent, and since every
 * node has one parent they are kept on the node.
 *
 * @param id       the editor's identity of the node, stable across moves and edits
 * @param name     a rule's name (unique in the draft), or the endpoint's value
 * @param type     the rule type; null for an endpoint
 * @param children ids of the children, in item order (empty for an endpoint)
 */
public record DraftNode(String id, boolean endpoint, String name, RuleType type, String area, String isp, boolean enable,
                        int weight, int priority, String usersets, List<String> children) {

    public DraftNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(isp, "isp");
        Objects.requireNonNull(usersets, "usersets");
        children = List.copyOf(children);
        if (endpoint != (type == null)) {
            throw new IllegalArgumentException("an endpoint has no rule type and a rule has one");
        }
    }

    static DraftNode rule(String id, String name, RuleType type, String area, String isp) {
        return new DraftNode(id, false, name, type, area, isp, true, 1, 1, "", List.of());
    }

    static DraftNode endpoint(String id, String key) {
        return new DraftNode(id, true, key, null, "", "", true, 1, 1, "", List.of());
    }

    DraftNode withChildren(List<String> c) {
        return new DraftNode(id, endpoint, name, type, area, isp, enable, weight, priority, usersets, c);
    }

    DraftNode withItem(int w, int p, String u) {
        return new DraftNode(id, endpoint, name, type, area, isp, enable, w, p, u, children);
    }

    DraftNode withRule(String n, RuleType t, String a, String i, boolean e) {
        return new DraftNode(id, endpoint, n, t, a, i, e, weight, priority, usersets, children);
    }
}
