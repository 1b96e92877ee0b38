package io.lodestar.engine.plan;

import io.lodestar.engine.model.Endpoint;
import io.lodestar.engine.model.Family;
import io.lodestar.engine.strategy.RuleType;
import io.lodestar.engine.strategy.StrategyNode;
import io.lodestar.engine.strategy.StrategyNode.Child;
import io.lodestar.engine.strategy.StrategyNode.EndpointNode;
import io.lodestar.engine.strategy.StrategyNode.RuleNode;
import io.lodestar.engine.strategy.UserTerm;
import io.lodestar.resources.region.GeoPoint;
import io.lodestar.resources.region.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a strategy tree for one user group: the seed's rules and their failover (止损) semantics.
 * Compile time only; the resolver reads the resulting distributions.
 *
 * <ul>
 *   <li>An endpoint is ABSENT when disabled or of another address family, DEAD when down, else ALIVE.</li>
 *   <li>wrr: alive children with weight &gt; 0, shares ∝ weight (weights recomputed without the failed).</li>
 *   <li>priority: the alive children with the lowest priority number.</li>
 *   <li>geoProximity: the alive children nearest to the group's reference point (capital to capital).</li>
 *   <li>userGroupMapping: the items whose usersets match the group most specifically; if they are down
 *       the rule is DEAD for that group (it does not switch by itself: a parent rule may).</li>
 * </ul>
 * Ties (same priority, same distance, several matching items) split by item weight, or evenly when
 * every tied weight is 0 (seed: one of several IPs in the same province is chosen at random).
 */
final class Evaluator implements StrategyNode.Visitor<Evaluator.Outcome> {

    enum State { ALIVE, DEAD, ABSENT }

    /** ALIVE outcomes carry shares over the plan's endpoint table, summing to 1. */
    record Outcome(State state, double[] shares) {
        static final Outcome DEAD = new Outcome(State.DEAD, null);
        static final Outcome ABSENT = new Outcome(State.ABSENT, null);
    }

    private static final double SAME_PLACE_KM = 0.5;

    private final Regions regions;
    private final Map<String, Integer> endpointIndex;
    private final int endpointCount;
    private final Family family;
    private final HealthView health;
    private final int area;
    private final int isp;
    private final UserTerm.Cidr clientPrefix;
    private final Optional<GeoPoint> groupPoint;
    /** Null when compiling; set when tracing one group's path (the same evaluation, also recorded). */
    private final PathTrace.Recorder recorder;
    /** The tied children and their weights chosen by the last {@link #best} call; read by {@link #rule}. */
    private List<Child> lastTied;
    private double[] lastWeights;

    Evaluator(Regions regions, Map<String, Integer> endpointIndex, Family family, HealthView health,
              int area, int isp, UserTerm.Cidr clientPrefix) {
        this(regions, endpointIndex, family, health, area, isp, clientPrefix, null);
    }

    Evaluator(Regions regions, Map<String, Integer> endpointIndex, Family family, HealthView health,
              int area, int isp, UserTerm.Cidr clientPrefix, PathTrace.Recorder recorder) {
        this.recorder = recorder;
        this.regions = regions;
        this.endpointIndex = endpointIndex;
        this.endpointCount = endpointIndex.size();
        this.family = family;
        this.health = health;
        this.area = area;
        this.isp = isp;
        this.clientPrefix = clientPrefix;
        this.groupPoint = regions.referencePoint(area);
    }

    @Override
    public Outcome endpoint(EndpointNode node) {
        Outcome o = evaluateEndpoint(node);
        if (recorder != null) {
            recorder.visited(node, o.state(), List.of(), null);
        }
        return o;
    }

    @Override
    public Outcome rule(RuleNode node) {
        lastTied = null;
        lastWeights = null;
        Outcome o = evaluateRule(node);
        if (recorder != null) {
            recorder.visited(node, o.state(), lastTied == null ? List.of() : lastTied, lastWeights);
        }
        lastTied = null;
        lastWeights = null;
        return o;
    }

    private Outcome evaluateEndpoint(EndpointNode node) {
        Endpoint e = node.endpoint();
        if (!e.enable() || !e.type().serves(family)) {
            return Outcome.ABSENT;
        }
        if (!health.up(e)) {
            return Outcome.DEAD;
        }
        double[] s = new double[endpointCount];
        s[endpointIndex.get(e.key())] = 1;
        return new Outcome(State.ALIVE, s);
    }

