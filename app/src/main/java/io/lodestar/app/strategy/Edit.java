package io.lodestar.app.strategy;

import io.lodestar.engine.strategy.RuleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An edit of the draft. {@link #check} says whether it may be made (or why not, as a message key);
 * {@link #apply} makes it on a draft it was checked against. Refusal keys: {@code editor.refuse.*}.
 */
public sealed interface Edit permits Edit.Drop, Edit.Delete, Edit.EditRule, Edit.EditItem, Edit.Replace {

    DropCheck check(Draft d);

    Draft apply(Draft d);

    /** A palette item or a node dropped onto {@code target} (a rule's id; {@code ""}: the empty canvas). */
    record Drop(DropSource source, String target) implements Edit {
        public Drop {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public DropCheck check(Draft d) {
            if (target.isEmpty()) {
                if (!d.isEmpty()) {
                    return DropCheck.refuse("editor.refuse.oneRoot");
                }
                return source.mayBeRoot() ? DropCheck.OK : DropCheck.refuse("editor.refuse.rootIsRule");
            }
            DraftNode t = d.node(target).orElse(null);
            if (t == null) {
                return DropCheck.refuse("editor.refuse.noTarget");
            }
            if (t.endpoint()) {
                return DropCheck.refuse("editor.refuse.endpointChild", t.name());
            }
            return source.check(d, t);
        }

        @Override
        public Draft apply(Draft d) {
            Map<String, DraftNode> nodes = new HashMap<>(d.nodes());
            int[] next = {d.nextId()};
            String id = source.place(d, nodes, next);
            if (target.isEmpty()) {
                return d.with(id, nodes, next[0]);
            }
            DraftNode t = nodes.get(target);
            List<String> c = new ArrayList<>(t.children());
            c.add(id);
            nodes.put(target, t.withChildren(c));
            if (source.fresh()) {
                nodes.put(id, nodes.get(id).withItem(1, c.size(), ""));
            }
            return d.with(d.root(), nodes, next[0]);
        }
    }

    /** Deletes a node with its subtree (the root: the tree becomes empty). */
    record Delete(String id) implements Edit {
        @Override
        public DropCheck check(Draft d) {
            return d.node(id).isPresent() ? DropCheck.OK : DropCheck.refuse("editor.refuse.noTarget");
        }

        @Override
        public Draft apply(Draft d) {
            Map<String, DraftNode> nodes = new HashMap<>(d.nodes());
            remove(d, id, nodes);
            d.parentOf(id).ifPresent(p -> {
                List<String> c = new ArrayList<>(nodes.get(p).children());
                c.remove(id);
                nodes.put(p, nodes.get(p).withChildren(c));
            });
            return d.with(id.equals(d.root()) ? "" : d.root(), nodes, d.nextId());
        }

        private static void remove(Draft d, String id, Map<String, DraftNode> nodes) {
            d.require(id).children().forEach(c -> remove(d, c, nodes));
            nodes.remove(id);
        }
    }

    /** Changes a rule's own properties. */
    record EditRule(String id, String name, RuleType type, String area, String isp, boolean enable) implements Edit {
        @Override
        public DropCheck check(Draft d) {
            DraftNode n = d.node(id).orElse(null);
            if (n == null || n.endpoint()) {
                return DropCheck.refuse("editor.refuse.noTarget");
            }
            if (name.isBlank()) {
                return DropCheck.refuse("editor.refuse.nameEmpty");
            }
            if (!name.equals(n.name()) && d.ruleNames().contains(name)) {
                return DropCheck.refuse("editor.refuse.nameTaken", name);
            }
            return DropCheck.OK;
        }

        @Override
        public Draft apply(Draft d) {
            Map<String, DraftNode> nodes = new HashMap<>(d.nodes());
            nodes.put(id, d.require(id).withRule(name.trim(), type, area, isp, enable));
            return d.with(d.root(), nodes, d.nextId());
        }
    }

    /** Changes the item properties of the edge above a node. */
    record EditItem(String id, int weight, int priority, String usersets) implements Edit {
        @Override
        public DropCheck check(Draft d) {
            if (d.node(id).isEmpty()) {
                return DropCheck.refuse("editor.refuse.noTarget");
            }
            if (weight < 0 || priority < 0) {
                return DropCheck.refuse("editor.refuse.negative");
            }
            return DropCheck.OK;
        }

        @Override
        public Draft apply(Draft d) {
            Map<String, DraftNode> nodes = new HashMap<>(d.nodes());
            nodes.put(id, d.require(id).withItem(weight, priority, usersets.trim()));
            return d.with(d.root(), nodes, d.nextId());
        }
    }

    /** Replaces the whole draft (recommendation, import, a version loaded for editing). */
    record Replace(Draft draft) implements Edit {
        @Override
        public DropCheck check(Draft d) {
            return DropCheck.OK;
        }

        @Override
        public Draft apply(Draft d) {
            return draft;
        }
    }
}
