package io.lodestar.engine.strategy;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.validate.Errors;
import io.lodestar.engine.validate.ValidationException;
import io.lodestar.resources.region.Regions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a strategy against its domain's endpoints and the catalogue. Every error carries the
 * path of the bad setting, e.g. {@code strategy.rules[2].items[0].weight}.
 */
public final class StrategyValidator {

    public static final int MAX_RULES = 1000;
    public static final int MAX_ITEMS = 1000;

    private StrategyValidator() {
    }

    public static void validate(Strategy s, List<Endpoint> endpoints, Regions regions)
            throws ValidationException {
        Errors errors = new Errors();
        Set<String> epKeys = new HashSet<>();
        endpoints.forEach(e -> epKeys.add(e.key()));
        Map<String, Integer> ruleIndex = new HashMap<>();
        if (s.rules().size() > MAX_RULES) {
            errors.add("strategy.rules", "rules.tooMany", "at most " + MAX_RULES + " rules");
        }
        for (int i = 0; i < s.rules().size(); i++) {
            Rule r = s.rules().get(i);
            String p = "strategy.rules[" + i + "]";
            if (r.name().isBlank()) {
                errors.add(p + ".name", "name.empty", "a rule needs a name");
            } else if (ruleIndex.putIfAbsent(r.name(), i) != null) {
                errors.add(p + ".name", "name.duplicate", "rule name '" + r.name() + "' is used twice");
            } else if (epKeys.contains(r.name())) {
                errors.add(p + ".name", "name.clashesWithEndpoint",
                        "rule name '" + r.name() + "' is also an endpoint's value; references would be ambiguous");
            }
            if (regions.area(r.area()).isEmpty()) {
                errors.add(p + ".area", "area.unknown", "unknown area '" + r.area() + "'");
            }
            if (regions.isp(r.isp()).isEmpty()) {
                errors.add(p + ".isp", "isp.unknown", "unknown isp '" + r.isp() + "'");
            }
            checkItems(r, p, errors);
        }
        if (s.rules().isEmpty()) {
            errors.add("strategy.rules", "rules.empty", "a strategy needs at least one rule");
        } else if (!ruleIndex.containsKey(s.start())) {
            errors.add("strategy.start", "start.unknown", "start rule '" + s.start() + "' does not exist");
        }
        checkReferences(s, ruleIndex, epKeys, errors);
        errors.throwIfAny();
    }

    private static void checkItems(Rule r, String p, Errors errors) {
        if (r.items().isEmpty()) {
            errors.add(p + ".items", "items.empty", "rule '" + r.name() + "' has no items");
        }
        if (r.items().size() > MAX_ITEMS) {
            errors.add(p + ".items", "items.tooMany", "at most " + MAX_ITEMS + " items per rule");
        }
        boolean anyWeight = false;
        Set<String> refs = new HashSet<>();
        for (int j = 0; j < r.items().size(); j++) {
            Item it = r.items().get(j);
            String ip = p + ".items[" + j + "]";
            if (it.weight() < 0) {
                errors.add(ip + ".weight", "weight.negative", "weight must be ≥ 0, was " + it.weight());
            }
            anyWeight |= it.weight() > 0;
            if (it.priority() < 0) {
                errors.add(ip + ".priority", "priority.negative", "priority must be ≥ 0, was " + it.priority());
            }
            if (r.type() != RuleType.USER_GROUP_MAPPING && !it.usersets().isDefault()) {
                errors.add(ip + ".usersets", "usersets.unexpected",
                        "usersets only apply in a userGroupMapping rule, not in " + r.type().wire());
            }
            if (r.type() != RuleType.USER_GROUP_MAPPING && !refs.add(it.reference())) {
                errors.add(ip + ".reference", "reference.duplicate",
                        "'" + it.reference() + "' is listed twice in rule '" + r.name() + "'");
            }
        }
        if (r.type() == RuleType.WRR && !r.items().isEmpty() && !anyWeight) {
            errors.add(p + ".items", "weight.allZero",
                    "a wrr rule needs at least one item with weight > 0 (rule '" + r.name() + "')");
        }
    }

    /** Dangling references, a rule with two parents, and cycles (walked from every rule). */
    private static void checkReferences(Strategy s, Map<String, Integer> ruleIndex, Set<String> epKeys,
                                        Errors errors) {
        Map<String, String> parentOf = new HashMap<>();
        for (int i = 0; i < s.rules().size(); i++) {
            Rule r = s.rules().get(i);
            for (int j = 0; j < r.items().size(); j++) {
                String ref = r.items().get(j).reference();
                String ip = "strategy.rules[" + i + "].items[" + j + "].reference";
                if (ruleIndex.containsKey(ref)) {
                    if (ref.equals(s.start())) {
                        errors.add(ip, "reference.cycle", "'" + ref + "' is the start rule; it cannot be a child");
                    } else {
                        String prev = parentOf.putIfAbsent(ref, r.name());
                        if (prev != null && !prev.equals(r.name())) {
                            errors.add(ip, "reference.secondParent", "rule '" + ref
                                    + "' already has parent '" + prev + "'; a rule has one parent");
                        }
                    }
                } else if (!epKeys.contains(ref)) {
                    errors.add(ip, "reference.dangling",
                            "'" + ref + "' is neither a rule of this strategy nor an endpoint of the domain");
                }
            }
        }
        for (String name : ruleIndex.keySet()) {
            Set<String> seen = new HashSet<>();
            String at = name;
            while (at != null) {
                if (!seen.add(at)) {
                    errors.add("strategy.rules[" + ruleIndex.get(name) + "]", "reference.cycle",
                            "rule '" + name + "' is part of a cycle");
                    break;
                }
                at = parentOf.get(at);
            }
        }
    }
}