    private Outcome evaluateRule(RuleNode node) {
        if (!node.rule().enable()) {
            return Outcome.ABSENT;
        }
        switch (node.rule().type()) {
            case WRR:
                return best(node.children(), c -> c.item().weight() > 0 ? 0 : Double.NaN, true);
            case PRIORITY:
                return best(node.children(), c -> c.item().priority(), false);
            case GEO_PROXIMITY:
                return best(node.children(), this::distance, false);
            case USER_GROUP_MAPPING:
                return mapping(node.children());
            default:
                throw new AssertionError(node.rule().type());
        }
    }

    private interface Rank {
        /** Lower is better; NaN leaves the child out. */
        double of(Child c);
    }

    /**
     * The alive children of the best rank share the outcome (by weight if {@code byWeight} or if any
     * tied weight is positive, else evenly). DEAD if some child is dead and none alive.
     */
    private Outcome best(List<Child> children, Rank rank, boolean byWeight) {
        List<Child> alive = new ArrayList<>();
        List<Outcome> outs = new ArrayList<>();
        double bestRank = Double.POSITIVE_INFINITY;
        boolean anyDead = false;
        for (Child c : children) {
            double r = rank.of(c);
            if (Double.isNaN(r)) {
                continue;
            }
            Outcome o = c.node().accept(this);
            if (o.state() == State.DEAD) {
                anyDead = true;
            } else if (o.state() == State.ALIVE) {
                if (r < bestRank - rankTolerance(r)) {
                    alive.clear();
                    outs.clear();
                    bestRank = r;
                }
                if (Math.abs(r - bestRank) <= rankTolerance(r)) {
                    alive.add(c);
                    outs.add(o);
                }
            }
        }
        lastTied = null;
        lastWeights = null;
        if (alive.isEmpty()) {
            return anyDead ? Outcome.DEAD : Outcome.ABSENT;
        }
        return combine(alive, outs, byWeight);
    }

    private static double rankTolerance(double r) {
        return Double.isInfinite(r) ? 0 : SAME_PLACE_KM;
    }

    private Outcome combine(List<Child> tied, List<Outcome> outs, boolean byWeight) {
        boolean weighted = byWeight;
        for (Child c : tied) {
            weighted |= c.item().weight() > 0;
        }
        double total = 0;
        for (Child c : tied) {
            total += weighted ? c.item().weight() : 1;
        }
        double[] s = new double[endpointCount];
        double[] ws = recorder == null ? null : new double[tied.size()];
        for (int i = 0; i < tied.size(); i++) {
            double w = (weighted ? tied.get(i).item().weight() : 1) / total;
            if (ws != null) {
                ws[i] = w;
            }
            if (w == 0) {
                continue;
            }
            double[] child = outs.get(i).shares();
            for (int k = 0; k < endpointCount; k++) {
                s[k] += w * child[k];
            }
        }
        if (ws != null) {
            lastTied = tied;
            lastWeights = ws;
        }
        return new Outcome(State.ALIVE, s);
    }

    /** Great-circle km from the group's point to the child's area point; unknown places sort last. */
    private double distance(Child c) {
        if (groupPoint.isEmpty()) {
            return 0;
        }
        String childArea = c.node().accept(new StrategyNode.Visitor<String>() {
            @Override
            public String rule(RuleNode n) {
                return n.rule().area();
            }

            @Override
            public String endpoint(EndpointNode n) {
                return n.endpoint().area();
            }
        });
        Optional<GeoPoint> p = regions.area(childArea).flatMap(a -> regions.referencePoint(a.index()));
        return p.isPresent() ? groupPoint.get().distanceKm(p.get()) : Double.POSITIVE_INFINITY;
    }

    /**
     * userGroupMapping: the most specific matching items decide. A level whose children are all
     * ABSENT (e.g. only IPv4 endpoints for an AAAA query) gives way to the next level; a DEAD level
     * does not (the mapping does not switch by itself).
     */
    private Outcome mapping(List<Child> children) {
        int[] scores = new int[children.size()];
        for (int i = 0; i < children.size(); i++) {
            scores[i] = UserGroupMatch.score(children.get(i).item(), regions, area, isp, clientPrefix);
        }
        int level = Integer.MAX_VALUE;
        while (true) {
            int next = -1;
            for (int s : scores) {
                if (s < level && s > next) {
                    next = s;
                }
            }
            if (next < 0) {
                return Outcome.ABSENT;
            }
            level = next;
            final int at = level;
            List<Child> tied = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                if (scores[i] == at) {
                    tied.add(children.get(i));
                }
            }
            Outcome o = best(tied, c -> 0, false);
            if (o.state() != State.ABSENT) {
                return o;
            }
        }
    }

}
