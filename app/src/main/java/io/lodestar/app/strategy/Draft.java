package io.lodestar.app.strategy;

import io.lodestar.engine.strategy.Item;
import io.lodestar.engine.strategy.Rule;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.Strategy;
import io.lodestar.engine.strategy.UserSet;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The strategy tree being edited: immutable, every edit makes a new draft (so undo is keeping the
 * old one). Nodes by id; {@code root} is {@code ""} while the tree is empty.
 */
public record Draft(String root, Map<String, DraftNode> nodes, int nextId) {

    public static final Draft EMPTY = new Draft("", Map.of(), 1);

    public Draft {
        nodes = Map.copyOf(nodes);
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    public Optional<DraftNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public DraftNode require(String id) {
        DraftNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    /** The parent's id, empty for the root. */
    public Optional<String> parentOf(String id) {
        for (DraftNode n : nodes.values()) {
            if (n.children().contains(id)) {
                return Optional.of(n.id());
            }
        }
        return Optional.empty();
    }

    /** True if {@code ancestor} is {@code id} or lies above it. */
    public boolean isSelfOrAncestor(String ancestor, String id) {
        Optional<String> at = Optional.of(id);
        for (int guard = 0; at.isPresent() && guard <= nodes.size(); guard++) {
            if (at.get().equals(ancestor)) {
                return true;
            }
            at = parentOf(at.get());
        }
        return false;
    }

    /** Ids depth-first from the root (children in item order). */
    public List<String> order() {
        List<String> out = new ArrayList<>();
        if (!isEmpty()) {
            walk(root, out);
        }
        return out;
    }

    private void walk(String id, List<String> out) {
        out.add(id);
        require(id).children().forEach(c -> walk(c, out));
    }

    /** Rule names in use. */
    public Set<String> ruleNames() {
        Set<String> out = new HashSet<>();
        nodes.values().stream().filter(n -> !n.endpoint()).forEach(n -> out.add(n.name()));
        return out;
    }

    /** The first free name {@code wire-N} for a new rule of {@code type}. */
    public String freeRuleName(RuleType type) {
        Set<String> used = ruleNames();
        for (int i = 1; ; i++) {
            String n = type.wire() + "-" + i;
            if (!used.contains(n)) {
                return n;
            }
        }
    }

    /** The trace name of a node (engine {@code PathTrace}): a rule's name, an endpoint's {@code parentRule/key}. */
    public String traceName(String id) {
        DraftNode n = require(id);
        return n.endpoint() ? parentOf(id).map(p -> require(p).name()).orElse("") + "/" + n.name() : n.name();
    }

    /** The engine's strategy for this draft; a userset the catalogue does not know is an error with its path. */
    public Strategy toStrategy(Regions regions) throws ValidationException {
        if (isEmpty()) {
            return new Strategy("", List.of());
        }
        Errors errors = new Errors();
        List<Rule> rules = new ArrayList<>();
        for (String id : order()) {
            DraftNode n = require(id);
            if (n.endpoint()) {
                continue;
            }
            List<Item> items = new ArrayList<>();
            for (String c : n.children()) {
                DraftNode child = require(c);
                String path = "strategy.rules[" + rules.size() + "].items[" + items.size() + "].usersets";
                items.add(new Item(child.name(), child.weight(), child.priority(),
                        UserSet.parse(child.usersets(), regions, path, errors)));
            }
            rules.add(new Rule(n.name(), n.type(), n.area(), n.isp(), n.enable(), items));
        }
        errors.throwIfAny();
        return new Strategy(require(root).name(), rules);
    }

    /** A draft of a stored strategy: the tree below {@code start} (rules no item reaches are left out). */
    public static Draft of(Strategy s) {
        Map<String, Rule> rules = new HashMap<>();
        s.rules().forEach(r -> rules.put(r.name(), r));
        Rule start = rules.get(s.start());
        if (start == null) {
            return EMPTY;
        }
        Map<String, DraftNode> nodes = new LinkedHashMap<>();
        int[] next = {1};
        String root = add(start, null, rules, nodes, next, new HashSet<>());
        return new Draft(root, nodes, next[0]);
    }

    private static String add(Rule r, Item via, Map<String, Rule> rules, Map<String, DraftNode> nodes, int[] next,
                              Set<String> seen) {
        String id = "n" + next[0]++;
        seen.add(r.name());
        List<String> children = new ArrayList<>();
        for (Item item : r.items()) {
            Rule sub = rules.get(item.reference());
            if (sub != null && !seen.contains(sub.name())) {
                children.add(add(sub, item, rules, nodes, next, seen));
            } else if (sub == null) {
                String cid = "n" + next[0]++;
                nodes.put(cid, DraftNode.endpoint(cid, item.reference())
                        .withItem(item.weight(), item.priority(), item.usersets().text()));
                children.add(cid);
            }
        }
        DraftNode n = DraftNode.rule(id, r.name(), r.type(), r.area(), r.isp())
                .withRule(r.name(), r.type(), r.area(), r.isp(), r.enable()).withChildren(children);
        if (via != null) {
            n = n.withItem(via.weight(), via.priority(), via.usersets().text());
        }
        nodes.put(id, n);
        return id;
    }

    Draft with(String newRoot, Map<String, DraftNode> changed, int next) {
        return new Draft(newRoot, changed, next);
    }
}
