package io.lodestar.engine.plan;

import io.lodestar.engine.strategy.StrategyNode;
import io.lodestar.engine.strategy.StrategyNode.Child;
import io.lodestar.engine.strategy.StrategyNode.EndpointNode;
import io.lodestar.engine.strategy.StrategyNode.RuleNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The path one user group (or client address) takes through a strategy tree: every node's state as
 * the evaluator saw it and the share of the group's answers that flows through it, with the answers.
 * Made by {@link StrategyCompiler#trace}, which runs the very evaluation the plan is compiled from
 * (the evaluator records as it goes), so a trace's answers always equal the plan's distribution.
 *
 * @param failOpen true if every candidate was down and the group is answered as if all were up
 *                 (the steps are then those of that all-up evaluation)
 * @param answers  endpoint keys and shares, as the plan answers the group
 * @param steps    every node of the tree in depth-first order
 */
public record PathTrace(boolean failOpen, List<Answer> answers, List<Step> steps) {

    public PathTrace {
        answers = List.copyOf(answers);
        steps = List.copyOf(steps);
    }

    /** How the evaluator found a node; SKIPPED: not evaluated (a wrr child of weight 0, an unvisited mapping level). */
    public enum State { ALIVE, DEAD, ABSENT, SKIPPED }

    /** One answer: an endpoint's key and its share, 0–1. */
    public record Answer(String endpoint, double share) {
    }

    /**
     * One node of the tree.
     *
     * @param node   a rule's name, or {@code parentRule/endpointKey} for an endpoint leaf
     * @param parent the parent rule's name ({@code ""} for the root)
     * @param share  the part of the group's answers flowing through this node, 0–1
     */
    public record Step(String node, String parent, boolean endpoint, State state, double share) {
        public Step {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The steps on the path (share above zero). */
    public List<Step> path() {
        return steps.stream().filter(s -> s.share() > 0).toList();
    }

    /** The step of a node by its name (see {@link Step#node}), if the tree has it. */
    public java.util.Optional<Step> step(String node) {
        return steps.stream().filter(s -> s.node().equals(node)).findFirst();
    }

    /** The name of a tree node in a trace: a rule's name, an endpoint leaf's {@code parent/key}. */
    public static String nodeName(String parentRule, StrategyNode node) {
        return node.accept(new StrategyNode.Visitor<String>() {
            @Override
            public String rule(RuleNode n) {
                return n.rule().name();
            }

            @Override
            public String endpoint(EndpointNode n) {
                return parentRule + "/" + n.endpoint().key();
            }
        });
    }

    /** What the evaluator reports while tracing: each node's state and the tied children it chose. */
    static final class Recorder {
        private record Visit(Evaluator.State state, List<Child> chosen, double[] weights) {
        }

        private final Map<StrategyNode, Visit> visits = new IdentityHashMap<>();

        void visited(StrategyNode node, Evaluator.State state, List<Child> chosen, double[] weights) {
            visits.put(node, new Visit(state, chosen, weights));
        }

        /** The steps of the tree below {@code root}, with the flow of answers from the root down. */
        List<Step> steps(RuleNode root) {
            List<Step> out = new ArrayList<>();
            walk(root, "", 1.0, out);
            return out;
        }

        private void walk(StrategyNode node, String parent, double flow, List<Step> out) {
            Visit v = visits.get(node);
            State state = v == null ? State.SKIPPED : State.valueOf(v.state().name());
            double share = v == null || v.state() != Evaluator.State.ALIVE ? 0 : flow;
            node.accept(new StrategyNode.Visitor<Void>() {
                @Override
                public Void rule(RuleNode r) {
                    out.add(new Step(r.rule().name(), parent, false, state, share));
                    for (Child c : r.children()) {
                        double w = 0;
                        for (int i = 0; v != null && v.weights() != null && i < v.chosen().size(); i++) {
                            if (v.chosen().get(i) == c) {
                                w += v.weights()[i];
                            }
                        }
                        walk(c.node(), r.rule().name(), share * w, out);
                    }
                    return null;
                }

                @Override
                public Void endpoint(EndpointNode e) {
                    out.add(new Step(nodeName(parent, e), parent, true, state, share));
                    return null;
                }
            });
        }
    }
}
