package io.lodestar.engine.plan;

import io.lodestar.engine.model.Domain;
import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.strategy.StrategyNode;
import io.lodestar.engine.strategy.StrategyNode.EndpointNode;
import io.lodestar.engine.strategy.StrategyNode.RuleNode;
import io.lodestar.engine.strategy.StrategyTree;
import io.lodestar.engine.strategy.UserTerm;
import io.lodestar.engine.strategy.UserTerm.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a domain's strategy tree and the current health into an immutable {@link AnswerPlan}:
 * the tree is evaluated once per (family, CIDR class, user group) and identical distributions are
 * shared. When every candidate of a group is down the group fails open: it is evaluated again as
 * if all endpoints were up, and its distribution is marked {@code failOpen} for alerting.
 */
public final class StrategyCompiler {

    private final UserGroups groups;

    public StrategyCompiler(UserGroups groups) {
        this.groups = groups;
    }

    public UserGroups groups() {
        return groups;
    }

    /** The plan for a domain; endpoints are all of the domain's (the plan's endpoint table). */
    public AnswerPlan compile(Domain domain, StrategyTree tree, List<Endpoint> endpoints, HealthView health) {
        Endpoint[] table = endpoints.toArray(new Endpoint[0]);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < table.length; i++) {
            index.put(table[i].key(), i);
        }
        CidrClasses cidrs = new CidrClasses(cidrsOf(tree));
        Map<Distribution, Integer> distinct = new LinkedHashMap<>();
        distinct.put(Distribution.EMPTY, 0);
        int[][][] t = new int[Family.values().length][cidrs.count() + 1][groups.count()];
        for (Family family : Family.values()) {
            for (int cls = -1; cls < cidrs.count(); cls++) {
                Cidr prefix = cls < 0 ? null : cidrs.prefix(cls);
                for (int g = 0; g < groups.count(); g++) {
                    Distribution d = evaluate(tree, index, family, health, g, prefix, null);
                    Integer at = distinct.get(d);
                    if (at == null) {
                        at = distinct.size();
                        distinct.put(d, at);
                    }
                    t[family.ordinal()][cls + 1][g] = at;
                }
            }
        }
        return new AnswerPlan(domain, table, groups, cidrs, distinct.keySet().toArray(new Distribution[0]), t);
    }

    /**
     * The path of one user group through the tree, by the same evaluation {@link #compile} runs (with a
     * recorder attached): its answers equal the compiled plan's distribution for that group.
     *
     * @param client the client's address (4 or 16 bytes) to select CIDR items, or null
     */
    public PathTrace trace(StrategyTree tree, List<Endpoint> endpoints, HealthView health, Family family,
                           int group, byte[] client) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            index.put(endpoints.get(i).key(), i);
        }
        CidrClasses cidrs = new CidrClasses(cidrsOf(tree));
        int cls = cidrs.classOf(client);
        PathTrace.Recorder[] rec = new PathTrace.Recorder[1];
        Distribution d = evaluate(tree, index, family, health, group, cls < 0 ? null : cidrs.prefix(cls), rec);
        List<PathTrace.Answer> answers = new ArrayList<>();
        for (int i = 0; i < d.endpoints().length; i++) {
            answers.add(new PathTrace.Answer(endpoints.get(d.endpoints()[i]).key(), d.shares()[i]));
        }
        return new PathTrace(d.failOpen(), answers, rec[0].steps(tree.root()));
    }

    /** {@code trace}, if not null, receives the recorder of the evaluation that decided (the all-up one when failing open). */
    private Distribution evaluate(StrategyTree tree, Map<String, Integer> index, Family family,
                                  HealthView health, int group, Cidr prefix, PathTrace.Recorder[] trace) {
        int area = groups.areaOf(group);
        int isp = groups.ispOf(group);
        PathTrace.Recorder rec = trace == null ? null : new PathTrace.Recorder();
        Evaluator.Outcome o = tree.root().accept(
                new Evaluator(groups.regions(), index, family, health, area, isp, prefix, rec));
        boolean failOpen = false;
        if (o.state() == Evaluator.State.DEAD) {
            rec = trace == null ? null : new PathTrace.Recorder();
            o = tree.root().accept(new Evaluator(groups.regions(), index, family, HealthView.ALL_UP, area, isp, prefix, rec));
            failOpen = true;
        }
        if (trace != null) {
            trace[0] = rec;
        }
        if (o.state() != Evaluator.State.ALIVE) {
            return Distribution.EMPTY;
        }
        return Distribution.ofShares(o.shares(), failOpen);
    }

    /** Every CIDR term of the enabled userGroupMapping rules reachable in the tree. */
    private static List<Cidr> cidrsOf(StrategyTree tree) {
        List<Cidr> out = new ArrayList<>();
        tree.root().accept(new StrategyNode.Visitor<Void>() {
            @Override
            public Void rule(RuleNode node) {
                node.children().forEach(c -> {
                    for (UserTerm term : c.item().usersets().terms()) {
                        term.accept(new UserTerm.Visitor<Void>() {
                            @Override
                            public Void areaIsp(UserTerm.AreaIsp t) {
                                return null;
                            }

                            @Override
                            public Void cidr(Cidr t) {
                                if (!out.contains(t)) {
                                    out.add(t);
                                }
                                return null;
                            }
                        });
                    }
                    c.node().accept(this);
                });
                return null;
            }

            @Override
            public Void endpoint(EndpointNode node) {
                return null;
            }
        });
        return out;
    }
}
