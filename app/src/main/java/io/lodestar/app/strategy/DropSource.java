package io.lodestar.app.strategy;

import io.lodestar.engine.strategy.RuleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What is being dropped on the canvas: a new node from the palette, or a node of the draft. */
public sealed interface DropSource permits DropSource.NewRule, DropSource.NewEndpoint, DropSource.Existing {

    /** Whether this may go under the rule {@code target} of draft {@code d} (the target is a rule). */
    DropCheck check(Draft d, DraftNode target);

    /** True if it may become the root of an empty tree. */
    boolean mayBeRoot();

    /** Puts the node in {@code nodes} (new, copied, or detached from its parent) and answers its id. */
    String place(Draft d, Map<String, DraftNode> nodes, int[] next);

    /** True for a new node (it gets default item properties where it lands). */
    boolean fresh();

    /** A new rule of a type, from the palette. */
    record NewRule(RuleType type) implements DropSource {
        public NewRule {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public DropCheck check(Draft d, DraftNode target) {
            return DropCheck.OK;
        }

        @Override
        public boolean mayBeRoot() {
            return true;
        }

        @Override
        public String place(Draft d, Map<String, DraftNode> nodes, int[] next) {
            String id = "n" + next[0]++;
            nodes.put(id, DraftNode.rule(id, d.freeRuleName(type), type, "none.CN", "other"));
            return id;
        }

        @Override
        public boolean fresh() {
            return true;
        }
    }

    /** One of the domain's endpoints, from the palette. */
    record NewEndpoint(String key) implements DropSource {
        public NewEndpoint {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public DropCheck check(Draft d, DraftNode target) {
            return underAlready(d, target, key);
        }

        @Override
        public boolean mayBeRoot() {
            return false;
        }

        @Override
        public String place(Draft d, Map<String, DraftNode> nodes, int[] next) {
            String id = "n" + next[0]++;
            nodes.put(id, DraftNode.endpoint(id, key));
            return id;
        }

        @Override
        public boolean fresh() {
            return true;
        }
    }

    /**
     * A node of the draft: moved with its subtree, or (link) placed under one more parent as well,
     * which only an endpoint may be (a rule has one parent).
     */
    record Existing(String id, boolean link) implements DropSource {
        public Existing {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public DropCheck check(Draft d, DraftNode target) {
            DraftNode n = d.node(id).orElse(null);
            if (n == null) {
                return DropCheck.refuse("editor.refuse.noTarget");
            }
            if (link) {
                return n.endpoint() ? underAlready(d, target, n.name()) : DropCheck.refuse("editor.refuse.secondParent", n.name());
            }
            if (d.isSelfOrAncestor(id, target.id())) {
                return DropCheck.refuse("editor.refuse.cycle", n.name(), target.name());
            }
            if (d.parentOf(id).filter(target.id()::equals).isPresent()) {
                return DropCheck.refuse("editor.refuse.alreadyThere", n.name(), target.name());
            }
            return n.endpoint() ? underAlready(d, target, n.name()) : DropCheck.OK;
        }

        @Override
        public boolean mayBeRoot() {
            return false;
        }

        @Override
        public String place(Draft d, Map<String, DraftNode> nodes, int[] next) {
            DraftNode n = d.require(id);
            if (link) {
                String copy = "n" + next[0]++;
                nodes.put(copy, DraftNode.endpoint(copy, n.name()).withItem(n.weight(), n.priority(), n.usersets()));
                return copy;
            }
            String from = d.parentOf(id).orElseThrow();
            List<String> c = new ArrayList<>(nodes.get(from).children());
            c.remove(id);
            nodes.put(from, nodes.get(from).withChildren(c));
            return id;
        }

        @Override
        public boolean fresh() {
            return false;
        }
    }

    /** An endpoint may appear once under a rule (the seed's items name it once). */
    private static DropCheck underAlready(Draft d, DraftNode target, String key) {
        for (String c : target.children()) {
            DraftNode n = d.require(c);
            if (n.endpoint() && n.name().equals(key)) {
                return DropCheck.refuse("editor.refuse.duplicate", key, target.name());
            }
        }
        return DropCheck.OK;
    }
}
